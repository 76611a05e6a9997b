"""A session being played in this process: the player machine, the application and a clock.

The terminal player and the scripted player drive a `Workout` (`Strongstride.play` makes
one). It carries out the machine's effects: a `Save` is stored by the application, in its own
transaction, and only then answered with `Saved`, so a set the user saw acknowledged is on
disk; cues go to a sink.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from strongstride.errors import StrongstrideError
from strongstride.plan.session import SessionPlan, Step
from strongstride.player.clock import Clock, MonotonicClock
from strongstride.player.machine import (
    Cue,
    Effect,
    Event,
    PlayerState,
    Save,
    Saved,
    SaveFailed,
    Tick,
    new_player,
    step,
)
from strongstride.records import SessionInfo, SetLog

if TYPE_CHECKING:
    from strongstride.app import Strongstride
    from strongstride.reports.targets import TodayTarget

CueSink = Callable[[Cue], None]

@dataclass(frozen=True, slots=True)
class LastTime:
    """What was done the last time per side, for 'last time' and pre-filling."""

    exercise: str
    sets: tuple[SetLog, ...]

    def summary(self) -> str:
        parts = []
        for log in self.sets:
            if log.skipped:
                continue
            amount = f"{log.reps}" if log.reps is not None else f"{log.seconds:g} s"
            load = f" x {log.load:g} {log.unit}" if log.load is not None else ""
            side = {"left": "L ", "right": "R ", "both": ""}[log.side]
            parts.append(f"{side}{amount}{load}")
        return ", ".join(parts)


class Workout:
    def __init__(self, app: Strongstride, user_id: int, session: SessionInfo,
                 plan: SessionPlan, state: PlayerState, *, clock: Clock,
                 cues: CueSink | None, last: dict[tuple[int, int], LastTime],
                 targets: dict[str, TodayTarget] | None = None) -> None:
        self.app = app
        self.user_id = user_id
        self.session = session
        self.plan = plan
        self.state = state
        self.clock = clock
        self.cues = cues
        self.last = last  # by (section, exercise) index in the routine
        self.targets = targets or {}  # today's target, by exercise name
        self.acknowledged: list[SetLog] = []

    @classmethod
    def begin(cls, app: Strongstride, user_id: int, session: SessionInfo, *,
              clock: Clock | None = None, cues: CueSink | None = None) -> Workout:
        """The player over the user's `session`, at the first step not logged yet, its forms
        pre-filled from today's target or else from last time."""
        clock = clock or MonotonicClock()
        plan = app.plan_of(session)
        logged = app.sets(user_id, session.id)
        done = frozenset(log.step_key for log in logged)
        last = app.last_time(user_id, plan, session.id)
        targets = app.targets(user_id, session, plan)
        state = new_player(plan, done, app.starting_amounts(plan, last, targets, logged))
        return cls(app, user_id, session, plan, state, clock=clock, cues=cues, last=last,
                   targets=targets)

    @property
    def resumed_at(self) -> Step | None:
        return self.state.step

    def send(self, event: Event) -> list[Effect]:
        """Apply an event and carry out its effects; returns every effect, in order."""
        self.state, effects = step(self.state, event, self.clock.now())
        out: list[Effect] = []
        for effect in effects:
            out.append(effect)
            if isinstance(effect, Cue) and self.cues is not None:
                self.cues(effect)
            elif isinstance(effect, Save):
                out += self._save(effect)
        if self.state.status in ("finished", "abandoned"):
            self._end()
        return out

    def tick(self) -> list[Effect]:
        return self.send(Tick())

    def _save(self, save: Save) -> list[Effect]:
        try:
            log, _ = self.app.log_set(self.user_id, self.session.id, save.step.key,
                                      save.actuals, skipped=save.skipped)
        except StrongstrideError as exc:
            return self.send(SaveFailed(exc.message))
        self.acknowledged.append(log)
        return self.send(Saved(save.step.key))

    def _end(self) -> None:
        if self.session.status != "active":
            return
        finished = self.state.status == "finished"
        self.session = self.app.end_session(self.user_id, self.session.id,
                                            "finish" if finished else "abandon")

    def target(self, current: Step) -> TodayTarget | None:
        """Today's target for the exercise of `current` (the next-session suggestion)."""
        return self.targets.get(current.name or "") if current.exercise is not None else None

    def last_time(self, current: Step) -> LastTime | None:
        if current.exercise is None:
            return None
        return self.last.get((current.section, current.exercise))
