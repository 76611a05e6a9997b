"""What a runner tells strongstride about her training, read from a form's fields.

`ScheduleSetup` is everything `schedule_weeks` and the calendar need: the running week, the
first day and length of the schedule, the strength sessions a week, an optional race, the
reminder and the routine. `read_setup` turns the fields of the web form (plain strings) into
one, or into a message per field that is wrong; it never raises. Pure: `today` comes in from
the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from strongstride import rules
from strongstride.errors import Issue
from strongstride.schedule.placing import Race
from strongstride.schedule.week import (
    DAY_ABBR,
    DAY_NAMES,
    DEFAULT_RUN_TIME,
    ROLES,
    RunningWeek,
    read_time,
    validate_week,
)

DEFAULT_WEEKS = 12
MAX_WEEKS = 52
MAX_SESSIONS = 7
DEFAULT_ALARM = 30
ALARM_MAX = 24 * 60
ALARM_CHOICES = (0, 15, 30, 60, 120)
RACE_DISTANCES = ("5k", "10k", "half", "marathon", "50k", "100k")
FIRST_YEAR, LAST_YEAR = 2000, 2100
_quote = rules.quote


@dataclass(frozen=True, slots=True)
class ScheduleSetup:
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

    setup: ScheduleSetup | None
    errors: Mapping[str, str] = field(default_factory=dict)


def race_distance_issue(distance: object, field: str = "race.distance") -> Issue | None:
    """A race distance the plan can read: 5k, 10k, half, marathon, "50k", "15 mi", or
    anything called an ultra."""
    found = rules.text_issue(field, distance, limit=rules.RACE_DISTANCE_MAX, required=True,
                             label="race distance")
    if found is not None:
        return found
    assert isinstance(distance, str)
    if Race(date(2000, 1, 1), distance).km is None and "ultra" not in distance.lower():
        return Issue(f"race distance: {rules.quote(distance)} is not one; give 5k, 10k, half, "
                     "marathon or e.g. 50k", field=field)
    return None


def validate_setup(setup: ScheduleSetup) -> tuple[Issue, ...]:
    """The running week and the plan's settings: what the plan page, `strongstride plan
    --save`, the store and the backup keep (`rules.validate` answers with this)."""
    issues = list(validate_week(setup.week))
    if not isinstance(setup.start, date) or not FIRST_YEAR <= setup.start.year <= LAST_YEAR:
        issues.append(Issue(f"first day: {setup.start!r} is not a date from {FIRST_YEAR} to "
                            f"{LAST_YEAR}", field="start"))
    issues += _settings_issues(setup.weeks, setup.sessions_per_week, setup.alarm_minutes,
                               setup.routine)
    race = setup.race
    if race is not None:
        found = race_distance_issue(race.distance)
        issues += [found] if found is not None else []
        if isinstance(setup.start, date) and race.date < setup.start:
            issues.append(Issue(f"race date: {race.date} is before the plan starts "
                                f"({setup.start}); clear it or start the plan earlier",
                                field="race.date"))
    return tuple(issues)


def _settings_issues(weeks: object, sessions: object, alarm: object,
                     routine: object) -> list[Issue]:
    """The plan's numbers and its routine (each checked alone)."""
    return [found for found in (
        rules.whole_issue("weeks", weeks, 1, MAX_WEEKS, label="weeks"),
        rules.whole_issue("sessions_per_week", sessions, 1, MAX_SESSIONS,
                          label="sessions a week"),
        rules.whole_issue("alarm_minutes", alarm, 0, ALARM_MAX,
                          label="reminder (minutes before)"),
        rules.text_issue("routine", routine, limit=rules.ID_MAX, required=True))
        if found is not None]


@rules.validate.register
def _validate(record: ScheduleSetup) -> tuple[Issue, ...]:
    return validate_setup(record)


# The form's field for each field of the record an issue can name.
FORM_FIELDS = {"sessions_per_week": "sessions", "alarm_minutes": "alarm",
               "race.date": "race_date", "race.distance": "race_distance"}


def form_values(setup: ScheduleSetup | None, today: date) -> dict[str, str]:
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


class _Reader:
    def __init__(self, form: Mapping[str, str]) -> None:
        self.form = form
        self.errors: dict[str, str] = {}

    def text(self, name: str) -> str:
        return str(self.form.get(name, "")).strip()

    def whole(self, name: str, default: int) -> int | str:
        """A whole number as typed, else the text itself: the setup's rule
        (`validate_setup`) says what it must be."""
        text = self.text(name)
        if not text:
            return default
        if not text.isdecimal() or len(text) > 9:
            return text
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
                self.errors[name] = (f"{DAY_NAMES[i]}: {rules.quote(role)} is not a kind of day; "
                                     "choose long, quality, easy, rest or no run")
        zone = self.text("timezone") or "UTC"
        strength = self.clock("strength_time", "strength time", time(18, 0))
        run = self.clock("run_time", "run time", DEFAULT_RUN_TIME)
        if self.errors:
            return None
        return RunningWeek(long=frozenset(days["long"]), quality=frozenset(days["quality"]),
                           easy=frozenset(days["easy"]), rest=frozenset(days["rest"]),
                           strength_time=strength, run_time=run, timezone=zone)

    def race(self) -> Race | None:
        when = self.day("race_date", "race date", required=False)
        return None if when is None else Race(when, self.text("race_distance") or "marathon")


def read_setup(form: Mapping[str, str], *, routine: str = "runner-glute") -> SetupRead:
    """The setup the form's fields describe, or a message per wrong field.

    Fields: `mon`..`sun` (long, quality, easy, rest, or empty for no run), `strength_time`,
    `run_time`, `timezone`, `sessions`, `start`, `weeks`, `race_date`, `race_distance`
    and `alarm` (minutes before a session).
    """
    reader = _Reader(form)
    week = reader.week()
    sessions = reader.whole("sessions", 2)
    start = reader.day("start", "first day", required=True)
    weeks = reader.whole("weeks", DEFAULT_WEEKS)
    race = reader.race()
    alarm = reader.whole("alarm", DEFAULT_ALARM)
    numbers = (weeks, sessions, alarm)
    if week is None or start is None or not all(isinstance(n, int) for n in numbers):
        # what can be checked still is, so that every error shows at once
        issues: tuple[Issue, ...] | list[Issue] = _settings_issues(weeks, sessions, alarm,
                                                                   routine)
        issues = [*issues, *(validate_week(week) if week is not None else ())]
        setup = None
    else:
        setup = ScheduleSetup(week, start, int(weeks), int(sessions), race, int(alarm), routine)
        issues = validate_setup(setup)
    for issue in issues:
        reader.errors.setdefault(FORM_FIELDS.get(issue.field or "", issue.field or "week"),
                                 issue.message)
    return SetupRead(None if reader.errors else setup, reader.errors)
