"""Substitutions: what the routine becomes without some of its equipment."""

from __future__ import annotations

import pytest

from strongstride.errors import StrongstrideError
from strongstride.library import MAY_LACK, default_library
from strongstride.plan.session import build_plan
from strongstride.plan.substitute import (
    adapt,
    adapted_plan,
    named_equipment,
    read_equipment,
    substitution,
    substitutions,
)
from strongstride.routine.parse import parse_routine
from strongstride.routines import load_routine


def seed():  # type: ignore[no-untyped-def]
    return load_routine("runner-glute").routine


def parse(text: str):  # type: ignore[no-untyped-def]
    routine = parse_routine(text, "test.routine").routine
    assert routine is not None
    return routine


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


# setups: a section's setup line that needs what she lacks --------------------------------

def test_no_bands_takes_the_band_setup_out_and_says_why() -> None:
    found = adapt(seed(), {"band"})
    [(index, change)] = found.setups.items()
    assert seed().sections[index].kind == "activation"
    assert change.without == ("band",)
    assert "band around your ankles" in change.setup  # as written, kept for the record
    assert change.instead == ("Nothing to set up: you have no band, and the exercises below "
                              "are done another way.")
    assert found.setup(index, seed().sections[index]) == change.instead
    assert found.setup(0, seed().sections[0]) is None  # the warm-up has no setup


def test_a_setup_keeps_its_sentences_that_need_nothing_she_lacks() -> None:
    routine = parse("## main\nsetup: Stand side-on to a wall. Loop a mini-band above your "
                    "knees.\n  Keep your hips level.\nBridge: 2 sets of 10 reps\n")
    change = adapt(routine, {"band", "weights"}).setups[0]
    assert change.instead == ("Stand side-on to a wall. Keep your hips level. Leave out the "
                              "band: you have none.")
    assert adapt(routine, {"weights"}).setups == {}  # it names no weights
    assert adapt(routine, frozenset()).setups == {}


@pytest.mark.parametrize(("text", "ids"), [
    ("Put a looser looped resistance band around your ankles", ("band",)),
    ("Grab two dumbbells and an exercise (stability) ball", ("exercise-ball", "weights")),
    ("Shift your weight onto the front foot and step to the side", ()),
    ("Place a small ball or yoga block between your knees", ("small-ball",)),
    ("Set your sliders and a low step by the wall", ("sliders", "step")),
    ("Wear a headband", ()),
])
def test_equipment_is_named_by_the_librarys_words(text: str, ids: tuple[str, ...]) -> None:
    assert named_equipment(text) == ids


def test_the_lines_of_the_equipment_list_she_lacks_are_known() -> None:
    found = adapt(seed(), {"band", "exercise-ball"})
    lacked = dict(zip(seed().equipment, found.equipment, strict=True))
    assert [line.split(",")[0] for line, ids in lacked.items() if ids] == [
        "loop resistance bands", "an exercise (stability) ball; each move that needs it has a "
                                 "modification"]


def test_the_plan_marks_the_setup_step_with_what_she_does_instead() -> None:
    plan = adapted_plan(seed(), {"band"})
    setups = [s for s in plan.steps if s.kind == "setup"]
    assert [s.variation for s in setups] == [adapt(seed(), {"band"}).setups[1].instead]
    assert setups[0].text and "ankles" in setups[0].text  # as written stays in `text`
    assert [s.key for s in plan.steps] == [s.key for s in build_plan(seed()).steps]
    assert all(s.variation is None for s in adapted_plan(seed(), {"weights"}).steps
               if s.kind == "setup")
