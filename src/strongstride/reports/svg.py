"""Small server-rendered SVG charts: lines over time, horizontal bars with a cutoff line,
stacked weekly bars and a calendar. No scripts; every chart is an `<svg role="img">` with a
`<title>` and a `<desc>` (pass `accessible=False` for the PDF, whose SVG reader has no use for
them), and the page shows the same numbers in a table. `ident` prefixes the ids of the title
and description: give each chart of a page its own.

Charts draw with presentation attributes only (no CSS), in a fixed `viewBox`, so they scale to
the width they are given and look the same in a browser, a saved file and the PDF. Text is
plain Latin-1, which the PDF's core fonts can show.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strongstride.figures import Drawing

FONT = "Helvetica, Arial, sans-serif"
INK = "#1b2421"
MUTED = "#55625d"
GRID = "#d8ddd9"
CUTOFF = "#a4271b"
# Left, right and two-legged: told apart by colour, dash and marker, not colour alone.
SIDE_STYLE = {
    "left": ("#1f5f4a", "", "circle"),
    "right": ("#b85a00", "6 4", "square"),
    "both": ("#2f5f9e", "", "diamond"),
}
# Muscle groups: a palette that stays apart for common colour-vision deficiencies.
PALETTE = ("#1f5f4a", "#e69f00", "#56b4e9", "#cc79a7", "#0072b2", "#d55e00", "#009e73",
           "#7a6a00", "#999999")
WIDTH = 360


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, *, size: float = 12, anchor: str = "start",
          fill: str = INK, weight: str = "normal") -> str:
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (f'<text x="{_num(x)}" y="{_num(y)}" font-family="{FONT}" font-size="{_num(size)}" '
            f'text-anchor="{anchor}" fill="{fill}"{bold}>{escape(text)}</text>')


def _frame(body: list[str], height: float, title: str, desc: str, accessible: bool,
           css_class: str, ident: str) -> str:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" '
            f'viewBox="0 0 {WIDTH} {_num(height)}" width="{WIDTH}" height="{_num(height)}"')
    if accessible:
        head += (f' role="img" aria-labelledby="{ident}-t {ident}-d">'
                 f'<title id="{ident}-t">{escape(title)}</title>'
                 f'<desc id="{ident}-d">{escape(desc)}</desc>')
    else:
        head += ">"
    return "".join([head, f'<rect width="{WIDTH}" height="{_num(height)}" fill="#ffffff"/>',
                    *body, "</svg>"])


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return (f'<rect x="{_num(x - 3.5)}" y="{_num(y - 3.5)}" width="7" height="7" '
                f'fill="{colour}"/>')
    if shape == "diamond":
        pts = f"{_num(x)},{_num(y - 5)} {_num(x + 5)},{_num(y)} {_num(x)},{_num(y + 5)} " \
              f"{_num(x - 5)},{_num(y)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="{colour}"/>'


def _nice_max(value: float, ticks: int = 4) -> float:
    """A round top for an axis at or above `value`, whose `ticks` steps are round too."""
    if value <= 0:
        return float(ticks)
    raw = value / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * ticks


@dataclass(frozen=True, slots=True)
class Series:
    """One line: a side ("left", "right" or "both") and its (day, value) points."""

    side: str
    label: str
    points: tuple[tuple[date, float], ...]


def line_chart(title: str, desc: str, series: Sequence[Series], *, start: date, end: date,
               unit: str, accessible: bool = True, ident: str = "chart",
               cutoff: float | None = None, y_low: float = 0.0,
               y_high: float | None = None, ticks: int = 4) -> str:
    """Values over time, one line per side, on a shared axis from `y_low` (0) to `y_high`
    (a round number above the data), with a dashed line at `cutoff` if given."""
    height, left, right, top, bottom = 210.0, 36.0, 10.0, 34.0, 28.0
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    values = [v for s in series for _, v in s.points]
    y_max = y_high if y_high is not None else _nice_max(max(values, default=1.0) * 1.05,
                                                                ticks)
    span = max((end - start).days, 1)

    def x_of(day: date) -> float:
        return left + (day - start).days / span * plot_w

    def y_of(value: float) -> float:
        clamped = min(max(value, y_low), y_max)
        return top + plot_h - (clamped - y_low) / (y_max - y_low) * plot_h

    body: list[str] = []
    for i in range(ticks + 1):
        value = y_low + (y_max - y_low) * i / ticks
        y = y_of(value)
        body.append(f'<line x1="{_num(left)}" y1="{_num(y)}" x2="{_num(WIDTH - right)}" '
                    f'y2="{_num(y)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 6, y + 4, _num(value), size=11, anchor="end", fill=MUTED))
    body.append(_text(left, 14, unit, size=11, fill=MUTED))
    for day, anchor in ((start, "start"), (end, "end")):
        body.append(_text(x_of(day), height - 10, f"{day:%d %b}", size=11, anchor=anchor,
                          fill=MUTED))
    legend_x = WIDTH - right
    for s in reversed(series):
        colour, dash, shape = SIDE_STYLE.get(s.side, SIDE_STYLE["both"])
        body.append(_text(legend_x, 14, s.label, size=12, anchor="end", fill=INK))
        legend_x -= len(s.label) * 6.5 + 8
        body.append(_marker(shape, legend_x, 10, colour))
        legend_x -= 16
    if cutoff is not None:
        y = y_of(cutoff)
        body.append(f'<line x1="{_num(left)}" y1="{_num(y)}" x2="{_num(WIDTH - right)}" '
                    f'y2="{_num(y)}" stroke="{CUTOFF}" stroke-width="2" '
                    f'stroke-dasharray="5 3"/>')
        body.append(_text(left + 4, y - 5, f"{_num(cutoff)}%", size=11, fill=CUTOFF))
    for s in series:
        colour, dash, shape = SIDE_STYLE.get(s.side, SIDE_STYLE["both"])
        pts = " ".join(f"{_num(x_of(d))},{_num(y_of(v))}" for d, v in s.points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        if len(s.points) > 1:
            body.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" '
                        f'stroke-width="2.5"{dashed}/>')
        body += [_marker(shape, x_of(d), y_of(v), colour) for d, v in s.points]
    return _frame(body, height, title, desc, accessible, "chart-line", ident)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None
    note: str
    """What the bar says in words: "88% (flagged)", "collecting data"."""
    highlight: bool = False


def bar_chart(title: str, desc: str, bars: Sequence[Bar], *, cutoff: float,
              low: float = 50.0, high: float = 110.0, accessible: bool = True,
              ident: str = "chart") -> str:
    """Horizontal bars from `low` to `high` (percent), with a dashed line at `cutoff`; the
    label sits above each bar so long exercise names fit on a phone."""
    row, top, left, right, note_w = 44.0, 30.0, 4.0, 4.0, 84.0
    height = top + row * len(bars) + 24
    plot_w = WIDTH - left - right - note_w

    def x_of(value: float) -> float:
        clamped = min(max(value, low), high)
        return left + (clamped - low) / (high - low) * plot_w

    ticks = range(int(low), int(high) + 1, 20 if high - low > 40 else 10)
    cut = x_of(cutoff)
    body: list[str] = []
    for tick in ticks:
        anchor = "start" if tick == int(low) else "end" if tick >= int(high) else "middle"
        body.append(_text(x_of(tick), height - 8, f"{tick}%", size=11, anchor=anchor,
                          fill=MUTED))
    body.append(_text(cut + 4, top - 16, f"{_num(cutoff)}%", size=11, fill=CUTOFF))
    for i, bar in enumerate(bars):
        y = top + i * row
        # Grid and cutoff run through the bar's band only, so they never cross a label.
        y0, y1 = y + 11, y + 33
        body += [f'<line x1="{_num(x_of(t))}" y1="{_num(y0)}" x2="{_num(x_of(t))}" '
                 f'y2="{_num(y1)}" stroke="{GRID}" stroke-width="1"/>' for t in ticks]
        body.append(_text(left, y + 8, bar.label, size=12.5, fill=INK))
        if bar.value is not None:
            colour = CUTOFF if bar.highlight else "#1f5f4a"
            body.append(f'<rect x="{_num(left)}" y="{_num(y + 14)}" '
                        f'width="{_num(x_of(bar.value) - left)}" height="16" rx="2" '
                        f'fill="{colour}"/>')
        body.append(f'<line x1="{_num(cut)}" y1="{_num(y0)}" x2="{_num(cut)}" '
                    f'y2="{_num(y1)}" stroke="{CUTOFF}" stroke-width="2" '
                    f'stroke-dasharray="5 3"/>')
        body.append(_text(WIDTH - right, y + 27, bar.note, size=11.5, anchor="end",
                          fill=CUTOFF if bar.highlight else MUTED,
                          weight="bold" if bar.highlight else "normal"))
    return _frame(body, height, title, desc, accessible, "chart-bars", ident)


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    parts: tuple[tuple[str, float], ...]
    """(series name, value), bottom first."""


def stacked_chart(title: str, desc: str, columns: Sequence[Column], names: Sequence[str], *,
                  unit: str, accessible: bool = True, ident: str = "chart") -> str:
    """Stacked columns (one a week), with a legend of `names` in palette order."""
    left, right, top = 32.0, 6.0, 18.0
    legend_rows = math.ceil(len(names) / 3)
    plot_h = 170.0
    height = top + plot_h + 28 + legend_rows * 20 + 8
    plot_w = WIDTH - left - right
    totals = [sum(v for _, v in c.parts) for c in columns]
    y_max = _nice_max(max(totals, default=1.0))
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}

    def y_of(value: float) -> float:
        return top + plot_h - value / y_max * plot_h

    body: list[str] = []
    for i in range(5):
        value = y_max * i / 4
        y = y_of(value)
        body.append(f'<line x1="{_num(left)}" y1="{_num(y)}" x2="{_num(WIDTH - right)}" '
                    f'y2="{_num(y)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 6, y + 4, _num(value), size=11, anchor="end", fill=MUTED))
    slot = plot_w / max(len(columns), 1)
    bar_w = min(slot * 0.7, 48)
    for i, column in enumerate(columns):
        x = left + i * slot + (slot - bar_w) / 2
        base = 0.0
        for name, value in column.parts:
            if value <= 0:
                continue
            y0, y1 = y_of(base), y_of(base + value)
            body.append(f'<rect x="{_num(x)}" y="{_num(y1)}" width="{_num(bar_w)}" '
                        f'height="{_num(y0 - y1)}" fill="{colour[name]}" stroke="#ffffff" '
                        f'stroke-width="0.75"/>')
            base += value
        body.append(_text(x + bar_w / 2, top + plot_h + 16, column.label, size=10.5,
                          anchor="middle", fill=MUTED))
    body.append(_text(left, top - 4, unit, size=11, fill=MUTED))
    legend_top = top + plot_h + 32
    for i, name in enumerate(names):
        lx = left + (i % 3) * (plot_w / 3)
        ly = legend_top + (i // 3) * 20
        body.append(f'<rect x="{_num(lx)}" y="{_num(ly)}" width="12" height="12" '
                    f'fill="{colour[name]}"/>')
        body.append(_text(lx + 17, ly + 10.5, name, size=12, fill=INK))
    return _frame(body, height, title, desc, accessible, "chart-stacked", ident)


def calendar_chart(title: str, desc: str, days: Sequence[tuple[date, int]], *,
                   accessible: bool = True, ident: str = "chart") -> str:
    """A grid: one column a week (Monday on top), a filled square for a day with a session,
    an outlined one for a day without."""
    if not days:
        return _frame([], 40, title, desc, accessible, "chart-calendar", ident)
    first = days[0][0] - timedelta(days=days[0][0].weekday())
    weeks = (days[-1][0] - first).days // 7 + 1
    left, top = 32.0, 22.0
    cell = min(34.0, (WIDTH - left - 4) / max(weeks, 1))
    size = cell - 6
    height = top + 7 * cell + 26
    body: list[str] = []
    # Every row labelled: a row without a name is a guess (is it Tuesday or Thursday?).
    label = min(11.0, cell * 0.8)
    for i, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        body.append(_text(left - 6, top + i * cell + size / 2 + label / 3, name, size=label,
                          anchor="end", fill=MUTED))
    for day, sessions in days:
        week = (day - first).days // 7
        x, y = left + week * cell, top + day.weekday() * cell
        if sessions:
            body.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(size)}" '
                        f'height="{_num(size)}" rx="3" fill="#1f5f4a"/>')
            if sessions > 1:
                body.append(_text(x + size / 2, y + size / 2 + 4, str(sessions), size=11,
                                  anchor="middle", fill="#ffffff"))
        else:
            body.append(f'<rect x="{_num(x + 0.5)}" y="{_num(y + 0.5)}" '
                        f'width="{_num(size - 1)}" height="{_num(size - 1)}" rx="3" '
                        f'fill="#ffffff" stroke="{GRID}" stroke-width="1"/>')
    for week in range(0, weeks, max(1, math.ceil(weeks / 4))):
        monday = first + timedelta(weeks=week)
        near_end = week * cell > WIDTH - left - 60
        body.append(_text(left + (week + 1) * cell - 6 if near_end else left + week * cell, 14,
                          f"{monday:%d %b}", size=11, anchor="end" if near_end else "start",
                          fill=MUTED))
    body.append(f'<rect x="{_num(left)}" y="{_num(height - 16)}" width="12" height="12" '
                f'rx="2" fill="#1f5f4a"/>')
    body.append(_text(left + 17, height - 5.5, "a session", size=12))
    body.append(f'<rect x="{_num(left + 110.5)}" y="{_num(height - 15.5)}" width="11" '
                f'height="11" rx="2" fill="#ffffff" stroke="{GRID}"/>')
    body.append(_text(left + 127, height - 5.5, "no session", size=12))
    return _frame(body, height, title, desc, accessible, "chart-calendar", ident)


STILL_SIZE = (48, 32)
"""Width and height of a still: every still has the same frame, so a column of them lines up
(and a PDF table cell, which sizes an image by its width, gets the height it expects)."""


def still_svg(drawing: Drawing) -> str:
    """An exercise's key position, small, beside its name: the drawing cropped to its pose
    and fitted to STILL_SIZE (centred across, standing on the bottom edge), in plain shapes
    with presentation attributes (no ids, no style sheet), so any number sit in one page and
    the PDF's SVG reader draws them alike. Hidden from screen readers: the name beside it
    says what it shows."""
    from strongstride.exchange.still import crop
    from strongstride.figures import Circle, Line

    pose = crop(drawing)
    width, height = STILL_SIZE
    scale = max(pose.width / width, pose.height / height)
    box_w, box_h = width * scale, height * scale
    left, top = -(box_w - pose.width) / 2, -(box_h - pose.height)
    body: list[str] = []
    for shape in pose.shapes:
        if isinstance(shape, Line):
            cap = "round" if shape.round else "butt"
            body.append(f'<line x1="{_num(shape.x1)}" y1="{_num(shape.y1)}" '
                        f'x2="{_num(shape.x2)}" y2="{_num(shape.y2)}" stroke="{shape.colour}" '
                        f'stroke-width="{_num(shape.width)}" stroke-linecap="{cap}"/>')
        elif isinstance(shape, Circle):
            body.append(f'<circle cx="{_num(shape.cx)}" cy="{_num(shape.cy)}" '
                        f'r="{_num(shape.r)}" fill="{shape.colour}"/>')
        else:
            corner = f' rx="{_num(shape.radius)}"' if shape.radius else ""
            body.append(f'<rect x="{_num(shape.x)}" y="{_num(shape.y)}" '
                        f'width="{_num(shape.width)}" height="{_num(shape.height)}"{corner} '
                        f'fill="{shape.colour}"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="report-still" viewBox="'
            f'{_num(left)} {_num(top)} {_num(box_w)} {_num(box_h)}" width="{width}" '
            f'height="{height}" aria-hidden="true" focusable="false">'
            + "".join(body) + "</svg>")
