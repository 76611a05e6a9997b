"""Reading the plan form's fields into a `ScheduleSetup`: every wrong field gets its own message,
naming the field; the values of a setup read back to the same setup."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strongstride.schedule.placing import Race
from strongstride.schedule.setup import ScheduleSetup, form_values, read_setup
from strongstride.schedule.week import RunningWeek

TODAY = date(2027, 3, 1)
GOOD = {"mon": "easy", "tue": "quality", "wed": "easy", "thu": "quality", "fri": "rest",
        "sat": "", "sun": "long", "strength_time": "18:30", "run_time": "06:15",
        "timezone": "Europe/Paris", "sessions": "2", "start": "2027-03-01", "weeks": "8",
        "race_date": "2027-04-25", "race_distance": "10k", "alarm": "60", "csrf": "x"}


def test_a_filled_form_is_a_setup() -> None:
    read = read_setup(GOOD)
    assert read.errors == {}
    assert read.setup == ScheduleSetup(
        RunningWeek(long=frozenset({6}), quality=frozenset({1, 3}), easy=frozenset({0, 2}),
                    rest=frozenset({4}), strength_time=time(18, 30), run_time=time(6, 15),
                    timezone="Europe/Paris"),
        date(2027, 3, 1), 8, 2, Race(date(2027, 4, 25), "10k"), 60, "runner-glute")


def test_empty_optional_fields_take_the_defaults() -> None:
    read = read_setup({"sun": "long", "start": "2027-03-01", "race_distance": "half"})
    assert read.setup is not None
    assert (read.setup.week.timezone, read.setup.week.lift_time, read.setup.weeks,
            read.setup.sessions_per_week, read.setup.race, read.setup.alarm_minutes) == (
        "UTC", time(18, 0), 12, 2, None, 30)


@pytest.mark.parametrize("setup", [
    None,
    read_setup(GOOD).setup,
    ScheduleSetup(RunningWeek(rest=frozenset({2}), strength_time=time(5, 0)), date(2027, 1, 4),
              52, 7, None, 0),
    ScheduleSetup(RunningWeek(long=frozenset({5}), strength_time=time(18, 0),
                          timezone="America/New_York"),
              date(2026, 12, 28), 1, 1, Race(date(2027, 1, 3), "marathon"), 120),
])
def test_the_values_of_a_setup_read_back_to_it(setup: ScheduleSetup | None) -> None:
    values = form_values(setup, TODAY)
    if setup is None:  # the blank form: every day "no run"
        assert read_setup(values).errors == {"week": read_setup(values).errors["week"]}
        assert values["start"] == "2027-03-01"
    else:
        assert read_setup(values, routine=setup.routine).setup == setup


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"tue": "hard"}, "tue", "Tuesday: 'hard' is not a kind of day"),
    ({"timezone": "Mars/Olympus"}, "timezone", "time zone: 'Mars/Olympus' is not one"),
    ({"strength_time": "25:00"}, "strength_time", "strength time: '25:00' is not a time"),
    ({"run_time": "soon"}, "run_time", "run time: 'soon' is not a time of day"),
    ({"sessions": "0"}, "sessions", "sessions a week must be a whole number from 1 to 7"),
    ({"sessions": "two"}, "sessions", "sessions a week must be a whole number from 1 to 7"),
    ({"weeks": "53"}, "weeks", "weeks must be a whole number from 1 to 52"),
    ({"weeks": "-1"}, "weeks", "weeks must be a whole number from 1 to 52"),
    ({"start": ""}, "start", "first day: give a date"),
    ({"start": "01/03/2027"}, "start", "first day: '01/03/2027' is not a date"),
    ({"start": "1999-12-31"}, "start", "first day: '1999-12-31' is not a date"),
    ({"race_date": "2027-02-30"}, "race_date", "race date: '2027-02-30' is not a date"),
    ({"race_date": "2027-02-01"}, "race_date", "race date: 2027-02-01 is before the plan"),
    ({"race_distance": "far"}, "race_distance", "race distance: 'far' is not one"),
    ({"alarm": "1441"}, "alarm", "reminder (minutes before) must be a whole number from 0 to 1440"),
])
def test_each_wrong_field_is_named_in_its_message(changes: dict[str, str], field: str,
                                                  words: str) -> None:
    read = read_setup({**GOOD, **changes})
    assert read.setup is None
    assert list(read.errors) == [field]
    assert read.errors[field].startswith(words)


def test_a_week_without_any_day_is_refused_and_several_errors_come_together() -> None:
    blank = {**GOOD, **{day: "" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}
    assert read_setup(blank).errors == {
        "week": "running week: give at least one day a run (or a rest day), such as a long "
                "run on Sunday"}
    read = read_setup({**GOOD, "sessions": "9", "weeks": "x", "tue": "?"})
    assert set(read.errors) == {"sessions", "weeks", "tue"}


def test_huge_or_odd_values_are_cut_short_in_messages() -> None:
    read = read_setup({**GOOD, "timezone": "x" * 10_000, "start": "\x00" * 5000})
    assert set(read.errors) == {"timezone", "start"}
    assert all(len(message) < 200 for message in read.errors.values())


def test_the_messages_in_the_schedule_doc_are_what_the_form_says() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "schedule.md").read_text()
    section = doc.split("## On the web", 1)[1]
    [block] = re.findall(r"```\n(.*?)```", section, flags=re.S)[:1]
    changes = [{"sun": "marathon"}, {"timezone": "Paris"}, {"race_date": "2027-02-28"}]
    said = [next(iter(read_setup({**GOOD, **c}).errors.values())) for c in changes]
    assert block.splitlines() == said


FIELDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "strength_time", "run_time",
          "timezone", "sessions", "start", "weeks", "race_date", "race_distance", "alarm"]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*FIELDS, "other"]),
                       st.one_of(st.text(max_size=80), st.sampled_from(
                           ["long", "quality", "easy", "rest", "", "18:00", "2027-03-01",
                            "2027-04-25", "half", "10k", "3", "0", "52", "Europe/Paris"]))))
def test_any_form_reads_without_raising(form: dict[str, str]) -> None:
    """Whatever a browser (or anyone) posts: a setup, or a short message per known field."""
    read = read_setup({**GOOD, **form})
    assert (read.setup is None) == bool(read.errors)
    assert set(read.errors) <= {*FIELDS, "week"}
    for message in read.errors.values():
        assert len(message) < 200 and "\x00" not in message
    if read.setup is not None:
        values = form_values(read.setup, TODAY)
        assert read_setup(values).setup == read.setup
