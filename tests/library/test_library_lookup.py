"""Finding exercises by what people type, and the values the library hands out."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from strongstride.errors import NotFound
from strongstride.library import (
    EQUIPMENT,
    MAY_LACK,
    ExerciseInfo,
    Library,
    equipment,
    load_library,
    name_key,
)

LIBRARY = load_library()


@pytest.mark.parametrize(
    ("typed", "exercise_id"),
    [
        ("  GOBLET   squat ", "goblet-squat"),
        ("goblet-squat", "goblet-squat"),
        ("single leg deadlift", "single-leg-deadlift"),
        ("Single–leg deadlift", "single-leg-deadlift"),  # en dash, as pasted from a web page
        ("exercise ball hamstring curl", "exercise-ball-hamstring-curl"),
        ("RUNNER’S GASTROCNEMIUS STRETCH", "runners-gastrocnemius-stretch"),
        ("runner`s gastrocnemius stretch", "runners-gastrocnemius-stretch"),
        ("half kneeling hip flexor stretch", "half-kneeling-hip-flexor-stretch"),
    ],
)
def test_find_ignores_case_apostrophes_hyphens_and_spacing(typed: str, exercise_id: str) -> None:
    info = LIBRARY.find(typed)
    assert info is not None
    assert info.id == exercise_id


@pytest.mark.parametrize("typed", ["Bulgarian split squat", "", "   ", "squat"])
def test_find_returns_none_for_unknown_names(typed: str) -> None:
    assert LIBRARY.find(typed) is None


def test_name_key_folds_the_variants_to_one_form() -> None:
    assert name_key("Runner’s  Gastrocnemius-stretch") == "runners gastrocnemius stretch"
    assert name_key("Half-kneeling\u00a0hip flexor") == "half kneeling hip flexor"


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("gobblet squat", "goblet-squat"),
        ("monstr walk", "monster-walk"),
        ("hamstring", "exercise-ball-hamstring-curl"),
        ("pigeon", "half-pigeon-pose"),
        ("calf stretch", "runners-gastrocnemius-stretch"),
    ],
)
def test_search_suggests_close_names_best_first(typed: str, first: str) -> None:
    found = LIBRARY.search(typed)
    assert found
    assert found[0].id == first
    assert len({info.id for info in found}) == len(found)


def test_search_finds_every_exercise_with_a_word_and_respects_the_limit() -> None:
    lunges = {info.id for info in LIBRARY.search("lunge", limit=10)}
    assert lunges == {
        "lunge-with-knee-to-chest",
        "lateral-lunge",
        "slider-reverse-lunge",
        "lizard-pose-to-half-split",  # alias "lizard lunge to half split"
        "half-kneeling-hip-flexor-stretch",  # alias "kneeling lunge stretch"
    }
    assert len(LIBRARY.search("lunge", limit=2)) == 2
    assert LIBRARY.search("") == ()
    assert LIBRARY.search("zzzzzz") == ()


def test_get_takes_an_exact_id_and_suggests_on_a_miss() -> None:
    assert LIBRARY.get("glute-star").name == "Glute star"
    with pytest.raises(NotFound) as caught:
        LIBRARY.get("goblet squat")
    assert "no exercise has the id 'goblet squat'" in caught.value.message
    assert "did you mean 'goblet-squat'" in caught.value.message


def test_the_library_iterates_in_file_order_and_supports_in() -> None:
    ids = [info.id for info in LIBRARY]
    assert ids[0] == "squat-to-overhead-reach"
    assert ids[-1] == "half-kneeling-hip-flexor-stretch"
    assert "Monster walk" in LIBRARY
    assert "Nordic curl" not in LIBRARY


def test_exercise_info_is_frozen_and_holds_tuples() -> None:
    info = LIBRARY.get("goblet-squat")
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.name = "Squat"  # type: ignore[misc]
    for field in dataclasses.fields(ExerciseInfo):
        value = getattr(info, field.name)
        assert not isinstance(value, list | dict | set), field.name
    assert isinstance(info.modifications, tuple)
    assert info.modifications[0][0] == "weights"


def test_modifications_are_looked_up_by_the_equipment_the_user_lacks() -> None:
    info = LIBRARY.get("single-leg-exercise-ball-squat")
    assert info.modification("exercise-ball") is not None
    assert "foam roller" in (info.modification("exercise-ball") or "")
    assert info.modification("wall") is None
    assert info.modifications_for({"exercise-ball", "band"}) == (
        ("exercise-ball", info.modification("exercise-ball")),
    )
    assert info.modifications_for(set()) == ()


def _info(exercise_id: str, name: str, aliases: tuple[str, ...] = ()) -> ExerciseInfo:
    return ExerciseInfo(
        id=exercise_id,
        name=name,
        aliases=aliases,
        primary_muscles=("glute max",),
        one_sided=False,
        seconds_per_rep=3.0,
        steps=("a", "b", "c"),
        cues=("a", "b"),
        mistakes=("a",),
    )


def test_a_library_built_in_code_refuses_two_exercises_with_one_name() -> None:
    assert len(Library((_info("a", "Squat"), _info("b", "Lunge")))) == 2
    with pytest.raises(ValueError, match="also names exercise 'a'"):
        Library((_info("a", "Squat"), _info("b", "Lunge", aliases=("SQUAT",))))
    with pytest.raises(ValueError, match="two exercises have the id 'a'"):
        Library((_info("a", "Squat"), _info("a", "Lunge")))


def test_equipment_registry_knows_the_ids_and_which_a_user_may_lack() -> None:
    assert list(EQUIPMENT) == [
        "band",
        "exercise-ball",
        "weights",
        "sliders",
        "step",
        "small-ball",
        "wall",
        "mat",
    ]
    assert frozenset({"band", "exercise-ball", "weights", "sliders", "step", "small-ball"}) == (
        MAY_LACK
    )
    ball = equipment("exercise-ball")
    assert ball is not None
    assert ball.may_lack is True
    assert ball.label == "Exercise (stability) ball"
    wall = equipment("wall")
    assert wall is not None
    assert wall.may_lack is False
    assert equipment("barbell") is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        ball.may_lack = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        EQUIPMENT["barbell"] = ball  # type: ignore[index]


DOC = Path(__file__).parents[2] / "docs" / "exercise-library.md"


def test_the_documented_example_entry_loads(tmp_path: Path) -> None:
    example = re.search(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert example is not None
    path = tmp_path / "example.toml"
    path.write_text(example.group(1), encoding="utf-8")
    info = load_library(path).get("goblet-squat")
    assert info.equipment == ("weights",)
    assert info.modification("weights") is not None
