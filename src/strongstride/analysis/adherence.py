"""Sessions per ISO week against the target, streaks of weeks that met it, and a calendar.

There is no clock here: `today` comes in with the data. A session counts when it finished or
when at least one set was done in it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from strongstride.analysis.history import iso_week
from strongstride.analysis.settings import DEFAULT_SETTINGS, Settings
from strongstride.records import SessionInfo


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: str
    sessions: int
    target: int

    @property
    def met(self) -> bool:
        return self.sessions >= self.target


@dataclass(frozen=True, slots=True)
class Adherence:
    """Weeks from the first session's week to today's, oldest first.

    The current week is still open: it adds to the current streak when it has met the target
    already, and does not break it when it has not yet.
    """

    target: int
    weeks: tuple[WeekCount, ...]
    current_streak: int
    longest_streak: int


def counts(info: SessionInfo) -> bool:
    return info.status == "finished" or info.sets_done > 0


def session_days(sessions: Sequence[SessionInfo]) -> Counter[date]:
    return Counter(info.started_at.date() for info in sessions if counts(info))


def week_starts(first: date, last: date) -> list[date]:
    """The Mondays of every ISO week from `first`'s to `last`'s."""
    monday = first - timedelta(days=first.weekday())
    out: list[date] = []
    while monday <= last:
        out.append(monday)
        monday += timedelta(weeks=1)
    return out


def adherence(sessions: Sequence[SessionInfo], today: date,
              settings: Settings = DEFAULT_SETTINGS) -> Adherence:
    target = settings.sessions_per_week
    days = {d: n for d, n in session_days(sessions).items() if d <= today}
    if not days:
        return Adherence(target, (), 0, 0)
    per_week = Counter[str]()
    for day, n in days.items():
        per_week[iso_week(day)] += n
    weeks = tuple(WeekCount(iso_week(monday), per_week[iso_week(monday)], target)
                  for monday in week_starts(min(days), today))
    longest = run = 0
    for week in weeks:
        run = run + 1 if week.met else 0
        longest = max(longest, run)
    closed = weeks if weeks[-1].met else weeks[:-1]
    current = 0
    for week in reversed(closed):
        if not week.met:
            break
        current += 1
    return Adherence(target, weeks, current, longest)


@dataclass(frozen=True, slots=True)
class CalendarDay:
    date: date
    sessions: int


def calendar(sessions: Sequence[SessionInfo], start: date, end: date) -> tuple[CalendarDay, ...]:
    """Every day from `start` to `end` (both included) with its number of sessions."""
    days = session_days(sessions)
    every = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return tuple(CalendarDay(day, days[day]) for day in every)
