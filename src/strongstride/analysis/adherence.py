"""Sessions per ISO week against the target, streaks of weeks that met it, and a calendar.

There is no clock here: `today` comes in with the data. A session counts when it finished or
when at least one set was done in it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

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


def is_light(info: SessionInfo) -> bool:
    """At most half the planned sets were done: a deload session."""
    return info.planned_sets > 0 and info.sets_done * 2 <= info.planned_sets


@dataclass(frozen=True, slots=True)
class TrainingWeek:
    """The sessions that count (`counts`) in one ISO week: all adherence and the deload rule
    read of them. The store can sum the weeks up in SQL (`Store.report_reads`)."""

    monday: date
    sessions: int
    first: date
    """The day of the week's first session."""
    last: date
    """The day of the week's last session."""
    light: bool
    """Every session was light (`is_light`): a deload week."""

    def merged(self, other: TrainingWeek) -> TrainingWeek:
        """This week with `other`, the same week's other sessions, added."""
        return TrainingWeek(self.monday, self.sessions + other.sessions,
                            min(self.first, other.first), max(self.last, other.last),
                            self.light and other.light)


def training_weeks(sessions: Iterable[SessionInfo],
                   earlier: Iterable[TrainingWeek] = ()) -> tuple[TrainingWeek, ...]:
    """The weeks of the sessions that count, oldest first, merged with `earlier` (weeks
    summed up from other sessions, such as those before a report's window)."""
    # [sessions, first, last, light] per week, by the ordinal of its Monday (day 1 of the
    # proleptic calendar was a Monday); one record per week at the end.
    weeks: dict[int, list[Any]] = {}
    for info in sessions:
        if not counts(info):
            continue
        day = info.started_at.date()
        ordinal = day.toordinal()
        monday = ordinal - (ordinal - 1) % 7
        light = is_light(info)
        found = weeks.get(monday)
        if found is None:
            weeks[monday] = [1, day, day, light]
        else:
            found[0] += 1
            found[1] = min(found[1], day)
            found[2] = max(found[2], day)
            found[3] = found[3] and light
    made = {monday: TrainingWeek(date.fromordinal(monday), *week)
            for monday, week in weeks.items()}
    for week in earlier:
        monday = week.monday.toordinal()
        same = made.get(monday)
        made[monday] = week if same is None else week.merged(same)
    return tuple(made[monday] for monday in sorted(made))


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
    return weekly_adherence(
        training_weeks(info for info in sessions if info.started_at.date() <= today),
        today, settings)


def weekly_adherence(weeks: Sequence[TrainingWeek], today: date,
                     settings: Settings = DEFAULT_SETTINGS) -> Adherence:
    """`adherence` of the sessions summed up in `weeks` (none after `today`)."""
    target = settings.sessions_per_week
    if not weeks:
        return Adherence(target, (), 0, 0)
    per_week = {week.monday: week.sessions for week in weeks}
    counted = tuple(WeekCount(iso_week(monday), per_week.get(monday, 0), target)
                    for monday in week_starts(weeks[0].first, today))
    longest = run = 0
    for week in counted:
        run = run + 1 if week.met else 0
        longest = max(longest, run)
    closed = counted if counted[-1].met else counted[:-1]
    current = 0
    for week in reversed(closed):
        if not week.met:
            break
        current += 1
    return Adherence(target, counted, current, longest)


@dataclass(frozen=True, slots=True)
class CalendarDay:
    date: date
    sessions: int


def calendar(sessions: Sequence[SessionInfo], start: date, end: date) -> tuple[CalendarDay, ...]:
    """Every day from `start` to `end` (both included) with its number of sessions."""
    days = session_days(sessions)
    every = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return tuple(CalendarDay(day, days[day]) for day in every)
