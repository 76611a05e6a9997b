"""Progress per exercise, session and side: best set, volume, Epley estimate."""

from __future__ import annotations

import pytest

from strongstride.analysis import epley, progress
from strongstride.analysis.history import group
from tests.analysis.make import holds, session, set_log, sides, two_legged

SQUAT = "Banded split squat"


def test_epley_is_load_times_one_plus_reps_over_30() -> None:
    assert epley(20, 12) == pytest.approx(28.0)
    assert epley(100, 0) == 100


def test_best_set_is_the_most_reps_at_the_highest_load() -> None:
    logs = [set_log(SQUAT, set_number=1, reps=12, load=20),
            set_log(SQUAT, set_number=2, reps=8, load=22.5),
            set_log(SQUAT, set_number=3, reps=10, load=22.5)]
    (left,) = progress([session("s1", 0)], logs)
    assert (left.best.load, left.best.reps, left.best.unit) == (22.5, 10, "kg")
    assert left.sets == 3


def test_volume_is_reps_times_load_and_e1rm_is_the_best_estimate() -> None:
    logs = [set_log(SQUAT, set_number=1, reps=12, load=20),
            set_log(SQUAT, set_number=2, reps=10, load=22.5)]
    (left,) = progress([session("s1", 0)], logs)
    assert left.volume == pytest.approx(20 * 12 + 22.5 * 10)
    assert left.volume_unit == "kg"
    assert left.e1rm == pytest.approx(22.5 * (1 + 10 / 30))


def test_pounds_and_kilograms_in_one_side_are_added_in_the_best_sets_unit() -> None:
    logs = [set_log(SQUAT, set_number=1, reps=10, load=10, unit="kg"),
            set_log(SQUAT, set_number=2, reps=10, load=45, unit="lb")]
    (left,) = progress([session("s1", 0)], logs)
    assert left.unit == "lb" and left.best.load == 45
    assert left.volume == pytest.approx(10 * 10 / 0.45359237 + 450)
    heavier_in_kg = [set_log(SQUAT, set_number=1, reps=10, load=25, unit="kg"),
                     set_log(SQUAT, set_number=2, reps=12, load=45, unit="lb")]
    (left,) = progress([session("s1", 0)], heavier_in_kg)
    assert (left.best.load, left.best.unit) == (25, "kg")


def test_bodyweight_volume_is_reps_and_holds_are_seconds_without_e1rm() -> None:
    logs = [*sides("Single-leg bridge", left=(8, 7), right=(8, 8)),
            *holds("Side plank", left=(30, 25), right=(30, 30))]
    rows = {(p.exercise, p.side): p for p in progress([session("s1", 0)], logs)}
    bridge = rows[("Single-leg bridge", "left")]
    assert (bridge.volume, bridge.volume_unit, bridge.e1rm) == (15, "reps", None)
    plank = rows[("Side plank", "left")]
    assert (plank.volume, plank.volume_unit, plank.best.seconds) == (55, "seconds", 30)


def test_rows_per_side_and_per_session_oldest_first_skipped_sets_left_out() -> None:
    logs = [*sides(SQUAT, sid="s2", n=3, left=(10,), right=(12,)),
            *sides(SQUAT, sid="s1", n=0, left=(9,), right=(11,)),
            set_log(SQUAT, sid="s1", side="left", set_number=2, reps=30, skipped=True),
            *two_legged("Goblet squat", sid="s1", reps=(15, 14), load=16)]
    rows = progress([session("s1", 0), session("s2", 3)], logs)
    assert [(p.exercise, p.session_id, p.side, p.best.reps) for p in rows] == [
        ("Banded split squat", "s1", "left", 9), ("Banded split squat", "s1", "right", 11),
        ("Banded split squat", "s2", "left", 10), ("Banded split squat", "s2", "right", 12),
        ("Goblet squat", "s1", "both", 15),
    ]


def test_a_session_without_its_record_starts_at_its_first_set_of_any_exercise() -> None:
    logs = [set_log("Glute bridge", sid="paper", set_number=2, reps=10),
            set_log("Clamshell", sid="paper", set_number=1, reps=15)]
    grouped = group([], logs)
    first = min(log.logged_at for log in logs)
    assert {done.started_at for history in grouped.logged.values() for done in history} == {
        first}
