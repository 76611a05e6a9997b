"""Pop-ups of the terminal player: log a set (reps, load, RPE, pain, note) and the how-to."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from strongstride import rules
from strongstride.plan.session import Step
from strongstride.player.machine import Actuals, Prefill

if TYPE_CHECKING:
    from strongstride.library.catalog import ExerciseInfo
    from strongstride.plan.substitute import Substitution


class LogSetDialog(ModalScreen[Actuals | None]):
    """Pre-filled from last time or the target; Enter saves, Escape cancels.

    One line per field, so the whole form fits an 80x24 terminal; on a smaller one the fields
    scroll, while the title, the error line and the keys stay in view."""

    CSS = """
    LogSetDialog { align: center middle; }
    #dialog { width: 64; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
              border: thick $accent; background: $surface; }
    #title { text-style: bold; padding: 0 0 1 0; }
    #fields { height: auto; }
    .field { height: 1; margin: 0 0 1 0; }
    .field Label { width: 24; }
    .field Input { width: 1fr; background: $boost; }
    #error { color: $error; height: auto; min-height: 1; }
    #keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, step: Step, fill: Prefill, unit: str) -> None:
        super().__init__()
        self.step = step
        self.fill = fill
        self.unit = fill.unit or unit

    def compose(self) -> ComposeResult:
        side = f", {self.step.side} leg" if self.step.side else ""
        with Vertical(id="dialog"):
            yield Label(f"{self.step.name}: set {self.step.set_number}{side}", id="title",
                        markup=False)
            with VerticalScroll(id="fields"):
                if self.step.hold_seconds is None:
                    yield _field("Reps", Input(str(self.fill.reps or ""), id="reps",
                                               type="integer", compact=True))
                    yield _field(f"Load ({self.unit}; empty: none)",
                                 Input(f"{self.fill.load:g}" if self.fill.load else "",
                                       id="load", type="number", compact=True))
                else:
                    yield _field("Seconds held", Input(str(self.step.hold_seconds.lo),
                                                       id="seconds", type="number",
                                                       compact=True))
                yield _field("Band (optional)", Input("", id="band", compact=True))
                yield _field("RPE 1-10 (optional)", Input("", id="rpe", type="number",
                                                          compact=True))
                yield _field("Pain 0-10 (optional)", Input("", id="pain", type="integer",
                                                           compact=True))
                yield _field("Note (optional)", Input("", id="note", compact=True))
            yield Static("", id="error", markup=False)
            yield Static("Enter: save   Tab: next field   Escape: cancel", id="keys",
                         markup=False)

    def on_mount(self) -> None:
        self.query(Input).first().focus()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # The fields get what the screen leaves after the dialog's border, title, error line
        # and keys (8 rows, two for an error that wraps); past that they scroll.
        self.query_one("#fields").styles.max_height = max(2, self.size.height - 8)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _value(self, name: str) -> str:
        found = self.query(f"#{name}")
        return found.first(Input).value.strip() if found else ""

    def on_input_submitted(self) -> None:
        try:
            actuals = self.read()
        except ValueError as exc:
            self.query_one("#error", Static).update(str(exc))
            # The field named goes back in view, with the cursor in it, to be put right.
            wrong = self.query(f"#{str(exc).split(':', 1)[0]}")
            if wrong:
                wrong.first(Input).focus()
            return
        self.dismiss(actuals)

    def read(self) -> Actuals:
        """The form as Actuals; a ValueError names the field that is wrong."""
        def number(name: str, low: float, high: float) -> float | None:
            text = self._value(name)
            if not text:
                return None
            try:
                value = float(text)
            except ValueError:
                raise ValueError(f"{name}: '{text}' is not a number") from None
            if not low <= value <= high:
                raise ValueError(f"{name}: give a number from {low:g} to {high:g}")
            return value

        reps = number("reps", 0, 300)
        pain = number("pain", 0, 10)
        load = number("load", 0, rules.LOAD_MAX)
        return Actuals(
            reps=int(reps) if reps is not None else None,
            seconds=number("seconds", 0, 3600),
            load=load or None,
            unit=self.unit if load else None,  # type: ignore[arg-type]
            band=self._value("band") or None,
            rpe=number("rpe", 1, 10),
            pain=int(pain) if pain is not None else None,
            note=self._value("note"),
        )


def _field(text: str, box: Input) -> Horizontal:
    """A field on one line: its name, then its box."""
    return Horizontal(Label(text, markup=False), box, classes="field")


class HowTo(ModalScreen[None]):
    CSS = """
    HowTo { align: center middle; }
    #how { width: 80; max-height: 90%; padding: 1 2; border: thick $accent; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,h,q", "close", "Close")]

    def __init__(self, name: str, info: ExerciseInfo | None,
                 sub: Substitution | None = None) -> None:
        super().__init__()
        self.exercise_name = name
        self.info = info
        self.sub = sub

    def compose(self) -> ComposeResult:
        from rich.markup import escape

        info, sub = self.info, self.sub
        if info is None:
            text = f"{escape(self.exercise_name)}\n\nNot in the exercise library yet."
        else:
            lines = []
            # done another way: the steps less the sentences that need what she lacks
            how = sub if sub is not None else info
            if sub is not None:
                lines += [f"[b]Today: {escape(sub.variation)}[/b]  [dim](substituted for "
                          f"{escape(info.name)}: no {escape(sub.without_text)})[/dim]",
                          escape(sub.how), ""]
            else:
                lines += [f"[b]{escape(info.name)}[/b]", ""]
            lines += ["[b]How to do it[/b]"]
            lines += [f"{n}. {escape(s)}" for n, s in enumerate(how.steps, start=1)]
            lines += ["", "[b]Cues[/b]", *[f"• {escape(c)}" for c in how.cues]]
            lines += ["", "[b]Common mistakes[/b]", *[f"• {escape(m)}" for m in how.mistakes]]
            text = "\n".join(lines)
        with VerticalScroll(id="how"):
            yield Static(text)
            yield Static("\n[dim]Escape to close[/dim]")

    def action_close(self) -> None:
        self.dismiss(None)
