"""What the plan page shows, built from a `Schedule`: the regular days with their
compromises set apart, the weeks with the notes about each under it, and the form's choices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from strongstride.routines import LoadedRoutine
from strongstride.schedule.placing import Schedule, ScheduledSession
from strongstride.schedule.setup import ALARM_CHOICES, RACE_DISTANCES
from strongstride.schedule.week import DAY_ABBR, DAY_NAMES

_AREAS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/",
          "Europe/", "Indian/", "Pacific/")
ROLE_CHOICES = (("", "No run"), ("easy", "Easy run"), ("quality", "Quality run"),
                ("long", "Long run"), ("rest", "Rest day"))


@cache
def zones() -> list[str]:
    """Time zones to offer: the IANA names of places, such as Europe/Paris."""
    return [*sorted(z for z in available_timezones() if z.startswith(_AREAS)), "UTC"]


def alarm_words(minutes: int) -> str:
    if minutes == 0:
        return "When it starts"
    if minutes % 60:
        return f"{minutes} minutes before"
    return f"{minutes // 60} hour{'s' if minutes > 60 else ''} before"


@dataclass(frozen=True, slots=True)
class Said:
    """A reason as the page shows it: what was weighed, then the compromises apart."""

    text: str
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WeekView:
    number: int
    sessions: list[tuple[ScheduledSession, Said | None]]
    """Each session, with what it says beyond its usual day's reason (None: nothing)."""
    notes: list[str]


def said(reason: str, warnings: tuple[str, ...]) -> Said:
    """The reason without its compromises (`explain` joins them on with '; ')."""
    text = reason
    for warning in warnings:
        text = text.replace(f"; {warning}", "")
    return Said(text, warnings)


_WEEK_NOTE = re.compile(r"Week (\d+)(?: \(from [\d-]+\))?: (.+)")


def week_views(schedule: Schedule) -> tuple[list[WeekView], list[str]]:
    """The plan week by week, with the notes about one week moved under it; the other notes."""
    usual = {p.weekday: p.reason for p in schedule.pattern}
    by_week: dict[int, list[str]] = {}
    general = []
    for note in schedule.notes:
        found = _WEEK_NOTE.fullmatch(note)
        if found:
            text = found.group(2)
            by_week.setdefault(int(found.group(1)), []).append(text[:1].upper() + text[1:])
        else:
            general.append(note)
    views = []
    for number in range(1, schedule.weeks + 1):
        rows: list[tuple[ScheduledSession, Said | None]] = []
        for s in (s for s in schedule.sessions if s.week == number):
            base = usual.get(s.date.weekday())
            if s.reason == base:
                rows.append((s, None))
            elif base is not None and s.reason.startswith(base):  # a deload or taper on its day
                extra = s.reason[len(base):].strip()
                # A deload week says so once, in its week's note.
                rows.append((s, None if s.kind == "deload" else Said(extra, ())))
            else:
                rows.append((s, said(s.reason, s.warnings)))
        views.append(WeekView(number, rows, by_week.get(number, [])))
    return views, general


def shown(schedule: Schedule | None) -> dict[str, Any]:
    """The plan's part of the page: the regular days, the general notes, the weeks."""
    if schedule is None:
        return {"schedule": None, "pattern": [], "notes": [], "weeks": []}
    weeks, notes = week_views(schedule)
    return {"schedule": schedule, "notes": notes, "weeks": weeks,
            "pattern": [(p, said(p.reason, p.warnings)) for p in schedule.pattern]}


def choices(loaded: Sequence[LoadedRoutine]) -> dict[str, Any]:
    """What the form's fields offer."""
    return {"days": list(zip(DAY_ABBR, DAY_NAMES, strict=True)), "roles": ROLE_CHOICES,
            "distances": RACE_DISTANCES, "zones": zones(),
            "alarm_options": [(str(m), alarm_words(m)) for m in ALARM_CHOICES],
            "routines": list(loaded),
            "routine_options": [(r.id, r.routine.title or r.id) for r in loaded]}
