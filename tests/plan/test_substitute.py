"""Substitutions: what the routine becomes without some of its equipment."""

from __future__ import annotations

import pytest

from strongstride.errors import StrongstrideError
from strongstride.library import MAY_LACK, default_library
from strongstride.plan.session import build_plan
from strongstride.plan.substitute import (
    adapted_plan,
    read_equipment,
    substitution,
    substitutions,
)
from strongstride.routines import load_routine


def seed():  # type: ignore[no-untyped-def]
    return load_routine("runner-glute").routine


@pytest.mark.parametrize(("words", "ids"), [
    (["ball"], {"exercise-ball"}),
    (["Stability Ball", "dumbbells"], {"exercise-ball", "weights"}),
    (["bands,kettlebell", " sliders "], {"band", "weights", "sliders"}),
    (["exercise-ball", "small_ball", "yoga block"], {"exercise-ball", "small-ball"}),
    (["box", ""], {"step"}),
    ([], set()),
])
def test_equipment_words_become_ids(words: list[str], ids: set[str]) -> None:
    assert read_equipment(words) == frozenset(ids)


def test_an_unknown_word_lists_the_choices() -> None:
    with pytest.raises(StrongstrideError) as caught:
        read_equipment(["ball", "trampoline"])
    assert caught.value.message.startswith("unknown equipment 'trampoline'; use one of: band, ")
    assert "exercise-ball" in caught.value.message and "dumbbells" in caught.value.message


def test_no_exercise_ball_turns_the_curl_and_the_ball_squat_into_their_variations() -> None:
    changed = substitutions(seed(), {"exercise-ball"})
    assert set(changed) == {"Exercise-ball hamstring curl", "Single-leg exercise-ball squat"}
    curl = changed["Exercise-ball hamstring curl"]
    assert curl.variation == "Bridge walk-out"
    assert curl.without == ("exercise-ball",)
    assert curl.without_text == "exercise ball"
    assert "walk your heels away" in curl.how
    assert changed["Single-leg exercise-ball squat"].variation == \
        "Supported single-leg wall squat"


def test_no_bands_changes_every_banded_move_and_nothing_else() -> None:
    changed = substitutions(seed(), {"band"})
    library = default_library()
    expected = {e.name for e in seed().exercises
                if "band" in (library.find(e.name) or library.exercises[0]).equipment}
    assert set(changed) == expected
    assert len(changed) == 8  # 6 activation moves, the split squat and the hip extension
    assert all(sub.without == ("band",) for sub in changed.values())


def test_nothing_missing_or_equipment_not_used_changes_nothing() -> None:
    assert substitutions(seed(), set()) == {}
    assert substitution("Good morning", {"exercise-ball", "band", "weights"}) is None
    assert substitution("An exercise nobody knows", {"band"}) is None
    # the wall is never missing from the library's point of view: no modification for it
    assert substitution("Runner's gastrocnemius stretch", {"wall"}) is None


def test_every_shipped_modification_has_a_variation_name() -> None:
    for info in default_library():
        for key, _ in info.modifications:
            name = info.variation(key)
            assert name and name != info.name, (info.id, key)
        for key in info.equipment:
            if key in MAY_LACK:
                assert info.variation(key), (info.id, key)


def test_the_adapted_plan_marks_the_steps_and_keeps_the_keys() -> None:
    routine = seed()
    plain = build_plan(routine)
    adapted = adapted_plan(routine, {"exercise-ball", "weights"})
    assert [s.key for s in adapted.steps] == [s.key for s in plain.steps]
    assert [s.seconds for s in adapted.steps] == [s.seconds for s in plain.steps]
    marked = {(s.name, s.variation) for s in adapted.steps if s.variation}
    assert marked == {
        ("Exercise-ball hamstring curl", "Bridge walk-out"),
        ("Single-leg exercise-ball squat", "Supported single-leg wall squat"),
        ("Single-leg deadlift", "Bodyweight single-leg deadlift"),
        ("Goblet squat", "Backpack or bodyweight squat"),
    }
    for before, after in zip(plain.steps, adapted.steps, strict=True):
        if after.variation is None:
            assert after == before
    assert adapted_plan(routine, set()) == plain
