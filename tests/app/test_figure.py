"""`Strongstride.figure`: the exercise's figure as every face gets it, the variation's when
she lacks the equipment, mirrored for the right side."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from strongstride.app import Strongstride
from strongstride.errors import NotFound
from strongstride.figures import figure_svg, load_figure
from tests.stand_in_figures import HALF, SQUAT, figures_folder, standing  # noqa: F401

TITLE = "{http://www.w3.org/2000/svg}title"
BRIDGE = "single-leg-bridge-with-adductor-ball-squeeze"


def test_the_figure_is_found_by_any_name_and_titled_with_it(figures: Path) -> None:
    (figures / f"{BRIDGE}.toml").write_text(standing(SQUAT, ("small-ball", HALF)))
    app = Strongstride()
    drawn = app.figure("single leg bridge with adductor ball squeeze")
    assert ET.fromstring(drawn).findtext(TITLE) == \
        "Single-leg bridge with adductor ball squeeze"
    assert drawn == figure_svg(load_figure(BRIDGE), title=ET.fromstring(drawn).findtext(TITLE))
    assert app.figure("Single-leg bridge with adductor ball squeeze", side="right") == \
        figure_svg(load_figure(BRIDGE), side="right",
                   title="Single-leg bridge with adductor ball squeeze, right leg")


def test_a_move_both_legs_do_has_no_side(figures: Path) -> None:
    (figures / "goblet-squat.toml").write_text(standing(SQUAT))
    app = Strongstride()
    assert app.figure("Goblet squat", side="right") == app.figure("Goblet squat") == \
        figure_svg(load_figure("goblet-squat"), title="Goblet squat")


def test_without_the_small_ball_it_is_the_variation(figures: Path) -> None:
    (figures / f"{BRIDGE}.toml").write_text(standing(SQUAT, ("small-ball", HALF)))
    app = Strongstride()
    name = "Single-leg bridge with adductor ball squeeze"
    without = app.figure(name, missing=frozenset({"small-ball", "weights"}))
    assert ET.fromstring(without).findtext(TITLE) == "Single-leg bridge with towel squeeze"
    assert without == figure_svg(load_figure(BRIDGE, "small-ball"),
                                 title="Single-leg bridge with towel squeeze")
    assert app.figure(name, missing=frozenset({"weights"})) == app.figure(name) != without


def test_an_exercise_without_a_figure_or_unknown_is_not_found(figures: Path) -> None:
    app = Strongstride()
    with pytest.raises(NotFound, match="Banded split squat has no figure yet"):
        app.figure("banded split squat")
    with pytest.raises(NotFound, match="did you mean 'Glute star'"):
        app.figure("glut stra")
