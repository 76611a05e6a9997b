"""Next-session suggestions that step back: pain, red flags, deloads, rising stiffness."""

from __future__ import annotations

import pytest

from strongstride.analysis import MorningCheck, Settings
from tests.analysis.make import holds, session, set_log, sides
from tests.analysis.nexthelp import (
    BODYWEIGHT,
    BRIDGE,
    DEADLIFT,
    HIP_EXTENSION,
    HOLD,
    LOADED,
    PIGEON,
    PLANK,
    STRETCH,
    day,
    infos_of,
    loaded,
    reps_only,
    suggest_one,
)


def painful(pain: int, n: int = 6) -> list:  # type: ignore[type-arg]
    return sides(DEADLIFT, sid=f"p{n}", n=n, left=(12, 12), right=(12, 12), load=20, rpe=7,
                 pain=pain)


def test_amber_pain_holds_everything_as_it_was() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(1) + painful(4))
    assert result.action == "hold"
    assert (result.target.load, result.target.reps, result.target.sets) == (20, 12, 2)
    assert result.reason == ("Pain 4/10 last time is amber (4-5): repeat the same next time; it "
                             "should settle by the next morning.")


def test_green_pain_3_does_not_hold() -> None:
    assert suggest_one(DEADLIFT, LOADED, loaded(1) + painful(3)).action == "add load"


@pytest.mark.parametrize(("morning", "action"), [(3, "hold"), (4, "regress")])
def test_amber_pain_that_has_not_settled_the_next_morning_steps_back(
        morning: int, action: str) -> None:
    checks = [MorningCheck(day(7), morning, 2)]
    result = suggest_one(DEADLIFT, LOADED, loaded(1) + painful(5), checks=checks,
                         today=day(7))
    assert result.action == action


def test_red_pain_regresses_one_load_step() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(1) + painful(6))
    assert (result.action, result.target.load) == ("regress", 17.5)
    assert result.reason == "Pain 6/10 last time is red (6 or more): take off 2.5 kg."


def test_red_pain_regresses_one_step_for_every_kind() -> None:
    band = reps_only(HIP_EXTENSION, 1, (12, 12), band="medium", pain=7)
    assert suggest_one(HIP_EXTENSION, BODYWEIGHT, band).target.band == "light"
    bodyweight = reps_only(BRIDGE, 1, (12, 12), pain=7)
    assert suggest_one(BRIDGE, BODYWEIGHT, bodyweight).target.sets == 1
    hold = suggest_one(PLANK, HOLD, holds(PLANK, left=(45, 45), right=(45, 45), pain=6))
    assert (hold.action, hold.target.seconds) == ("regress", 40)
    stretch = suggest_one(PIGEON, STRETCH, holds(PIGEON, left=(30,), right=(30,), pain=6))
    assert (stretch.action, stretch.target.seconds) == ("regress", 30)


def test_amber_pain_two_sessions_running_deloads() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(1) + painful(5, n=3) + painful(4, n=6))
    assert (result.action, result.target.sets, result.target.load) == ("deload", 1, 20)
    assert result.reason.startswith("Pain 4-5 in the last 2 sessions: deload: 1 set instead of 2")


def test_red_pain_in_two_sessions_stops_with_see_your_physio() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(1) + painful(6, n=3) + painful(7, n=6))
    assert result.action == "stop"
    assert "see your physio" in result.reason


def test_a_red_flag_note_stops_the_exercise() -> None:
    logs = [*loaded(2), set_log(DEADLIFT, sid="x", n=9, reps=12, load=20, note="Knee gave way")]
    result = suggest_one(DEADLIFT, LOADED, logs)
    assert result.action == "stop"
    assert result.reason == ("Stop Single-leg deadlift and see your physio: you noted the joint "
                             "giving way.")


def weekly(weeks: int, **kw: object) -> list:  # type: ignore[type-arg]
    """One deadlift session a week, on Mondays, getting better each time (no stalls)."""
    out = []
    for w in range(weeks):
        reps = (8 + w % 4,) * 2
        out += sides(DEADLIFT, sid=f"w{w:02d}", n=7 * w, left=reps, right=reps, load=20 + w,
                     rpe=7, **kw)
    return out


@pytest.mark.parametrize(("today", "action"), [(41, "add reps"), (42, "deload")])
def test_deload_about_every_6_weeks(today: int, action: str) -> None:
    result = suggest_one(DEADLIFT, LOADED, weekly(6), today=day(today))
    assert result.action == action
    if action == "deload":
        assert result.target.sets == 1
        assert result.reason == ("6 weeks since your first session: deload: 1 set instead of "
                                 "2, same load, same days and exercises.")


def test_the_deload_interval_is_a_setting_from_4_to_8_weeks() -> None:
    result = suggest_one(DEADLIFT, LOADED, weekly(5), today=day(28),
                         settings=Settings(deload_every_weeks=4))
    assert result.action == "deload"
    for weeks in (3, 9):
        with pytest.raises(ValueError, match="deload_every_weeks must be from 4 to 8"):
            Settings(deload_every_weeks=weeks)


def test_a_marked_deload_restarts_the_count() -> None:
    result = suggest_one(DEADLIFT, LOADED, weekly(6), today=day(42), last_deload=day(14))
    assert result.action != "deload"
    later = suggest_one(DEADLIFT, LOADED, weekly(6), today=day(56), last_deload=day(14))
    assert later.reason.startswith("6 weeks since your last deload")


def test_a_week_of_half_sessions_counts_as_a_deload_and_lasts_the_week() -> None:
    logs = weekly(6)
    infos = infos_of(logs)
    infos[3] = session(infos[3].id, 21, planned=20, done=10)
    assert suggest_one(DEADLIFT, LOADED, logs, sessions=infos, today=day(42)).action != "deload"
    this_week = [*infos[:5], session(infos[5].id, 35, planned=20, done=9)]
    result = suggest_one(DEADLIFT, LOADED, logs, sessions=this_week, today=day(37))
    assert result.reason.startswith("This is a deload week: deload")


def test_two_stalled_sessions_deload_one_does_not() -> None:
    stuck = loaded(3, left=(10, 10), right=(10, 10))
    result = suggest_one(DEADLIFT, LOADED, stuck)
    assert result.action == "deload"
    assert result.reason.startswith("No progress in the last 2 sessions: deload: 1 set instead")
    assert suggest_one(DEADLIFT, LOADED, stuck[:8]).action == "add reps"


def test_more_reps_on_the_weaker_side_is_not_a_stall() -> None:
    logs = (loaded(1, left=(10, 10), right=(10, 10))
            + loaded(1, left=(10, 10), right=(11, 11), start=3)
            + loaded(1, left=(11, 10), right=(11, 11), start=6))
    assert suggest_one(DEADLIFT, LOADED, logs).action == "add reps"


def test_rising_morning_stiffness_holds_progress() -> None:
    checks = [MorningCheck(day(0), 0, 2), MorningCheck(day(7), 0, 4)]
    logs = loaded(2, start=4)
    result = suggest_one(DEADLIFT, LOADED, logs, checks=checks, today=day(8))
    assert result.action == "hold" and result.target.load == 20
    assert "stiffness rose" in result.reason


def test_pain_outranks_the_deload_and_the_red_flag_outranks_pain() -> None:
    logs = weekly(6) + painful(5, n=42)
    assert suggest_one(DEADLIFT, LOADED, logs, today=day(43)).action == "hold"
    flagged = [*logs, set_log(DEADLIFT, sid="w06", n=42, reps=3, load=20, note="numbness")]
    assert suggest_one(DEADLIFT, LOADED, flagged, today=day(43)).action == "stop"


# The morning after a session without pain: the next-morning check-in


@pytest.mark.parametrize(("morning", "action"), [(3, "add load"), (4, "hold"), (5, "hold"),
                                                 (6, "regress")])
def test_pain_the_morning_after_a_painless_session_holds_or_steps_back(
        morning: int, action: str) -> None:
    assert suggest_one(DEADLIFT, LOADED, loaded(2)).action == "add load"
    checks = [MorningCheck(day(4), morning, 2)]
    result = suggest_one(DEADLIFT, LOADED, loaded(2), checks=checks, today=day(4))
    assert result.action == action
    if action == "hold":
        assert result.reason == (f"Pain {morning}/10 the morning after last session is amber "
                                 "(4-5): repeat the same next time.")
        assert (result.target.load, result.target.reps) == (20, 12)
    if action == "regress":
        assert result.reason.startswith("Pain 6/10 the morning after last session is red")


def test_a_morning_check_in_about_another_exercise_does_not_count() -> None:
    other = [MorningCheck(day(4), 6, None, exercise="Side plank", side="left")]
    assert suggest_one(DEADLIFT, LOADED, loaded(2), checks=other,
                       today=day(4)).action == "add load"
    same = [MorningCheck(day(4), 6, None, exercise="single-leg deadlift", side="left")]
    assert suggest_one(DEADLIFT, LOADED, loaded(2), checks=same,
                       today=day(4)).action == "regress"


def test_a_check_in_two_mornings_later_is_not_the_morning_after() -> None:
    checks = [MorningCheck(day(5), 6, 2)]
    assert suggest_one(DEADLIFT, LOADED, loaded(2), checks=checks,
                       today=day(5)).action == "add load"
