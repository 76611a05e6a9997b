"""The running week a runner types, as data: which weekday holds which run.

    long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri
    strength: 18:00; run: 07:00; tz: Europe/Paris

Entries are `key: value`, separated by `;` or new lines; `#` starts a comment. Days are
English names or any unambiguous start of one of at least three letters (`thu`, `thurs`).
Parsing never raises: it returns the week (None on errors) and issues with line and column.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import time
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from strongstride import rules
from strongstride.errors import Issue, Span

Role = Literal["long", "quality", "easy", "rest"]
ROLES: tuple[Role, ...] = ("long", "quality", "easy", "rest")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_ABBR = tuple(name[:3].lower() for name in DAY_NAMES)
DEFAULT_RUN_TIME = time(7, 0)
DEFAULT_STRENGTH_TIME = time(18, 0)
EXAMPLE = "long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri"

_KEYS: dict[str, str] = {
    "long": "long", "long run": "long",
    "quality": "quality", "key": "quality", "workout": "quality", "workouts": "quality",
    "tempo": "quality", "intervals": "quality", "track": "quality", "hills": "quality",
    "easy": "easy",
    "rest": "rest", "off": "rest",
    "strength": "strength", "lift": "strength", "strength time": "strength",
    "run": "run", "run time": "run",
    "tz": "tz", "timezone": "tz", "time zone": "tz",
}
_KEY_NAMES = "long, quality, easy, rest, strength, run or tz"
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?", re.I)


@dataclass(frozen=True, slots=True)
class RunningWeek:
    """Weekdays (0 = Monday) by role; a day in no role has no run and no declared rest.

    `strength_time` None means the default, 18:00; `run_time` is when runs start.
    """

    long: frozenset[int] = frozenset()
    quality: frozenset[int] = frozenset()
    easy: frozenset[int] = frozenset()
    rest: frozenset[int] = frozenset()
    strength_time: time | None = None
    run_time: time = DEFAULT_RUN_TIME
    timezone: str = "UTC"

    def __post_init__(self) -> None:
        seen: set[int] = set()
        for role in ROLES:
            days = self.days(role)
            if not all(0 <= d <= 6 for d in days):
                raise ValueError(f"{role}: weekdays are 0 (Monday) to 6 (Sunday)")
            if seen & days:
                raise ValueError(f"{role}: a day can have only one role")
            seen |= days

    def days(self, role: Role) -> frozenset[int]:
        return {"long": self.long, "quality": self.quality,
                "easy": self.easy, "rest": self.rest}[role]

    def role(self, weekday: int) -> Role | None:
        return next((r for r in ROLES if weekday in self.days(r)), None)

    @property
    def hard_days(self) -> frozenset[int]:
        """Long runs and quality (key) workouts: the runs lifting must not spoil."""
        return self.long | self.quality

    @property
    def run_days(self) -> frozenset[int]:
        return self.long | self.quality | self.easy

    @property
    def lift_time(self) -> time:
        return self.strength_time or DEFAULT_STRENGTH_TIME


def validate_week(week: RunningWeek) -> tuple[Issue, ...]:
    """A week with a run (or a rest day) on some day, in a time zone that exists; the days
    themselves are checked as the week is made."""
    issues: list[Issue] = []
    if not any(week.days(role) for role in ROLES):
        issues.append(Issue("running week: give at least one day a run (or a rest day), such "
                            "as a long run on Sunday", field="week"))
    zone = rules.text_issue("timezone", week.timezone, limit=rules.ID_MAX, required=True,
                            label="time zone")
    if zone is None:
        try:
            ZoneInfo(week.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
            zone = Issue(f"time zone: {rules.quote(week.timezone)} is not one; use a name "
                         "like Europe/Paris or America/New_York", field="timezone")
    return (*issues, *([] if zone is None else [zone]))


@rules.validate.register
def _validate(record: RunningWeek) -> tuple[Issue, ...]:
    return validate_week(record)


@dataclass(frozen=True, slots=True)
class WeekParse:
    """The week (None when there are errors) and every issue found."""

    week: RunningWeek | None
    issues: tuple[Issue, ...]

    @property
    def ok(self) -> bool:
        return self.week is not None


def format_week(week: RunningWeek) -> str:
    """The canonical one-line text; `parse_week(format_week(w)).week == w`."""
    parts = [f"{role}: {', '.join(DAY_ABBR[d] for d in sorted(week.days(role)))}"
             for role in ROLES if week.days(role)]
    if week.strength_time is not None:
        parts.append(f"strength: {week.strength_time:%H:%M}")
    if week.run_time != DEFAULT_RUN_TIME:
        parts.append(f"run: {week.run_time:%H:%M}")
    if week.timezone != "UTC":
        parts.append(f"tz: {week.timezone}")
    return "; ".join(parts)


def read_day(token: str) -> int | None:
    """'tue', 'Tues', 'thursday' -> weekday number; None when not one day."""
    word = token.lower().rstrip(".")
    if len(word) < 3:
        return None
    hits = [i for i, name in enumerate(DAY_NAMES) if name.lower().startswith(word)]
    return hits[0] if len(hits) == 1 else None


def read_time(text: str) -> time | None:
    """'18:00', '6:30', '6pm', '6:30 am' -> time; None when not a time of day."""
    m = _TIME.fullmatch(text.strip())
    if m is None or (m.group(2) is None and m.group(3) is None):
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.issues: list[Issue] = []
        self.days: dict[str, set[int]] = {role: set() for role in ROLES}
        self.owner: dict[int, tuple[str, Span]] = {}
        self.given: dict[str, Span] = {}
        self.values: dict[str, object] = {}

    def error(self, message: str, line: int, column: int) -> None:
        self.issues.append(Issue(message, Span(line, column), "error", self.source))

    def entry(self, text: str, line: int, col: int) -> None:
        """One `key: value` entry; `col` is the 1-based column of text[0]."""
        lead = len(text) - len(text.lstrip())
        if ":" not in text:
            self.error(f"expected 'key: value', e.g. '{EXAMPLE.split(';')[0]}'", line, col + lead)
            return
        raw_key, value = text.split(":", 1)
        value_col = col + len(raw_key) + 1
        key_text = " ".join(raw_key.lower().replace("-", " ").split())
        key = _KEYS.get(key_text)
        if key is None:
            close = difflib.get_close_matches(key_text, list(_KEYS), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.error(f"'{raw_key.strip()}' is not part of a running week: {hint}"
                       f"use {_KEY_NAMES}", line, col + lead)
            return
        if key in self.days:
            # Roles may repeat ('tempo: tue; intervals: thu' are both quality days).
            self.role_days(key, value, line, value_col)
            return
        if key in self.given:
            first = self.given[key]
            self.error(f"'{key}' is given twice (first at line {first.line}, column "
                       f"{first.column}): give it once", line, col + lead)
            return
        self.given[key] = Span(line, col + lead)
        self.setting(key, value, line, value_col)

    def role_days(self, role: str, value: str, line: int, col: int) -> None:
        for m in re.finditer(r"[^,\s/&+]+", value):
            token, where = m.group(), col + m.start()
            if token.lower() == "and":
                continue
            day = read_day(token)
            if day is None:
                close = difflib.get_close_matches(token.lower(), DAY_ABBR, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.error(f"'{token}' is not a day: {hint}use mon, tue, wed, thu, fri, sat "
                           "or sun", line, where)
                continue
            here = Span(line, where)
            if day in self.owner:
                other, span = self.owner[day]
                name = DAY_ABBR[day]
                if other == role:
                    self.error(f"'{name}' is listed twice under {role}", line, where)
                else:
                    self.error(f"'{name}' is already a {other} day (line {span.line}, column "
                               f"{span.column}): a day has one role", line, where)
                continue
            self.owner[day] = (role, here)
            self.days[role].add(day)

    def setting(self, key: str, value: str, line: int, col: int) -> None:
        text = value.strip()
        where = col + len(value) - len(value.lstrip())
        if key == "tz":
            try:
                ZoneInfo(text)
            except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
                self.error(f"'{text}' is not a time zone: use a name like Europe/Paris or "
                           "America/New_York", line, where)
                return
            self.values[key] = text
            return
        when = read_time(text)
        if when is None:
            self.error(f"'{text}' is not a time of day: write it as HH:MM, e.g. 18:00",
                       line, where)
            return
        self.values[key] = when

    def week(self) -> RunningWeek | None:
        if any(i.severity == "error" for i in self.issues):
            return None
        if not self.owner:
            self.error(f"the running week names no days: write e.g. '{EXAMPLE}'", 1, 1)
            return None
        strength = self.values.get("strength")
        run = self.values.get("run", DEFAULT_RUN_TIME)
        tz = self.values.get("tz", "UTC")
        assert (strength is None or isinstance(strength, time)) and isinstance(run, time)
        assert isinstance(tz, str)
        return RunningWeek(
            long=frozenset(self.days["long"]), quality=frozenset(self.days["quality"]),
            easy=frozenset(self.days["easy"]), rest=frozenset(self.days["rest"]),
            strength_time=strength, run_time=run, timezone=tz)


def parse_week(text: str, source: str = "<week>") -> WeekParse:
    """Read a running week; the week is returned only when there are no errors."""
    reader = _Reader(source)
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0]
        offset = 0
        for part in line.split(";"):
            if part.strip():
                reader.entry(part, line_no, offset + 1)
            offset += len(part) + 1
    week = reader.week()
    issues = sorted(reader.issues, key=lambda i: (i.span.line, i.span.column) if i.span else (0, 0))
    return WeekParse(week, tuple(issues))
