"""Feet on the floor line where the move stands: every point a figure puts on the floor is
on it (or on the step under it) at every key frame and every sample, and nothing goes
under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError
from strongstride.figures import read_figure
from strongstride.figures.motion import (
    BETWEEN_TOLERANCE,
    FLOOR_TOLERANCE,
    at_frame,
    at_time,
    floor_at,
    sample_times,
    span,
)
from strongstride.figures.skeleton import contact_points
from tests.figures.shipped import CASES, IDS, figure


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_floor_points_are_on_the_floor_in_every_sample(case: tuple[str, str | None]) -> None:
    fig = figure(case)
    checks = [(at_frame(fig, i), f.floor, FLOOR_TOLERANCE) for i, f in enumerate(fig.frames)]
    checks += [(at_time(fig, t), floor_at(fig, t),
                FLOOR_TOLERANCE if span(fig, t)[2] == 0 else BETWEEN_TOLERANCE)
               for t in sample_times(fig)]
    assert any(floor for _, floor, _ in checks), "a figure rests on something"
    for body, floor, tolerance in checks:
        for name in floor:
            for point in contact_points(name):
                x = body.points[point][0]
                assert abs(body.lowest(point) - fig.surface_at(x)) <= tolerance, point
        for point, (_x, _y, radius) in body.points.items():
            if radius:
                assert body.lowest(point) >= -tolerance, point


STANDING = """\
view = "side"
floor = ["left_foot", "right_foot"]

[[frame]]
at = 0.0

[[frame]]
at = 0.5
hip_r = 30
knee_r = 60
ankle_r = 30
"""


def test_a_foot_off_the_floor_is_located(tmp_path: Path) -> None:
    path = tmp_path / "march.toml"
    path.write_text(STANDING)
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    issues = caught.value.issues
    assert issues and all(issue.source == str(path) for issue in issues)
    first = issues[0]
    assert first.span is not None and first.span.line == 7  # frame 2's [[frame]]
    assert "frame 2" in first.message and "right_heel" in first.message
    assert "above the floor" in first.message


def test_lifting_the_foot_is_fine_when_the_frame_says_so(tmp_path: Path) -> None:
    path = tmp_path / "march.toml"
    path.write_text(STANDING.replace('at = 0.5\n', 'at = 0.5\nfloor = ["left_foot"]\n'))
    figure = read_figure(path)
    assert figure.frames[1].floor == ("left_foot",)


def test_a_flat_foot_hint_names_the_ankle_angle(tmp_path: Path) -> None:
    path = tmp_path / "squat.toml"
    path.write_text('view = "side"\nfloor = ["left_foot"]\n\n[[frame]]\nat = 0\n'
                    'hip_l = 90\nknee_l = 100\nankle_l = 0\n')
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    assert "ankle_l = 10 lays it flat" in caught.value.message


def test_a_foot_may_stand_on_the_step(tmp_path: Path) -> None:
    path = tmp_path / "step.toml"
    path.write_text('view = "side"\nfloor = ["left_foot"]\n'
                    'props = [{ kind = "step", x = -10, width = 40, height = 16 }]\n'
                    '\n[[frame]]\nat = 0\nhip_r = 30\nknee_r = 40\n')
    figure = read_figure(path)
    body = at_frame(figure, 0)
    assert body.lowest("left_heel") == pytest.approx(16.0)
