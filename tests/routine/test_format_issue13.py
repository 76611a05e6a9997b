"""What the importer reads, in the routine format: exercises with no counts, distances,
work/rest intervals and blocks done for a time (AMRAP, 'for 7 minutes')."""

from __future__ import annotations

import pytest

from strongstride.routine.format import format_routine
from strongstride.routine.json_view import routine_dict
from strongstride.routine.model import Distance, Prescription, Range
from strongstride.routine.parse import parse_routine
from strongstride.routine.prescription import read_prescription, write_prescription

EVERYTHING = """\
# Track and mobility
## warm-up
Jog: 800 m
Leg swings: 10 reps on each leg
## main, AMRAP 12 min: Burner
Run: 200 m
Squat: 10 reps
## main, 3 rounds: Intervals
Plank: 40 seconds on, 20 seconds off
Mountain climbers: work 40 s, rest 20 s
## main: Round 1
Swing: 1 set of 20 reps
## main: Round 2
Swing: 1 set of 15 reps
## main, for 7 minutes: Carries
Farmer carry: 2 x 40 yd
## cool-down
Child's pose
Pigeon: on each leg
Thread the needle: 2 sets
Walk: 1 mile
"""

CANONICAL = """\
# Track and mobility

## warm-up
Jog: 800 m
Leg swings: 10 reps on each leg

## main, AMRAP 12 min: Burner
Run: 200 m
Squat: 10 reps

## main, 3 rounds: Intervals
Plank: 40 seconds, rest 20 s
Mountain climbers: 40 seconds, rest 20 s

## main: Round 1
Swing: 1 set of 20 reps

## main: Round 2
Swing: 1 set of 15 reps

## main, AMRAP 7 min: Carries
Farmer carry: 2 sets of 40 yd

## cool-down
Child's pose
Pigeon: on each leg
Thread the needle: 2 sets
Walk: 1 mi
"""


def test_a_routine_with_every_new_thing_reads_and_formats() -> None:
    parsed = parse_routine(EVERYTHING)
    assert parsed.issues == ()
    routine = parsed.routine
    assert routine is not None
    assert format_routine(routine) == CANONICAL
    assert parse_routine(CANONICAL).routine == routine
    warm, amrap, intervals, _, _, carries, cool = routine.sections
    assert warm.exercises[0].prescription == Prescription(distance=Distance(800, "m"))
    assert amrap.time_cap_seconds == 720 and amrap.rounds is None and amrap.title == "Burner"
    assert carries.time_cap_seconds == 420
    assert intervals.exercises[0].prescription == Prescription(
        seconds=Range(40, 40), rest_seconds=Range(20, 20))
    assert intervals.exercises[1].prescription == intervals.exercises[0].prescription
    assert cool.exercises[0].name == "Child's pose"
    assert cool.exercises[0].prescription == Prescription()
    assert cool.exercises[1].prescription == Prescription(side="leg")
    assert cool.exercises[2].prescription == Prescription(sets=Range(2, 2))
    assert cool.exercises[3].prescription.distance == Distance(1, "mi")


def test_json_gives_distance_and_time_cap_and_nulls_for_no_counts() -> None:
    routine = parse_routine(EVERYTHING).routine
    assert routine is not None
    data = routine_dict(routine)
    amrap = data["sections"][1]
    assert amrap["time_cap_seconds"] == 720
    assert amrap["exercises"][0]["distance"] == {"amount": 200, "unit": "m"}
    assert amrap["exercises"][0]["sets"] is None  # a block done for a time has no rounds
    assert data["sections"][2]["time_cap_seconds"] is None
    assert data["sections"][2]["exercises"][0]["sets"] == [3, 3]
    child = data["sections"][-1]["exercises"][0]
    assert (child["sets"], child["reps"], child["seconds"], child["distance"]) == (
        None, None, None, None)


@pytest.mark.parametrize(
    ("text", "expected", "canonical"),
    [
        ("400 m", Prescription(distance=Distance(400, "m")), "400 m"),
        ("400m", Prescription(distance=Distance(400, "m")), "400 m"),
        ("2 x 400 m", Prescription(sets=Range(2, 2), distance=Distance(400, "m")),
         "2 sets of 400 m"),
        ("1 mile", Prescription(distance=Distance(1, "mi")), "1 mi"),
        ("5 km", Prescription(distance=Distance(5, "km")), "5 km"),
        ("1.5 kilometres", Prescription(distance=Distance(1.5, "km")), "1.5 km"),
        ("3 x 100 yards, rest 60 s", Prescription(
            sets=Range(3, 3), distance=Distance(100, "yd"), rest_seconds=Range(60, 60)),
         "3 sets of 100 yd, rest 60 s"),
        ("40 seconds on, 20 seconds off",
         Prescription(seconds=Range(40, 40), rest_seconds=Range(20, 20)),
         "40 seconds, rest 20 s"),
        ("40 s on / 20 s off", Prescription(seconds=Range(40, 40), rest_seconds=Range(20, 20)),
         "40 seconds, rest 20 s"),
        ("8 x 20 s on, 10 s off", Prescription(
            sets=Range(8, 8), seconds=Range(20, 20), rest_seconds=Range(10, 10)),
         "8 sets of 20 seconds, rest 10 s"),
        ("work 40 s, rest 20 s", Prescription(seconds=Range(40, 40), rest_seconds=Range(20, 20)),
         "40 seconds, rest 20 s"),
        # 'on' before a side is the side, not an interval
        ("30 seconds on each side", Prescription(seconds=Range(30, 30), side="side"),
         "30 seconds on each side"),
        # a bare 'm' in a rest is still minutes
        ("10 reps, rest 2 m", Prescription(reps=Range(10, 10), rest_seconds=Range(120, 120)),
         "10 reps, rest 120 s"),
    ],
)
def test_distances_and_intervals(text: str, expected: Prescription, canonical: str) -> None:
    reading = read_prescription(text)
    assert reading.problems == ()
    assert reading.prescription == expected
    assert write_prescription(expected) == canonical
    assert read_prescription(canonical).prescription == expected


@pytest.mark.parametrize(
    ("text", "expected", "canonical"),
    [
        ("", Prescription(), ""),
        ("2 sets", Prescription(sets=Range(2, 2)), "2 sets"),
        ("1 set, 12 kg", Prescription(sets=Range(1, 1), load=read_prescription(
            "1 rep, 12 kg").prescription.load), "1 set, 12 kg"),  # type: ignore[union-attr]
        ("each side", Prescription(side="side"), "on each side"),
        ("rest 30 s", Prescription(rest_seconds=Range(30, 30)), "rest 30 s"),
    ],
)
def test_no_counts_read_only_where_allowed(text: str, expected: Prescription,
                                           canonical: str) -> None:
    assert read_prescription(text, counts_optional=True).prescription == expected
    assert write_prescription(expected) == canonical
    # The importer asks for work: text with none is still not a prescription to it.
    assert read_prescription(text).prescription is None
    assert read_prescription(text, hints=False).prescription is None


def test_a_distance_out_of_range_is_an_error_where_it_is() -> None:
    reading = read_prescription("2 x 0 m")
    assert reading.prescription is None
    assert reading.problems[0].offset == 4
    assert "a distance of 0 m is out of range" in reading.problems[0].message
    assert read_prescription("200 km").problems[0].kind == "range"


def issues(text: str) -> list[tuple[int, int, str]]:
    parsed = parse_routine(text, "x.routine")
    assert parsed.routine is None
    return [(i.span.line, i.span.column, i.message) for i in parsed.errors if i.span]


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("## main\nSquat 2 sets of 10 reps\n", 2, 1, "('Squat: 2 sets of 10 reps')"),
        ("## main\nHold the stretch 30 s\n", 2, 1, "put a ':' after the name"),
        ("## main\n10 reps\n", 2, 1, "a prescription with no exercise name"),
        ("## main\nDo this slowly.\n", 2, 1, "reads as a sentence"),
        ("## main, AMRAP 5 s\nA: 10 reps\n", 1, 10, "from 10 seconds to 60 minutes"),
        ("## main, AMRAP 90 minutes\nA: 10 reps\n", 1, 10, "from 10 seconds to 60 minutes"),
        ("## main, forever: T\nA: 10 reps\n", 1, 10, "cannot read 'forever'"),
        ("## main, 3 rounds, AMRAP 12 min\nA: 10 reps\n", 1, 10, "cannot read"),
        ("## main\nA: 2 holds\n", 2, 3, "a hold lasts a time"),
    ],
)
def test_errors_say_where(text: str, line: int, column: int, fragment: str) -> None:
    found = issues(text)
    assert any(fragment in message for _, _, message in found), found
    assert next((ln, col) for ln, col, m in found if fragment in m) == (line, column)


@pytest.mark.parametrize(
    "heading",
    ["## main, AMRAP 12 min", "## main, amrap 12 minutes", "## main, 12 min AMRAP",
     "## main, for 12 minutes", "## main, For 720 seconds", "## main, AMRAP 720 s"],
)
def test_time_cap_headings(heading: str) -> None:
    routine = parse_routine(f"{heading}\nSquat: 10 reps\n").routine
    assert routine is not None
    assert routine.sections[0].time_cap_seconds == 720
    assert format_routine(routine).startswith("## main, AMRAP 12 min\n")


def test_a_cap_that_is_not_whole_minutes_is_written_in_seconds() -> None:
    routine = parse_routine("## main, for 90 seconds\nSquat: 10 reps\n").routine
    assert routine is not None
    assert format_routine(routine).startswith("## main, AMRAP 90 s\n")


@pytest.mark.parametrize("name", ["Hold 30 s", "Stretch.", "Squat 10 reps"])
def test_a_name_that_would_not_read_alone_keeps_its_colon(name: str) -> None:
    routine = parse_routine(f"## cool-down\n{name}:\n").routine
    assert routine is not None
    assert routine.sections[0].exercises[0].prescription == Prescription()
    text = format_routine(routine)
    assert f"\n{name}:\n" in text
    assert parse_routine(text).routine == routine
