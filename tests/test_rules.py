"""rules.validate: each rule of a set, a check-in, a running week and an equipment profile,
with the field it names and words that say how to fix it."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from strongstride import rules
from strongstride.errors import Invalid
from strongstride.records import CheckIn, EquipmentProfile, SetLog
from strongstride.schedule.placing import Race
from strongstride.schedule.setup import ScheduleSetup
from strongstride.schedule.week import RunningWeek

A_SET = SetLog(key="k1", session_id="s1", step_key="s1.e1.set1.work", exercise="Clamshell",
               section=0, exercise_index=0, set_number=1, side="left",
               logged_at=datetime(2026, 4, 8, 7, 30, tzinfo=UTC), reps=12, note="fine")
WEEK = RunningWeek(long=frozenset({6}), quality=frozenset({1}))
SETUP = ScheduleSetup(WEEK, date(2027, 3, 1), race=Race(date(2027, 4, 25), "half"))


def fields_and_words(record: object) -> list[tuple[str | None, str]]:
    return [(issue.field, issue.message) for issue in rules.validate(record)]


def test_good_records_break_no_rule() -> None:
    assert rules.validate(A_SET) == ()
    assert rules.validate(CheckIn(date(2026, 4, 8), 2, stiffness=3, note="stiff calves")) == ()
    assert rules.validate(CheckIn(date(2026, 4, 8), 4, exercise="Plank", side="left")) == ()
    assert rules.validate(WEEK) == ()
    assert rules.validate(SETUP) == ()
    assert rules.validate(replace(SETUP, race=Race(date(2027, 4, 25), "ultra trail"))) == ()
    assert rules.validate(EquipmentProfile(("band", "weights"))) == ()


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"key": " "}, "key", "key is empty; give it"),
    ({"session_id": ""}, "session_id", "session_id is empty"),
    ({"step_key": "s" * 101}, "step_key", "step_key is 101 characters; keep it to at most 100"),
    ({"exercise": ""}, "exercise", "exercise is empty"),
    ({"band": "b" * 61}, "band", "band is 61 characters; keep it to at most 60"),
    ({"variation": "v" * 61}, "variation", "keep it to at most 60"),
    ({"note": "n" * 2001}, "note", "note is 2001 characters; keep it to at most 2000"),
    ({"note": "a\x00b"}, "note", "note contains a NUL character"),
    ({"note": "a\ud800b"}, "note", "note contains a lone UTF-16 surrogate (U+D800 at character 2)"),
    ({"note": "a\x1bb"}, "note", "note holds a control character"),
    ({"note": "a\x7fb"}, "note", "note holds a control character"),
    ({"note": "a\x85b"}, "note", "note holds a control character"),
    ({"band": "a\rb"}, "band", "band holds a control character"),
    ({"logged_at": datetime(2026, 4, 8, 7, 30)}, "logged_at", "has no time zone"),
    ({"side": "middle"}, "side", "side must be left, right or both, not 'middle'"),
    ({"unit": "stone"}, "unit", "unit must be kg or lb, not 'stone'"),
    ({"reps": 2**40}, "reps", "reps 1099511627776 is out of range"),
    ({"target_reps": (1, 2, 3)}, "target_reps", "target_reps must be (low, high)"),
    ({"target_seconds": (0, 2**31)}, "target_seconds", "target_seconds high 2147483648 is out"),
    ({"load": math.nan}, "load", "load must be a number, not nan"),
    ({"seconds": math.inf}, "seconds", "seconds must be a number, not inf"),
    ({"rpe": 10.5}, "rpe", "rpe must be from 1 to 10, not 10.5"),
    ({"pain": 11}, "pain", "pain must be a whole number from 0 to 10, not 11"),
])
def test_each_rule_of_a_set_names_its_field(change: dict[str, object], field: str,
                                            words: str) -> None:
    [(named, message)] = fields_and_words(replace(A_SET, **change))  # type: ignore[arg-type]
    assert named == field
    assert words in message


def test_tab_and_new_line_are_text_and_every_broken_rule_is_said() -> None:
    assert rules.validate(replace(A_SET, note="left\tright\nagain")) == ()
    broken = replace(A_SET, note="a\x00", pain=-1, rpe=0.0)
    assert [issue.field for issue in rules.validate(broken)] == ["note", "rpe", "pain"]
    with pytest.raises(Invalid) as refused:
        rules.check(broken, "set 'k1'")
    assert refused.value.field == "note"
    assert refused.value.message == (
        "set 'k1': note contains a NUL character, which cannot be stored; take it out; "
        "rpe must be from 1 to 10, not 0.0; pain must be a whole number from 0 to 10, not -1")


DAY = date(2026, 4, 8)


@pytest.mark.parametrize(("checkin", "field", "words"), [
    (CheckIn(DAY, 11), "pain", "pain must be a whole number from 0 to 10, not 11"),
    (CheckIn(DAY, True), "pain", "pain must be a whole number from 0 to 10, not True"),
    (CheckIn(DAY, 2, stiffness=-1), "stiffness", "stiffness must be a whole number from 0"),
    (CheckIn(datetime(2026, 4, 8, 7), 2), "day", "day must be a date, such as 2026-04-08"),
    (CheckIn(DAY, 2, side="up"), "side", "side must be left, right or both"),  # type: ignore[arg-type]
    (CheckIn(DAY, 2, side="left"), "side", "a side goes with an exercise"),
    (CheckIn(DAY, 2, exercise=" "), "exercise", "exercise is empty; leave it out"),
    (CheckIn(DAY, 2, exercise="e" * 201), "exercise", "keep it to at most 200 characters"),
    (CheckIn(DAY, 2, exercise="Plank", stiffness=3), "stiffness",
     "morning stiffness is for how you feel overall: leave the exercise out"),
    (CheckIn(DAY, 2, note="n" * 501), "note", "note is 501 characters; keep it to at most 500"),
    (CheckIn(DAY, 2, note="\ud83d"), "note", "lone UTF-16 surrogate"),
    (CheckIn(DAY, 2, note="\x07"), "note", "note holds a control character"),
])
def test_each_rule_of_a_check_in_names_its_field(checkin: CheckIn, field: str,
                                                 words: str) -> None:
    [(named, message)] = fields_and_words(checkin)
    assert named == field
    assert words in message


@pytest.mark.parametrize(("setup", "field", "words"), [
    (replace(SETUP, week=RunningWeek()), "week", "give at least one day a run"),
    (replace(SETUP, week=replace(WEEK, timezone="Paris")), "timezone",
     "time zone: 'Paris' is not one; use a name like Europe/Paris"),
    (replace(SETUP, week=replace(WEEK, timezone="../etc/passwd")), "timezone", "is not one"),
    (replace(SETUP, weeks=0), "weeks", "weeks must be a whole number from 1 to 52, not 0"),
    (replace(SETUP, weeks=53), "weeks", "from 1 to 52, not 53"),
    (replace(SETUP, sessions_per_week=0), "sessions_per_week",
     "sessions a week must be a whole number from 1 to 7, not 0"),
    (replace(SETUP, alarm_minutes=1441), "alarm_minutes", "from 0 to 1440, not 1441"),
    (replace(SETUP, routine=""), "routine", "routine is empty"),
    (replace(SETUP, start=date(1999, 12, 31)), "start", "is not a date from 2000 to 2100"),
    (replace(SETUP, race=Race(date(2027, 4, 25), "far")), "race.distance",
     "race distance: 'far' is not one; give 5k, 10k, half, marathon or e.g. 50k"),
    (replace(SETUP, race=Race(date(2027, 4, 25), "5" * 41 + "k")), "race.distance",
     "race distance is 42 characters; keep it to at most 40"),
    (replace(SETUP, race=Race(date(2027, 2, 28), "10k")), "race.date",
     "race date: 2027-02-28 is before the plan starts (2027-03-01); clear it or start"),
])
def test_each_rule_of_a_running_week_names_its_field(setup: ScheduleSetup, field: str,
                                                     words: str) -> None:
    [(named, message)] = fields_and_words(setup)
    assert named == field
    assert words in message


def test_the_week_alone_follows_the_same_rules() -> None:
    assert fields_and_words(RunningWeek(timezone="Mars/Olympus")) == [
        ("week", "running week: give at least one day a run (or a rest day), such as a long "
                 "run on Sunday"),
        ("timezone", "time zone: 'Mars/Olympus' is not one; use a name like Europe/Paris or "
                     "America/New_York")]


def test_each_rule_of_an_equipment_profile_names_its_field() -> None:
    assert fields_and_words(EquipmentProfile(("band", "trampoline", "band"))) == [
        ("without", "unknown equipment 'trampoline'; use ids from: band, exercise-ball, "
                    "weights, sliders, step, small-ball, wall, mat"),
        ("without", "'band' is listed twice; give it once")]


def test_a_thing_without_rules_is_a_mistake_of_the_caller() -> None:
    with pytest.raises(TypeError, match="no rules for str"):
        rules.validate("a set")
