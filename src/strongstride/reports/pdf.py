"""The report as a PDF (fpdf2): the same sections, tables and charts as the HTML file.

Charts are the SVGs of `svg.py`, drawn by fpdf2's SVG reader, so the PDF and the page show
the same picture. Only the PDF core fonts are used (Helvetica), so text is folded to Latin-1.
The file is deterministic: no creation date is written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import TableCellFillMode, XPos, YPos

from strongstride.reports import svg
from strongstride.reports.view import Chart, ReportView, Section, Table

FONT = "Helvetica"
INK = (27, 36, 33)
MUTED = (85, 98, 93)
BRAND = (31, 95, 74)
DANGER = (164, 39, 27)
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u2212": "-",
                       "\u00a0": " ", "\u2265": ">=", "\u2264": "<=", "\u2192": "->"})
WIDE_CHART_MM = 100.0
SMALL_CHART_MM = 88.0
STILL_MM = 13.0
"""The column of the exercises' stills (the cell's padding makes the still a little smaller)."""


def latin(text: str) -> str:
    """Text the core fonts can show: typographic marks folded, anything else as '?'."""
    return text.translate(_FOLD).encode("latin-1", "replace").decode("latin-1")


class _ReportPDF(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report_title = title
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, 15)
        # A fixed date keeps the file the same from one run to the next.
        self.set_creation_date(datetime(2000, 1, 1, tzinfo=UTC))
        self.set_title(latin(title))
        self.set_creator("strongstride")

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, latin(f"{self.report_title} - page {self.page_no()}"), align="C")


def render(view: ReportView) -> bytes:
    title = view.title + (f": {view.who}" if view.who else "")
    pdf = _ReportPDF(title)
    pdf.add_page()
    pdf.set_text_color(*BRAND)
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 8, latin(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _paragraph(pdf, view.period, colour=MUTED)
    # Said first rather than last: a closing line alone would make a near-empty last page.
    _paragraph(pdf, "The numbers describe what was logged; they are not a diagnosis.",
               colour=MUTED, size=8.5)
    _heading(pdf, "Summary")
    for line in view.summary:
        _paragraph(pdf, f"- {line}")
    if not view.empty:
        for section in view.sections:
            _section(pdf, section)
    return bytes(pdf.output())


# Page breaks ----------------------------------------------------------------------------------
# A page never ends on a heading, a chart never splits, and a short table stays whole and with
# the chart it belongs to: such a block that does not fit starts the next page. A long table
# splits, once at least MIN_SPLIT_MM of it fits.
SHORT_TABLE_MM = 70.0
MIN_SPLIT_MM = 30.0


@dataclass(frozen=True, slots=True)
class _Block:
    height: float
    draw: Callable[[FPDF], None]
    whole: bool = True


def _space(pdf: FPDF) -> float:
    return pdf.h - pdf.b_margin - pdf.get_y()


def _page_height(pdf: FPDF) -> float:
    return pdf.h - pdf.t_margin - pdf.b_margin


def _needs(block: _Block) -> float:
    """The part of the block that must fit on the page it starts on."""
    return block.height if block.whole else min(block.height, MIN_SPLIT_MM)


def _make_room(pdf: FPDF, height: float) -> None:
    if height > _space(pdf) and height <= _page_height(pdf):
        pdf.add_page()


def _measured(draw: Callable[[FPDF], None]) -> float:
    """How tall `draw` is, drawn on a scratch page long enough for anything."""
    scratch = FPDF(orientation="P", unit="mm", format=(210, 5000))
    scratch.set_margins(15, 15, 15)
    scratch.set_auto_page_break(False)
    scratch.add_page()
    top = scratch.get_y()
    draw(scratch)
    return scratch.get_y() - top


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_text_color(*BRAND)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 7, latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)


def _paragraph(pdf: FPDF, text: str, *, colour: tuple[int, int, int] = INK,
               size: float = 9.5, style: str = "") -> None:
    pdf.set_text_color(*colour)
    pdf.set_font(FONT, style, size)
    pdf.multi_cell(0, size * 0.5, latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.set_text_color(*INK)


def _opening(section: Section) -> Callable[[FPDF], None]:
    def draw(pdf: FPDF) -> None:
        _heading(pdf, section.title)
        for line in section.lead:
            _paragraph(pdf, line)
        for alert in section.alerts:
            _paragraph(pdf, alert, colour=DANGER, style="B")
    return draw


def _section(pdf: FPDF, section: Section) -> None:
    blocks = _blocks(pdf, section)
    opening = _opening(section)
    # The heading and its words go with the first chart or table.
    _make_room(pdf, _measured(opening) + (_needs(blocks[0]) if blocks else 0.0))
    opening(pdf)
    for block in blocks:
        _make_room(pdf, _needs(block))
        block.draw(pdf)


def _blocks(pdf: FPDF, section: Section) -> list[_Block]:
    if section.ident == "progress":
        return [*_chart_rows(pdf, section.charts, small=True),
                _table_block(_progress_summary(section.charts))]
    blocks: list[_Block] = []
    if section.charts:
        first = _chart_rows(pdf, section.charts[:1], small=False)[0]
        rest = _chart_rows(pdf, section.charts[1:], small=True)
        table = _table_block(section.charts[0].table)
        if not rest and table.whole:
            # A short table stays with its chart.
            def both(p: FPDF, a: _Block = first, b: _Block = table) -> None:
                a.draw(p)
                b.draw(p)
            blocks.append(_Block(first.height + table.height, both))
        else:
            blocks += [first, *rest, table]
    blocks += [_table_block(t) for t in section.tables]
    return [b for b in blocks if b.height > 0]


def _table_block(table: Table) -> _Block:
    def draw(pdf: FPDF) -> None:
        _table(pdf, table)
    height = _measured(draw) if table.rows else 0.0
    return _Block(height, draw, whole=height <= SHORT_TABLE_MM)


def _chart_rows(pdf: FPDF, charts: Sequence[Chart], *, small: bool) -> list[_Block]:
    """Charts in a grid, a block a row: two a row when small, one when wide."""
    width = SMALL_CHART_MM if small else WIDE_CHART_MM
    per_row = 2 if small else 1
    gap = (pdf.epw - per_row * width) / max(per_row - 1, 1) if per_row > 1 else 0.0
    rows: list[_Block] = []
    for start in range(0, len(charts), per_row):
        row = charts[start:start + per_row]
        images = [_svg_size(c) for c in row]
        height = max(width * h / w for w, h in images)
        pdf.set_font(FONT, "B", 8.5)
        head = max(_lines(pdf, width, c.title) for c in row) * 4 + 1

        def draw(pdf: FPDF, row: Sequence[Chart] = row, head: float = head,
                 height: float = height) -> None:
            top = pdf.get_y()
            for i, chart in enumerate(row):
                x = pdf.l_margin + i * (width + gap)
                pdf.set_xy(x, top)
                pdf.set_font(FONT, "B", 8.5)
                pdf.multi_cell(width, 4, latin(chart.title), align="L", new_x=XPos.LEFT,
                               new_y=YPos.NEXT)
                pdf.image(io.BytesIO(chart.svg(False).encode("utf-8")), x=x, y=top + head,
                          w=width)
            pdf.set_xy(pdf.l_margin, top + head + height + 3)

        rows.append(_Block(head + height + 3, draw))
    return rows


def _lines(pdf: FPDF, width: float, text: str) -> int:
    lines = pdf.multi_cell(width, 4, latin(text), align="L", dry_run=True, output="LINES")
    return len(lines) if isinstance(lines, list) else 1


def _svg_size(chart: Chart) -> tuple[float, float]:
    head = chart.svg(False).split(">", 1)[0]
    box = head.split('viewBox="', 1)[1].split('"', 1)[0].split()
    return float(box[2]), float(box[3])


def _progress_summary(charts: Sequence[Chart]) -> Table:
    rows: list[tuple[str, ...]] = []
    for chart in charts:
        t = chart.table
        exercise = chart.title.split(":", 1)[0]
        for i, side in enumerate(t.head[1:], start=1):
            values = [(row[0], row[i]) for row in t.rows if row[i]]
            if values:
                rows.append((exercise, side, f"{values[0][1]} ({values[0][0]})",
                             f"{values[-1][1]} ({values[-1][0]})"))
    return Table("Best set: first and latest session", ("Exercise", "Side", "First",
                                                         "Latest"), tuple(rows))


def _table(pdf: FPDF, table: Table) -> None:
    if not table.rows:
        return
    columns = len(table.head)
    size = 8.0 if columns <= 5 else 6.5
    pdf.set_font(FONT, "B", 9)
    pdf.multi_cell(0, 5, latin(table.caption), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    widths = _widths(table)
    if table.stills:
        # A first column STILL_MM wide for the stills, taken from the widest column: the
        # narrow ones keep their words whole.
        column = sum(widths) * STILL_MM / pdf.epw
        widest = widths.index(max(widths))
        widths = (column, *(w - column if i == widest else w for i, w in enumerate(widths)))
    pdf.set_font(FONT, "", size)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=size * 0.48,
                   first_row_as_headings=True, borders_layout="HORIZONTAL_LINES",
                   cell_fill_color=(243, 239, 228), cell_fill_mode=TableCellFillMode.ROWS,
                   padding=1.2) as grid:
        head = grid.row()
        for name in ("", *table.head) if table.stills else table.head:
            head.cell(latin(name))
        for index, values in enumerate(table.rows):
            row = grid.row()
            if table.stills:
                still = table.stills[index]
                if still is None:
                    row.cell("")
                else:
                    row.cell(img=io.BytesIO(svg.still_svg(still).encode("utf-8")))
            for value in values:
                row.cell(latin(value))
    pdf.ln(3)


def _widths(table: Table) -> tuple[float, ...]:
    """Column widths from the longest text in each column, the first column kept readable."""
    longest = [max([len(table.head[i]), *(len(r[i]) for r in table.rows)])
               for i in range(len(table.head))]
    weights = [min(max(n, 6), 60) for n in longest]
    return tuple(float(w) for w in weights)
