"""`strongstride exercise NAME --figure FILE`: the exercise's figure as an SVG file, the same
one the application gives every face, mirrored for the right side."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from strongstride.app import Strongstride
from strongstride.figures import has_figure, load_figure
from strongstride.library import load_library
from tests.conftest import Run

SVG = "{http://www.w3.org/2000/svg}svg"
TITLE = "{http://www.w3.org/2000/svg}title"


def drawn(*, one_sided: bool | None = None) -> str:
    """The name of a library exercise that has a figure (one-sided or not, if said)."""
    found = [info.name for info in load_library().exercises if has_figure(info.id)
             and one_sided in (None, info.one_sided)]
    assert found, "the library ships figures of both kinds"
    return found[0]


@pytest.fixture(scope="module")
def app() -> Strongstride:
    return Strongstride()  # the library only: no database is opened for a figure


def test_the_figure_file_is_the_applications_svg(run: Run, app: Strongstride,
                                                 tmp_path: Path) -> None:
    name = drawn()
    target = tmp_path / "move.svg"
    result = run("exercise", name.lower(), "--figure", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote {target}: the figure of {name}.\n"
    written = target.read_text(encoding="utf-8")
    root = ET.fromstring(written)
    assert root.tag == SVG and root.findtext(TITLE) == name
    assert "@keyframes" in written  # one rep, moving
    assert written == app.figure(name)
    assert [p.name for p in tmp_path.iterdir()] == ["move.svg"]  # nothing half-written left


def test_the_right_side_is_the_mirror_and_dash_is_standard_output(run: Run,
                                                                  app: Strongstride) -> None:
    name = drawn(one_sided=True)
    left = run("exercise", name, "--figure", "-", "--side", "left")
    right = run("exercise", name, "--figure", "-", "--side", "right")
    assert left.returncode == right.returncode == 0, (left.stderr, right.stderr)
    assert ET.fromstring(right.stdout).tag == SVG
    assert left.stdout == app.figure(name, side="left")
    assert right.stdout == app.figure(name, side="right") != left.stdout


def test_without_equipment_it_is_the_variations_figure(run: Run, app: Strongstride) -> None:
    info = next((e for e in load_library().exercises if has_figure(e.id)
                 and load_figure(e.id).variations), None)
    assert info is not None, "a shipped figure has a variation"
    lacking = load_figure(info.id).variations[0]
    variation = info.variation(lacking)
    result = run("exercise", info.name, "--figure", "-", "--without", lacking)
    assert result.returncode == 0, result.stderr
    assert ET.fromstring(result.stdout).findtext(TITLE) == variation
    assert result.stdout == app.figure(info.name, missing=frozenset({lacking})) != \
        app.figure(info.name)


def test_an_unknown_exercise_is_a_message_and_exit_1(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "x.svg"
    result = run("exercise", "glut stra", "--figure", str(target))
    assert result.returncode == 1
    assert "no exercise called 'glut stra'" in result.stderr
    assert "did you mean 'Glute star'" in result.stderr
    assert "Traceback" not in result.stderr and not target.exists()


def test_a_file_that_cannot_be_written_is_a_message_and_exit_1(run: Run,
                                                              tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.svg"
    result = run("exercise", drawn(), "--figure", str(target))
    assert result.returncode == 1
    assert f"{target}: cannot write it" in result.stderr
    assert "Traceback" not in result.stderr and not target.parent.exists()


def test_unknown_equipment_is_a_message_and_exit_1(run: Run) -> None:
    result = run("exercise", drawn(), "--figure", "-", "--without", "rope")
    assert result.returncode == 1
    assert "unknown equipment 'rope'" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("args", [("--side", "right"), ("--without", "band"),
                                  ("--json", "--figure", "-"), ("--figure", "-", "--side", "up")])
def test_options_that_do_not_go_together_are_usage_errors(run: Run,
                                                          args: tuple[str, ...]) -> None:
    result = run("exercise", "Glute star", *args)
    assert result.returncode == 2, result.stdout
    assert "Usage:" in result.stderr and result.stdout == ""
