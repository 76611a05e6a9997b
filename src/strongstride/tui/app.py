"""The terminal player (Textual): one screen that follows a Workout.

The screen redraws a few times a second from the player's deadlines; cues are scheduled for
the exact instant the machine says is next (`next_due`), so neither the display rate nor a
slow redraw moves a timer.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Footer, ProgressBar, Static

from strongstride import rules
from strongstride.player.machine import (
    Abandon,
    Actuals,
    AddRest,
    Adjust,
    Back,
    Complete,
    Cue,
    Effect,
    EndBlock,
    Ended,
    Event,
    Pause,
    Problem,
    Resume,
    Skip,
    Start,
    in_block,
    next_due,
    progress,
    remaining,
)
from strongstride.tui.dialogs import HowTo, LogSetDialog
from strongstride.tui.text import block_text, clock_text, step_heading, target_text, up_next
from strongstride.workout import Workout

CARD_PARTS = ("section", "exercise", "where", "timer", "target", "today", "last", "next",
              "progress", "status", "message")

PLAYER_ACTIONS = frozenset({"complete", "log", "reps", "load", "skip", "back_set", "pause",
                            "add_rest", "end_block", "how_to", "abandon"})


class PlayerApp(App[None]):
    CSS = """
    Screen { align: center middle; }
    #card { width: 100%; max-width: 90; height: auto; padding: 1 2; border: round $accent; }
    #section { color: $text-muted; }
    #exercise { text-style: bold; color: $accent; padding: 1 0 0 0; }
    #where { text-style: bold; padding: 0 0 1 0; }
    #timer { width: auto; margin: 0 0 1 0; }
    #target { text-style: bold; }
    #last, #next, #status { color: $text-muted; }
    #today { text-style: bold; }
    #message { color: $warning; }
    #progress { margin: 1 0 0 0; width: 100%; }
    #progress Bar { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "complete", "Done"),
        Binding("enter", "log", "Log…"),
        Binding("plus,equals_sign", "reps(1)", "+rep", show=False),
        Binding("minus", "reps(-1)", "-rep", show=False),
        Binding("right_square_bracket", "load(1)", "+load", show=False),
        Binding("left_square_bracket", "load(-1)", "-load", show=False),
        Binding("s", "skip", "Skip"),
        Binding("b", "back_set", "Back"),
        Binding("p", "pause", "Pause"),
        Binding("r", "add_rest", "+15 s"),
        Binding("e", "end_block", "End block"),
        Binding("h", "how_to", "How-to"),
        Binding("q", "quit_keep", "Quit"),
        Binding("a", "abandon", "Abandon", show=False),
    ]

    def __init__(self, workout: Workout, *, speak: bool = False, unit: str = "kg",
                 load_step: float | None = None, refresh_every: float = 0.25) -> None:
        super().__init__()
        self.workout = workout
        self.speak = speak
        self.unit = unit
        # ] and [ add or take off this much load in `unit` (rules.LOAD_STEPS: 2.5 or 1 kg,
        # 5 or 2.5 lb); a load in the other unit steps by that unit's usual step.
        self.load_step = load_step or rules.LOAD_STEPS[unit][0]
        self.refresh_every = refresh_every
        self.message = ""
        self._abandon_asked = False
        self.cue_log: list[Cue] = []
        self.cue_heard: list[float] = []  # when each cue of cue_log was given, on the clock
        self._cue_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="card"):
            yield Static(id="section", markup=False)
            yield Static(id="exercise", markup=False)
            yield Static(id="where", markup=False)
            yield Digits("", id="timer")
            yield Static(id="target", markup=False)
            yield Static(id="today", markup=False)
            yield Static(id="last", markup=False)
            yield Static(id="next", markup=False)
            yield ProgressBar(total=1000, show_percentage=False, show_eta=False, id="progress")
            yield Static(id="status", markup=False)
            yield Static(id="message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.workout.plan.routine.title or "strongstride"
        if self.workout.state.status == "ready":
            self.send(Start())
        self.set_interval(self.refresh_every, self.redraw)
        self.redraw()

    # Driving the workout ---------------------------------------------------------------
    def send(self, event: Event) -> list[Effect]:
        if self._abandon_asked and not isinstance(event, Abandon):
            self._abandon_asked = False  # she carried on
            self.message = ""
        effects = self.workout.send(event)
        self.handle(effects)
        return effects

    def tick(self) -> None:
        """Let the machine fire whatever is due now; called at `next_due` and on redraw."""
        self.handle(self.workout.tick())

    def handle(self, effects: list[Effect]) -> None:
        for effect in effects:
            if isinstance(effect, Cue):
                self.cue_log.append(effect)
                self.cue_heard.append(self.workout.clock.now())
                self.bell()
                if self.speak:
                    from strongstride.tui.speech import say

                    say(effect.text)
            elif isinstance(effect, Problem):
                self.message = effect.message
            elif isinstance(effect, Ended):
                self.message = ("Session saved. Well done!" if effect.status == "finished"
                                else "Session abandoned.")
                if effect.status == "finished":
                    self.show_summary()
        self.schedule_next()
        self.refresh_bindings()  # 'End block' shows only in a block done for a time
        self.redraw()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once the session is over, the player's keys are put away (the summary is up)."""
        over = self.workout.state.status in ("finished", "abandoned")
        if action == "end_block" and not in_block(self.workout.state):
            return False  # only in a block done for a time
        return not (over and action in PLAYER_ACTIONS)

    def show_summary(self) -> None:
        """The session's summary on a screen of its own; q leaves."""
        from strongstride.tui.finish import FinishScreen

        w = self.workout
        self.push_screen(FinishScreen(w.app.session_summary(w.user_id, w.session.id)))

    def schedule_next(self) -> None:
        if self._cue_timer is not None:
            self._cue_timer.stop()
            self._cue_timer = None
        due = next_due(self.workout.state)
        if due is not None:
            delay = max(0.0, due - self.workout.clock.now())
            self._cue_timer = self.set_timer(delay, self.tick)

    # Drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:
        w = self.workout
        state, now = w.state, w.clock.now()
        due = next_due(state)
        if state.status == "running" and (
                (state.deadline is not None and now >= state.deadline)
                or (due is not None and in_block(state) and now >= due)):
            self.handle(w.tick())
            return
        step = state.step
        # The player's widgets live on the first screen; a dialog may be on top of it, and
        # while the app starts or closes the card may be missing or half taken down (the
        # refresh timer can fire between two widgets being removed).
        card = self._card()
        if card is None:
            return
        heading, where = step_heading(step, state.status)
        work = step if step is not None and step.kind == "work" else None
        aim = w.target(work) if work else None
        last = w.last_time(work) if work else None
        paused = "  ·  PAUSED" if state.status == "paused" else ""
        block = block_text(state, now)
        texts = {
            "section": "" if step is None else "  ·  ".join(filter(None, (
                w.plan.routine.sections[step.section].label, block))),
            "exercise": heading,
            "where": where,
            "target": target_text(state),
            "today": aim.text if aim else "",
            "last": f"Last time: {last.summary()}" if last else "",
            "next": up_next(state),
            "status": f"About {round(remaining(state, now) / 60)} min left{paused}",
            "message": self.message,
        }
        for name, text in texts.items():
            cast(Static, card[name]).update(text)
        cast(Digits, card["timer"]).update(clock_text(state, now))
        cast(ProgressBar, card["progress"]).update(progress=1000 * progress(state, now))

    def _card(self) -> dict[str, Widget] | None:
        """The player's widgets by id, or None unless every one of them is mounted."""
        if not self.screen_stack:
            return None
        found = {w.id: w for w in self.screen_stack[0].query("#card > *") if w.id}
        if any(name not in found or not found[name].is_attached for name in CARD_PARTS):
            return None
        return found

    # Actions ---------------------------------------------------------------------------
    def action_complete(self) -> None:
        self.message = ""
        self.send(Complete())

    def action_log(self) -> None:
        step = self.workout.state.step
        if step is None or step.kind != "work" or self.workout.state.status not in (
                "running", "paused"):
            self.action_complete()
            return
        fill = self.workout.state.prefill_for(step)

        def done(result: Actuals | None) -> None:
            if result is not None:
                self.message = ""
                self.send(Complete(result))

        self.push_screen(LogSetDialog(step, fill, self.unit), done)

    def action_reps(self, delta: int) -> None:
        step = self.workout.state.step
        if step is not None and step.kind == "work" and step.reps is not None:
            current = self.workout.state.prefill_for(step).reps or step.reps.hi
            self.send(Adjust(reps=max(1, current + delta)))

    def action_load(self, direction: int) -> None:
        step = self.workout.state.step
        if step is None or step.kind != "work":
            return
        fill = self.workout.state.prefill_for(step)
        unit = fill.unit or self.unit
        by = self.load_step if unit == self.unit else rules.LOAD_STEPS[unit][0]
        load = min(rules.LOAD_MAX, max(0.0, round((fill.load or 0.0) + direction * by, 2)))
        self.send(Adjust(load=load, unit=unit))  # type: ignore[arg-type]

    def action_skip(self) -> None:
        self.send(Skip())

    def action_back_set(self) -> None:
        self.send(Back())

    def action_pause(self) -> None:
        self.send(Resume() if self.workout.state.status == "paused" else Pause())

    def action_add_rest(self) -> None:
        self.send(AddRest(15))

    def action_end_block(self) -> None:
        self.send(EndBlock())

    def action_how_to(self) -> None:
        """The how-to of the current exercise; during a rest or setup, of the one up next."""
        state = self.workout.state
        step = state.step
        if step is not None and step.kind != "work":
            step = next((s for s in state.plan.steps[state.index:] if s.kind == "work"), step)
        if step is not None and step.name:
            app = self.workout.app
            missing = frozenset(self.workout.session.equipment)
            self.push_screen(HowTo(step.name, app.describe(step.name),
                                   app.substitution(step.name, missing)))

    def action_quit_keep(self) -> None:
        """Leave; the session stays unfinished and `strongstride start` resumes it."""
        self.exit()

    def action_abandon(self) -> None:
        """Abandoning asks first: `a` says what it means, a second `a` abandons, and any
        other key of the player carries on."""
        if not self._abandon_asked:
            self._abandon_asked = True
            self.message = ("Abandon this session? Its sets stay in your history, but it will "
                            "not count as done. Press a again to abandon; any other key "
                            "carries on.")
            self.redraw()
            return
        self.send(Abandon())
        self.exit()

    def on_unmount(self, _: Any = None) -> None:
        if self._cue_timer is not None:
            self._cue_timer.stop()
