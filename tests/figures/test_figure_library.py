"""Every exercise of the library, and every variation she does when equipment is missing,
has a figure that loads without a problem."""

from __future__ import annotations

import pytest

from strongstride.errors import NotFound
from strongstride.figures import has_figure, load_figure
from strongstride.library import default_library

EXERCISES = [info.id for info in default_library()]
VARIATIONS = [(info.id, equipment) for info in default_library()
              for equipment, _name in info.variations]


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_exercise_has_a_figure(exercise_id: str) -> None:
    assert has_figure(exercise_id), f"add src/strongstride/library/figures/{exercise_id}.toml"
    figure = load_figure(exercise_id)
    assert figure.exercise_id == exercise_id
    assert figure.frames


@pytest.mark.parametrize(("exercise_id", "equipment"), VARIATIONS,
                         ids=[f"{e}/{v}" for e, v in VARIATIONS])
def test_every_variation_has_a_figure(exercise_id: str, equipment: str) -> None:
    assert has_figure(exercise_id)
    assert equipment in load_figure(exercise_id).variations, (
        f"add a [variation.{equipment}] table to {exercise_id}.toml")
    assert load_figure(exercise_id, equipment).variation == equipment


def test_the_tempo_comes_from_the_exercise_unless_the_figure_sets_it() -> None:
    info = default_library().get("squat-to-overhead-reach")
    assert load_figure("squat-to-overhead-reach").seconds == info.seconds_per_rep


def test_an_exercise_without_a_figure_is_not_found() -> None:
    assert not has_figure("no-such-exercise")
    assert not has_figure("../figures/lateral-lunge")
    with pytest.raises(NotFound):
        load_figure("no-such-exercise")
