"""A hold in each rep ('10 reps, hold 5 s each'): read, written, checked and given as JSON
(issue 13)."""

from __future__ import annotations

import json

import pytest

from strongstride.routine.format import format_routine
from strongstride.routine.json_view import exercise_dict, routine_dict
from strongstride.routine.model import Exercise, Prescription, Range
from strongstride.routine.parse import bare_name_problem, parse_routine
from strongstride.routine.prescription import read_leading, read_prescription, write_prescription


def R(lo: int, hi: int | None = None) -> Range:
    return Range(lo, lo if hi is None else hi)


@pytest.mark.parametrize(("text", "want", "canonical"), [
    ("10 reps, hold 5 s each", Prescription(reps=R(10), hold=R(5)), "10 reps, hold 5 s each"),
    ("3 x 10 with a 2 second hold", Prescription(sets=R(3), reps=R(10), hold=R(2)),
     "3 sets of 10 reps, hold 2 s each"),
    ("10 reps, 5 second hold", Prescription(reps=R(10), hold=R(5)), "10 reps, hold 5 s each"),
    ("10 reps, hold 5 s each rep", Prescription(reps=R(10), hold=R(5)),
     "10 reps, hold 5 s each"),
    ("hold 5 s each rep, 10 reps", Prescription(reps=R(10), hold=R(5)),
     "10 reps, hold 5 s each"),
    ("3 x 10, a 2-second hold each, rest 60 s",
     Prescription(sets=R(3), reps=R(10), rest_seconds=R(60), hold=R(2)),
     "3 sets of 10 reps, hold 2 s each, rest 60 s"),
    ("3-5 reps each side, hold 8-10 seconds", Prescription(reps=R(3, 5), side="side",
                                                           hold=R(8, 10)),
     "3-5 reps on each side, hold 8-10 s each"),
    ("2 sets of 10 reps, hold each rep for 5 seconds",
     Prescription(sets=R(2), reps=R(10), hold=R(5)), "2 sets of 10 reps, hold 5 s each"),
    ("10 reps with 3 sec holds", Prescription(reps=R(10), hold=R(3)), "10 reps, hold 3 s each"),
    ("10 reps, hold: 1 min", Prescription(reps=R(10), hold=R(60)), "10 reps, hold 60 s each"),
    # 'each side' after the hold is the side, not the rep the hold is in
    ("10 reps, hold 5 s each side", Prescription(reps=R(10), side="side", hold=R(5)),
     "10 reps on each side, hold 5 s each"),
])
def test_a_hold_in_each_rep_reads_and_writes_back(text: str, want: Prescription,
                                                  canonical: str) -> None:
    read = read_prescription(text)
    assert read.ok, read.problems
    assert read.prescription == want
    assert write_prescription(want) == canonical
    assert read_prescription(canonical).prescription == want


@pytest.mark.parametrize(("text", "want"), [
    ("30 second hold", Prescription(seconds=R(30))),
    ("hold 30 s", Prescription(seconds=R(30))),
    ("hold for 30 seconds on each leg", Prescription(seconds=R(30), side="leg")),
    ("3 x 30 second hold", Prescription(sets=R(3), seconds=R(30))),
    ("hold 5 min", Prescription(seconds=R(300))),  # a timed hold has the limits of a time
])
def test_a_hold_with_no_reps_is_a_timed_hold(text: str, want: Prescription) -> None:
    assert read_prescription(text).prescription == want


def test_with_counts_optional_sets_and_a_hold_are_sets_of_a_timed_hold() -> None:
    read = read_prescription("2 sets, hold 30 s", counts_optional=True)
    assert read.prescription == Prescription(sets=R(2), seconds=R(30))
    assert read_prescription("2 holds, hold 30 s", counts_optional=True).prescription == (
        Prescription(sets=R(2), seconds=R(30), set_word="hold"))


@pytest.mark.parametrize(("text", "offset", "message", "kind"), [
    ("30 seconds, hold 5 s", 12, "a hold in each rep goes with reps", "syntax"),
    ("400 m, hold 5 s each", 7, "a hold in each rep goes with reps", "syntax"),
    ("AMRAP, 5 second hold", 7, "a hold in each rep goes with reps", "syntax"),
    ("10 reps, hold 150 s each", 9,
     "a hold of 150 s in each rep is more than the 120 s allowed", "range"),
    ("10 reps, hold 0 s each", 9, "a hold of 0 s in each rep is too short; use at least 1",
     "range"),
    ("10 reps, hold 10-5 s each", 9, "the range 10-5 runs backwards", "range"),
    ("10 reps, hold 5 s, hold 6 s", 19, "a second hold", "syntax"),
    ("10 reps, hold 5 s at the top", 18, "cannot read 'at'", "syntax"),
])
def test_a_hold_that_cannot_be_carried_is_a_problem_at_its_place(
        text: str, offset: int, message: str, kind: str) -> None:
    read = read_prescription(text)
    assert read.prescription is None
    (problem,) = read.problems
    assert (problem.offset, problem.kind) == (offset, kind)
    assert problem.message.startswith(message), problem.message


def test_the_importer_s_readings_take_the_hold_too() -> None:
    assert read_prescription("3 x 10 with a 2 second hold", hints=False).prescription == (
        Prescription(sets=R(3), reps=R(10), hold=R(2)))
    reading, end = read_leading("3 x 10, hold 2 s each Bridge")
    assert reading.prescription == Prescription(sets=R(3), reps=R(10), hold=R(2))
    assert end == len("3 x 10, hold 2 s each")
    reading, end = read_leading("10 reps, hold 5 s hold 6 s")
    assert end == len("10 reps, hold 5 s")


ROUTINE = """\
## activation
Glute bridge: 3 x 10 with a 2 second hold
Curl-up: 3-5 reps each side, hold 8-10 seconds
Quad set: 10 reps, 5 second hold
Side plank: 30 second hold
"""

CANONICAL = """\
## activation
Glute bridge: 3 sets of 10 reps, hold 2 s each
Curl-up: 3-5 reps on each side, hold 8-10 s each
Quad set: 10 reps, hold 5 s each
Side plank: 30 seconds
"""


def test_a_routine_with_held_reps_formats_to_the_canonical_text() -> None:
    parsed = parse_routine(ROUTINE)
    assert parsed.issues == ()
    assert parsed.routine is not None
    assert format_routine(parsed.routine) == CANONICAL
    again = parse_routine(CANONICAL).routine
    assert again == parsed.routine


def test_check_points_at_a_hold_out_of_range() -> None:
    parsed = parse_routine("## main\nBridge: 10 reps, hold 200 s each\n", "hips.routine")
    (issue,) = parsed.issues
    assert issue.span is not None
    assert (issue.span.line, issue.span.column) == (2, 18)
    assert "a hold of 200 s in each rep" in issue.message


def test_a_name_and_a_hold_with_the_colon_forgotten_is_caught() -> None:
    problem = bare_name_problem("Plank 30 second hold")
    assert problem is not None and "'Plank: 30 seconds'" in problem


def test_json_gives_the_hold_as_seconds_with_reps_and_as_hold_seconds() -> None:
    held = exercise_dict(Exercise("Bridge", Prescription(sets=R(3), reps=R(10), hold=R(2))))
    assert (held["reps"], held["seconds"], held["hold_seconds"]) == ([10, 10], [2, 2], [2, 2])
    timed = exercise_dict(Exercise("Plank", Prescription(seconds=R(30))))
    assert (timed["reps"], timed["seconds"], timed["hold_seconds"]) == (None, [30, 30], None)
    plain = exercise_dict(Exercise("Squat", Prescription(reps=R(10))))
    assert (plain["seconds"], plain["hold_seconds"]) == (None, None)
    parsed = parse_routine(ROUTINE).routine
    assert parsed is not None
    curl = json.loads(json.dumps(routine_dict(parsed)))["sections"][0]["exercises"][1]
    assert (curl["reps"], curl["seconds"], curl["hold_seconds"], curl["per_side"]) == (
        [3, 5], [8, 10], [8, 10], True)
