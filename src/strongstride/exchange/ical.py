"""A strength schedule as iCalendar (RFC 5545), for any calendar app.

Each regular strength day is one weekly series: a VEVENT with RRULE:FREQ=WEEKLY;COUNT=weeks,
DTSTART in the runner's time zone (with its VTIMEZONE), so 18:00 stays 18:00 across daylight
saving changes. Weeks that differ are exceptions of that series, under the same UID: a
RECURRENCE-ID override for a deload or taper session or one moved to another day, an EXDATE
for a dropped one. UIDs are uuid5 of the routine id and the weekday, so importing a newer plan
updates the series instead of adding a copy. The output is deterministic: DTSTAMP is the
plan's first day at midnight UTC, never the wall clock.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

from strongstride.schedule.placing import Schedule, ScheduledSession
from strongstride.schedule.week import DAY_ABBR

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://strongstride.invalid/schedule")
PRODID = "-//strongstride//strength schedule//EN"
_SUMMARY_TAG = {"normal": "", "deload": " (deload)", "taper": " (taper)"}


def slot_uid(routine_id: str, weekday: int) -> str:
    """The UID of the weekly series for one strength day of a routine."""
    return str(uuid.uuid5(NAMESPACE, f"{routine_id}/{DAY_ABBR[weekday]}"))


def session_uid(routine_id: str, day: date) -> str:
    """The UID of a session outside every weekly series (a routine id + its date)."""
    return str(uuid.uuid5(NAMESPACE, f"{routine_id}/{day.isoformat()}"))


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
        raise ValueError(f"{tz!r} is not a time zone: use a name like Europe/Paris") from None


class _Writer:
    def __init__(self, plan: Schedule, title: str, minutes: int, zone: ZoneInfo,
                 alarm: int) -> None:
        self.plan, self.title, self.zone = plan, title, zone
        self.length, self.alarm = timedelta(minutes=minutes), timedelta(minutes=alarm)
        self.stamp = datetime.combine(plan.start, time(0), tzinfo=UTC)

    def at(self, day: date) -> datetime:
        return datetime.combine(day, self.plan.strength_time, tzinfo=self.zone)

    def event(self, uid: str, day: date, kind: str, description: str) -> Event:
        summary = self.title + _SUMMARY_TAG[kind]
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", self.stamp)
        event.add("dtstart", self.at(day))
        event.add("dtend", self.at(day) + self.length)
        event.add("summary", summary)
        event.add("description", description)
        event.add("categories", ["Strength"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", -self.alarm)
        event.add_component(alarm)
        return event


def _pair(sessions: Sequence[ScheduledSession], slots: dict[int, date]
          ) -> tuple[list[tuple[date, ScheduledSession]], list[date], list[ScheduledSession]]:
    """Sessions of one week against its slot dates -> (slot, session) pairs, dropped slots
    and sessions left without a slot. A session keeps its own weekday's slot when it can."""
    free = dict(slots)
    pairs, loose = [], []
    for s in sessions:
        if s.date.weekday() in free:
            pairs.append((free.pop(s.date.weekday()), s))
        else:
            loose.append(s)
    spare = sorted(free.values())
    moved = list(zip(spare, loose, strict=False))
    pairs += moved
    return pairs, spare[len(moved):], loose[len(moved):]


def plan_to_ical(plan: Schedule, *, routine_id: str, routine_title: str,
                 duration_minutes: int, tz: str, alarm_minutes: int = 30) -> bytes:
    """The plan as an .ics calendar; the same plan always gives the same bytes."""
    if duration_minutes <= 0 or alarm_minutes < 0:
        raise ValueError("duration_minutes must be > 0 and alarm_minutes >= 0")
    writer = _Writer(plan, routine_title, duration_minutes, _zone(tz), alarm_minutes)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", routine_title)
    reasons = {p.weekday: p.reason for p in plan.pattern}
    overrides: dict[int, list[Event]] = {w: [] for w in reasons}
    exdates: dict[int, list[datetime]] = {w: [] for w in reasons}
    loose: list[Event] = []
    for i in range(plan.weeks):
        block = [plan.start + timedelta(days=7 * i + k) for k in range(7)]
        slots = {d.weekday(): d for d in block if d.weekday() in reasons}
        pairs, dropped, rest = _pair([s for s in plan.sessions if s.week == i + 1], slots)
        for slot, s in pairs:
            if s.date == slot and s.kind == "normal" and s.reason == reasons[slot.weekday()]:
                continue
            override = writer.event(slot_uid(routine_id, slot.weekday()), s.date, s.kind,
                                    s.reason)
            override.add("recurrence-id", writer.at(slot))
            overrides[slot.weekday()].append(override)
        for slot in dropped:
            exdates[slot.weekday()].append(writer.at(slot))
        loose += [writer.event(session_uid(routine_id, s.date), s.date, s.kind, s.reason)
                  for s in rest]
    first = {d.weekday(): d for d in reversed([plan.start + timedelta(k) for k in range(7)])}
    for weekday in sorted(reasons, key=lambda w: first[w]) if plan.weeks else []:
        series = writer.event(slot_uid(routine_id, weekday), first[weekday], "normal",
                              reasons[weekday])
        series.add("rrule", {"freq": "weekly", "count": plan.weeks})
        if exdates[weekday]:
            series.add("exdate", sorted(exdates[weekday]))
        cal.add_component(series)
        for override in sorted(overrides[weekday], key=lambda e: e.decoded("recurrence-id")):
            cal.add_component(override)
    for event in sorted(loose, key=lambda e: e.decoded("dtstart")):
        cal.add_component(event)
    cal.add_missing_timezones(first_date=date(plan.start.year, 1, 1),
                              last_date=date(plan.end.year + 1, 12, 31))
    data: bytes = cal.to_ical()
    return data


def checkin_reminder_ical(day: date, *, at: time, tz: str, session_id: str,
                          stamp: datetime, link: str | None = None) -> bytes:
    """One event on the morning of `day` at `at` (in `tz`), with an alarm when it starts:
    the morning check-in after a session. Its UID is the session's, so a second download
    updates the event instead of adding a copy; DTSTAMP is `stamp` (the session's start),
    never the wall clock."""
    zone = _zone(tz)
    start = datetime.combine(day, at, tzinfo=zone)
    summary = "Morning check-in"
    words = ("How does it feel this morning? Pain and stiffness, 0 (none) to 10 (worst): "
             "the next session is planned from your answer.")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", str(uuid.uuid5(NAMESPACE, f"checkin/{session_id}")))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=5))
    event.add("summary", summary)
    event.add("description", f"{words}\n{link}" if link else words)
    if link:
        event.add("url", link)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    cal.add_component(event)
    cal.add_missing_timezones(first_date=date(day.year, 1, 1), last_date=date(day.year, 12, 31))
    data: bytes = cal.to_ical()
    return data
