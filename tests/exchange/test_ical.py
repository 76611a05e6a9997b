"""iCalendar export, read back with icalendar and expanded with recurring-ical-events."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events  # type: ignore[import-untyped]
from icalendar import Calendar, Event

from strongstride.exchange.ical import plan_to_ical, session_uid, slot_uid
from strongstride.schedule.placing import Race, Schedule, ScheduledSession, schedule_weeks
from strongstride.schedule.week import RunningWeek, parse_week

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("STRONGSTRIDE_UPDATE_GOLDEN") == "1"
STANDARD = "long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri"
ROUTINE = {"routine_id": "runner-glute", "routine_title": "Runner glute routine",
           "duration_minutes": 35}


def week_of(text: str) -> RunningWeek:
    week = parse_week(text).week
    assert week is not None
    return week


def export(plan: Schedule, tz: str, **kw: object) -> bytes:
    return plan_to_ical(plan, tz=tz, **{**ROUTINE, **kw})  # type: ignore[arg-type]


def expand(data: bytes, first: date, last: date) -> list[Event]:
    cal = Calendar.from_ical(data)
    events: list[Event] = recurring_ical_events.of(cal).between(first, last + timedelta(1))
    return sorted(events, key=lambda e: e.decoded("dtstart"))


def spring_plan(**kw: object) -> Schedule:
    # Europe moves its clocks on Sunday 28 March 2027: weeks 4 and 5 sit either side.
    return schedule_weeks(week_of(STANDARD + "; tz: Europe/Paris"), start=date(2027, 3, 1),
                      weeks=8, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("tz", "start", "weeks"), [
    ("Europe/Paris", date(2027, 3, 1), 8),  # summer time from 28 March 2027
    ("Europe/Paris", date(2027, 10, 4), 6),  # winter time from 31 October 2027
    ("America/New_York", date(2027, 3, 1), 4),  # 14 March 2027
    ("America/New_York", date(2027, 10, 25), 3),  # 7 November 2027
])
def test_weekly_series_keep_the_local_hour_across_dst(tz: str, start: date, weeks: int) -> None:
    plan = schedule_weeks(week_of(STANDARD + f"; tz: {tz}"), start=start, weeks=weeks,
                      sessions_per_week=3)
    events = expand(export(plan, tz), start - timedelta(30), plan.end + timedelta(30))
    zone = ZoneInfo(tz)
    local = [e.decoded("dtstart").astimezone(zone) for e in events]
    assert [d.date() for d in local] == [s.date for s in plan.sessions]
    assert {d.time() for d in local} == {time(18)}
    assert len({d.utcoffset() for d in local}) == 2  # the clocks did change in between
    ends = {(e.decoded("dtend") - e.decoded("dtstart")) for e in events}
    assert ends == {timedelta(minutes=35)}


def test_the_calendar_has_its_time_zone_series_and_alarms() -> None:
    data = export(spring_plan(), "Europe/Paris", alarm_minutes=45)
    cal = Calendar.from_ical(data)
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Paris"]
    assert cal.get_missing_tzids() == set()
    series = [e for e in cal.walk("VEVENT") if "RRULE" in e]
    assert [str(e.decoded("dtstart")) for e in series] == [
        "2027-03-02 18:00:00+01:00", "2027-03-04 18:00:00+01:00"]
    assert all(e["RRULE"]["FREQ"] == ["WEEKLY"] and e["RRULE"]["COUNT"] == [8] for e in series)
    assert b"DTSTART;TZID=Europe/Paris:20270302T180000" in data
    for event in expand(data, date(2027, 3, 1), date(2027, 4, 30)):
        [alarm] = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("trigger") == timedelta(minutes=-45)
        assert str(event["SUMMARY"]).startswith("Runner glute routine")


def test_deload_week_is_an_override_of_the_same_series() -> None:
    plan = spring_plan()
    data = export(plan, "Europe/Paris")
    events = expand(data, date(2027, 3, 1), date(2027, 4, 30))
    deload = [e for e in events if "(deload)" in str(e["SUMMARY"])]
    assert [e.decoded("dtstart").date() for e in deload] == [date(2027, 4, 6), date(2027, 4, 8)]
    assert all("halve the sets" in str(e["DESCRIPTION"]) for e in deload)
    assert all("RECURRENCE-ID" in e for e in deload)
    assert {str(e["UID"]) for e in deload} == {slot_uid("runner-glute", 1),
                                               slot_uid("runner-glute", 3)}
    normal = [e for e in events if "(deload)" not in str(e["SUMMARY"])]
    assert all(str(e["SUMMARY"]) == "Runner glute routine" for e in normal)


def test_race_weeks_move_and_drop_sessions_and_expand_to_the_plan() -> None:
    race = Race(date(2027, 3, 14), "10k")
    plan = spring_plan(race=race)
    data = export(plan, "Europe/Paris")
    events = expand(data, date(2027, 2, 1), date(2027, 6, 1))
    assert [e.decoded("dtstart").date() for e in events] == [s.date for s in plan.sessions]
    by_date = {e.decoded("dtstart").date(): e for e in events}
    taper = by_date[date(2027, 3, 9)]
    assert str(taper["SUMMARY"]) == "Runner glute routine (taper)"
    assert "5 days before the 10k race" in str(taper["DESCRIPTION"])
    assert date(2027, 3, 11) not in by_date  # dropped: an EXDATE of Thursday's series
    assert b"EXDATE;TZID=Europe/Paris:20270311T180000" in data
    moved = by_date[date(2027, 3, 21)]  # Tuesday's session after the race, moved to Sunday
    assert moved.decoded("recurrence-id").date() == date(2027, 3, 16)
    assert str(moved["UID"]) == slot_uid("runner-glute", 1)
    assert str(moved["DESCRIPTION"]).startswith("Instead of Tuesday")


def test_export_is_deterministic_and_stamped_from_the_plan() -> None:
    first = export(spring_plan(), "Europe/Paris")
    assert first == export(spring_plan(), "Europe/Paris")
    stamps = {e.decoded("dtstamp") for e in Calendar.from_ical(first).walk("VEVENT")}
    assert stamps == {datetime(2027, 3, 1, tzinfo=ZoneInfo("UTC"))}


def test_uids_are_stable_when_the_plan_changes_later() -> None:
    before = expand(export(spring_plan(), "Europe/Paris"), date(2027, 3, 1), date(2027, 5, 1))
    after = expand(export(spring_plan(race=Race(date(2027, 4, 18), "half")), "Europe/Paris"),
                   date(2027, 3, 1), date(2027, 5, 1))
    uid_before = {e.decoded("dtstart").date(): str(e["UID"]) for e in before}
    uid_after = {e.decoded("dtstart").date(): str(e["UID"]) for e in after}
    same_days = uid_before.keys() & uid_after.keys()
    assert len(same_days) >= 10 and uid_before.keys() != uid_after.keys()
    assert all(uid_before[d] == uid_after[d] for d in same_days)
    assert set(uid_after.values()) <= set(uid_before.values())  # updates, no new series
    other = export(spring_plan(), "Europe/Paris", routine_id="hip-circuit")
    assert slot_uid("runner-glute", 1).encode() not in other


def test_a_session_outside_every_series_gets_a_dated_uid() -> None:
    week = week_of(STANDARD)
    lone = ScheduledSession(date(2027, 3, 3), time(18), "normal", "Wednesday has no run.", 1)
    plan = Schedule(week, date(2027, 3, 1), 1, 1, None, time(18), (), (lone,), ())
    [event] = expand(export(plan, "UTC"), date(2027, 3, 1), date(2027, 3, 7))
    assert str(event["UID"]) == session_uid("runner-glute", date(2027, 3, 3))
    assert "RRULE" not in event and event.decoded("dtstart").hour == 18


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="not a time zone"):
        export(spring_plan(), "Mars/Olympus")
    with pytest.raises(ValueError):
        export(spring_plan(), "UTC", duration_minutes=0)


def test_golden_file() -> None:
    plan = schedule_weeks(week_of(STANDARD + "; tz: Europe/Paris"), start=date(2027, 3, 1),
                      weeks=6, race=Race(date(2027, 3, 28), "10k"))
    data = export(plan, "Europe/Paris")
    path = GOLDEN / "ical_10k_paris.ics"
    if UPDATE:
        path.write_bytes(data)
    assert path.exists(), "run with STRONGSTRIDE_UPDATE_GOLDEN=1 to write the golden file"
    assert data.decode() == path.read_bytes().decode()
