"""The right side set is the exact mirror image of the left one."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.figures import Circle, Figure, Line, Rect, figure_svg, key_pose, read_figure
from strongstride.figures.motion import at_time, sample_times
from tests.figures.shipped import CASES, IDS, figure


def ends(points: list[tuple[float, float]]) -> list[float]:
    """A line's two ends in a fixed order (a mirrored line may run the other way)."""
    ordered = sorted(points, key=lambda p: (round(p[0], 6), round(p[1], 6)))
    return [v for point in ordered for v in point]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_right_side_is_the_left_reflected(case: tuple[str, str | None]) -> None:
    assert_mirror_image(figure(case))


def assert_mirror_image(fig: Figure) -> None:
    """Every frame's right side drawing is the left one's reflection, shape by shape."""
    for index in range(len(fig.frames)):
        left = key_pose(fig, side="left", frame=index)
        right = key_pose(fig, side="right", frame=index)
        assert (right.width, right.height, right.floor_y) == pytest.approx(
            (left.width, left.height, left.floor_y), abs=1e-9)
        w = left.width
        assert len(left.shapes) == len(right.shapes)
        for a, b in zip(left.shapes, right.shapes, strict=True):
            assert (type(a), a.part, a.role) == (type(b), b.part, b.role)
            if isinstance(a, Line) and isinstance(b, Line):
                flat = ends([(w - b.x1, b.y1), (w - b.x2, b.y2)])
                other = ends([(a.x1, a.y1), (a.x2, a.y2)])
                assert flat == pytest.approx(other, abs=1e-9)
                assert b.width == a.width
            elif isinstance(a, Circle) and isinstance(b, Circle):
                assert (w - b.cx, b.cy, b.r) == pytest.approx((a.cx, a.cy, a.r), abs=1e-9)
            elif isinstance(a, Rect) and isinstance(b, Rect):
                assert (w - b.x - b.width, b.y, b.width, b.height) == pytest.approx(
                    (a.x, a.y, a.width, a.height), abs=1e-9)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_sample_of_the_rep_is_mirrored_too(case: tuple[str, str | None]) -> None:
    fig = figure(case)
    for t in sample_times(fig):
        body = at_time(fig, t)
        mirror = body.mirrored()
        for name, (x, y, r) in body.points.items():
            assert mirror.points[name] == (-x, y, r)
        for name, segment in body.segments.items():
            assert mirror.segments[name].end == pytest.approx((-segment.end[0],
                                                               segment.end[1]))


def test_the_working_leg_is_highlighted_on_both_sides() -> None:
    fig = figure(("lateral-lunge", None))
    for side in ("left", "right"):
        drawing = key_pose(fig, side=side)
        accent = {s.part for s in drawing.shapes if s.role == "accent"}
        assert accent == {"thigh_l", "shin_l", "foot_l"}
    left = figure_svg(fig, side="left")
    right = figure_svg(fig, side="right")
    assert left != right


def test_the_left_leg_is_on_her_left() -> None:
    """Front view: she faces the viewer, so her left leg is on the picture's right in the
    left side set, and on the picture's left in the right side set (mirror image, where
    the working leg is her right)."""
    fig = figure(("lateral-lunge", None))
    for side, on_the_right in (("left", True), ("right", False)):
        drawing = key_pose(fig, side=side)
        parts = {s.part: s for s in drawing.shapes if isinstance(s, Line)}
        assert (parts["shin_l"].x1 > parts["shin_r"].x1) is on_the_right


SAME_POSE_BANDS = """\
view = "side"
floor = ["left_foot", "right_foot"]
props = ["band-ankles", "band-knees"]

[[frame]]
at = 0

[[frame]]
at = 0.5
hip_l = 20
hip_r = 20
knee_l = 30
knee_r = 30
ankle_l = 10
ankle_r = 10
"""


def test_a_band_of_no_length_is_mirrored_exactly(tmp_path: Path) -> None:
    """Both legs in the same pose in a side view: the bands between them have no length and
    no direction; they are not drawn, on either side, rather than drawn 1e-3 long facing +x
    on both."""
    path = tmp_path / "bands.toml"
    path.write_text(SAME_POSE_BANDS)
    fig = read_figure(path)
    for index in range(len(fig.frames)):
        left = key_pose(fig, side="left", frame=index)
        right = key_pose(fig, side="right", frame=index)
        for kind in ("band-ankles", "band-knees"):
            (a,) = [s for s in left.shapes if isinstance(s, Line) and s.part == kind]
            (b,) = [s for s in right.shapes if isinstance(s, Line) and s.part == kind]
            assert (a.x1, a.y1) == pytest.approx((a.x2, a.y2), abs=1e-12)
            assert (left.width - b.x1, b.y1, left.width - b.x2, b.y2) == pytest.approx(
                (a.x1, a.y1, a.x2, a.y2), abs=1e-9)
    for side in ("left", "right"):
        svg = figure_svg(fig, side=side)  # type: ignore[arg-type]
        assert "scale(.001" not in svg and "scale(0.001" not in svg
        assert "scale(0 1)" in svg  # the band is there, scaled to nothing
