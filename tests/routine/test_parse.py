"""The strict routine format: what it reads, and where it points when it cannot."""

from __future__ import annotations

from importlib.resources import files

import pytest

from strongstride.routine.format import format_routine
from strongstride.routine.model import Range
from strongstride.routine.parse import parse_routine

SEED = (files("strongstride") / "data" / "routines" / "runner-glute.routine").read_text("utf-8")

SMALL = """\
# Hip day
credit: A. Physio
equipment: loop band
equipment: step
directions: Warm up first.
    Then the circuit.

## warm-up
Leg swings: 1 set of 10 reps on each leg

## activation: Bands on
setup: Band above the knees.
Clamshell: 2 sets of 15 reps
    Slow on the way back.
    Keep the feet together.

## main, 3 rounds: Circuit
Split squat: 10 reps on each leg
Side plank: 30 seconds on each side

## cool-down
Pigeon: 2 holds of 30 seconds on each leg
"""


def test_reads_every_part() -> None:
    parsed = parse_routine(SMALL, "small.routine")
    assert parsed.issues == ()
    r = parsed.routine
    assert r is not None
    assert r.title == "Hip day"
    assert r.credit == "A. Physio"
    assert r.equipment == ("loop band", "step")
    assert r.directions == "Warm up first.\nThen the circuit."
    assert [s.kind for s in r.sections] == ["warm-up", "activation", "main", "cool-down"]
    activation = r.sections[1]
    assert activation.title == "Bands on"
    assert activation.setup == "Band above the knees."
    assert activation.exercises[0].notes == "Slow on the way back.\nKeep the feet together."
    circuit = r.sections[2]
    assert circuit.rounds == 3 and circuit.title == "Circuit"
    assert circuit.exercises[1].prescription.seconds == Range(30, 30)
    assert circuit.exercises[1].prescription.side == "side"
    assert r.sections[0].title is None


def test_seed_routine_is_complete_and_canonical() -> None:
    parsed = parse_routine(SEED)
    assert parsed.issues == ()
    r = parsed.routine
    assert r is not None
    assert r.title == "Butt and Leg Workout for Runners"
    assert r.credit == "Lauren Wentz, PT, CSCS, RRCA-certified running coach"
    assert [(s.kind, len(s.exercises)) for s in r.sections] == [
        ("warm-up", 3), ("activation", 6), ("main", 11), ("cool-down", 4)]
    assert len(r.exercises) == 24
    kit = " ".join(r.equipment).lower()
    for item in ("band", "yoga block", "dumbbell", "kettlebell", "exercise", "slider", "towel",
                 "step", "book"):
        assert item in kit
    assert r.directions is not None and "straight sets" in r.directions
    assert "band above your knees" in (r.sections[1].setup or "")
    goblet = next(e for e in r.exercises if e.name == "Goblet squat")
    assert goblet.prescription.sets == Range(2, 3)
    assert goblet.prescription.reps == Range(12, 15)
    assert format_routine(r) == SEED


def test_format_is_idempotent() -> None:
    r = parse_routine(SMALL).routine
    assert r is not None
    once = format_routine(r)
    twice = format_routine(parse_routine(once).routine)  # type: ignore[arg-type]
    assert once == twice


def test_spans_do_not_take_part_in_equality() -> None:
    a = parse_routine(SMALL).routine
    b = parse_routine("\n\n" + SMALL.replace("# Hip day\n", "# Hip day\n\n")).routine
    assert a is not None and b is not None
    assert a.sections[0].span != b.sections[0].span
    assert a == b


def where(text: str) -> list[tuple[int, int, str]]:
    parsed = parse_routine(text, "x.routine")
    assert parsed.routine is None
    return [(i.span.line, i.span.column, i.message) for i in parsed.errors if i.span]


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("## main\nSquat: 2 sets of 10 rpes\n", 2, 21, "did you mean 'reps'"),
        ("## main\nSquat: 0 sets of 10 reps\n", 2, 8, "0 sets is too few"),
        ("## main\nSquat: 2 sets of 10000 reps\n", 2, 18, "10000 reps is more than"),
        ("## main\nSquat 2 sets of 10 reps\n", 2, 1, "expected 'Exercise name: prescription'"),
        ("## main\n: 2 sets of 10 reps\n", 2, 1, "name before ':' is empty"),
        ("## mian\nSquat: 1 set of 5 reps\n", 1, 4, "did you mean 'main'"),
        ("## main, x rounds\nSquat: 1 set of 5 reps\n", 1, 10, "rounds must be a whole number"),
        ("## main\n", 1, 1, "this section has no exercises"),
        ("Squat: 2 sets of 10 reps\n", 1, 1, "expected a header field"),
        ("credit: me\ncredit: you\n## main\nA: 1 set of 5 reps\n", 2, 1, "given twice"),
        ("## main\nA: 1 set of 5 reps\nsetup: band\n", 3, 1, "right after the section heading"),
        ("## main\nA: 1 set of 5 reps\n# Title\n", 3, 1, "must be the first line"),
        ("    stray note\n## main\nA: 1 set of 5 reps\n", 1, 5, "an indented line must follow"),
        ("## main\nA: 1 set of 5 reps\x07\n", 2, 19, "control character"),
        ("directions:\n## main\nA: 1 set of 5 reps\n", 1, 12, "has no text after it"),
        ("", 1, 1, "the file is empty"),
        ("\n\n   \n", 1, 1, "the file is empty"),
        ("# Only a title\n", 1, 1, "no sections"),
        ("## main\nA: " + "1" * 3000 + "\n", 2, 2001, "limited to 2,000"),
    ],
)
def test_errors_say_where(text: str, line: int, column: int, fragment: str) -> None:
    found = where(text)
    assert any(fragment in message for _, _, message in found), found
    first = next((ln, col) for ln, col, message in found if fragment in message)
    assert first == (line, column)


def test_every_error_is_reported_not_just_the_first() -> None:
    text = "## main\nA: 2 sets of 10 rpes\nB: 0 sets of 5 reps\n## cooldown\nC: 30 s\n"
    lines = [ln for ln, _, _ in where(text)]
    assert lines == [2, 3, 4]


def test_a_ten_megabyte_line_is_an_error_not_a_hang() -> None:
    text = "## main\nSquat: " + "9" * 10_000_000 + " reps\n"
    parsed = parse_routine(text[:999_000])
    assert parsed.routine is None
    assert "limited to 2,000" in parsed.errors[0].message
    too_big = parse_routine(text)
    assert too_big.routine is None
    assert "limited to 1,000,000" in too_big.errors[0].message
