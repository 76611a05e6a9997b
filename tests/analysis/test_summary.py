"""The finish summary from hand-built sets: the sides and their gap, a skipped side, pain,
personal bests, what changes next time and the morning check-in."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from strongstride.analysis.pain import MorningCheck
from strongstride.analysis.summary import finish_summary
from strongstride.routine.model import Prescription, Range
from tests.analysis.make import day, session, set_log, sides, two_legged

SPLIT = "Banded split squat"


def test_time_taken_sets_done_of_planned_and_skipped() -> None:
    info = session("s1", 0, planned=6)  # 07:00 to 07:45
    sets = [*sides(SPLIT, left=(10, 10), right=(10, 10)),
            set_log("Clamshell", side="left", reps=None, skipped=True),
            set_log("Clamshell", side="right", reps=None, skipped=True)]
    summary = finish_summary(info, sets)
    assert summary.seconds == 45 * 60
    assert (summary.planned, summary.done, summary.skipped) == (6, 4, 2)


def test_an_open_session_takes_its_time_to_the_last_set() -> None:
    info = replace(session("s1", 0), ended_at=None, status="active")
    sets = sides(SPLIT, left=(10,), right=(10,))  # logged at 07:01
    assert finish_summary(info, sets).seconds == 60


def test_left_and_right_with_the_gap_at_the_same_load() -> None:
    sets = sides(SPLIT, left=(8, 9), right=(10, 10), load=12)
    [split] = finish_summary(session("s1", 0), sets).sides
    assert split.left.text == "8, 9 reps at 12 kg"
    assert split.right.text == "10, 10 reps at 12 kg"
    assert split.left.reps == (8, 9) and split.left.loads == (12, 12)
    assert split.weaker == "left"
    assert split.gap == "Left 8.5, right 10 reps a set at 12 kg: 15% fewer reps on the left."
    assert split.why_no_gap == ""


def test_no_gap_for_a_skipped_side() -> None:
    sets = [set_log(SPLIT, side="left", set_number=1, reps=10),
            set_log(SPLIT, side="right", set_number=1, skipped=True)]
    [split] = finish_summary(session("s1", 0), sets).sides
    assert split.gap is None
    assert split.why_no_gap == "the right side was skipped"
    assert split.right.text == "skipped" and split.right.skipped == 1
    assert split.left.text == "10 reps"


def test_no_gap_for_different_loads_on_each_side() -> None:
    sets = [set_log(SPLIT, side="left", reps=10, load=10),
            set_log(SPLIT, side="right", reps=8, load=12)]
    [split] = finish_summary(session("s1", 0), sets).sides
    assert split.gap is None
    assert "different loads" in split.why_no_gap
    assert (split.left.text, split.right.text) == ("10 reps at 10 kg", "8 reps at 12 kg")


def test_no_gap_when_both_sides_stopped_at_the_target() -> None:
    sets = sides(SPLIT, left=(12, 12), right=(12, 12), target=(8, 12))
    [split] = finish_summary(session("s1", 0), sets).sides
    assert split.gap is None
    assert split.why_no_gap == "both sides reached the 12-rep target on every set"
    assert split.at_target


def test_two_legged_moves_and_moves_skipped_on_both_sides_have_no_sides() -> None:
    assert finish_summary(session("s1", 0), two_legged(reps=(10, 10))).sides == ()
    skipped = [set_log(SPLIT, side=side, skipped=True) for side in ("left", "right")]
    assert finish_summary(session("s1", 0), skipped).sides == ()


def test_the_highest_pain_and_where() -> None:
    sets = [*sides(SPLIT, left=(10,), right=(10,)),
            set_log("Clamshell", side="right", set_number=2, reps=12, pain=5),
            set_log("Clamshell", side="left", set_number=1, reps=12, pain=2)]
    pain = finish_summary(session("s1", 0), sets).pain
    assert pain is not None
    assert (pain.highest, pain.light, pain.side, pain.set_number, pain.sets) == (
        5, "amber", "right", 2, 2)
    assert pain.text == "Highest pain 5/10 (amber): Clamshell, right side, set 2."


def test_no_pain_noted_is_no_pain_line() -> None:
    assert finish_summary(session("s1", 0), sides(SPLIT)).pain is None


def test_personal_bests_per_side_reps_at_a_load_and_load() -> None:
    before = [*sides(SPLIT, sid="s0", n=-3, left=(9, 9), right=(10, 10), load=12)]
    today = [set_log(SPLIT, side="left", set_number=1, reps=11, load=12),
             set_log(SPLIT, side="right", set_number=1, reps=8, load=14)]
    summary = finish_summary(session("s1", 0), today, earlier_sessions=[session("s0", -3)],
                             earlier_sets=before)
    by_side = {b.side: b for b in summary.bests}
    assert by_side["left"].kind == "reps"
    assert by_side["left"].text == "Most reps on the left at 12 kg: 11 (best before: 9)."
    assert by_side["right"].kind == "load"
    assert by_side["right"].text == "Heaviest yet on the right: 14 kg (best before: 12 kg)."


def test_no_best_without_an_earlier_set_or_when_not_beaten() -> None:
    today = sides(SPLIT, left=(10,), right=(10,), load=12)
    assert finish_summary(session("s1", 0), today).bests == ()  # nothing earlier to beat
    before = sides(SPLIT, sid="s0", n=-3, left=(10,), right=(12,), load=12)
    summary = finish_summary(session("s1", 0), today, earlier_sessions=[session("s0", -3)],
                             earlier_sets=before)
    assert summary.bests == ()


def test_a_best_counts_only_at_the_same_band() -> None:
    before = [set_log(SPLIT, sid="s0", n=-3, side="left", reps=15, band="red")]
    today = [set_log(SPLIT, side="left", reps=12, band="green")]
    summary = finish_summary(session("s1", 0), today, earlier_sessions=[session("s0", -3)],
                             earlier_sets=before)
    assert summary.bests == ()


def test_a_step_logged_again_counts_once() -> None:
    first = set_log(SPLIT, side="left", reps=7, load=12)
    again = replace(first, key="edit", reps=9, logged_at=first.logged_at + timedelta(minutes=1))
    right = set_log(SPLIT, side="right", reps=9, load=12)
    summary = finish_summary(session("s1", 0), [first, again, right])
    assert summary.done == 2
    assert summary.sides[0].left.reps == (9,)


def test_what_changes_next_time_and_why() -> None:
    prescriptions = {SPLIT: Prescription(sets=Range(2, 2), reps=Range(8, 12), side="leg"),
                     "Clamshell": Prescription(sets=Range(2, 2), reps=Range(15, 15), side="leg")}
    sets = [*sides(SPLIT, left=(10, 10), right=(10, 10), load=12, rpe=7),
            *sides("Clamshell", left=(15, 15), right=(15, 15), target=(15, 15), pain=5)]
    summary = finish_summary(session("s1", 0), sets, prescriptions=prescriptions)
    by_name = {s.exercise: s for s in summary.next_time}
    assert by_name[SPLIT].action == "add reps"
    assert by_name[SPLIT].target.reps == 11
    assert by_name["Clamshell"].action == "hold"
    assert "Pain 5/10" in by_name["Clamshell"].reason
    assert summary.unchanged == 0


def test_the_morning_check_in_is_due_and_says_why() -> None:
    plain = finish_summary(session("s1", 0), sides(SPLIT))
    assert plain.checkin.day == day(1) and plain.checkin.due
    sore = finish_summary(session("s1", 0), sides(SPLIT, pain=5))
    assert sore.checkin.due and "5/10" in sore.checkin.why
    done = finish_summary(session("s1", 0), sides(SPLIT),
                          checks=[MorningCheck(day(1), 1, 2)])
    assert not done.checkin.due


def test_a_side_with_two_loads_names_each_set() -> None:
    sets = [set_log(SPLIT, side="left", set_number=1, reps=10, load=10),
            set_log(SPLIT, side="left", set_number=2, reps=8, load=12),
            set_log(SPLIT, side="right", set_number=1, reps=10, load=10, skipped=True)]
    [split] = finish_summary(session("s1", 0), sets).sides
    assert split.left.text == "10 x 10 kg, 8 x 12 kg"
    assert split.right.text == "skipped"


def test_a_heavier_load_in_lb_is_a_best_against_kg() -> None:
    before = [set_log(SPLIT, sid="s0", n=-3, side="both", reps=10, load=10)]
    today = [set_log(SPLIT, side="both", reps=8, load=25, unit="lb")]  # 11.3 kg
    [best] = finish_summary(session("s1", 0), today, earlier_sessions=[session("s0", -3)],
                            earlier_sets=before).bests
    assert best.kind == "load"
    assert best.text == "Heaviest yet: 25 lb (best before: 22.05 lb)."


def test_a_longer_hold_at_the_same_band_is_a_best() -> None:
    before = [set_log("Side plank", sid="s0", n=-3, side="left", seconds=30, target=None)]
    today = [set_log("Side plank", side="left", seconds=40, target=None)]
    [best] = finish_summary(session("s1", 0), today, earlier_sessions=[session("s0", -3)],
                            earlier_sets=before).bests
    assert best.text == "Longest hold on the left: 40 s (best before: 30 s)."
