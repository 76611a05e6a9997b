"""Pain monitoring: traffic light, trends, next-morning check-in, red flags."""

from __future__ import annotations

import pytest

from strongstride.analysis import (
    MorningCheck,
    Settings,
    morning_after,
    morning_results,
    note_flags,
    pain_trends,
    red_flags,
    set_lights,
    stiffness_rising,
    traffic_light,
)
from tests.analysis.make import day, session, set_log, sides

LUNGE = "Slider reverse lunge"


@pytest.mark.parametrize(("pain", "light"), [
    (0, "green"), (3, "green"), (4, "amber"), (5, "amber"), (6, "red"), (10, "red")])
def test_traffic_light_0_3_green_4_5_amber_6_up_red(pain: int, light: str) -> None:
    assert traffic_light(pain) == light


def test_traffic_light_bands_are_settings() -> None:
    clinic = Settings(green_max=2, amber_max=4)
    assert [traffic_light(p, clinic) for p in (2, 3, 4, 5)] == ["green", "amber", "amber", "red"]


def test_a_light_per_set_with_pain() -> None:
    logs = [*sides(LUNGE, left=(10, 10), right=(10, 10), pain=2),
            set_log(LUNGE, side="left", set_number=3, reps=8, pain=5),
            set_log(LUNGE, side="right", set_number=3, reps=8)]
    lights = set_lights(logs, sessions=[session("s1", 0)])
    assert [(s.side, s.set_number, s.light) for s in lights] == [
        ("left", 1, "green"), ("right", 1, "green"), ("left", 2, "green"),
        ("right", 2, "green"), ("left", 3, "amber")]


def test_trend_per_exercise_and_side_over_the_last_sessions() -> None:
    logs = [set_log(LUNGE, sid=f"s{i}", n=i, side="left", reps=10, pain=p)
            for i, p in enumerate([6, 1, 2, 4, 5])]
    logs += [set_log(LUNGE, sid=f"s{i}", n=i, side="right", reps=10, pain=p)
             for i, p in enumerate([3, 3, 2, 1, 1])]
    trends = {t.side: t for t in pain_trends([session(f"s{i}", i) for i in range(5)], logs)}
    assert [p.pain for p in trends["left"].points] == [1, 2, 4, 5]
    assert trends["left"].direction == "rising"
    assert [p.light for p in trends["left"].points] == ["green", "green", "amber", "amber"]
    assert trends["right"].direction == "falling"


@pytest.mark.parametrize(("morning", "status"), [(3, "settled"), (4, "not settled")])
def test_pain_must_settle_by_the_next_morning(morning: int, status: str) -> None:
    result = morning_after(day(0), 5, [MorningCheck(day(1), morning, 2)])
    assert result.status == status and result.morning_pain == morning


def test_two_check_ins_on_one_morning_the_worse_counts() -> None:
    checks = [MorningCheck(day(1), 2, 1), MorningCheck(day(1), 5, 1)]
    assert morning_after(day(0), 5, checks).status == "not settled"


def test_a_check_on_another_day_is_no_check_in() -> None:
    assert morning_after(day(0), 5, [MorningCheck(day(2), 0, 0)]).status == "no check-in"


def test_morning_results_only_for_days_with_amber_or_red_pain() -> None:
    logs = [set_log(LUNGE, sid="a", n=0, reps=10, pain=3),
            set_log(LUNGE, sid="b", n=2, reps=10, pain=4),
            set_log(LUNGE, sid="c", n=4, reps=10, pain=7)]
    checks = [MorningCheck(day(3), 1, 1), MorningCheck(day(5), 5, 3)]
    results = morning_results([session("a", 0), session("b", 2), session("c", 4)], logs, checks)
    assert [(r.session_date, r.session_pain, r.status) for r in results] == [
        (day(2), 4, "settled"), (day(4), 7, "not settled")]


def test_morning_stiffness_must_not_rise_week_to_week() -> None:
    steady = [MorningCheck(day(1), 0, 3), MorningCheck(day(8), 0, 3)]
    rising = [MorningCheck(day(1), 0, 2), MorningCheck(day(3), 0, 3), MorningCheck(day(8), 0, 4)]
    assert not stiffness_rising(steady)
    assert stiffness_rising(rising)
    assert not stiffness_rising(rising[:2])


@pytest.mark.parametrize(("note", "flag"), [
    ("Sharp pain at the bottom", "sharp pain"),
    ("knee SWELLING after", "swelling"),
    ("a bit swollen", "swelling"),
    ("was limping on the way home", "limping"),
    ("night pain again", "night pain"),
    ("numbness in my toes", "numbness"),
    ("knee gave way on rep 3", "the joint giving way"),
    ("felt like it was giving way", "the joint giving way"),
])
def test_note_words_are_red_flags(note: str, flag: str) -> None:
    assert note_flags(note) == (flag,)


@pytest.mark.parametrize("note", [
    "no swelling", "not sharp, just tired", "didn't limp", "", "sharpened my focus",
    "felt strong", "ran at night"])
def test_other_and_negated_notes_are_not(note: str) -> None:
    assert note_flags(note) == ()


def test_a_negation_only_reaches_its_own_clause() -> None:
    assert note_flags("no pain, but swelling") == ("swelling",)


def test_red_pain_in_two_sessions_stops_the_exercise_one_does_not() -> None:
    once = [*sides(LUNGE, sid="a", n=0, left=(10,), right=(10,)),
            set_log(LUNGE, sid="b", n=2, side="left", reps=8, pain=6)]
    infos = [session("a", 0), session("b", 2), session("c", 4)]
    assert red_flags(infos, once) == ()
    twice = [*once, set_log(LUNGE, sid="c", n=4, side="right", reps=8, pain=7)]
    (stop,) = red_flags(infos, twice)
    assert stop.exercise == LUNGE
    assert [(f.kind, f.what, f.side) for f in stop.flags] == [
        ("red pain", "pain 6/10", "left"), ("red pain", "pain 7/10", "right")]
    assert stop.message == ("Stop Slider reverse lunge and see your physio: you logged pain of "
                            "6 or more in 2 sessions.")


def test_red_pain_outside_the_window_does_not_count() -> None:
    logs = [set_log(LUNGE, sid=f"s{i}", n=i, reps=10, pain=7 if i in (0, 5) else 0)
            for i in range(6)]
    assert red_flags([session(f"s{i}", i) for i in range(6)], logs) == ()


def test_a_note_on_a_skipped_set_stops_the_exercise() -> None:
    logs = [set_log(LUNGE, sid="a", side="left", skipped=True, note="Sharp pain, stopped"),
            set_log(LUNGE, sid="a", side="left", set_number=2, skipped=True,
                    note="some swelling")]
    (stop,) = red_flags([session("a", 0)], logs)
    assert stop.message == ("Stop Slider reverse lunge and see your physio: you noted sharp pain "
                            "and swelling.")


DIAGNOSES = ("tendin", "tear", "strain", "sprain", "injur", "fracture", "arthritis")


def test_stop_messages_repeat_what_was_logged_and_never_diagnose() -> None:
    logs = [set_log(LUNGE, sid="a", reps=5, pain=8, note="numb and limping"),
            set_log(LUNGE, sid="b", n=1, reps=5, pain=9)]
    (stop,) = red_flags([session("a", 0), session("b", 1)], logs)
    message = stop.message.casefold()
    assert "see your physio" in message
    assert "you noted limping and numbness; you logged pain of 6 or more in 2" in message
    assert not [word for word in DIAGNOSES if word in message]
