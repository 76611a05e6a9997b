"""A session being played: the player machine, the store and the clock wired together.

Every interface (terminal, web, the scripted player) drives a `Workout`. It carries out the
machine's effects: a `Save` is written to the store in its own transaction and only then
answered with `Saved`, so a set the user saw acknowledged is on disk; cues go to a sink.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from strongstride.errors import StrongstrideError
from strongstride.library.substitute import adapted_plan
from strongstride.plan.session import SessionPlan, Step
from strongstride.player.clock import Clock, MonotonicClock
from strongstride.player.machine import (
    Actuals,
    Cue,
    Effect,
    Event,
    PlayerState,
    Prefill,
    Save,
    Saved,
    SaveFailed,
    Tick,
    new_player,
    step,
)
from strongstride.records import SessionInfo, SetLog
from strongstride.routine.parse import parse_routine

if TYPE_CHECKING:
    from strongstride.reports.targets import TodayTarget
    from strongstride.service import LoadedRoutine
    from strongstride.store.repository import Store

CueSink = Callable[[Cue], None]
Wall = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


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


def planned_sets(plan: SessionPlan) -> int:
    return sum(1 for s in plan.steps if s.kind == "work" and not s.optional)


class Workout:
    def __init__(self, store: Store, session: SessionInfo, plan: SessionPlan, state: PlayerState,
                 *, clock: Clock, wall: Wall, cues: CueSink | None,
                 last: dict[tuple[int, int], LastTime],
                 targets: dict[tuple[int, int], TodayTarget] | None = None) -> None:
        self.store = store
        self.session = session
        self.plan = plan
        self.state = state
        self.clock = clock
        self.wall = wall
        self.cues = cues
        self.last = last  # by (section, exercise) index in the routine
        self.targets = targets or {}  # today's target, by the same index
        self.acknowledged: list[SetLog] = []

    @classmethod
    def begin(cls, store: Store, user_id: int, loaded: LoadedRoutine, *,
              clock: Clock | None = None, wall: Wall = _utc_now, cues: CueSink | None = None,
              resume: bool = True, equipment: tuple[str, ...] = ()) -> Workout:
        """Resume the unfinished session of this routine, or start a new one.

        `equipment` lists the equipment ids she is without today: the session keeps them,
        its exercises that need them are done as the library's variations, and each set's
        log records the variation done.
        """
        clock = clock or MonotonicClock()
        session = store.unfinished_session(user_id, loaded.id) if resume else None
        if session is not None:
            version = store.routine_version(session.routine_version_id)
            parsed = parse_routine(version.text, f"{loaded.id} version {version.version}")
            if parsed.routine is None:
                raise StrongstrideError(f"the stored routine of session {session.id} no longer "
                                        "reads; abandon it with 'strongstride abandon'")
            # the variations she started with, whatever her profile says now
            plan = adapted_plan(parsed.routine, frozenset(session.equipment))
            done = frozenset(store.logged_step_keys(session.id))
        else:
            text = _routine_text(loaded)
            version = store.save_routine(user_id, loaded.id, loaded.routine.title, text)
            plan = adapted_plan(loaded.routine, frozenset(equipment))
            session = store.start_session(
                user_id, version.id, session_id=str(uuid.uuid4()), started_at=wall(),
                equipment=equipment, planned_sets=planned_sets(plan))
            done = frozenset()
        last = _last_times(store, user_id, plan, session.id)
        targets = _targets(store, user_id, plan, session)
        prefill = {key: _prefill(lt) for key, lt in last.items()}
        prefill.update({key: _aimed(t) for key, t in targets.items() if t.prefill})
        state = new_player(plan, done, {k: v for k, v in prefill.items() if v is not None})
        return cls(store, session, plan, state, clock=clock, wall=wall, cues=cues, last=last,
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
        log = self._log_of(save)
        try:
            self.store.log_set(log)
        except StrongstrideError as exc:
            return self.send(SaveFailed(exc.message))
        self.acknowledged.append(log)
        return self.send(Saved(save.step.key))

    def _log_of(self, save: Save) -> SetLog:
        return set_log(save.step, save.actuals, session_id=self.session.id,
                       logged_at=self.wall(), skipped=save.skipped)

    def _end(self) -> None:
        if self.session.status != "active":
            return
        ended = self.wall()
        if self.state.status == "finished":
            self.store.finish_session(self.session.id, ended)
            self.session = self.store.session(self.session.id)
        else:
            self.store.abandon_session(self.session.id, ended)
            self.session = self.store.session(self.session.id)

    def target(self, current: Step) -> TodayTarget | None:
        """Today's target for the exercise of `current` (the next-session suggestion)."""
        return self.targets.get((current.section, current.exercise or 0))

    def last_time(self, current: Step) -> LastTime | None:
        if current.exercise is None:
            return None
        return self.last.get((current.section, current.exercise))


def set_log(step: Step, actuals: Actuals, *, session_id: str, logged_at: datetime,
            skipped: bool = False) -> SetLog:
    """The log of one set: the plan step says what was asked, the actuals what was done."""
    s, a = step, actuals
    return SetLog(
        key=str(uuid.uuid4()), session_id=session_id, step_key=s.key,
        exercise=s.name or "", section=s.section, exercise_index=s.exercise or 0,
        set_number=s.set_number or 1, side=s.side or "both", logged_at=logged_at,
        target_reps=(s.reps.lo, s.reps.hi) if s.reps else None,
        target_seconds=(s.hold_seconds.lo, s.hold_seconds.hi) if s.hold_seconds else None,
        reps=a.reps, seconds=a.seconds, load=a.load, unit=a.unit, band=a.band, rpe=a.rpe,
        pain=a.pain, note=a.note, round=s.round, skipped=skipped, variation=s.variation,
    )


def _routine_text(loaded: LoadedRoutine) -> str:
    from strongstride.routine.format import format_routine

    return format_routine(loaded.routine)


def _last_times(store: Store, user_id: int, plan: SessionPlan,
                session_id: str) -> dict[tuple[int, int], LastTime]:
    out: dict[tuple[int, int], LastTime] = {}
    for si, section in enumerate(plan.routine.sections):
        for ei, exercise in enumerate(section.exercises):
            logs = store.last_sets(user_id, exercise.name, before_session=session_id)
            if logs:
                out[(si, ei)] = LastTime(exercise.name, tuple(logs))
    return out


def _targets(store: Store, user_id: int, plan: SessionPlan,
             session: SessionInfo) -> dict[tuple[int, int], TodayTarget]:
    from strongstride.reports.targets import session_targets

    names = {(si, ei): exercise for si, section in enumerate(plan.routine.sections)
             for ei, exercise in enumerate(section.exercises)}
    found = session_targets(store, user_id, {e.name: e.prescription for e in names.values()},
                            session.started_at.date(), leave_out=session.id)
    return {key: found[e.name] for key, e in names.items() if e.name in found}


def _aimed(target: TodayTarget) -> Prefill | None:
    aim = target.suggestion.target
    if aim.seconds is not None and aim.reps is None:
        return None  # a hold: the form has no amounts to fill in
    return Prefill(reps=aim.reps, load=aim.load, unit=aim.unit)


def _prefill(last: LastTime) -> Prefill | None:
    done = [log for log in last.sets if not log.skipped and log.reps is not None]
    if not done:
        return None
    final = done[-1]
    return Prefill(reps=final.reps, load=final.load, unit=final.unit)
