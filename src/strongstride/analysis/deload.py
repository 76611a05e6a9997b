"""Stepping back: the deload (halve the sets, keep the load, days and exercises) about every 6
weeks or after 2 stalled sessions (Rogerson 2024), and the one step back of red pain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from strongstride.analysis.adherence import TrainingWeek, training_weeks
from strongstride.analysis.history import SIDES, SessionSets, is_loaded, iso_week
from strongstride.analysis.plural import counted
from strongstride.analysis.progression import ExerciseState
from strongstride.analysis.settings import Settings
from strongstride.analysis.suggestion import Suggestion, number
from strongstride.records import SessionInfo, SetLog


@dataclass(frozen=True, slots=True)
class DeloadDue:
    since: date
    """The first session, or the last deload when there was one."""
    weeks: int
    after_deload: bool
    in_progress: bool = False
    """This week is a deload week already: keep the rest of it light."""

    @property
    def reason(self) -> str:
        if self.in_progress:
            return "This is a deload week"
        since = "your last deload" if self.after_deload else "your first session"
        return f"{counted(self.weeks, 'week')} since {since}"


def deload_due(sessions: Sequence[SessionInfo], today: date, settings: Settings,
               last_deload: date | None = None) -> DeloadDue | None:
    """A deload is due `deload_every_weeks` after the first session or the last deload, and
    for the rest of a week that started as one."""
    return weekly_deload_due(training_weeks(sessions), today, settings, last_deload)


def weekly_deload_due(weeks: Sequence[TrainingWeek], today: date, settings: Settings,
                      last_deload: date | None = None) -> DeloadDue | None:
    """`deload_due` of the sessions summed up in `weeks`."""
    if not weeks or weeks[0].first > today:
        return None
    first = weeks[0].first
    inferred = (week.last for week in weeks if week.light)
    deloads = sorted(d for d in (*inferred, last_deload) if d and d <= today)
    if deloads and iso_week(deloads[-1]) == iso_week(today):
        return DeloadDue(deloads[-1], 0, True, in_progress=True)
    since = max([first, *deloads])
    weeks_since = (today - since).days // 7
    if weeks_since < settings.deload_every_weeks:
        return None
    return DeloadDue(since, weeks_since, bool(deloads) and since != first)


def _work(state: ExerciseState, done: SessionSets) -> float:
    """The weaker side's total reps (seconds for holds) in a session."""
    def total(sets: Sequence[SetLog]) -> float:
        return sum(float((s.seconds if state.kind == "hold" else s.reps) or 0) for s in sets)

    if done.one_sided:
        return min(total(done.on(side)) for side in SIDES)
    return total(done.sets)


def _same_conditions(a: SessionSets, b: SessionSets) -> bool:
    def conditions(d: SessionSets) -> tuple[int, frozenset[tuple[float | None, str | None]]]:
        return d.set_count(), frozenset(
            (s.load if is_loaded(s) else None, (s.band or "").casefold() or None)
            for s in d.sets)

    return conditions(a) == conditions(b)


def _at_top(state: ExerciseState, done: SessionSets) -> bool:
    if state.kind == "hold":
        return min((s.seconds or 0.0) for s in done.sets) >= state.settings.hold_max_seconds
    return state.top is not None and all((s.reps or 0) >= state.top for s in done.sets)


def stalled(state: ExerciseState, before: SessionSets, after: SessionSets) -> bool:
    """No progress: the same load, band and sets as the session before, which had room to add
    reps (or seconds), and the weaker side did no more than then."""
    return (_same_conditions(before, after) and not _at_top(state, before)
            and _work(state, after) <= _work(state, before))


def stalls(state: ExerciseState) -> int:
    """Stalled sessions running, up to the latest one."""
    if state.kind == "stretch":
        return 0
    history = state.history
    n = 0
    for i in range(len(history) - 1, 0, -1):
        if not stalled(state, history[i - 1], history[i]):
            break
        n += 1
    return n


def deload(state: ExerciseState, why: str) -> Suggestion:
    prescribed = state.prescribed_sets[0] if state.prescribed_sets else 0
    sets = max(state.last.sets or 1, prescribed)
    half = max(1, sets // 2)
    return state.suggest("deload", f"{why}: deload: {counted(half, 'set')} instead "
                                   f"of {sets}, same load, same days and exercises.", sets=half)


def regress(state: ExerciseState, why: str) -> Suggestion:
    """One step back on the exercise's progression."""
    s, last = state.settings, state.last
    if state.kind == "stretch":
        return state.suggest("regress", f"{why}: ease into a gentler stretch, "
                                        f"{s.stretch_seconds} s.", seconds=s.stretch_seconds)
    if state.kind == "hold":
        seconds = max(s.hold_step_seconds, (last.seconds or 0) - s.hold_step_seconds)
        return state.suggest("regress", f"{why}: hold {seconds} s.", seconds=seconds)
    if state.kind == "loaded" and last.load:
        unit = last.unit or s.default_unit
        step = s.load_step(unit)
        return state.suggest("regress", f"{why}: take off {number(step)} {unit}.",
                             load=max(0.0, last.load - step), unit=unit)
    order = [b.casefold() for b in s.band_order]
    band = (last.band or "").strip().casefold()
    if band in order and order.index(band) > 0:
        easier = s.band_order[order.index(band) - 1]
        return state.suggest("regress", f"{why}: use the {easier} band.", band=easier)
    sets = last.sets or 1
    if sets > 1:
        return state.suggest("regress", f"{why}: do one set fewer ({sets - 1}).", sets=sets - 1)
    aim = max(1, state.bottom or last.reps or 1)
    if last.reps is not None and last.reps > aim:
        return state.suggest("regress", f"{why}: {counted(aim, 'rep')} a set.", reps=aim)
    return state.suggest("regress", f"{why}: try an easier variation.")

