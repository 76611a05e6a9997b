"""What a finished session leaves her with: the summary the finish screen, the terminal and
`strongstride session ID` show.

Time taken; sets done of planned, and skipped; each one-sided exercise's left and right, with
the gap in words only where today's sets can show one (same load and band on both sides, no
side skipped, no pain that leaves the session out: the symmetry rules' own reading); the
highest pain and where; personal bests per side against her earlier sessions; what the
next-session rules change next time and why; and whether tomorrow morning's check-in is due.

Everything is read from the records given: no clock, no database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from strongstride.analysis.history import (
    SIDES,
    SessionSets,
    Side,
    convert,
    group,
    is_done,
    is_loaded,
)
from strongstride.analysis.next_session import next_session
from strongstride.analysis.pain import Light, MorningCheck, traffic_light
from strongstride.analysis.settings import DEFAULT_SETTINGS, Settings
from strongstride.analysis.suggestion import Suggestion, number
from strongstride.analysis.symmetry import compare_session
from strongstride.library import Library, default_library, name_key
from strongstride.records import BestMark, LogSide, SessionInfo, SetLog, Unit
from strongstride.routine.model import Prescription

BestKind = Literal["load", "reps", "seconds"]
# Suggestions that leave the exercise as it was: not a change worth a line.
_SAME = frozenset({"keep", "start"})


@dataclass(frozen=True, slots=True)
class SideToday:
    """One side of a one-sided exercise today: the sets done and how many were skipped."""

    side: Side
    reps: tuple[int, ...]
    seconds: tuple[float, ...]
    loads: tuple[float | None, ...]
    """The load of each set done (None: body weight), in `unit`."""
    unit: Unit | None
    band: str | None
    skipped: int
    text: str
    """"10, 9 reps at 12 kg", "30 s, 25 s", "skipped"."""


@dataclass(frozen=True, slots=True)
class SidesToday:
    exercise: str
    left: SideToday
    right: SideToday
    gap: str | None
    """The gap between the sides in words, only where today's sets can measure it."""
    why_no_gap: str
    """Why there is no gap to tell ("" when there is one, or for a stretch)."""
    weaker: Side | None = None
    lsi: float | None = None
    at_target: bool = False
    """Both sides stopped at the target on every set: no gap to see, none to worry about."""


@dataclass(frozen=True, slots=True)
class PainToday:
    """The highest pain noted today and where; `sets` counts the sets with pain noted."""

    highest: int
    light: Light
    exercise: str
    side: LogSide
    set_number: int
    sets: int
    text: str


@dataclass(frozen=True, slots=True)
class PersonalBest:
    """A side's best yet on an exercise: the heaviest load, or the most reps (seconds) at a
    load and band she has done before."""

    exercise: str
    side: LogSide
    kind: BestKind
    value: float
    before: float
    load: float | None
    unit: Unit | None
    band: str | None
    text: str


@dataclass(frozen=True, slots=True)
class CheckinDue:
    """The morning check-in after this session: the day, whether it is still to do, why."""

    day: date
    due: bool
    why: str


@dataclass(frozen=True, slots=True)
class FinishSummary:
    session_id: str
    routine: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    seconds: int | None
    """Time taken: start to end (to the last set while the session is still open)."""
    planned: int
    done: int
    skipped: int
    sides: tuple[SidesToday, ...]
    pain: PainToday | None
    bests: tuple[PersonalBest, ...]
    next_time: tuple[Suggestion, ...]
    """The exercises that change next time, with the reason, in routine order."""
    unchanged: int
    """The exercises that stay as they were."""
    checkin: CheckinDue


def _one_per_step(sets: Sequence[SetLog]) -> list[SetLog]:
    """The last set logged for each step: a step logged again (an edit) counts once."""
    latest: dict[str, SetLog] = {}
    for log in sorted(sets, key=lambda s: (s.logged_at, s.key)):
        latest[log.step_key] = log
    return list(latest.values())


def _amount(log: SetLog) -> str:
    return f"{log.reps}" if log.reps is not None else f"{number(log.seconds or 0.0)} s"


def _load_text(load: float | None, unit: Unit | None) -> str:
    return f"{number(load)} {unit or 'kg'}" if load else ""


def _side_today(side: Side, done: Sequence[SetLog], skipped: int,
                settings: Settings) -> SideToday:
    unit: Unit | None = next((s.unit or settings.default_unit for s in done if is_loaded(s)), None)
    loads = tuple(convert(s.load or 0.0, s.unit or settings.default_unit, unit)
                  if is_loaded(s) and unit else None for s in done)
    bands = {s.band for s in done if s.band}
    band = next(iter(bands)) if len(bands) == 1 else None
    if not done:
        text = "skipped" if skipped else "not done"
    elif len(set(loads)) == 1 and len(bands) <= 1:
        reps = all(s.reps is not None for s in done)
        amounts = ", ".join(_amount(s) for s in done) + (" reps" if reps else "")
        extra = [x for x in (_load_text(loads[0], unit), f"{band} band" if band else "") if x]
        text = amounts + (f" at {', '.join(extra)}" if extra else "")
    else:
        text = ", ".join(
            _amount(s) + (f" x {_load_text(load, unit)}" if load else "")
            + (f" ({s.band} band)" if s.band else "") for s, load in zip(done, loads, strict=True))
    if done and skipped:
        text += f" ({skipped} skipped)"
    return SideToday(side, tuple(s.reps for s in done if s.reps is not None),
                     tuple(s.seconds for s in done if s.seconds is not None), loads, unit, band,
                     skipped, text)


def _mean(value: float) -> str:
    return number(round(value, 1))


@dataclass(frozen=True, slots=True)
class _Gap:
    words: str | None = None
    why_not: str = ""
    weaker: Side | None = None
    lsi: float | None = None
    at_target: bool = False


def _gap(exercise: str, today: SessionSets, logged: SessionSets, settings: Settings,
         involved: Side | None, is_stretch: bool) -> _Gap:
    if is_stretch:
        return _Gap()
    for side in SIDES:
        if not today.on(side):
            word = "skipped" if logged.on(side) else "not done"
            return _Gap(why_not=f"the {side} side was {word}")
    reading = compare_session(exercise, today, settings, involved)
    if reading.status != "compared":
        # A target is given back only when both sides stopped at it on every set.
        return _Gap(why_not=reading.why, at_target=reading.target is not None)
    if reading.basis == "epley":
        return _Gap(why_not="different loads on each side, so the sets do not compare like "
                            "for like")
    assert reading.left is not None and reading.right is not None
    per = "reps a set" if reading.basis == "reps" else "s a hold"
    at = [x for x in (_load_text(reading.load, reading.unit),
                      f"{reading.band} band" if reading.band else "") if x]
    where = f" at {', '.join(at)}" if at else ""
    if reading.weaker is None:
        return _Gap(f"Left and right matched: {_mean(reading.left)} {per} each{where}.",
                    lsi=reading.lsi)
    less = "fewer reps" if reading.basis == "reps" else "less time"
    return _Gap(f"Left {_mean(reading.left)}, right {_mean(reading.right)} {per}{where}: "
                f"{reading.difference:.0f}% {less} on the {reading.weaker}.",
                weaker=reading.weaker, lsi=reading.lsi)


def _sides(today: Mapping[str, SessionSets], logged: Mapping[str, SessionSets],
           settings: Settings, involved: Side | None, library: Library) -> list[SidesToday]:
    out: list[SidesToday] = []
    in_order = sorted(logged.items(), key=lambda kv: min(
        (s.section, s.exercise_index) for s in kv[1].sets))
    for name, every in in_order:
        if not every.one_sided:
            continue
        done = today.get(name)
        if done is None:
            continue  # skipped on both sides: counted with the skipped sets, nothing to compare
        info = library.find(name)
        parts = {side: _side_today(side, done.on(side),
                                   sum(s.skipped for s in every.on(side)), settings)
                 for side in SIDES}
        gap = _gap(name, done, every, settings, involved, info is not None and info.hold)
        out.append(SidesToday(name, parts["left"], parts["right"], gap.words, gap.why_not,
                              gap.weaker, gap.lsi, gap.at_target))
    return out


def _pain(sets: Sequence[SetLog], settings: Settings) -> PainToday | None:
    noted = [s for s in sets if s.pain is not None]
    if not noted:
        return None
    worst = max(noted, key=lambda s: (s.pain or 0, -s.section, -s.exercise_index,
                                      -s.set_number))
    pain = worst.pain or 0
    light = traffic_light(pain, settings)
    side = "" if worst.side == "both" else f", {worst.side} side"
    where = f"{worst.exercise}{side}, set {worst.set_number}"
    if pain == 0:
        text = f"No pain on the {len(noted)} set{'s' if len(noted) != 1 else ''} you noted it."
    else:
        text = f"Highest pain {pain}/10 ({light}): {where}."
    return PainToday(pain, light, worst.exercise, worst.side, worst.set_number, len(noted),
                     text)


Loaded = SetLog | BestMark  # what has a load, band and variation


def _kg(log: Loaded, settings: Settings) -> float:
    if log.load is None or log.load <= 0:  # is_loaded, for a set or a mark
        return 0.0
    return round(convert(log.load, log.unit or settings.default_unit, "kg"), 3)


def _condition(log: Loaded, settings: Settings) -> tuple[float, str, str]:
    return (_kg(log, settings), (log.band or "").strip().casefold(),
            (log.variation or "").strip().casefold())


def best_marks(sets: Sequence[SetLog]) -> list[BestMark]:
    """The sets done summed up as the store's `best_marks` does in SQL: the most reps and the
    longest hold per exercise, side, load, unit, band and variation."""
    marks: dict[tuple[object, ...], BestMark] = {}
    for log in sets:
        if not is_done(log):
            continue
        key = (log.exercise, log.side, log.load, log.unit, log.band, log.variation)
        found = marks.get(key)
        reps, seconds = log.reps, log.seconds
        if found is not None:
            reps = max((r for r in (reps, found.reps) if r is not None), default=None)
            seconds = max((x for x in (seconds, found.seconds) if x is not None), default=None)
        marks[key] = BestMark(log.exercise, log.side, log.load, log.unit, log.band,
                              log.variation, reps, seconds)
    return list(marks.values())


def _best_of_side(exercise: str, side: LogSide, today: Sequence[SetLog],
                  before: Sequence[BestMark], settings: Settings) -> PersonalBest | None:
    """The side's best yet today, or None (also when there is nothing earlier to beat)."""
    if not today or not before:
        return None
    where = "" if side == "both" else f" on the {side}"
    heaviest = max(today, key=lambda s: (_kg(s, settings), s.reps or 0, s.seconds or 0.0))
    top = _kg(heaviest, settings)
    earlier = max(_kg(m, settings) for m in before)
    unit: Unit = heaviest.unit or settings.default_unit
    if top > earlier:
        was = convert(earlier, "kg", unit)
        now_text = _load_text(heaviest.load, unit)
        was_text = f"best before: {number(round(was, 2))} {unit}" if earlier else \
            "before: body weight"
        return PersonalBest(exercise, side, "load", heaviest.load or 0.0, round(was, 2),
                            heaviest.load, unit, heaviest.band,
                            f"Heaviest yet{where}: {now_text} ({was_text}).")
    found: list[PersonalBest] = []
    for log in today:
        timed = log.reps is None
        condition = _condition(log, settings)
        same = [float(m.seconds if timed else m.reps)  # type: ignore[arg-type]
                for m in before if _condition(m, settings) == condition
                and (m.seconds if timed else m.reps) is not None]
        if not same:
            continue
        value = float(log.seconds or 0.0) if timed else float(log.reps or 0)
        was = max(same)
        if value <= was:
            continue
        at = [x for x in (_load_text(log.load if is_loaded(log) else None, log.unit),
                          f"the {log.band} band" if log.band else "") if x]
        what = "Longest hold" if timed else "Most reps"
        amount = f"{number(value)} s" if timed else number(value)
        before_text = f"{number(was)} s" if timed else number(was)
        found.append(PersonalBest(
            exercise, side, "seconds" if timed else "reps", value, was,
            log.load if is_loaded(log) else None, log.unit if is_loaded(log) else None,
            log.band, f"{what}{where}{' at ' + ' with '.join(at) if at else ''}: {amount} "
                      f"(best before: {before_text})."))
    if not found:
        return None
    # The heaviest of them, then the biggest step past the old best.
    return max(found, key=lambda b: (convert(b.load or 0.0, b.unit or "kg", "kg"),
                                     b.value - b.before))


def _bests(today: Mapping[str, SessionSets], marks: Sequence[BestMark],
           settings: Settings) -> list[PersonalBest]:
    by_name: dict[str, list[BestMark]] = {}
    for mark in marks:
        by_name.setdefault(name_key(mark.exercise), []).append(mark)
    out: list[PersonalBest] = []
    in_order = sorted(today.items(), key=lambda kv: min(
        (s.section, s.exercise_index) for s in kv[1].sets))
    for name, done in in_order:
        earlier = by_name.get(name_key(name), [])
        for side in ("left", "right", "both"):
            before = [m for m in earlier if m.side == side]
            best = _best_of_side(name, side, done.on(side), before, settings)
            if best is not None:
                out.append(best)
    return out


def _checkin(info: SessionInfo, pain: PainToday | None,
             checks: Sequence[MorningCheck], settings: Settings) -> CheckinDue:
    # The morning after is the session's day + 1, as the pain rules read it.
    day = info.started_at.date() + timedelta(days=1)
    if any(c.date == day and c.exercise is None for c in checks):
        return CheckinDue(day, False, "Your check-in for that morning is in.")
    if pain is not None and pain.highest > settings.green_max:
        return CheckinDue(day, True,
                          f"Your pain reached {pain.highest}/10 ({pain.light}): it should be "
                          f"back to {settings.green_max} or less by tomorrow morning. Your "
                          "check-in tells the next session whether to hold or step back.")
    return CheckinDue(day, True, "How you feel tomorrow morning tells whether today's load "
                                 "suited you, before the next session adds to it.")


def finish_summary(info: SessionInfo, sets: Sequence[SetLog], *,
                   earlier_sessions: Sequence[SessionInfo] = (),
                   earlier_sets: Sequence[SetLog] = (),
                   marks: Sequence[BestMark] | None = None,
                   prescriptions: Mapping[str, Prescription] | None = None,
                   checks: Sequence[MorningCheck] = (), involved: Side | None = None,
                   settings: Settings = DEFAULT_SETTINGS,
                   library: Library | None = None) -> FinishSummary:
    """The summary of session `info` from its `sets` (skipped ones too), her sessions and sets
    before it (for the next session: the application gives the same weeks as for today's
    targets), her best marks before it (for personal bests: `best_marks` of every earlier
    set, which the store sums up in SQL; default: those of `earlier_sets`), the routine's
    `prescriptions` (by exercise name, in routine order) and her morning checks."""
    library = library or default_library()
    mine = _one_per_step([s for s in sets if s.session_id == info.id])
    done = [s for s in mine if is_done(s)]
    today = group([info], mine)
    before = [s for s in earlier_sets if s.session_id != info.id]
    today_done = {name: found[0] for name, found in today.done.items()}
    today_logged = {name: found[0] for name, found in today.logged.items()}
    end = info.ended_at or max((s.logged_at for s in mine), default=None)
    seconds = max(0, round((end - info.started_at).total_seconds())) if end else None
    pain = _pain(mine, settings)
    suggestions = next_session([*(e for e in earlier_sessions if e.id != info.id), info],
                               [*before, *mine],
                               prescriptions or {}, info.started_at.date(), settings,
                               checks, library=library)
    changes = tuple(s for s in suggestions if s.action not in _SAME)
    return FinishSummary(
        info.id, info.routine_title or info.routine_slug, info.started_at, info.ended_at,
        info.status, seconds, info.planned_sets, len(done), sum(s.skipped for s in mine),
        tuple(_sides(today_done, today_logged, settings, involved, library)), pain,
        tuple(_bests(today_done, best_marks(before) if marks is None else marks, settings)),
        changes,
        len(suggestions) - len(changes), _checkin(info, pain, checks, settings))
