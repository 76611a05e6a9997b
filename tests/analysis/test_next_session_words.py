"""The next-session words read right (a skipped set, two-legged moves, counts and their nouns)
and at most a few exercises move forward in one session (docs/analysis.md)."""

from __future__ import annotations

import re

from strongstride.analysis import MorningCheck, Settings, build_report, next_session
from strongstride.analysis.plural import counted
from strongstride.routine.model import Prescription, Range
from tests.analysis.make import day, session, set_log, sides, two_legged
from tests.analysis.nexthelp import BODYWEIGHT, BRIDGE, infos_of, reps_only, suggest_one

GOBLET = "Goblet squat"
TWO_LEGGED = Prescription(sets=Range(2, 2), reps=Range(8, 12))
HEEL_TAP = "Alternating elevated heel tap"
FIVE_REPS = Prescription(sets=Range(2, 2), reps=Range(5, 5), side="leg")


def test_counted_agrees_with_its_noun() -> None:
    assert [counted(n, "session") for n in (0, 1, 2)] == ["0 sessions", "1 session",
                                                          "2 sessions"]
    assert counted(1.5, "set") == "1.5 sets" and counted(1.0, "week") == "1 week"


def test_a_skipped_set_is_never_the_lowest_set() -> None:
    # Two sessions at the top of the range; last time set 2 on the left was skipped. The
    # bug: "Your fewest reps on a set were 5: aim for 5".
    logs = reps_only(HEEL_TAP, 1, (5, 5), target=(5, 5))
    logs += [set_log(HEEL_TAP, sid="last", n=3, side="left", set_number=1, reps=5,
                     target=(5, 5)),
             set_log(HEEL_TAP, sid="last", n=3, side="left", set_number=2, skipped=True,
                     target=(5, 5)),
             *[set_log(HEEL_TAP, sid="last", n=3, side="right", set_number=i, reps=5,
                       target=(5, 5)) for i in (1, 2)]]
    result = suggest_one(HEEL_TAP, FIVE_REPS, logs)
    assert result.action == "keep" and result.target.sets == 2 and result.target.reps == 5
    assert result.reason == ("Last time your left side did 1 of the 2 sets: do all 2 on each "
                             "side before adding more.")
    assert "aim for" not in result.reason


def test_a_skipped_set_with_reps_typed_in_does_not_lower_the_target() -> None:
    logs = sides(BRIDGE, sid="s1", left=(10, 10), right=(10, 10))
    logs.append(set_log(BRIDGE, sid="s1", side="left", set_number=3, reps=3, skipped=True))
    result = suggest_one(BRIDGE, BODYWEIGHT, logs)
    assert (result.action, result.target.reps) == ("add reps", 11)
    assert result.reason == ("Your lowest set was 10 reps: aim for 11 on every set, both sides "
                             "(up to 12).")


def test_every_set_at_the_top_but_one_side_not_logged_says_so() -> None:
    logs = [set_log(BRIDGE, side="left", set_number=i, reps=12) for i in (1, 2)]
    result = suggest_one(BRIDGE, None, logs)
    assert result.action == "keep" and result.target.reps == 12
    assert result.reason == "Do every set at 12 reps on both sides to move on."


def test_two_legged_moves_are_said_without_sides() -> None:
    logs = [*two_legged(GOBLET, sid="a", n=0, reps=(12, 12)),
            *two_legged(GOBLET, sid="b", n=3, reps=(12, 12))]
    result = suggest_one(GOBLET, TWO_LEGGED, logs)
    assert result.reason == "You reached 12 reps twice: add one set (3 sets)."
    fewer = suggest_one(GOBLET, TWO_LEGGED, two_legged(GOBLET, reps=(10, 11)))
    assert fewer.reason == "Your lowest set was 10 reps: aim for 11 on every set (up to 12)."
    at_top = suggest_one(GOBLET, TWO_LEGGED, two_legged(GOBLET, reps=(12, 12)))
    assert at_top.reason == "You reached 12 reps on every set: do it again to move on."
    assert "side" not in " ".join((result.reason, fewer.reason, at_top.reason))


def test_one_sided_moves_still_name_both_sides() -> None:
    result = suggest_one(BRIDGE, BODYWEIGHT, reps_only(BRIDGE, 2, (12, 12)))
    assert result.reason == "Both sides reached 12 reps twice: add one set (3 sets)."


def test_counts_of_one_read_in_the_singular() -> None:
    once = Settings(amber_sessions_for_deload=1, deload_after_stalls=1, red_pain_sessions=1)
    amber = suggest_one(BRIDGE, BODYWEIGHT, reps_only(BRIDGE, 1, (10, 10), pain=4),
                        settings=once, checks=[MorningCheck(day(1), 2, 2)])
    assert amber.reason.startswith("Pain 4-5 in the last 1 session: deload: 1 set instead of 2")
    stalled = suggest_one(BRIDGE, BODYWEIGHT, reps_only(BRIDGE, 2, (10, 10)), settings=once)
    assert stalled.reason.startswith("No progress in the last 1 session: deload")
    red = suggest_one(BRIDGE, BODYWEIGHT, reps_only(BRIDGE, 1, (10, 10), pain=7),
                      settings=once)
    assert red.reason.endswith("you logged pain of 6 or more in 1 session.")


def test_a_report_of_one_session_has_no_wrong_plural() -> None:
    logs = [*sides(BRIDGE, sid="s1", left=(9,), right=(10,)),
            *two_legged(GOBLET, sid="s1", reps=(1,)),
            set_log(BRIDGE, sid="s1", side="left", set_number=2, reps=9, pain=4)]
    report = build_report([session("s1", 0, planned=3, done=3)], logs,
                          {BRIDGE: BODYWEIGHT, GOBLET: TWO_LEGGED}, today=day(0),
                          settings=Settings(min_comparable_sessions=1, same_side_weaker=1))
    words = [s.reason for s in report.suggestions] + [r.message for r in report.symmetry]
    wrong = [w for w in words if re.search(r"\b1 (sessions|sets|reps|weeks|days)\b", w)]
    assert wrong == []


def gated_exercises(names: list[str], waited: dict[str, int]) -> tuple[list, dict]:
    """Each exercise at 2 x 12 on both legs, two sessions running (so ready to add a set),
    some of them for longer: `waited[name]` sessions at that level."""
    logs = []
    for name in names:
        for i in range(waited.get(name, 2)):
            n = 30 - 3 * i
            logs += sides(name, sid=f"s{n:03d}", n=n, left=(12, 12), right=(12, 12))
    return logs, {name: BODYWEIGHT for name in names}


def test_at_most_three_exercises_move_forward_in_a_session() -> None:
    names = ["Clamshell", "Side-lying leg raise", "Fire hydrant", "Donkey kick",
             "Single-leg bridge"]
    logs, prescriptions = gated_exercises(names, {"Donkey kick": 4})
    found = next_session(infos_of(logs), logs, prescriptions, day(30))
    actions = {s.exercise: s.action for s in found}
    # The one that waited longest goes first, then routine order.
    assert [n for n in names if actions[n] == "add a set"] == [
        "Clamshell", "Side-lying leg raise", "Donkey kick"]
    held = [s for s in found if s.action != "add a set"]
    assert {s.exercise for s in held} == {"Fire hydrant", "Single-leg bridge"}
    for s in held:
        assert s.action == "keep"
        # Held: last session's amounts, one change said as waiting.
        assert (s.target.sets, s.target.reps) == (2, 12)
        assert s.reason == ("Repeat last session: 3 other exercises move on this time, at most "
                            "3 at once. Waiting its turn: Both sides reached 12 reps twice: "
                            "add one set (3 sets).")


def test_the_cap_is_a_setting_and_each_exercise_changes_one_thing() -> None:
    names = ["Clamshell", "Side-lying leg raise", "Fire hydrant", "Donkey kick"]
    logs, prescriptions = gated_exercises(names, {})
    every = next_session(infos_of(logs), logs, prescriptions, day(30),
                         Settings(changes_per_session=4))
    assert [s.action for s in every] == ["add a set"] * 4
    for s in every:  # one thing changed: the sets, not the reps, band or load
        assert (s.target.sets, s.target.reps, s.target.band, s.target.load) == (3, 12, None,
                                                                                None)
    one = next_session(infos_of(logs), logs, prescriptions, day(30),
                       Settings(changes_per_session=1))
    assert [s.action for s in one] == ["add a set", "keep", "keep", "keep"]
    assert one[1].reason.startswith("Repeat last session: 1 other exercise moves on")


def test_pain_and_stop_are_never_held_back_by_the_cap() -> None:
    names = ["Clamshell", "Side-lying leg raise", "Fire hydrant", "Donkey kick"]
    logs, prescriptions = gated_exercises(names, {})
    logs += sides("Monster walk", sid="s030", n=30, left=(10, 10), right=(10, 10), pain=5)
    prescriptions["Monster walk"] = BODYWEIGHT
    found = next_session(infos_of(logs), logs, prescriptions, day(30))
    assert [s.action for s in found].count("add a set") == 3
    assert found[-1].action == "hold" and found[-1].reason.startswith("Pain 5/10")
