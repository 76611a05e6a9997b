"""parse(format(r)) == r for generated routines (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strongstride.routine.format import format_routine
from strongstride.routine.model import (
    SECTION_KINDS,
    Distance,
    Exercise,
    Load,
    Prescription,
    Range,
    Routine,
    Section,
)
from strongstride.routine.parse import parse_routine
from strongstride.routine.prescription import read_prescription, write_prescription

WORDS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'().,é’"


def one_line(min_size: int = 1) -> st.SearchStrategy[str]:
    return (st.text(WORDS, min_size=min_size, max_size=30)
            .map(str.strip).filter(lambda s: len(s) >= min_size))


def lines() -> st.SearchStrategy[str]:
    return st.lists(one_line(), min_size=1, max_size=3).map("\n".join)


def ranges(low: int, high: int) -> st.SearchStrategy[Range]:
    return st.tuples(st.integers(low, high), st.integers(low, high)).map(
        lambda t: Range(min(t), max(t)))


@st.composite
def prescriptions(draw: st.DrawFn) -> Prescription:
    work = draw(st.sampled_from(["reps", "seconds", "max", "distance", "none"]))
    sets = draw(st.none() | ranges(1, 20))
    return Prescription(
        sets=sets,
        reps=draw(ranges(1, 300)) if work == "reps" else None,
        seconds=draw(ranges(1, 3600)) if work == "seconds" else None,
        max_reps=work == "max",
        side=draw(st.sampled_from([None, "leg", "side"])),
        # "hold" is the word for a timed set, so it needs a count: "3 holds of 30 seconds".
        set_word=draw(st.sampled_from(["set", "hold"])) if work == "seconds" and sets else "set",
        rest_seconds=draw(st.none() | ranges(0, 1800)),
        load=draw(st.none() | st.builds(Load, st.integers(1, 4000).map(lambda q: q / 4),
                                        st.sampled_from(["kg", "lb"]))),
        band=draw(st.none() | st.from_regex(r"\A[a-z]{1,8}( [a-z]{1,8})?\Z")),
        tempo=draw(st.none() | st.lists(st.integers(0, 9), min_size=3, max_size=4).map(tuple)),
        distance=draw(st.builds(Distance, st.integers(1, 40000).map(lambda q: q / 4),
                                st.sampled_from(["m", "km", "mi", "yd"]))
                      .filter(lambda d: d.amount <= 60 or d.unit in ("m", "yd")))
        if work == "distance" else None,
        # The hold of each rep goes only with reps.
        hold=draw(st.none() | ranges(1, 120)) if work == "reps" else None,
    )


names = one_line().filter(lambda s: s.lower() != "setup" and not s.startswith(("#", "//")))
notes = st.lists(one_line().filter(lambda s: not s.startswith("//")), max_size=3).map("\n".join)

exercises = st.builds(Exercise, name=names, prescription=prescriptions(), notes=notes)
sections = st.builds(
    Section,
    kind=st.sampled_from(SECTION_KINDS),
    exercises=st.lists(exercises, min_size=1, max_size=4).map(tuple),
    title=st.none() | one_line(),
    setup=st.none() | lines(),
    rounds=st.none() | st.integers(2, 20),
).flatmap(lambda s: st.just(s) if s.rounds is not None else st.builds(
    Section, kind=st.just(s.kind), exercises=st.just(s.exercises), title=st.just(s.title),
    setup=st.just(s.setup),
    time_cap_seconds=st.none() | st.integers(10, 3600) | st.integers(1, 60).map(lambda m: m * 60)))
routines = st.builds(
    Routine,
    sections=st.lists(sections, min_size=1, max_size=4).map(tuple),
    title=st.none() | one_line(),
    credit=st.none() | lines(),
    equipment=st.lists(one_line(), max_size=3).map(tuple),
    directions=st.none() | lines(),
    notes=st.none() | lines(),
)


@settings(max_examples=300, deadline=None)
@given(routines)
def test_parse_of_format_gives_back_the_routine(routine: Routine) -> None:
    text = format_routine(routine)
    parsed = parse_routine(text)
    assert parsed.issues == (), text
    assert parsed.routine == routine
    assert format_routine(parsed.routine) == text


@settings(max_examples=500, deadline=None)
@given(prescriptions())
def test_prescription_text_round_trips(p: Prescription) -> None:
    assert read_prescription(write_prescription(p), counts_optional=True).prescription == p


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_issues_never_an_exception(text: str) -> None:
    parsed = parse_routine(text)
    assert (parsed.routine is None) == bool(parsed.errors)
    for issue in parsed.issues:
        assert issue.span is not None and issue.span.line >= 1 and issue.span.column >= 1
