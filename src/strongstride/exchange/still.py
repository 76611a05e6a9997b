"""An exercise's still (the key position, `strongstride.figures.key_pose`) drawn on a PDF page
with fpdf2's own lines, circles and rectangles: vector shapes that print sharp at any size,
with no SVG in between."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fpdf import FPDF

if TYPE_CHECKING:
    from strongstride.figures import Drawing


def _rgb(colour: str) -> tuple[int, int, int]:
    """#rrggbb -> (r, g, b)."""
    value = colour.removeprefix("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def draw_still(pdf: FPDF, drawing: Drawing, x: float, y: float, width: float,
               height: float) -> None:
    """Draw `drawing` as large as fits the box (x, y, width, height), in the page's units,
    centred across and standing on the box's bottom edge: the floor is where the eye looks
    for it."""
    from strongstride.figures import Circle, Line

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
                cx, cy, r = left + shape.cx * scale, top + shape.cy * scale, shape.r * scale
                if shape.ring > 0:
                    pdf.set_draw_color(*_rgb(shape.colour))
                    pdf.set_line_width(shape.ring * scale)
                    pdf.circle(cx, cy, r, style="D")
                else:
                    pdf.set_fill_color(*_rgb(shape.colour))
                    pdf.circle(cx, cy, r, style="F")
            else:
                pdf.set_fill_color(*_rgb(shape.colour))
                pdf.rect(left + shape.x * scale, top + shape.y * scale, shape.width * scale,
                         shape.height * scale, style="F", round_corners=shape.radius > 0,
                         corner_radius=shape.radius * scale)
