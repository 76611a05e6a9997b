"""The application's figure use case: which figure shows an exercise of a routine, and the
figure itself, with the errors a face turns into answers. No database is opened."""

from __future__ import annotations

import pytest

from strongstride.app import Strongstride
from strongstride.errors import FieldError, NotFound
from strongstride.figures import has_figure
from strongstride.library import default_library


@pytest.fixture
def app() -> Strongstride:
    return Strongstride(db="sqlite://")


def drawn() -> list[str]:
    found = [info.id for info in default_library() if has_figure(info.id)]
    assert found, "no exercise of the library has a figure"
    return found


def test_a_drawn_exercise_has_its_figure_and_a_routines_own_has_none(app: Strongstride) -> None:
    for exercise_id in drawn():
        info = default_library().get(exercise_id)
        assert app.figure_for(info.name) == (exercise_id, None)
        for alias in info.aliases:
            assert app.figure_for(alias) == (exercise_id, None)
    assert app.figure_for("Hip thrust on a sofa") is None


def test_without_equipment_the_figure_is_of_the_variation(app: Strongstride) -> None:
    varied = [info for info in map(default_library().get, drawn()) if info.variations]
    if not varied:
        pytest.skip("no drawn exercise has a variation yet")
    for info in varied:
        key = info.variations[0][0]
        assert app.figure_for(info.name, frozenset({key})) == (info.id, key)
        # Equipment it does not use changes nothing.
        assert app.figure_for(info.name, frozenset({"treadmill"})) == (info.id, None)
        as_written = app.exercise_figure(info.id)
        instead = app.exercise_figure(info.id, variation=key)
        assert f"<title>{info.variation(key)}</title>" in instead
        assert f"<title>{info.name}</title>" in as_written


def test_the_side_mirrors_a_one_sided_move_only(app: Strongstride) -> None:
    for exercise_id in drawn():
        info = default_library().get(exercise_id)
        left = app.exercise_figure(exercise_id, side="left")
        right = app.exercise_figure(exercise_id, side="right")
        if info.one_sided:
            assert left != right and "left leg" in left and "right leg" in right
        else:
            assert left == right == app.exercise_figure(exercise_id)


def test_wrong_ids_and_parameters_are_located(app: Strongstride) -> None:
    exercise_id = drawn()[0]
    with pytest.raises(NotFound, match="no exercise has the id 'hip-thrust'"):
        app.exercise_figure("hip-thrust")
    with pytest.raises(FieldError) as side:
        app.exercise_figure(exercise_id, side="middle")
    assert side.value.field == "side"
    with pytest.raises(FieldError) as variation:
        app.exercise_figure(exercise_id, variation="treadmill")
    assert variation.value.field == "variation"
    undrawn = [info.id for info in default_library() if not has_figure(info.id)]
    if undrawn:
        with pytest.raises(NotFound, match="has no figure yet"):
            app.exercise_figure(undrawn[0])
