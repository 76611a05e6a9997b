"""Sessions per ISO week against the target, streaks and the calendar."""

from __future__ import annotations

from strongstride.analysis import Settings, adherence, calendar
from tests.analysis.make import day, session


def weeks_with(*per_week: int) -> list:  # type: ignore[type-arg]
    """Sessions: per_week[i] sessions in week i (Monday, Wednesday, Friday...)."""
    return [session(f"w{w}s{k}", 7 * w + 2 * k)
            for w, count in enumerate(per_week) for k in range(count)]


def test_sessions_per_week_against_the_target_of_two() -> None:
    result = adherence(weeks_with(2, 3, 1), today=day(20))
    assert [(w.week, w.sessions, w.met) for w in result.weeks] == [
        ("2026-W10", 2, True), ("2026-W11", 3, True), ("2026-W12", 1, False)]
    assert result.target == 2


def test_streaks_the_open_week_neither_breaks_nor_adds_until_met() -> None:
    sessions = weeks_with(2, 2, 1, 2, 2, 0)
    result = adherence(sessions, today=day(7 * 5 + 2))
    assert (result.current_streak, result.longest_streak) == (2, 2)
    done = adherence([*sessions, session("now1", 35), session("now2", 36)], today=day(37))
    assert (done.current_streak, done.longest_streak) == (3, 3)


def test_a_missed_week_before_this_one_breaks_the_streak() -> None:
    result = adherence(weeks_with(2, 2, 0, 0), today=day(7 * 3 + 6))
    assert (result.current_streak, result.longest_streak) == (0, 2)


def test_only_sessions_with_sets_done_count_and_the_future_is_ignored() -> None:
    sessions = [session("a", 0), session("b", 1, status="abandoned"),
                session("c", 2, status="abandoned", done=3), session("d", 3, status="active"),
                session("later", 30)]
    result = adherence(sessions, today=day(6))
    assert [w.sessions for w in result.weeks] == [2]


def test_target_is_a_setting() -> None:
    result = adherence(weeks_with(2, 3), today=day(13), settings=Settings(sessions_per_week=3))
    assert [w.met for w in result.weeks] == [False, True]


def test_no_sessions() -> None:
    result = adherence([], today=day(0))
    assert (result.weeks, result.current_streak, result.longest_streak) == ((), 0, 0)


def test_calendar_has_every_day_of_the_range() -> None:
    days = calendar([session("a", 1), session("b", 1), session("c", 3)], day(0), day(4))
    assert [(d.date, d.sessions) for d in days] == [
        (day(0), 0), (day(1), 2), (day(2), 0), (day(3), 1), (day(4), 0)]


def test_iso_weeks_cross_the_new_year() -> None:
    from datetime import date

    from strongstride.analysis import iso_week

    assert iso_week(date(2025, 12, 29)) == "2026-W01"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"


def test_training_weeks_sum_up_the_sessions_that_count() -> None:
    from strongstride.analysis.adherence import TrainingWeek, training_weeks

    sessions = [session("a", 0, planned=10, done=4), session("b", 2, planned=10, done=5),
                session("c", 3, status="abandoned"), session("d", 8, planned=10, done=9),
                session("e", 9, planned=0, done=0)]
    weeks = training_weeks(reversed(sessions))
    assert weeks == (TrainingWeek(day(0), 2, day(0), day(2), True),
                     TrainingWeek(day(7), 2, day(8), day(9), False))
    # Weeks summed up elsewhere (by the store, before a report's window) merge with the rest.
    assert training_weeks(sessions[2:], training_weeks(sessions[:2])) == weeks
    assert training_weeks(sessions[1:], training_weeks(sessions[:1])) == weeks
