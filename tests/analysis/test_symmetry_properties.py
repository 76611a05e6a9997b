"""Properties of the symmetry rules, over generated sets."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from strongstride.analysis import Settings, compare_session, symmetry
from strongstride.analysis.history import SessionSets
from strongstride.records import SetLog
from tests.analysis.make import at, session, set_log

EXERCISE = "Single-leg deadlift"


@st.composite
def one_side(draw: st.DrawFn, side: str, sid: str = "s0", n: int = 0) -> list[SetLog]:
    count = draw(st.integers(1, 3))
    return [set_log(EXERCISE, sid=sid, n=n, side=side, set_number=i,  # type: ignore[arg-type]
                    reps=draw(st.integers(0, 30)),
                    load=draw(st.sampled_from([None, 10.0, 12.5])),
                    band=draw(st.sampled_from([None, "light"])),
                    pain=draw(st.sampled_from([None, 0, 3, 4])),
                    target=draw(st.sampled_from([None, (8, 12), (10, 10)])))
            for i in range(1, count + 1)]


def swapped(logs: list[SetLog]) -> list[SetLog]:
    flip = {"left": "right", "right": "left", "both": "both"}
    return [replace(s, side=flip[s.side]) for s in logs]  # type: ignore[arg-type]


def as_session(logs: list[SetLog]) -> SessionSets:
    return SessionSets("s0", at(0), tuple(sorted(logs, key=lambda s: (s.set_number, s.side))))


@given(one_side("left"), one_side("right"))
def test_lsi_is_always_from_0_to_100(left: list[SetLog], right: list[SetLog]) -> None:
    reading = compare_session(EXERCISE, as_session(left + right))
    if reading.status == "compared":
        assert reading.lsi is not None and 0 <= reading.lsi <= 100
        assert reading.difference is not None
        assert abs(reading.difference - (100 - reading.lsi)) < 1e-9
    else:
        assert reading.lsi is None


@given(one_side("left"), one_side("right"))
def test_swapping_sides_swaps_the_weaker_side_and_keeps_the_lsi(
        left: list[SetLog], right: list[SetLog]) -> None:
    a = compare_session(EXERCISE, as_session(left + right))
    b = compare_session(EXERCISE, as_session(swapped(left + right)))
    assert a.status == b.status and a.basis == b.basis
    assert a.lsi == b.lsi and a.difference == b.difference
    assert (a.left, a.right) == (b.right, b.left)
    flip = {"left": "right", "right": "left", None: None}
    assert b.weaker == flip[a.weaker]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=7))
def test_swapping_sides_swaps_the_flagged_side(pairs: list[tuple[int, int]]) -> None:
    logs: list[SetLog] = []
    for i, (left, right) in enumerate(pairs):
        logs += [set_log(EXERCISE, sid=f"s{i}", n=i, side="left", reps=left, target=(5, 25)),
                 set_log(EXERCISE, sid=f"s{i}", n=i, side="right", reps=right, target=(5, 25))]
    infos = [session(f"s{i}", i) for i in range(len(pairs))]
    (a,) = symmetry(infos, logs, Settings())
    (b,) = symmetry(infos, swapped(logs), Settings())
    assert (a.status, a.median_lsi, a.weaker_count) == (b.status, b.median_lsi, b.weaker_count)
    assert b.weaker == {"left": "right", "right": "left", None: None}[a.weaker]
    if a.median_lsi is not None:
        assert 0 <= a.median_lsi <= 100
