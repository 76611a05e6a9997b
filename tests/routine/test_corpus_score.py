"""The corpus scoring rule (tests/routine/corpus_score.py, used by bench/import_corpus.py)."""

from __future__ import annotations

from typing import Any

from tests.routine.corpus_score import align, exactly_right, normalised, score


def ex(name: str, sets: list[int] | None = None, reps: list[int] | None = None,
       seconds: list[int] | None = None, per_side: bool = False, rest: list[int] | None = None,
       notes: str = "") -> dict[str, Any]:
    return {"name": name, "sets": sets, "reps": reps, "seconds": seconds, "per_side": per_side,
            "rest_seconds": rest, "notes": notes}


def routine(*exercises: dict[str, Any]) -> dict[str, Any]:
    return {"sections": [{"title": "main", "exercises": list(exercises)}]}


def test_names_match_without_case_punctuation_or_a_leading_number() -> None:
    assert normalised("1. Single-Leg Glute Bridge:") == normalised("single leg glute bridge")
    assert normalised("12) Runner\u2019s lunge") == normalised("Runner's Lunge")
    assert normalised("#3 Side plank") == "side plank"
    assert normalised("15 squats") == "squats"


def test_numbers_that_are_part_of_the_name_stay() -> None:
    assert normalised("90/90 hip switch") == "90 90 hip switch"
    assert normalised("3x squats") == "3x squats"
    assert normalised("Side plank") != normalised("Side planks 2")


def test_exactly_right_needs_sets_reps_seconds_and_side_but_not_rest_or_notes() -> None:
    label = ex("Clamshell", [3, 3], [15, 15], per_side=True, rest=[30, 30], notes="band")
    assert exactly_right(label, ex("clamshell", [3, 3], [15, 15], per_side=True))
    assert not exactly_right(label, ex("Clamshell", None, [15, 15], per_side=True))
    assert not exactly_right(label, ex("Clamshell", [3, 3], [15, 15]))
    assert not exactly_right(label, ex("Clamshell", [3, 3], [15, 15], [15, 15], per_side=True))
    assert not exactly_right(label, ex("Clamshells", [3, 3], [15, 15], per_side=True))


def test_ambiguous_exercises_are_left_out_of_the_score() -> None:
    label = routine(ex("Squat", [3, 3], [10, 10]),
                    ex("Lunge", [3, 3], [8, 8], notes="AMBIGUOUS: per leg or in all?"))
    s = score(label, routine(ex("Squat", [3, 3], [10, 10]), ex("Lunge", [3, 3], [16, 16])))
    assert (s.exact, s.labelled) == (1, 1)
    s = score(label, routine(ex("Squat", [2, 2], [10, 10]), ex("Lunge", [3, 3], [8, 8])))
    assert (s.exact, s.labelled) == (0, 1)


def test_an_extra_exercise_does_not_shift_the_rest() -> None:
    want = [ex("Squat", [2, 2]), ex("Lunge", [2, 2]), ex("Plank", [2, 2])]
    got = [ex("Warm-up (5 minutes)"), ex("Squat", [2, 2]), ex("Lunge", [2, 2]),
           ex("Plank", [2, 2])]
    s = score(routine(*want), routine(*got))
    assert (s.exact, s.labelled, s.extra) == (3, 3, 1)
    assert [p.got["name"] for p in s.misses if p.got] == ["Warm-up (5 minutes)"]


def test_a_missing_exercise_costs_only_itself() -> None:
    want = [ex("Squat", [2, 2]), ex("Clamshell", [2, 2]), ex("Lunge", [2, 2]),
            ex("Plank", [2, 2])]
    got = [ex("Squat", [2, 2]), ex("Lunge", [2, 2]), ex("Plank", [2, 2])]
    s = score(routine(*want), routine(*got))
    assert (s.exact, s.labelled, s.extra) == (3, 4, 0)
    assert [(p.label and p.label["name"], p.got) for p in s.misses] == [("Clamshell", None)]


def test_sections_are_run_together_and_repeated_names_line_up_in_order() -> None:
    label = {"sections": [
        {"title": "Round 1", "exercises": [ex("Swing", [1, 1], [20, 20]),
                                           ex("Squat", [1, 1], [20, 20])]},
        {"title": "Round 2", "exercises": [ex("Swing", [1, 1], [15, 15]),
                                           ex("Squat", [1, 1], [15, 15])]}]}
    got = routine(ex("Swing", [1, 1], [20, 20]), ex("Squat", [1, 1], [20, 20]),
                  ex("Swing", [1, 1], [15, 15]), ex("Squat", [1, 1], [12, 12]))
    s = score(label, got)
    assert (s.exact, s.labelled) == (3, 4)


def test_unmatched_names_pair_up_in_order_for_the_side_by_side() -> None:
    assert align(["a", "b", "c", "d"], ["a", "x", "y", "z", "d"]) == [
        (0, 0), (1, 1), (2, 2), (None, 3), (3, 4)]
