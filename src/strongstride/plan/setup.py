"""What a runner tells strongstride about her training, read from a form's fields.

`PlanSetup` is everything `plan_weeks` and the calendar need: the running week, the first day
and length of the plan, the strength sessions a week, an optional race, the reminder and the
routine. `read_setup` turns the fields of the web form (plain strings) into one, or into a
message per field that is wrong; it never raises. Pure: `today` comes in from the caller.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from strongstride.plan.schedule import Race
from strongstride.plan.week import (
    DAY_ABBR,
    DAY_NAMES,
    DEFAULT_RUN_TIME,
    ROLES,
    RunningWeek,
    read_time,
)

DEFAULT_WEEKS = 12
MAX_WEEKS = 52
MAX_SESSIONS = 7
DEFAULT_ALARM = 30
ALARM_CHOICES = (0, 15, 30, 60, 120)
RACE_DISTANCES = ("5k", "10k", "half", "marathon", "50k", "100k")
FIRST_YEAR, LAST_YEAR = 2000, 2100
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+/-]{0,59}")


@dataclass(frozen=True, slots=True)
class PlanSetup:
    week: RunningWeek
    start: date
    weeks: int = DEFAULT_WEEKS
    sessions_per_week: int = 2
    race: Race | None = None
    alarm_minutes: int = DEFAULT_ALARM
    routine: str = "runner-glute"


@dataclass(frozen=True, slots=True)
class SetupRead:
    """The setup (None when any field is wrong) and a message per wrong field."""

    setup: PlanSetup | None
    errors: Mapping[str, str] = field(default_factory=dict)


def form_values(setup: PlanSetup | None, today: date) -> dict[str, str]:
    """The form's fields for a setup (or the defaults), the inverse of `read_setup`."""
    if setup is None:
        return {**{day: "" for day in DAY_ABBR}, "strength_time": "18:00",
                "run_time": DEFAULT_RUN_TIME.strftime("%H:%M"), "timezone": "",
                "sessions": "2", "start": today.isoformat(), "weeks": str(DEFAULT_WEEKS),
                "race_date": "", "race_distance": "half", "alarm": str(DEFAULT_ALARM)}
    week = setup.week
    values = {day: week.role(i) or "" for i, day in enumerate(DAY_ABBR)}
    return {**values, "strength_time": week.lift_time.strftime("%H:%M"),
            "run_time": week.run_time.strftime("%H:%M"), "timezone": week.timezone,
            "sessions": str(setup.sessions_per_week), "start": setup.start.isoformat(),
            "weeks": str(setup.weeks),
            "race_date": setup.race.date.isoformat() if setup.race else "",
            "race_distance": setup.race.distance if setup.race else "half",
            "alarm": str(setup.alarm_minutes)}


def _quote(text: str) -> str:
    """A value as a message repeats it: short, quoted, only printable characters."""
    shown = "".join(c if c.isprintable() else "?" for c in text[:30])
    return repr(shown + ("..." if len(text) > 30 else ""))


class _Reader:
    def __init__(self, form: Mapping[str, str]) -> None:
        self.form = form
        self.errors: dict[str, str] = {}

    def text(self, name: str) -> str:
        return str(self.form.get(name, "")).strip()

    def whole(self, name: str, label: str, low: int, high: int, default: int) -> int:
        text = self.text(name)
        if not text:
            return default
        if not text.isdecimal() or not low <= int(text) <= high:
            self.errors[name] = f"{label}: give a whole number from {low} to {high}"
            return default
        return int(text)

    def day(self, name: str, label: str, *, required: bool) -> date | None:
        text = self.text(name)
        if not text:
            if required:
                self.errors[name] = f"{label}: give a date, such as 2027-03-01"
            return None
        try:
            found = date.fromisoformat(text)
        except ValueError:
            found = None
        if found is None or len(text) != 10 or not FIRST_YEAR <= found.year <= LAST_YEAR:
            self.errors[name] = f"{label}: {_quote(text)} is not a date; write it as YYYY-MM-DD"
            return None
        return found

    def clock(self, name: str, label: str, default: time) -> time:
        text = self.text(name)
        if not text:
            return default
        found = read_time(text[:20])
        if found is None:
            self.errors[name] = f"{label}: {_quote(text)} is not a time of day; write it as HH:MM"
            return default
        return found

    def week(self) -> RunningWeek | None:
        days: dict[str, set[int]] = {role: set() for role in ROLES}
        for i, name in enumerate(DAY_ABBR):
            role = self.text(name)
            if role in days:
                days[role].add(i)
            elif role:
                self.errors[name] = (f"{DAY_NAMES[i]}: {_quote(role)} is not a kind of day; "
                                     "choose long, quality, easy, rest or no run")
        if not any(days.values()) and not self.errors:
            self.errors["week"] = ("running week: give at least one day a run (or a rest day), "
                                   "such as a long run on Sunday")
        zone = self.text("timezone") or "UTC"
        try:
            if not _ZONE.fullmatch(zone):
                raise ValueError(zone)
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            self.errors["timezone"] = (f"time zone: {_quote(zone)} is not one; use a name like "
                                       "Europe/Paris or America/New_York")
            zone = "UTC"
        strength = self.clock("strength_time", "strength time", time(18, 0))
        run = self.clock("run_time", "run time", DEFAULT_RUN_TIME)
        if self.errors:
            return None
        return RunningWeek(long=frozenset(days["long"]), quality=frozenset(days["quality"]),
                           easy=frozenset(days["easy"]), rest=frozenset(days["rest"]),
                           strength_time=strength, run_time=run, timezone=zone)

    def race(self, start: date | None) -> Race | None:
        when = self.day("race_date", "race date", required=False)
        distance = self.text("race_distance") or "marathon"
        race = Race(when or date(2000, 1, 1), distance[:40])
        if race.km is None and "ultra" not in distance.lower():
            self.errors["race_distance"] = (f"race distance: {_quote(distance)} is not one; "
                                            "give 5k, 10k, half, marathon or e.g. 50k")
            return None
        if when is None:
            return None
        if start is not None and when < start:
            self.errors["race_date"] = (f"race date: {when} is before the plan starts "
                                        f"({start}); clear it or start the plan earlier")
            return None
        return race


def read_setup(form: Mapping[str, str], *, routine: str = "runner-glute") -> SetupRead:
    """The setup the form's fields describe, or a message per wrong field.

    Fields: `mon`..`sun` (long, quality, easy, rest, or empty for no run), `strength_time`,
    `run_time`, `timezone`, `sessions`, `start`, `weeks`, `race_date`, `race_distance`
    and `alarm` (minutes before a session).
    """
    reader = _Reader(form)
    week = reader.week()
    sessions = reader.whole("sessions", "sessions a week", 1, MAX_SESSIONS, 2)
    start = reader.day("start", "first day", required=True)
    weeks = reader.whole("weeks", "weeks", 1, MAX_WEEKS, DEFAULT_WEEKS)
    race = reader.race(start)
    alarm = reader.whole("alarm", "reminder", 0, 1440, DEFAULT_ALARM)
    if reader.errors or week is None or start is None:
        return SetupRead(None, reader.errors)
    return SetupRead(PlanSetup(week, start, weeks, sessions, race, alarm, routine))
