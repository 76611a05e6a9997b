"""Weekly sets per muscle group and the quadriceps to hamstrings ratio."""

from __future__ import annotations

import pytest

from strongstride.analysis import balance
from strongstride.library import ExerciseInfo, Library
from tests.analysis.make import session, set_log, sides, two_legged


def test_a_set_counts_for_each_primary_muscle_and_sides_count_per_leg() -> None:
    logs = [*two_legged("Goblet squat", reps=(15, 15, 15)),          # quadriceps, glute max
            *sides("Banded split squat", left=(10, 10), right=(10, 10)),  # quadriceps, glute max
            *sides("Single-leg deadlift", left=(8, 8), right=(8, 8))]     # hamstrings, glute max
    (week,) = balance([session("s1", 0)], logs).weeks
    assert week.week == "2026-W10"
    assert week.sets("quadriceps") == 3 + 2
    assert week.sets("hamstrings") == 2
    assert week.sets("glute max") == 3 + 2 + 2
    assert week.quads_to_hamstrings == pytest.approx(2.5)
    quads = next(m for m in week.muscles if m.muscle == "quadriceps")
    assert (quads.left, quads.right) == (5, 5)


def test_one_leg_only_counts_half_and_skipped_sets_do_not_count() -> None:
    logs = [set_log("Single-leg deadlift", side="left", reps=8),
            set_log("Single-leg deadlift", side="left", set_number=2, reps=8, skipped=True)]
    (week,) = balance([session("s1", 0)], logs).weeks
    assert week.sets("hamstrings") == 0.5
    assert week.quads_to_hamstrings == 0


def test_weeks_are_iso_weeks_in_order_and_no_hamstrings_means_no_ratio() -> None:
    logs = [*two_legged("Goblet squat", sid="s2", n=7, reps=(12,)),
            *two_legged("Goblet squat", sid="s1", n=6, reps=(12,))]  # Sunday, then Monday
    result = balance([session("s1", 6), session("s2", 7)], logs)
    assert [w.week for w in result.weeks] == ["2026-W10", "2026-W11"]
    assert all(w.quads_to_hamstrings is None for w in result.weeks)


def test_unknown_exercises_are_listed_not_counted() -> None:
    result = balance([session("s1", 0)], [*two_legged("Nordic curl", reps=(5,))])
    assert result.weeks == () and result.unknown_exercises == ("Nordic curl",)


def test_a_library_can_be_given() -> None:
    info = ExerciseInfo(id="nordic-curl", name="Nordic curl", primary_muscles=("hamstrings",),
                        one_sided=False, seconds_per_rep=4, steps=(), cues=(), mistakes=())
    result = balance([session("s1", 0)], two_legged("Nordic curl", reps=(5, 5)),
                     Library((info,)))
    assert result.weeks[0].sets("hamstrings") == 2
