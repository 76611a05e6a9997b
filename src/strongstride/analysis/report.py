"""The whole analysis for one user as one frozen value, and its JSON form.

`build_report` is pure: the same sessions, sets, prescriptions, morning check-ins, settings
and `today` give the same report, whatever order the records come in.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from strongstride.analysis.adherence import (
    Adherence,
    CalendarDay,
    TrainingWeek,
    WeekCount,
    calendar,
    training_weeks,
    weekly_adherence,
)
from strongstride.analysis.balance import Balance, MuscleSets, balance
from strongstride.analysis.deload import DeloadDue, weekly_deload_due
from strongstride.analysis.focus import Focus, focus, stalled_exercises
from strongstride.analysis.history import Side, exercise_order, group, lookup
from strongstride.analysis.next_session import Outlook, Suggestion, next_session
from strongstride.analysis.pain import (
    MorningCheck,
    MorningResult,
    PainTrend,
    SetLight,
    StiffnessWeek,
    Stop,
    morning_results,
    pain_trends,
    red_flags,
    set_lights,
    stiffness_rising,
    stiffness_weeks,
)
from strongstride.analysis.progress import SideProgress, progress
from strongstride.analysis.settings import DEFAULT_SETTINGS, Settings
from strongstride.analysis.symmetry import SymmetryResult, symmetry
from strongstride.library import Library
from strongstride.records import SessionInfo, SetLog
from strongstride.routine.model import Prescription

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class PainReport:
    sets: tuple[SetLight, ...]
    """The traffic light of every set with a pain score."""
    trends: tuple[PainTrend, ...]
    mornings: tuple[MorningResult, ...]
    stiffness: tuple[StiffnessWeek, ...]
    stiffness_rising: bool
    stops: tuple[Stop, ...]


@dataclass(frozen=True, slots=True)
class Report:
    today: date
    settings: Settings
    involved_side: Side | None
    progress: tuple[SideProgress, ...]
    symmetry: tuple[SymmetryResult, ...]
    balance: Balance
    adherence: Adherence
    calendar: tuple[CalendarDay, ...]
    pain: PainReport
    deload: DeloadDue | None
    suggestions: tuple[Suggestion, ...]
    focus: Focus | None = None
    """The one thing to work on, in plain words (`analysis.focus`)."""


def build_report(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
                 prescriptions: Mapping[str, Prescription],
                 checks: Sequence[MorningCheck] = (),
                 settings: Settings = DEFAULT_SETTINGS, *, today: date,
                 involved_side: Side | None = None, last_deload: date | None = None,
                 library: Library | None = None,
                 earlier: Sequence[TrainingWeek] = ()) -> Report:
    """Everything the analysis says about a user's training up to `today`.

    Records after `today` are left out, so a report can be rebuilt as of any day.
    `involved_side` is the side the user marked as injured (symmetry is then involved /
    uninvolved); `last_deload` is a deload the user marked (deload weeks are also read from
    sessions that did at most half their planned sets).

    `earlier` sums up, week by week, sessions before the calendar's first day that are not in
    `sessions` (a report of recent weeks reads its older sessions that way): they count for
    adherence and the deload rule.
    """
    start = today - timedelta(weeks=settings.calendar_weeks) + timedelta(days=1)
    if any(week.last >= start for week in earlier):
        raise ValueError("the earlier weeks must end before the calendar's first day")
    sessions = sorted((i for i in sessions if i.started_at.date() <= today),
                      key=lambda i: (i.started_at, i.id))
    # No sort: grouping puts the sets in a fixed order whatever order they come in.
    logs = [s for s in logs if s.logged_at.date() <= today]
    checks = sorted((c for c in checks if c.date <= today), key=_check_order)
    grouped = group(sessions, logs)
    order = exercise_order(prescriptions, grouped.logged)
    rank = {name: i for i, name in enumerate(order)}

    def ranked(name: str) -> int:
        return rank.get(name, len(rank))

    targets: dict[str, int] = {}
    for name in grouped.done:
        p = lookup(prescriptions, name)
        work = p and (p.reps or p.seconds)
        if work:
            targets[name] = work.hi
    weeks = training_weeks(sessions, earlier)
    due = weekly_deload_due(weeks, today, settings, last_deload)
    rising = stiffness_rising(checks)
    outlook = Outlook(today, tuple(checks), due, rising)
    ranked_symmetry = tuple(sorted(symmetry(sessions, logs, settings, involved_side, targets,
                                            library, grouped=grouped),
                                   key=lambda r: (ranked(r.exercise), r.exercise)))
    suggestions = next_session(sessions, logs, prescriptions, today, settings, checks,
                               last_deload, library, grouped=grouped, outlook=outlook)
    stalled = stalled_exercises(grouped.done, prescriptions, settings, library)
    return Report(
        today=today,
        settings=settings,
        involved_side=involved_side,
        progress=tuple(sorted(progress(sessions, logs, settings, grouped=grouped),
                              key=lambda p: (ranked(p.exercise), p.exercise))),
        symmetry=ranked_symmetry,
        balance=balance(sessions, logs, library, grouped=grouped),
        adherence=weekly_adherence(weeks, today, settings),
        calendar=calendar(sessions, start, today),
        pain=PainReport(
            sets=tuple(sorted(set_lights(logs, settings, sessions, grouped=grouped),
                              key=lambda s: (ranked(s.exercise), s.exercise))),
            trends=tuple(sorted(pain_trends(sessions, logs, settings, grouped=grouped),
                                key=lambda t: (ranked(t.exercise), t.exercise))),
            mornings=morning_results(sessions, logs, checks, settings, grouped=grouped),
            stiffness=stiffness_weeks(checks),
            stiffness_rising=rising,
            stops=tuple(sorted(red_flags(sessions, logs, settings, grouped=grouped),
                               key=lambda s: (ranked(s.exercise), s.exercise))),
        ),
        deload=due,
        suggestions=suggestions,
        focus=focus(ranked_symmetry, stalled, suggestions, due),
    )


# Properties worth having in the JSON next to the fields.
_PROPERTIES: dict[type, tuple[str, ...]] = {
    MuscleSets: ("sets",),
    WeekCount: ("met",),
    DeloadDue: ("reason",),
}


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in _PROPERTIES.get(type(value), ()):
            out[name] = _plain(getattr(value, name))
        return out
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 2) if math.isfinite(value) else None
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value


def report_dict(report: Report) -> dict[str, object]:
    """The report as JSON-ready values: dates in ISO 8601, numbers rounded to 2 places, keys
    in a fixed order (the fields' order), lists in the report's order."""
    body = _plain(report)
    assert isinstance(body, dict)
    return {"schema": SCHEMA_VERSION, **body}


def _check_order(check: MorningCheck) -> tuple[date, str, str, int, int]:
    """A fixed order of check-ins whatever order they come in; an overall check-in (no
    exercise) first on its day, and stiffness not given before any given."""
    return (check.date, check.exercise or "", check.side, check.pain,
            -1 if check.stiffness is None else check.stiffness)
