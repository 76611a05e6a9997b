"""The prescription grammar, case by case: text -> value, and value -> canonical text."""

from __future__ import annotations

import pytest

from strongstride.routine.model import Load, Prescription, Range
from strongstride.routine.prescription import (
    Problem,
    normalise,
    read_leading,
    read_prescription,
    write_prescription,
)


def R(lo: int, hi: int | None = None) -> Range:
    return Range(lo, lo if hi is None else hi)


def reps(sets: Range | None, n: Range, side: str | None = None, **kw: object) -> Prescription:
    return Prescription(sets=sets, reps=n, side=side, **kw)  # type: ignore[arg-type]


def secs(sets: Range | None, n: Range, side: str | None = None, word: str = "set",
         **kw: object) -> Prescription:
    return Prescription(sets=sets, seconds=n, side=side, set_word=word, **kw)  # type: ignore[arg-type]


LEG = "leg"
SIDE = "side"

# Every prescription of the seed routine, as published, then the wider grammar.
SEED = [
    ("1 set of 10 reps", reps(R(1), R(10))),
    ("1 set of 10 reps", reps(R(1), R(10))),
    ("1 set of 10 reps", reps(R(1), R(10))),
    ("2 sets of 12 reps", reps(R(2), R(12))),
    ("2 sets of 10 reps", reps(R(2), R(10))),
    ("2 sets of 10 reps", reps(R(2), R(10))),
    ("2 sets of 10 reps", reps(R(2), R(10))),
    ("2 sets of 10 reps", reps(R(2), R(10))),
    ("2 sets of 8 reps", reps(R(2), R(8))),
    ("2 sets of 8 reps on each leg", reps(R(2), R(8), LEG)),
    ("2 sets of 10 reps on each leg", reps(R(2), R(10), LEG)),
    ("2 sets of 12 reps on each leg", reps(R(2), R(12), LEG)),
    ("2 sets of 8 reps on each leg", reps(R(2), R(8), LEG)),
    ("3 sets of 12 reps", reps(R(3), R(12))),
    ("2 sets of 8 reps on each leg", reps(R(2), R(8), LEG)),
    ("2-3 sets of 12-15 reps", reps(R(2, 3), R(12, 15))),
    ("2 sets of 5 reps on each leg", reps(R(2), R(5), LEG)),
    ("2 sets of 12 reps on each leg", reps(R(2), R(12), LEG)),
    ("2 sets of 6 reps on each leg", reps(R(2), R(6), LEG)),
    ("2 sets of 12 reps on each leg", reps(R(2), R(12), LEG)),
    ("3 holds of 30 seconds on each leg", secs(R(3), R(30), LEG, "hold")),
    ("3 holds of 30 seconds on each leg", secs(R(3), R(30), LEG, "hold")),
    ("3 sets of 30 seconds on each leg", secs(R(3), R(30), LEG)),
    ("3 holds of 30 seconds on each leg", secs(R(3), R(30), LEG, "hold")),
]

MORE = [
    ("1 set of 1 rep", reps(R(1), R(1))),
    ("2-3 sets of 10 reps", reps(R(2, 3), R(10))),
    ("3 sets of 8-12 reps", reps(R(3), R(8, 12))),
    ("2 to 3 sets of 8 to 12 reps", reps(R(2, 3), R(8, 12))),
    ("3 sets of 10", reps(R(3), R(10))),
    ("10 reps", reps(None, R(10))),
    ("12 repetitions", reps(None, R(12))),
    ("2 sets of 10 reps each side", reps(R(2), R(10), SIDE)),
    ("2 sets of 10 reps per side", reps(R(2), R(10), SIDE)),
    ("2 sets of 10 reps per leg", reps(R(2), R(10), LEG)),
    ("2 sets of 10 reps/leg", reps(R(2), R(10), LEG)),
    ("2 sets of 10 reps / side", reps(R(2), R(10), SIDE)),
    ("2 sets of 10 reps (each leg)", reps(R(2), R(10), LEG)),
    ("2 sets of 10 reps (each side)", reps(R(2), R(10), SIDE)),
    ("2 sets of 10 reps on each side", reps(R(2), R(10), SIDE)),
    ("3x12", reps(R(3), R(12))),
    ("3 x 12", reps(R(3), R(12))),
    ("3X12", reps(R(3), R(12))),
    ("3×12", reps(R(3), R(12))),
    ("2x8-12 each leg", reps(R(2), R(8, 12), LEG)),
    ("3 x 30 sec", secs(R(3), R(30))),
    ("3 x 30 s", secs(R(3), R(30))),
    ("3 x 30 secs per side", secs(R(3), R(30), SIDE)),
    ("2 x 1 min", secs(R(2), R(60))),
    ("2 x 2 minutes", secs(R(2), R(120))),
    ("4 sets of 45 seconds", secs(R(4), R(45))),
    ("3 holds of 20-30 seconds", secs(R(3), R(20, 30), word="hold")),
    ("1:00", secs(None, R(60))),
    ("2 x 1:30", secs(R(2), R(90))),
    ("30 seconds", secs(None, R(30))),
    ("45 s each side", secs(None, R(45), SIDE)),
    ("AMRAP", Prescription(max_reps=True)),
    ("3 sets AMRAP", Prescription(sets=R(3), max_reps=True)),
    ("3 sets to failure", Prescription(sets=R(3), max_reps=True)),
    ("2 sets of max reps", Prescription(sets=R(2), max_reps=True)),
    ("1 set to failure on each leg", Prescription(sets=R(1), max_reps=True, side=LEG)),
    ("3 sets of 10 reps, rest 60 s", reps(R(3), R(10), rest_seconds=R(60))),
    ("3 sets of 10 reps, 60-90 s rest", reps(R(3), R(10), rest_seconds=R(60, 90))),
    ("3 sets of 10 reps, rest: 90 seconds", reps(R(3), R(10), rest_seconds=R(90))),
    ("3 sets of 10 reps rest 2 min", reps(R(3), R(10), rest_seconds=R(120))),
    ("3 sets of 10 reps, 12 kg", reps(R(3), R(10), load=Load(12, "kg"))),
    ("3 sets of 10 reps, 20 lb", reps(R(3), R(10), load=Load(20, "lb"))),
    ("3 sets of 10 reps @ 22.5 kg", reps(R(3), R(10), load=Load(22.5, "kg"))),
    ("4 x 8 @ 35 lbs", reps(R(4), R(8), load=Load(35, "lb"))),
    ("2 sets of 15 reps, band: heavy", reps(R(2), R(15), band="heavy")),
    ("2 sets of 15 reps, band: light", reps(R(2), R(15), band="light")),
    ("3 sets of 8 reps, tempo 3-1-1", reps(R(3), R(8), tempo=(3, 1, 1))),
    ("3 sets of 8 reps 3-1-1", reps(R(3), R(8), tempo=(3, 1, 1))),
    ("3 sets of 6 reps, tempo 4-0-1-0", reps(R(3), R(6), tempo=(4, 0, 1, 0))),
    ("2 sets of 12 reps on each leg, rest 45 s, 10 kg, band: medium, tempo 2-0-4",
     reps(R(2), R(12), LEG, rest_seconds=R(45), load=Load(10, "kg"), band="medium",
          tempo=(2, 0, 4))),
    ("2 sets of 10 reps – each leg", reps(R(2), R(10), LEG)),
    ("2–3 sets of 12–15 reps", reps(R(2, 3), R(12, 15))),
    ("2—3 sets of 12—15 reps", reps(R(2, 3), R(12, 15))),
    ("3 rounds of 10 reps", reps(R(3), R(10))),
    ("  2 sets of 10 reps  ", reps(R(2), R(10))),
    ("2 SETS OF 10 REPS ON EACH LEG", reps(R(2), R(10), LEG)),
    # Wordings the importer used to rewrite before reading, now read natively.
    ("10 each leg", reps(None, R(10), LEG)),
    ("8-12 per side", reps(None, R(8, 12), SIDE)),
    ("12/leg", reps(None, R(12), LEG)),
    ("2 sets of 10 each side", reps(R(2), R(10), SIDE)),
    ("3 sets of 10 reps, rest 60 s between sets", reps(R(3), R(10), rest_seconds=R(60))),
    ("3x10, rest 90 seconds between sets", reps(R(3), R(10), rest_seconds=R(90))),
    ("3 sets, 10 reps", reps(R(3), R(10))),
    ("2-3 sets; 12-15 reps on each leg", reps(R(2, 3), R(12, 15), LEG)),
    ("3 holds, 30 seconds", secs(R(3), R(30), word="hold")),
    ("10 reps x 3 sets", reps(R(3), R(10))),
    ("12 reps x 2-3", reps(R(2, 3), R(12))),
    ("8 reps x 4 rounds, 20 kg", reps(R(4), R(8), load=Load(20, "kg"))),
]

CASES = SEED + MORE


def test_there_are_enough_cases() -> None:
    assert len(SEED) == 24
    assert len(CASES) >= 60


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reads(text: str, expected: Prescription) -> None:
    reading = read_prescription(text)
    assert reading.problems == ()
    assert reading.prescription == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_canonical_text_reads_back(text: str, expected: Prescription) -> None:
    canonical = write_prescription(expected)
    assert read_prescription(canonical).prescription == expected
    assert write_prescription(read_prescription(canonical).prescription) == canonical  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("1 set of 10 reps", "1 set of 10 reps"),
        ("3x12", "3 sets of 12 reps"),
        ("2 x 1 min", "2 sets of 60 seconds"),
        ("3 holds of 30 seconds on each leg", "3 holds of 30 seconds on each leg"),
        ("10 reps/leg", "10 reps on each leg"),
        ("AMRAP", "max reps"),
        ("3 sets of 10, 60-90 s rest, 12 kg", "3 sets of 10 reps, rest 60-90 s, 12 kg"),
        ("3x8 3-1-1", "3 sets of 8 reps, tempo 3-1-1"),
    ],
)
def test_canonical_form(text: str, canonical: str) -> None:
    p = read_prescription(text).prescription
    assert p is not None
    assert write_prescription(p) == canonical


@pytest.mark.parametrize(
    ("text", "offset", "fragment"),
    [
        ("0 sets of 10 reps", 0, "0 sets is too few"),
        ("2 sets of 10000 reps", 10, "10000 reps is more than"),
        ("10000 reps", 0, "10000 reps is more than"),
        ("3-2 sets of 10 reps", 0, "runs backwards"),
        ("2 sets of 15-12 reps", 10, "runs backwards"),
        ("3 sets of 0 seconds", 0, "0 seconds is too few"),
        ("2 sets of 10 reps wobble", 18, "cannot read 'wobble'"),
        ("2 sets of 10 rpes", 13, "cannot read 'rpes'"),
        ("rest 60 s", 0, "no reps or time given"),
        ("", 0, "no reps or time given"),
        ("2 sets of 10 reps, 3 sets of 8 reps", 19, "a second amount of work"),
        ("3 holds of 10 reps", 0, "a hold lasts a time"),
        ("2 sets of 10 reps, 0 kg", 19, "out of range"),
        ("2 sets of 10 reps, rest 2000 s", 19, "a rest of 2000 s is more than"),
        ("25 sets of 10 reps", 0, "25 sets is more than"),
    ],
)
def test_problems_point_at_the_offending_text(text: str, offset: int, fragment: str) -> None:
    reading = read_prescription(text)
    assert reading.prescription is None
    assert reading.problems, text
    first = reading.problems[0]
    assert fragment in first.message
    assert first.offset == offset


@pytest.mark.parametrize(
    ("text", "offset", "fragment"),
    [
        ("10 reps x 0 sets", 10, "0 sets is too few"),
        ("3 sets, 0 reps", 8, "0 reps is too few"),
        ("0 each leg", 0, "0 reps is too few"),
        ("10 reps x 3 sets wobble", 17, "cannot read 'wobble'"),
    ],
)
def test_problems_in_the_native_wordings(text: str, offset: int, fragment: str) -> None:
    first = read_prescription(text).problems[0]
    assert (first.offset, fragment in first.message) == (offset, True)


def test_problems_say_what_kind_they_are() -> None:
    assert [p.kind for p in read_prescription("0 sets of 10000 reps").problems] == [
        "range", "range"]
    assert [p.kind for p in read_prescription("2 sets of 10 rpes").problems] == ["syntax"]
    assert [p.kind for p in read_prescription("rest 60 s").problems] == ["syntax"]
    assert read_prescription("0 sets of 10 reps").structural
    assert not read_prescription("2 sets of 10 rpes").structural
    assert Problem(3, "x") == Problem(3, "x", "syntax")  # positional order kept; kind defaults


def test_hints_are_optional_and_do_not_change_the_reading() -> None:
    assert read_prescription("2 sets of 10 rpes").problems[0].message == (
        "cannot read 'rpes'; did you mean 'reps'?")
    quiet = read_prescription("2 sets of 10 rpes", hints=False)
    assert quiet.problems == (Problem(13, "cannot read 'rpes'"),)
    for text in ("3x12", "2 sets of 10 reps, 0 kg", "2 sets of 10 reps wobble", "25 sets of 2"):
        loud, quiet = read_prescription(text), read_prescription(text, hints=False)
        assert quiet.prescription == loud.prescription
        assert [p.offset for p in quiet.problems] == [p.offset for p in loud.problems]
    # Text that cannot hold an amount of work is turned away at once without hints.
    assert read_prescription("band: light", hints=False).problems[0].offset == 0


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("3 x 10 Bulgarian split squats", 6, reps(R(3), R(10))),
        ("10 reps of single-leg deadlifts", 7, reps(None, R(10))),
        ("30 seconds plank", 10, secs(None, R(30))),
        ("2 sets of 12 reps on each leg, rest 60 s", 40, reps(R(2), R(12), LEG,
                                                            rest_seconds=R(60))),
        ("3 x 10 - squats", 6, reps(R(3), R(10))),
    ],
)
def test_read_leading_reads_up_to_the_first_word_it_cannot_read(
        text: str, end: int, expected: Prescription) -> None:
    reading, stop = read_leading(text)
    assert (reading.prescription, stop) == (expected, end)


def test_normalise_keeps_columns() -> None:
    text = "Runner’s stretch 2–3 × 30 s “slow”"
    assert normalise(text) == "Runner's stretch 2-3 x 30 s \"slow\""
    assert len(normalise(text * 100)) == len(text) * 100
    assert normalise("plain ascii") == "plain ascii"
