"""Strength sessions around a running week: the text format and every placement rule."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strongstride.errors import Span
from strongstride.schedule.placing import Race, Schedule, ScheduleRules, schedule_weeks
from strongstride.schedule.week import (
    ROLES,
    RunningWeek,
    format_week,
    parse_week,
    read_day,
    read_time,
)

STANDARD = "long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri"
MONDAY = date(2027, 3, 1)  # a Monday; Europe moves its clocks on 28 March 2027


def week_of(text: str) -> RunningWeek:
    parsed = parse_week(text)
    assert parsed.week is not None, [i.render() for i in parsed.issues]
    return parsed.week


def weekdays(plan: Schedule, week: int = 1) -> list[str]:
    return [s.weekday for s in plan.sessions if s.week == week]


def hours_to_next_hard(week: RunningWeek, at: datetime, race: Race | None) -> float:
    """Worked out here again, independently of the planner."""
    best = float("inf")
    for n in range(0, 15):
        day = at.date() + timedelta(days=n)
        is_race = race is not None and day == race.date
        if is_race or (day.weekday() in week.hard_days):
            when = datetime.combine(day, week.run_time)
            if when > at:
                best = min(best, (when - at).total_seconds() / 3600)
    return best


# --- the running week as text ----------------------------------------------------------------

def test_the_standard_week_reads() -> None:
    week = week_of(STANDARD)
    assert week.long == {6} and week.quality == {1, 3} and week.easy == {0, 2, 5}
    assert week.rest == {4} and week.strength_time is None and week.run_time == time(7)
    assert week.timezone == "UTC" and week.lift_time == time(18)
    assert week.role(3) == "quality" and week.hard_days == {1, 3, 6}


def test_lines_full_names_comments_and_settings() -> None:
    week = week_of("# my week\nLong run: Sunday\nkey: Tues and Thursday  # track + tempo\n"
                   "easy: mon wed sat\noff: fri\nstrength: 6:30 pm; run: 6:15; tz: Europe/Paris\n")
    assert week.quality == {1, 3} and week.rest == {4}
    assert (week.strength_time, week.run_time, week.timezone) == (
        time(18, 30), time(6, 15), "Europe/Paris")


def test_role_keys_may_repeat_and_merge() -> None:
    assert week_of("tempo: tue; intervals: thu; long: sun").quality == {1, 3}


@pytest.mark.parametrize(("text", "line", "column", "words"), [
    ("long: sun; quality: tue, fry", 1, 26, "'fry' is not a day: did you mean 'fri'?"),
    ("long: sun; quality: tue, tue", 1, 26, "'tue' is listed twice under quality"),
    ("long: sun; quality: tue, sun", 1, 26, "'sun' is already a long day (line 1, column 7)"),
    ("long: sun\nquality: thu\neasy: thu", 3, 7, "'thu' is already a quality day"),
    ("long: sun; tempo run: tue", 1, 12, "'tempo run' is not part of a running week"),
    ("long sun", 1, 1, "expected 'key: value'"),
    ("long: sun; strength: 25:00", 1, 22, "'25:00' is not a time of day"),
    ("long: sun; strength: 18", 1, 22, "write it as HH:MM"),
    ("long: sun; tz: Mars/Olympus", 1, 16, "'Mars/Olympus' is not a time zone"),
    ("long: sun; tz: " + "x" * 300, 1, 16, "is not a time zone"),  # once an OSError
    ("long: sun; run: 7:00; run: 8:00", 1, 23, "'run' is given twice"),
    ("long: th", 1, 7, "'th' is not a day"),
    ("", 1, 1, "the running week names no days"),
])
def test_errors_say_where_and_how_to_fix(text: str, line: int, column: int, words: str) -> None:
    parsed = parse_week(text, source="week.txt")
    assert parsed.week is None and not parsed.ok
    issue = parsed.issues[0]
    assert issue.span == Span(line, column) and words in issue.message
    assert issue.render().startswith(f"week.txt:{line}:{column}: error: ")


def test_every_error_is_reported_in_order() -> None:
    parsed = parse_week("long: sun; quality: tue, fry\nrest: fri, fri; tempo: wed; easy: sun")
    assert [(i.span.line, i.span.column) for i in parsed.issues if i.span] == [
        (1, 26), (2, 12), (2, 35)]


def test_day_and_time_readers() -> None:
    assert [read_day(t) for t in ("mon", "Thurs", "SUNDAY", "tu", "s", "xyz")] == [
        0, 3, 6, None, None, None]
    assert read_time("12am") == time(0) and read_time("12:30pm") == time(12, 30)
    assert read_time("13pm") is None and read_time("7:60") is None


def test_a_week_cannot_be_built_with_a_day_in_two_roles() -> None:
    with pytest.raises(ValueError, match="one role"):
        RunningWeek(long=frozenset({6}), easy=frozenset({6}))


def test_format_is_canonical() -> None:
    assert format_week(week_of("rest: friday; easy: sat, mon, wed; quality: thu, tue; "
                               "long: sun")) == STANDARD
    full = week_of(STANDARD + "; strength: 17:30; run: 06:00; tz: America/New_York")
    assert format_week(full) == STANDARD + "; strength: 17:30; run: 06:00; tz: America/New_York"


roles_st = st.lists(st.sampled_from([*ROLES, None]), min_size=7, max_size=7)


@st.composite
def weeks(draw: st.DrawFn) -> RunningWeek:
    roles = draw(roles_st)
    if all(r is None for r in roles):
        roles[draw(st.integers(0, 6))] = "easy"
    by = {role: frozenset(d for d, r in enumerate(roles) if r == role) for role in ROLES}
    strength = draw(st.none() | st.builds(time, st.integers(5, 22), st.sampled_from([0, 30])))
    run = draw(st.builds(time, st.integers(5, 20), st.sampled_from([0, 15, 45])))
    tz = draw(st.sampled_from(["UTC", "Europe/Paris", "America/New_York"]))
    return RunningWeek(by["long"], by["quality"], by["easy"], by["rest"], strength, run, tz)


@given(weeks())
def test_parse_of_format_is_the_same_week(week: RunningWeek) -> None:
    parsed = parse_week(format_week(week))
    assert parsed.issues == () and parsed.week == week


# --- placement rules -------------------------------------------------------------------------

def test_standard_week_lifts_after_the_quality_runs() -> None:
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=2)
    assert [(s.date, s.weekday, s.time, s.kind) for s in plan.sessions] == [
        (date(2027, 3, 2), "Tuesday", time(18), "normal"),
        (date(2027, 3, 4), "Thursday", time(18), "normal"),
        (date(2027, 3, 9), "Tuesday", time(18), "normal"),
        (date(2027, 3, 11), "Thursday", time(18), "normal"),
    ]
    tue, thu = plan.sessions[:2]
    assert tue.reason.startswith("Tuesday is a quality day: lift after the run")
    assert "Thursday's quality run is 37 h later (48 h preferred)" in tue.reason
    assert "Sunday's long run is 61 h later" in thu.reason and thu.warnings == ()
    assert plan.notes[0] == "Strength on Tuesday and Thursday at 18:00 (2 sessions a week)."
    assert [p.weekday for p in plan.pattern] == [1, 3] and plan.end == date(2027, 3, 14)


def test_a_quality_day_the_day_before_the_long_run_is_moved() -> None:
    plan = schedule_weeks(week_of("long: sun; quality: tue, sat; easy: mon, wed, thu; rest: fri"),
                      start=MONDAY, weeks=1)
    assert weekdays(plan) == ["Tuesday", "Thursday"]
    assert ("Saturday is a quality day but Sunday's long run is only 13 h later: "
            "moved to Thursday.") in plan.notes
    assert plan.sessions[1].reason.startswith("Thursday is an easy run day")


def test_a_quality_day_36_h_before_the_long_run_is_moved_when_a_better_day_exists() -> None:
    plan = schedule_weeks(week_of("long: sat; quality: thu; easy: mon, tue, wed, sun; rest: fri"),
                      start=MONDAY, weeks=1, sessions_per_week=1)
    assert weekdays(plan) == ["Monday"]
    assert ("Thursday is a quality day but Saturday's long run is 37 h later (48 h preferred): "
            "moved to Monday.") in plan.notes
    assert "Thursday's quality run is 61 h later" in plan.sessions[0].reason


def test_the_long_run_day_is_a_hard_day_too() -> None:
    plan = schedule_weeks(week_of("long: sat; quality: tue, thu; easy: mon, wed, sun; rest: fri"),
                      start=MONDAY, weeks=1)
    assert weekdays(plan) == ["Tuesday", "Saturday"]
    assert any(n.startswith("Thursday is a quality day but Saturday's long run is 37 h later")
               for n in plan.notes)


def test_a_runner_with_six_run_days() -> None:
    week = week_of("long: sun; quality: tue, fri; easy: mon, wed, sat; rest: thu")
    assert len(week.run_days) == 6
    two = schedule_weeks(week, start=MONDAY, weeks=1)
    assert weekdays(two) == ["Tuesday", "Friday"]
    three = schedule_weeks(week, start=MONDAY, weeks=1, sessions_per_week=3)
    assert weekdays(three) == ["Tuesday", "Friday", "Sunday"]
    for plan in (two, three):
        assert all(hours_to_next_hard(week, s.at, None) >= 24 for s in plan.sessions)


def test_three_sessions_are_spread_48_h_apart() -> None:
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=3, sessions_per_week=3)
    assert weekdays(plan, 2) == ["Tuesday", "Thursday", "Sunday"]
    gaps = [(b.at - a.at) / timedelta(hours=1) for a, b in pairwise(plan.sessions)]
    assert min(gaps) >= 48


def test_four_sessions_cannot_all_be_48_h_apart_and_it_says_so() -> None:
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=1, sessions_per_week=4)
    assert len(plan.sessions) == 4
    close = [w for s in plan.sessions for w in s.warnings if "strength session (48 h" in w]
    assert close
    assert any("2-3 improve running economy" in n for n in plan.notes)


def test_when_two_sessions_cannot_avoid_the_24_h_rule_the_least_bad_is_placed() -> None:
    week = week_of("long: sun; quality: tue, wed, thu, fri, sat; easy: mon")
    plan = schedule_weeks(week, start=MONDAY, weeks=1)
    assert weekdays(plan) == ["Tuesday", "Sunday"]
    tue, sun = plan.sessions
    assert any("least bad" in w and "13 h before Wednesday's quality run" in w
               for w in tue.warnings)
    assert "least bad day" in tue.reason and sun.warnings == (
        "Tuesday's quality run is 37 h later (48 h preferred)",)
    assert any(n.startswith("2 sessions a week cannot all stay out of the 24 h") for n in
               plan.notes)


def test_marathon_in_three_weeks_tapers() -> None:
    race = Race(date(2027, 3, 21), "marathon")  # a Sunday, day 20 of the plan
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=4, race=race)
    kinds = [(s.date, s.kind) for s in plan.sessions]
    assert kinds == [
        (date(2027, 3, 2), "normal"), (date(2027, 3, 4), "normal"),
        (date(2027, 3, 9), "normal"), (date(2027, 3, 11), "normal"),  # 10 days before
        (date(2027, 3, 16), "taper"),  # light, 5 days before; none in the last 3 days
    ]
    assert "Taper, 5 days before the marathon: light session" in plan.sessions[-1].reason
    assert "Last hard strength session: Thursday 2027-03-11, 10 days before the marathon." in (
        plan.notes)
    assert ("Week 3: Thursday 2027-03-18: it is in the last 3 days before the marathon: "
            "dropped.") in plan.notes
    assert any("7 days of recovery after the marathon" in n for n in plan.notes)


def test_no_hard_session_in_the_last_ten_days_before_a_marathon_whatever_the_week() -> None:
    for text in (STANDARD, "long: sat; quality: wed; easy: mon, tue, thu, fri, sun"):
        for offset in range(7):
            race = Race(MONDAY + timedelta(days=21 + offset), "marathon")
            plan = schedule_weeks(week_of(text), start=MONDAY, weeks=5, race=race,
                              sessions_per_week=3)
            before = [s for s in plan.sessions if s.date < race.date]
            assert all(s.kind == "taper" for s in before if (race.date - s.date).days < 10)
            assert sum(s.kind == "taper" for s in plan.sessions) <= 1
            assert all((race.date - s.date).days > 3 for s in before)


def test_a_10k_next_week_makes_the_last_week_light() -> None:
    race = Race(date(2027, 3, 14), "10k")  # Sunday of week 2
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=3, race=race)
    assert [(s.date, s.kind) for s in plan.sessions if s.week <= 2] == [
        (date(2027, 3, 2), "normal"), (date(2027, 3, 4), "normal"),
        (date(2027, 3, 9), "taper")]
    assert ("Week 2: Thursday 2027-03-11: it is in the last 3 days before the 10k race: "
            "dropped.") in plan.notes
    assert any(n.startswith("The 10k race on 2027-03-14: the last week is light") for n in
               plan.notes)
    after = [s for s in plan.sessions if s.week == 3]
    assert all((s.date - race.date).days > 2 for s in after)
    moved = next(s for s in after if s.weekday != "Thursday")
    assert moved.reason.startswith("Instead of Tuesday (it is in the 2 days of recovery")


def test_a_race_on_a_weekday_is_a_key_workout() -> None:
    race = Race(date(2027, 3, 18), "5k")  # a Thursday evening race would clash with lifting
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=3, race=race)
    assert all(not 0 <= (race.date - s.date).days <= 3 for s in plan.sessions)
    assert Race(date(2027, 1, 1), "half").label == "the half marathon"
    assert Race(date(2027, 1, 1), "50k").is_long(ScheduleRules())
    assert not Race(date(2027, 1, 1), "15 mi").is_long(ScheduleRules())


def test_a_race_before_the_plan_is_ignored() -> None:
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=1,
                      race=Race(date(2027, 2, 1), "10k"))
    assert plan.race is None and weekdays(plan) == ["Tuesday", "Thursday"]
    assert "The 10k race (2027-02-01) is before the plan: ignored." in plan.notes


def test_deload_in_week_six_halves_the_sets_on_the_same_days() -> None:
    plan = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=7)
    kinds = {s.week: s.kind for s in plan.sessions}
    assert kinds == {1: "normal", 2: "normal", 3: "normal", 4: "normal", 5: "normal",
                     6: "deload", 7: "normal"}
    assert weekdays(plan, 6) == ["Tuesday", "Thursday"]
    deload = next(s for s in plan.sessions if s.kind == "deload")
    assert "Deload week (every 6 weeks): halve the sets, keep the days and exercises." in (
        deload.reason)
    assert "Week 6 (from 2027-04-05): deload: halve the sets, keep the days and exercises." in (
        plan.notes)
    every_4 = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=8, deload_every=4)
    assert sorted({s.week for s in every_4.sessions if s.kind == "deload"}) == [4, 8]
    never = schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=8, deload_every=0)
    assert {s.kind for s in never.sessions} == {"normal"}
    assert any("about every 6 (4-8)" in n for n in
               schedule_weeks(week_of(STANDARD), start=MONDAY, weeks=1, deload_every=12).notes)


def test_lifting_too_soon_after_or_before_the_run_is_said() -> None:
    soon = schedule_weeks(week_of(STANDARD + "; strength: 12:00"), start=MONDAY, weeks=1)
    assert all("only 5 h after the run (6 h apart preferred)" in s.warnings
               for s in soon.sessions)
    before = schedule_weeks(week_of(STANDARD + "; strength: 6:00"), start=MONDAY, weeks=1)
    assert any("the 06:00 session comes before the 07:00 run" in w
               for s in before.sessions for w in s.warnings)


def test_start_mid_week_keeps_the_weekdays() -> None:
    plan = schedule_weeks(week_of(STANDARD), start=date(2027, 3, 3), weeks=2)
    assert [s.date for s in plan.sessions] == [
        date(2027, 3, 4), date(2027, 3, 9), date(2027, 3, 11), date(2027, 3, 16)]


def test_edges_and_purity() -> None:
    week = week_of(STANDARD)
    assert schedule_weeks(week, start=MONDAY, weeks=3) == \
        schedule_weeks(week, start=MONDAY, weeks=3)
    assert schedule_weeks(week, start=MONDAY, weeks=2, sessions_per_week=0).sessions == ()
    assert schedule_weeks(week, start=MONDAY, weeks=0).sessions == ()
    with pytest.raises(ValueError):
        schedule_weeks(week, start=MONDAY, weeks=-1)
    with pytest.raises(ValueError):
        schedule_weeks(week, start=MONDAY, weeks=1, sessions_per_week=8)


# --- the safety property ---------------------------------------------------------------------

races = st.none() | st.builds(
    Race, st.dates(date(2027, 2, 20), date(2027, 6, 1)),
    st.sampled_from(["5k", "10k", "half", "marathon", "50k", "trail"]))


@settings(max_examples=150, deadline=None)
@given(weeks(), st.dates(date(2027, 3, 1), date(2027, 3, 14)), st.integers(1, 8),
       st.integers(0, 4), races, st.sampled_from([0, 4, 6]))
def test_no_session_inside_24_h_before_a_hard_run_unless_the_plan_says_why(
        week: RunningWeek, start: date, n_weeks: int, per_week: int, race: Race | None,
        deload_every: int) -> None:
    plan = schedule_weeks(week, start=start, weeks=n_weeks, sessions_per_week=per_week, race=race,
                      deload_every=deload_every)
    race = plan.race
    dates = [s.date for s in plan.sessions]
    assert dates == sorted(set(dates)) and all(start <= d <= plan.end for d in dates)
    for s in plan.sessions:
        assert s.weekday in s.reason
        if hours_to_next_hard(week, s.at, race) < 24:
            said = [w for w in s.warnings if "24 h" in w and "least bad" in w]
            assert said and said[0] in s.reason, s
        if race is not None:
            days_before = (race.date - s.date).days
            assert not 0 <= days_before <= 3
            if race.is_long(ScheduleRules()) and 0 < days_before < 10:
                assert s.kind == "taper"
    for w in range(1, n_weeks + 1):
        assert len(weekdays(plan, w)) <= per_week


# --- docs/schedule.md ------------------------------------------------------------------------

DOC = (Path(__file__).resolve().parents[2] / "docs" / "schedule.md").read_text()


def test_the_documented_weeks_and_error_are_what_the_parser_does() -> None:
    blocks = re.findall(r"```text\n(.*?)```", DOC, flags=re.S)
    weeks_ = [b for b in blocks if not b.startswith("week.txt")]
    assert len(weeks_) == 2
    assert week_of(weeks_[0]) == week_of(STANDARD) and format_week(week_of(weeks_[0])) + "\n" == (
        weeks_[0])
    longer = week_of(weeks_[1])
    assert (longer.long, longer.quality, longer.easy, longer.rest) == (
        week_of(STANDARD).long, week_of(STANDARD).quality, week_of(STANDARD).easy,
        week_of(STANDARD).rest)
    [error] = [b for b in blocks if b.startswith("week.txt")]
    issue = parse_week("long: sun; quality: tue, fry", source="week.txt").issues[0]
    assert issue.render() + "\n" == error


def test_the_documented_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    [code] = re.findall(r"```python\n(.*?)```", DOC, flags=re.S)
    exec(compile(code, "docs/schedule.md", "exec"), {})
    out = capsys.readouterr().out
    assert "2027-03-02 Tuesday 18:00:00 normal Tuesday is a quality day" in out
    assert "Week 6 (from 2027-04-05): deload" in out
