"""One user's report from what the application read for it: sessions, sets, prescriptions.

The analysis reads every set it is given several times over, so its time grows with the sets
it gets. A report therefore covers a window, the last `weeks` weeks up to `today` (12 by
default, 0 for everything): the sessions that started in the window and their sets. Adherence
and the deload rule read every session the user did: those before the window come summed up
per week in SQL (the store's `session_weeks`), a few hundred small rows where a session each cost
more (a session's `sets_done` is kept by the database). The calendar spans the window's weeks
(the settings' `calendar_weeks` for a report of everything).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from strongstride.analysis import (
    DEFAULT_SETTINGS,
    MorningCheck,
    Report,
    Settings,
    TrainingWeek,
    build_report,
)
from strongstride.library import Library, name_key
from strongstride.records import CheckIn, InjuredSide, RoutineVersion, SessionInfo, SetLog
from strongstride.routine.model import Prescription, Routine
from strongstride.routine.parse import parse_routine

DEFAULT_WEEKS = 12
WeekSums = tuple[date, int, date, date, bool]
"""A week before the report's window, summed up: as `analysis.TrainingWeek` takes it."""


@lru_cache(maxsize=64)
def _routine(text: str) -> Routine | None:
    return parse_routine(text).routine


def prescriptions_of(versions: Sequence[RoutineVersion]) -> dict[str, Prescription]:
    """Exercise name -> prescription, in the routine order of the first version (the most
    recently played); exercises found only in older versions follow. Names that differ only
    in case, hyphens or apostrophes are one exercise. A text that no longer parses is
    skipped: the report still shows what was logged."""
    out: dict[str, Prescription] = {}
    seen: set[str] = set()
    for version in versions:
        routine = _routine(version.text)
        if routine is None:
            continue
        for exercise in routine.exercises:
            key = name_key(exercise.name)
            if key not in seen:
                seen.add(key)
                out[exercise.name] = exercise.prescription
    return out


def window(today: date, weeks: int) -> tuple[datetime | None, datetime]:
    """[since, until) in UTC for the last `weeks` weeks up to and including `today`
    (since is None for every week)."""
    until = datetime.combine(today + timedelta(days=1), time(0), UTC)
    if weeks <= 0:
        return None, until
    return until - timedelta(weeks=weeks), until


def build(*, sessions: Sequence[SessionInfo], sets: Sequence[SetLog],
          versions: Sequence[RoutineVersion], checkins: Sequence[CheckIn],
          injured_side: InjuredSide | None, earlier_weeks: Sequence[WeekSums], today: date,
          weeks: int = DEFAULT_WEEKS, settings: Settings = DEFAULT_SETTINGS,
          library: Library | None = None) -> Report:
    """The analysis of what was read for the last `weeks` weeks up to `today` (0: all her
    history): the window's sessions and sets, the routine versions she played, her check-ins,
    her injured side, and the sessions before the window summed up per week."""
    if weeks > 0:
        settings = dataclasses.replace(settings, calendar_weeks=weeks)
    return build_report(list(sessions), list(sets), prescriptions_of(versions),
                        morning_checks(checkins), settings, today=today,
                        involved_side=injured_side, library=library,
                        earlier=[TrainingWeek(*week) for week in earlier_weeks])


def morning_checks(checkins: Sequence[CheckIn]) -> list[MorningCheck]:
    """The stored check-ins as the analysis reads them."""
    return [MorningCheck(c.day, c.pain, c.stiffness, c.exercise, c.side) for c in checkins]
