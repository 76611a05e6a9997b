"""The end of a terminal session: the finish summary on a screen of its own, scrolled with the
arrow keys, left with q (the command line prints it again, to stay in the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from strongstride.reports.finish import finish_parts

if TYPE_CHECKING:
    from strongstride.analysis.summary import FinishSummary

_LIGHTS = {"green": "green", "amber": "yellow", "red": "red"}


def summary_text(summary: FinishSummary) -> Text:
    """The summary as one Text: headings in bold, the pain in its traffic-light colour."""
    out = Text()
    out.append("Session complete: ", style="bold")
    out.append(f"{summary.routine}\n", style="bold")
    for part in finish_parts(summary):
        out.append(f"\n{part.title}\n", style="bold underline")
        for line in part.lines:
            style = ""
            if part.title == "Pain" and summary.pain is not None and summary.pain.highest:
                style = _LIGHTS[summary.pain.light]
            out.append(f"{line}\n", style=style)
    return out


class FinishScreen(Screen[None]):
    CSS = """
    #summary { padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape,enter", "leave", "Close")]

    def __init__(self, summary: FinishSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary-box"):
            yield Static(summary_text(self.summary), id="summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#summary-box").focus()

    def action_leave(self) -> None:
        self.app.exit()
