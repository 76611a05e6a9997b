"""Progress per exercise, session and side: the best set, the volume and the Epley estimate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from strongstride.analysis.history import Grouped, by_exercise, convert, is_loaded
from strongstride.analysis.settings import DEFAULT_SETTINGS, Settings
from strongstride.records import LogSide, SessionInfo, SetLog, Unit

VolumeUnit = Literal["kg", "lb", "reps", "seconds"]


def epley(load: float, reps: int) -> float:
    """Estimated one-rep max (Epley): load x (1 + reps / 30)."""
    return load * (1 + reps / 30)


@dataclass(frozen=True, slots=True)
class BestSet:
    reps: int | None
    seconds: float | None
    load: float | None
    unit: Unit | None
    band: str | None


@dataclass(frozen=True, slots=True)
class SideProgress:
    """One side's work on one exercise in one session (`side` is "both" for two-legged moves).

    `volume` is reps x load in `volume_unit` when a load was used, otherwise the total reps,
    or the total seconds for holds. `e1rm` (Epley, from the best-estimating set) is in `unit`.
    """

    exercise: str
    session_id: str
    date: date
    side: LogSide
    sets: int
    best: BestSet
    volume: float
    volume_unit: VolumeUnit
    e1rm: float | None
    unit: Unit | None


def _kg(log: SetLog, settings: Settings) -> float:
    if not is_loaded(log):
        return 0.0
    assert log.load is not None
    return convert(log.load, log.unit or settings.default_unit, "kg")


def best_set(sets: Sequence[SetLog], settings: Settings = DEFAULT_SETTINGS) -> SetLog:
    """The set with the most reps (or seconds) at the highest load; the first of equals."""
    if not sets:
        raise ValueError("best_set needs at least one set")
    return max(sets, key=lambda s: (_kg(s, settings), s.reps or 0, s.seconds or 0.0))


def _reps_then_seconds(log: SetLog) -> tuple[int, float]:
    return log.reps or 0, log.seconds or 0.0


def side_progress(exercise: str, session_id: str, day: date, side: LogSide,
                  sets: Sequence[SetLog], settings: Settings = DEFAULT_SETTINGS) -> SideProgress:
    weighed = [s for s in sets if s.load is not None and s.load > 0]  # is_loaded
    if not weighed:
        return _unloaded(exercise, session_id, day, side, sets)
    default = settings.default_unit
    best = best_set(sets, settings)
    best_loaded = is_loaded(best)
    loaded = [s for s in weighed if s.reps is not None]
    unit: Unit | None = None
    e1rm: float | None = None
    volume: float
    volume_unit: VolumeUnit
    if loaded:
        unit = (best.unit if best_loaded else loaded[0].unit) or default
        loads = [convert(s.load, s.unit or default, unit) for s in loaded]  # type: ignore[arg-type]
        volume = sum(load * (s.reps or 0) for load, s in zip(loads, loaded, strict=True))
        volume_unit = unit
        e1rm = max(epley(load, s.reps or 0) for load, s in zip(loads, loaded, strict=True))
    elif any(s.reps is not None for s in sets):
        volume, volume_unit = float(sum(s.reps or 0 for s in sets)), "reps"
    else:
        volume, volume_unit = float(sum(s.seconds or 0.0 for s in sets)), "seconds"
    best_set_of = BestSet(best.reps, best.seconds, best.load if best_loaded else None,
                          (best.unit or default) if best_loaded else None, best.band)
    return SideProgress(exercise, session_id, day, side, len(sets), best_set_of, volume,
                        volume_unit, e1rm, unit)


def _unloaded(exercise: str, session_id: str, day: date, side: LogSide,
              sets: Sequence[SetLog]) -> SideProgress:
    """`side_progress` of sets without a load (most of a runner's routine): every set weighs
    0 kg, so the best is the most reps (or seconds), the first of equals, as in best_set."""
    if len(sets) == 1:
        best = sets[0]
    elif not sets:
        raise ValueError("best_set needs at least one set")
    else:
        best = max(sets, key=_reps_then_seconds)
    reps = [s.reps for s in sets if s.reps is not None]
    volume_unit: VolumeUnit = "reps" if reps else "seconds"
    volume = float(sum(reps)) if reps else float(sum(s.seconds or 0.0 for s in sets))
    return SideProgress(exercise, session_id, day, side, len(sets),
                        BestSet(best.reps, best.seconds, None, None, best.band), volume,
                        volume_unit, None, None)


def progress(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
             settings: Settings = DEFAULT_SETTINGS, *,
             grouped: Grouped | None = None) -> tuple[SideProgress, ...]:
    """Every exercise's progress, by exercise name, then session (oldest first), then side."""
    out: list[SideProgress] = []
    for exercise, history in by_exercise(sessions, logs, grouped=grouped).items():
        for done in history:
            day = done.date
            for side in ("left", "right", "both"):
                sets = done.on(side)
                if sets:
                    out.append(side_progress(exercise, done.session_id, day, side, sets,
                                             settings))
    return tuple(out)
