"""The report as HTML: a self-contained file (inline CSS and SVG, no scripts, nothing
fetched) for a physio, and the same body for the web dashboard."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from strongstride.reports.svg import still_svg
from strongstride.reports.view import ReportView

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        default=True, default_for_string=True), trim_blocks=False, lstrip_blocks=False,
        keep_trailing_newline=True)
    env.globals["still"] = still_svg
    return env


def body(view: ReportView, *, open_numbers: bool = False, summary: bool = True) -> str:
    """The sections, headed h2 and down: the page around it gives the h1 (and, without
    `summary`, its own summary)."""
    return _env().get_template("_body.html").render(view=view, open_numbers=open_numbers,
                                                    summary=summary)


def document(view: ReportView) -> str:
    """A whole HTML file that opens anywhere, offline, with every table open."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return _env().get_template("report.html").render(
        view=view, css=css, body=body(view, open_numbers=True))
