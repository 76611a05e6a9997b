"""An exercise's still (the key position, `strongstride.figures.key_pose`) drawn on a PDF page
with fpdf2's own lines, circles and rectangles: vector shapes that print sharp at any size,
with no SVG in between."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from fpdf import FPDF

if TYPE_CHECKING:
    from strongstride.figures import Drawing, Shape


def _rgb(colour: str) -> tuple[int, int, int]:
    """#rrggbb -> (r, g, b)."""
    value = colour.removeprefix("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _extent(shape: Shape) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of what the shape paints."""
    from strongstride.figures import Circle, Line

    if isinstance(shape, Line):
        half = shape.width / 2
        return (min(shape.x1, shape.x2) - half, min(shape.y1, shape.y2) - half,
                max(shape.x1, shape.x2) + half, max(shape.y1, shape.y2) + half)
    if isinstance(shape, Circle):
        return shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r
    return shape.x, shape.y, shape.x + shape.width, shape.y + shape.height


def crop(drawing: Drawing) -> Drawing:
    """The part of the drawing the still needs: the body and its props, down to the floor.
    The drawing's box makes room for every frame of the rep; a still needs only its own, so
    the floor line and a wall are cut at the new box's edges."""
    from strongstride.figures import Drawing, Line, shifted

    shown = [_extent(s) for s in drawing.shapes if s.role != "floor"]
    if not shown:
        return drawing
    floor = [_extent(s) for s in drawing.shapes if s.role == "floor"]
    x0, y0 = min(e[0] for e in shown), min(e[1] for e in shown)
    x1 = max(e[2] for e in shown)
    y1 = max([e[3] for e in shown] + ([min(e[3] for e in floor)] if floor else []))
    shapes: list[Shape] = []
    for shape in drawing.shapes:
        if shape.role == "floor" and isinstance(shape, Line):
            shape = replace(shape, x1=_clamp(shape.x1, x0, x1), x2=_clamp(shape.x2, x0, x1),
                            y1=_clamp(shape.y1, y0, y1), y2=_clamp(shape.y2, y0, y1))
        shapes.append(shifted(shape, -x0, -y0))
    return Drawing(x1 - x0, y1 - y0, drawing.floor_y - y0, tuple(shapes))


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def draw_still(pdf: FPDF, drawing: Drawing, x: float, y: float, width: float,
               height: float) -> None:
    """Draw the still (cropped to its pose) as large as fits the box (x, y, width, height),
    in the page's units: centred across, standing on the box's bottom edge, where the eye
    looks for the floor."""
    from strongstride.figures import Circle, Line

    drawing = crop(drawing)
    scale = min(width / drawing.width, height / drawing.height)
    left = x + (width - drawing.width * scale) / 2
    top = y + height - drawing.height * scale
    with pdf.local_context(stroke_cap_style="ROUND", stroke_join_style="ROUND"):
        for shape in drawing.shapes:
            if isinstance(shape, Line):
                pdf.set_draw_color(*_rgb(shape.colour))
                pdf.set_line_width(shape.width * scale)
                ends = (left + shape.x1 * scale, top + shape.y1 * scale,
                        left + shape.x2 * scale, top + shape.y2 * scale)
                if shape.round:
                    pdf.line(*ends)
                else:
                    with pdf.local_context(stroke_cap_style="BUTT"):
                        pdf.line(*ends)
            elif isinstance(shape, Circle):
                pdf.set_fill_color(*_rgb(shape.colour))
                pdf.circle(left + shape.cx * scale, top + shape.cy * scale, shape.r * scale,
                           style="F")
            else:
                pdf.set_fill_color(*_rgb(shape.colour))
                pdf.rect(left + shape.x * scale, top + shape.y * scale, shape.width * scale,
                         shape.height * scale, style="F", round_corners=shape.radius > 0,
                         corner_radius=shape.radius * scale)
