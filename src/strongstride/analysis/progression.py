"""The forward rules of the next session, one per kind of exercise (DOMAIN.md, Progression).

- loaded: double progression gated on the weaker side, amounts from the RPE table;
- band and bodyweight: the ladder, one change at a time: reps to the top of the range, one
  more set, a harder band or variation (reps back to the bottom), a slower tempo;
- holds: +5 s a session up to 60 s, then a harder variation;
- stretches: stay at 30 s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeVar, Unpack

from strongstride.analysis.history import SessionSets, is_loaded
from strongstride.analysis.plural import counted
from strongstride.analysis.settings import Settings
from strongstride.analysis.suggestion import Action, Changes, Suggestion, Target, number
from strongstride.library import Library, name_key
from strongstride.records import LogSide, SetLog
from strongstride.routine.model import Prescription

Kind = Literal["loaded", "band", "bodyweight", "hold", "stretch"]
T = TypeVar("T")


def _mode(values: Sequence[T]) -> T | None:
    return Counter(values).most_common(1)[0][0] if values else None


@dataclass(frozen=True, slots=True)
class ExerciseState:
    """An exercise as the last session left it, with its prescription's numbers."""

    exercise: str
    kind: Kind
    history: tuple[SessionSets, ...]
    prescription: Prescription | None
    settings: Settings
    top: int | None
    bottom: int | None
    last: Target
    """What the last session did: its sets per side, fewest reps, load, shortest hold, band."""

    @property
    def latest(self) -> SessionSets:
        return self.history[-1]

    @property
    def prescribed_sets(self) -> tuple[int, int] | None:
        p = self.prescription
        return (p.sets.lo, p.sets.hi) if p is not None and p.sets is not None else None

    def suggest(self, action: Action, reason: str, **changes: Unpack[Changes]) -> Suggestion:
        """A suggestion whose target is last session's, with `changes`."""
        return Suggestion(self.exercise, action, replace(self.last, **changes), reason)


def kind_of(exercise: str, prescription: Prescription | None, latest: Sequence[SetLog],
            library: Library) -> Kind:
    info = library.find(exercise)
    if (info.hold if info is not None else "stretch" in name_key(exercise)):
        return "stretch"
    timed = (prescription.is_timed if prescription is not None
             else all(s.reps is None for s in latest))
    if timed:
        return "hold"
    # What was done decides, not the prescription: a user without weights does the move
    # with body weight, and progresses it that way.
    if any(is_loaded(s) for s in latest):
        return "loaded"
    return "band" if any(s.band for s in latest) else "bodyweight"


def state_of(exercise: str, history: Sequence[SessionSets], prescription: Prescription | None,
             settings: Settings, library: Library) -> ExerciseState:
    latest = history[-1].sets
    kind = kind_of(exercise, prescription, latest, library)
    reps_range = (prescription.reps.as_list() if prescription and prescription.reps
                  else _mode([s.target_reps for s in latest if s.target_reps]))
    loaded = [s for s in latest if is_loaded(s)]
    unit = _mode([s.unit or settings.default_unit for s in loaded])
    load = _mode([s.load for s in loaded if (s.unit or settings.default_unit) == unit])
    reps = [s.reps for s in latest if s.reps is not None]
    seconds = [s.seconds for s in latest if s.seconds is not None]
    last = Target(
        sets=history[-1].set_count(), reps=min(reps) if reps else None, load=load,
        unit=unit, seconds=int(min(seconds)) if seconds else None,
        band=_mode([s.band for s in latest if s.band]))
    return ExerciseState(exercise, kind, tuple(history), prescription, settings,
                         reps_range[1] if reps_range else None,
                         reps_range[0] if reps_range else None, last)


def gated(state: ExerciseState, done: SessionSets) -> bool:
    """Both sides (or the only one) reached the top of the range on every set at RPE at most
    `progression_rpe_max`, doing at least the prescribed sets."""
    if state.top is None or not done.sets:
        return False
    fewest = state.prescribed_sets[0] if state.prescribed_sets else 1
    if min(len(done.on(side)) for side in _sides(done)) < fewest:
        return False
    rpe_max = state.settings.progression_rpe_max
    return all((s.reps or 0) >= state.top and (s.rpe is None or s.rpe <= rpe_max)
               for s in done.sets)


def _conditions(done: SessionSets) -> frozenset[tuple[float | None, str | None, str | None]]:
    return frozenset((s.load if is_loaded(s) else None, s.unit if is_loaded(s) else None,
                      (s.band or "").casefold() or None) for s in done.sets)


def gated_running(state: ExerciseState) -> bool:
    """`gated` in the last `progression_sessions` sessions, at the same load and band."""
    n = state.settings.progression_sessions
    recent = state.history[-n:]
    return (len(recent) == n and all(gated(state, d) for d in recent)
            and len({_conditions(d) for d in recent}) == 1)


def _times(state: ExerciseState) -> str:
    n = state.settings.progression_sessions
    return {1: "once", 2: "twice"}.get(n, f"in {n} sessions running")


def level_sessions(state: ExerciseState) -> int:
    """Sessions running, up to the latest, at the latest one's sets, loads and bands: how long
    the exercise has waited at its level (reps may have changed)."""
    def level(done: SessionSets) -> tuple[int, frozenset[tuple[float | None, str | None,
                                                           str | None]]]:
        return done.set_count(), _conditions(done)

    latest = level(state.latest)
    n = 0
    for done in reversed(state.history):
        if level(done) != latest:
            break
        n += 1
    return n


def _reached(state: ExerciseState) -> str:
    """Who reached the top: "Both sides" of a one-sided move, "You" of a two-legged one."""
    return "Both sides" if state.latest.one_sided else "You"


def _sides(done: SessionSets) -> tuple[LogSide, ...]:
    return ("left", "right") if done.one_sided else ("both",)


def _hardest_rpe(sessions: Sequence[SessionSets]) -> float | None:
    rpes = [s.rpe for d in sessions for s in d.sets if s.rpe is not None]
    return max(rpes) if rpes else None


def _back_to_sets(state: ExerciseState) -> Suggestion | None:
    """Fewer sets than prescribed last time on any side (a deload, or sets skipped): do them
    all first. The side that did fewest decides: a set skipped on one leg is a set not done."""
    prescribed = state.prescribed_sets
    done = state.latest
    counts = {side: len(done.on(side)) for side in _sides(done)}
    side = min(counts, key=lambda s: counts[s])
    sets = counts[side]
    if prescribed is None or sets >= prescribed[0]:
        return None
    need = prescribed[0]
    if done.one_sided and len(set(counts.values())) > 1:
        said = f"Last time your {side} side did {sets} of the {counted(need, 'set')}"
        each = " on each side"
    else:
        said = f"Last time you did {sets} of the {counted(need, 'set')}"
        each = ""
    return state.suggest("keep", f"{said}: do all {need}{each} before adding more.",
                         sets=need)


def loaded(state: ExerciseState) -> Suggestion:
    s, last = state.settings, state.last
    unit = last.unit or s.default_unit
    step, load = s.load_step(unit), last.load or 0.0
    back = _back_to_sets(state)
    if state.top is None:
        return state.suggest("keep", "No rep range to progress in: repeat last session.")
    if gated_running(state):
        n = s.progression_sessions
        rpe = _hardest_rpe(state.history[-n:])
        steps = s.rpe_steps(rpe) if rpe is not None else 1
        at = f" at RPE {number(rpe)}" if rpe is not None else ""
        did = f"{_reached(state)} reached {counted(state.top, 'rep')}{at} {_times(state)}"
        if steps > 0:
            more = steps * step
            why = "" if rpe is not None else " (no RPE logged: one step)"
            return state.suggest("add load", f"{did}: add {number(more)} {unit}{why}.",
                                 load=load + more, reps=state.bottom, unit=unit)
        if steps == 0:
            return state.suggest("keep", f"{did}: keep {number(load)} {unit} until it feels "
                                         f"easier (RPE {number(s.progression_rpe_max - 1)} or "
                                         f"less).", reps=state.top)
    rpe = _hardest_rpe(state.history[-1:])
    if rpe is not None and s.rpe_steps(rpe) < 0:
        less = -s.rpe_steps(rpe) * step
        return state.suggest("reduce load", f"Your hardest set last time was RPE {number(rpe)}: "
                                            f"take off {number(less)} {unit}.",
                             load=max(0.0, load - less), unit=unit)
    if back is not None:
        return back
    return _reps_or_keep(state)


def _reps_or_keep(state: ExerciseState) -> Suggestion:
    assert state.top is not None
    top = counted(state.top, "rep")
    if gated(state, state.latest):
        return state.suggest("keep", f"{_reached(state)} reached {top} on every set: do it "
                                     f"again to move on.", reps=state.top)
    both = ", both sides" if state.latest.one_sided else ""
    fewest = state.last.reps or 0
    if fewest >= state.top:
        # At the top on every set done, yet not every set was done (on both sides).
        on_both = " on both sides" if state.latest.one_sided else ""
        return state.suggest("keep", f"Do every set at {top}{on_both} to move on.",
                             reps=state.top)
    aim = fewest + 1
    return state.suggest("add reps", f"Your lowest set was {counted(fewest, 'rep')}: aim for "
                                     f"{aim} on every set{both} (up to {state.top}).", reps=aim)


def ladder(state: ExerciseState) -> Suggestion:
    """Band and bodyweight moves: one change at a time."""
    s, last = state.settings, state.last
    if state.top is None:
        return state.suggest("keep", "No rep range to progress in: repeat last session.")
    rpe = _hardest_rpe(state.history[-1:])
    if rpe is not None and s.rpe_steps(rpe) < 0:
        return state.suggest("keep", f"Your hardest set last time was RPE {number(rpe)}: repeat "
                                     f"it before adding more.")
    back = _back_to_sets(state)
    if back is not None:
        return back
    if not gated_running(state):
        return _reps_or_keep(state)
    did = f"{_reached(state)} reached {counted(state.top, 'rep')} {_times(state)}"
    sets = last.sets or 1
    # Without a prescription, the fewest sets ever done stand in for it.
    most = (state.prescribed_sets[1] if state.prescribed_sets
            else min(d.set_count() for d in state.history))
    if sets <= most:
        return state.suggest("add a set", f"{did}: add one set ({counted(sets + 1, 'set')}).",
                             sets=sets + 1, reps=state.top)
    if last.band is None:
        return state.suggest("harder variation", f"{did} with {counted(sets, 'set')}: try a "
                                                 f"harder variation, back to "
                                                 f"{counted(state.bottom or 0, 'rep')}. When "
                                                 f"there is none, slow the tempo instead.",
                             reps=state.bottom)
    order = [b.casefold() for b in s.band_order]
    band = last.band.strip().casefold()
    if band in order and order.index(band) + 1 < len(order):
        harder = s.band_order[order.index(band) + 1]
        return state.suggest("harder band", f"{did} with {counted(sets, 'set')}: move up to "
                                            f"the {harder} band, back to "
                                            f"{counted(state.bottom or 0, 'rep')}.",
                             band=harder, reps=state.bottom)
    if band in order:
        return state.suggest("slower tempo", f"{did} with the {last.band} band: take "
                                             f"{s.slow_lowering_seconds} s to lower each rep.",
                             reps=state.bottom)
    return state.suggest("harder band", f"{did} with {counted(sets, 'set')}: use a harder "
                                        f"band than {last.band}, back to "
                                        f"{counted(state.bottom or 0, 'rep')}.",
                         band=None, reps=state.bottom)


def hold(state: ExerciseState) -> Suggestion:
    s, last = state.settings, state.last
    back = _back_to_sets(state)
    if back is not None:
        return back
    held = last.seconds or 0
    if held >= s.hold_max_seconds:
        start = state.prescription.seconds.lo if state.prescription and state.prescription.seconds \
            else s.stretch_seconds
        return state.suggest("harder variation", f"You held {held} s on every hold: try a "
                                                 f"harder variation, starting at {start} s.",
                             seconds=start)
    aim = min(held + s.hold_step_seconds, s.hold_max_seconds)
    return state.suggest("add time", f"Your shortest hold was {held} s: hold {aim} s next time "
                                     f"(+{s.hold_step_seconds} s a session up to "
                                     f"{s.hold_max_seconds} s).", seconds=aim)


def stretch(state: ExerciseState) -> Suggestion:
    seconds = state.settings.stretch_seconds
    sets = state.prescribed_sets[0] if state.prescribed_sets else state.last.sets
    return state.suggest("keep", f"Stretches stay at {seconds} s.", seconds=seconds, sets=sets)


def forward(state: ExerciseState) -> Suggestion:
    rules = {"loaded": loaded, "band": ladder, "bodyweight": ladder, "hold": hold,
             "stretch": stretch}
    return rules[state.kind](state)
