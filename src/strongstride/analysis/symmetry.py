"""Left/right symmetry of one-sided exercises: the LSI per session and a flag that waits for a
persistent, same-side gap (DOMAIN.md, Left/right symmetry).

Sides are compared only at the same load and band (the variation is the exercise itself);
where the loads differ, on the Epley estimate. Sets where both sides stopped at the target say
nothing about symmetry, and sessions with pain are left out.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from strongstride.analysis.history import (
    SIDES,
    Grouped,
    SessionSets,
    Side,
    by_exercise,
    convert,
    is_loaded,
    other,
)
from strongstride.analysis.progress import epley
from strongstride.analysis.settings import DEFAULT_SETTINGS, Settings
from strongstride.analysis.symmetry_words import exercise_message
from strongstride.library import Library, default_library
from strongstride.records import SessionInfo, SetLog, Unit

Status = Literal["collecting data", "not measurable", "balanced", "flagged"]
SessionStatus = Literal["compared", "not measurable", "left out"]
Basis = Literal["reps", "seconds", "epley"]
_Condition = tuple[float, str, str]  # load in kg, band, variation


@dataclass(frozen=True, slots=True)
class SessionSymmetry:
    """One session's left/right comparison of one exercise.

    `left` and `right` are the compared values (mean reps or seconds per set at the shared
    load and band, or the best Epley estimate in kg). `lsi` is weaker / stronger x 100, or
    involved / uninvolved x 100 when an involved side is given (then it can pass 100).
    `difference` is (stronger - weaker) / stronger x 100 and `weaker` names the weaker side
    (None when the sides are equal).
    """

    exercise: str
    session_id: str
    date: date
    status: SessionStatus
    why: str = ""
    basis: Basis | None = None
    left: float | None = None
    right: float | None = None
    lsi: float | None = None
    difference: float | None = None
    weaker: Side | None = None
    load: float | None = None
    unit: Unit | None = None
    band: str | None = None
    target: int | None = None


@dataclass(frozen=True, slots=True)
class SymmetryResult:
    """The symmetry of one exercise over its recent comparable sessions."""

    exercise: str
    status: Status
    message: str
    comparable: int
    """Comparable sessions in the window (at most `rolling_window`)."""
    median_lsi: float | None = None
    weaker: Side | None = None
    """The side weaker in the most sessions of the window, if one side was weaker more often."""
    weaker_count: int = 0
    median_difference: float | None = None
    """Median of the differences, counted positive when `weaker` was the weaker side."""
    involved: Side | None = None
    sessions: tuple[SessionSymmetry, ...] = ()


def _measure(sets: Sequence[SetLog]) -> Basis:
    return "reps" if all(s.reps is not None for s in sets) else "seconds"


def _value(log: SetLog, basis: Basis) -> float:
    return float(log.reps or 0) if basis == "reps" else float(log.seconds or 0.0)


def _target(log: SetLog, basis: Basis) -> int | None:
    target = log.target_reps if basis == "reps" else log.target_seconds
    return target[1] if target else None


def _condition(log: SetLog, settings: Settings) -> _Condition:
    kg = convert(log.load or 0.0, log.unit or settings.default_unit, "kg") if is_loaded(log) else 0
    return (round(kg, 3), (log.band or "").strip().casefold(),
            (log.variation or "").strip().casefold())


def _ratios(values: dict[Side, float],
            involved: Side | None) -> tuple[float, float, Side | None] | None:
    """(lsi, difference, weaker side), or None when there is nothing to divide by."""
    left, right = values["left"], values["right"]
    low, high = min(left, right), max(left, right)
    reference = high if involved is None else values[other(involved)]
    if reference <= 0:
        return None
    weaker: Side | None = None if left == right else ("left" if left < right else "right")
    lsi = (low if involved is None else values[involved]) / reference * 100
    return lsi, (high - low) / high * 100, weaker


def compare_session(exercise: str, done: SessionSets, settings: Settings = DEFAULT_SETTINGS,
                    involved: Side | None = None,
                    target: int | None = None) -> SessionSymmetry:
    """Compare the sides of one exercise in one session.

    `target` is the prescribed rep (or second) target, used when the logs carry none.
    """
    # Each reading is made once, with all its values: a report compares a thousand sessions
    # and a `replace` costs several times a constructor.
    day = done.date
    painful = [s for s in done.sets if s.pain is not None and s.pain >= settings.pain_exclusion]
    if painful:
        worst = max(painful, key=lambda s: s.pain or 0)
        where = "" if worst.side == "both" else f" on the {worst.side} side"
        return SessionSymmetry(exercise, done.session_id, day, "left out",
                               f"pain {worst.pain}/10{where}: sessions with pain "
                               f"{settings.pain_exclusion} or more are left out")
    sides = {side: done.on(side) for side in SIDES}
    missing = [side for side in SIDES if not sides[side]]
    if missing:
        return SessionSymmetry(exercise, done.session_id, day, "left out",
                               f"the {missing[0]} side was not logged")
    basis = _measure([*sides["left"], *sides["right"]])
    conditions = {side: [(_condition(s, settings), s) for s in sides[side]] for side in SIDES}
    shared = {c for c, _ in conditions["left"]} & {c for c, _ in conditions["right"]}
    if shared:
        return _compare_at(exercise, done, conditions, shared, basis, settings, involved,
                           target)
    loaded = {side: [s for s in sides[side] if is_loaded(s) and s.reps] for side in SIDES}
    if basis == "reps" and all(loaded.values()):
        values: dict[Side, float] = {
            side: max(epley(convert(s.load or 0.0, s.unit or settings.default_unit, "kg"),
                            s.reps or 0) for s in loaded[side])
            for side in SIDES}
        ratios = _ratios(values, involved)
        assert ratios is not None  # both sides have reps at a load
        lsi, difference, weaker = ratios
        return SessionSymmetry(exercise, done.session_id, day, "compared",
                               "different loads: compared on the Epley estimate", "epley",
                               values["left"], values["right"], lsi, difference, weaker,
                               unit="kg")
    return SessionSymmetry(exercise, done.session_id, day, "left out",
                           "different bands, loads or variations on each side and no load "
                           "to estimate from")


def _compare_at(exercise: str, done: SessionSets,
                sides: dict[Side, list[tuple[_Condition, SetLog]]],
                shared: set[_Condition], basis: Basis, settings: Settings,
                involved: Side | None, target: int | None) -> SessionSymmetry:
    def sets_at(side: Side, condition: _Condition) -> list[SetLog]:
        return [s for c, s in sides[side] if c == condition]

    # The heaviest shared load, then the one with the most sets on both sides.
    condition = (next(iter(shared)) if len(shared) == 1 else max(shared, key=lambda c: (
        c[0], min(len(sets_at("left", c)), len(sets_at("right", c))), c[1])))
    compared = {side: sets_at(side, condition) for side in SIDES}
    every = [*compared["left"], *compared["right"]]
    at_kg = condition[0]
    unit: Unit | None = (every[0].unit or settings.default_unit) if at_kg else None
    load = convert(at_kg, "kg", unit) if unit else None
    band = every[0].band or None
    targets = [_target(s, basis) or target for s in every]
    if all(t is not None and _value(s, basis) >= t for s, t in zip(every, targets, strict=True)):
        top = max(t for t in targets if t is not None)
        word = "rep" if basis == "reps" else "second"
        return SessionSymmetry(exercise, done.session_id, done.date, "not measurable",
                               f"both sides reached the {top}-{word} target on every set",
                               basis, load=load, unit=unit, band=band, target=top)
    values: dict[Side, float] = {
        side: statistics.fmean(_value(s, basis) for s in compared[side]) for side in SIDES}
    ratios = _ratios(values, involved)
    if ratios is None:
        return SessionSymmetry(exercise, done.session_id, done.date, "not measurable",
                               "there was nothing to compare against", basis, load=load,
                               unit=unit, band=band)
    lsi, difference, weaker = ratios
    return SessionSymmetry(exercise, done.session_id, done.date, "compared", "", basis,
                           values["left"], values["right"], lsi, difference, weaker, load, unit,
                           band)


def summarize(exercise: str, readings: Sequence[SessionSymmetry],
              settings: Settings = DEFAULT_SETTINGS,
              involved: Side | None = None) -> SymmetryResult:
    """The flag rule over one exercise's session readings (oldest first)."""
    compared = [r for r in readings if r.status == "compared"]
    window = compared[-settings.rolling_window:]
    result = SymmetryResult(exercise, "collecting data", "", len(window), involved=involved,
                            sessions=tuple(readings))
    if len(window) < settings.min_comparable_sessions:
        latest = [r for r in readings if r.status != "left out"]
        status: Status = ("not measurable" if latest and latest[-1].status == "not measurable"
                          else "collecting data")
        return _finish(replace(result, status=status), settings,
                       latest[-1] if latest else None, ())
    lsis = [r.lsi for r in window if r.lsi is not None]
    median = statistics.median(lsis)
    counts = {side: sum(r.weaker == side for r in window) for side in SIDES}
    weaker: Side | None = None
    if counts["left"] != counts["right"]:
        weaker = "left" if counts["left"] > counts["right"] else "right"
    signed = [(r.difference or 0.0) * (1 if r.weaker == weaker else -1) for r in window]
    flagged = (median < settings.lsi_cutoff and weaker is not None
               and counts[weaker] >= settings.same_side_weaker)
    numbers = replace(result, status="flagged" if flagged else "balanced", median_lsi=median,
                      weaker=weaker, weaker_count=counts[weaker] if weaker else 0,
                      median_difference=statistics.median(signed) if weaker else None)
    return _finish(numbers, settings, None, window)


def _finish(result: SymmetryResult, settings: Settings, latest: SessionSymmetry | None,
            window: Sequence[SessionSymmetry]) -> SymmetryResult:
    return replace(result, message=exercise_message(result, settings, latest, window))


def symmetry(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
             settings: Settings = DEFAULT_SETTINGS, involved: Side | None = None,
             targets: dict[str, int] | None = None,
             library: Library | None = None, *,
             grouped: Grouped | None = None) -> tuple[SymmetryResult, ...]:
    """Symmetry of every exercise logged on the left and right sides, by exercise name.

    `involved` names the side the user marked as injured (LSI = involved / uninvolved);
    `targets` gives a prescribed rep target per exercise for logs that carry none. Held
    stretches (as the library marks them) measure no strength and are left out.
    """
    library = library or default_library()
    out: list[SymmetryResult] = []
    for exercise, history in by_exercise(sessions, logs, grouped=grouped).items():
        sided = [done for done in history if done.one_sided]
        info = library.find(exercise)
        if not sided or (info is not None and info.hold):
            continue
        target = (targets or {}).get(exercise)
        readings = [compare_session(exercise, done, settings, involved, target) for done in sided]
        out.append(summarize(exercise, readings, settings, involved))
    return tuple(out)
