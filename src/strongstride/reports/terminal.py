"""The report in the terminal: Rich tables for symmetry, next session, pain and adherence.

Progress and weekly volume are charts; they go to the HTML and PDF files.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from strongstride.reports.view import ReportView, Section, Table

STATUS_STYLE = {"flagged": "bold red", "balanced": "green", "not measurable": "yellow",
                "collecting data": "dim"}


def print_report(view: ReportView, console: Console | None = None) -> None:
    out = console or Console()
    out.print(Text(view.title, style="bold green"))
    out.print(Text(view.period, style="dim"))
    out.print()
    for line in view.summary:
        out.print(f"- {line}")
    if view.empty:
        return
    for section in view.sections:
        if section.terminal:
            _section(out, section)
    out.print()
    out.print(Text("Charts: strongstride report --html FILE or --pdf FILE", style="dim"))


def _section(out: Console, section: Section) -> None:
    out.print()
    out.rule(Text(section.title, style="bold"), align="left")
    for alert in section.alerts:
        out.print(Text(alert, style="bold red"))
    tables = [*(c.table for c in section.charts[:1]), *section.tables]
    if not tables:
        for line in section.lead:
            out.print(Text(line, style="dim"))
    for table in tables:
        out.print(_rich(table))


def _rich(table: Table) -> RichTable:
    long = ("What it means", "Why", "Pain")
    grid = RichTable(title=table.caption, title_justify="left", show_lines=False,
                     header_style="bold", expand=any(name in long for name in table.head))
    for i, name in enumerate(table.head):
        wide = name in long
        grid.add_column(name, overflow="fold", ratio=4 if wide else 2 if i == 0 else 1,
                        min_width=20 if wide else None, style="bold" if i == 0 else None)
    for row in table.rows:
        cells = [Text(c, style=STATUS_STYLE.get(c, "")) if name == "Status" else Text(c)
                 for c, name in zip(row, table.head, strict=True)]
        grid.add_row(*cells)
    return grid
