"""The equipment is drawn where it belongs: band ends on the right body parts (a cuff around
each shin just above the ankle, or each thigh just above the knee), the ball or towel
between the knees, a dumbbell in the hand, the exercise ball under the heels and on the
floor, a slider under the foot, and steps, walls and mats where the file puts them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from strongstride.figures import (
    Circle,
    Figure,
    Line,
    Rect,
    Shape,
    key_pose,
    parse_figure,
    read_figure,
)
from strongstride.figures.render import _body, _layout
from strongstride.figures.skeleton import BALL_R, Body
from tests.figures.shipped import CASES, IDS, figure, sides

EVERYTHING_SIDE = """\
view = "side"
floor = ["left_foot"]
props = ["band-ankles", "band-knees", "small-ball", "dumbbell-chest", "backpack",
         { kind = "dumbbell", at = "hands" }, { kind = "slider", at = "right_foot" },
         { kind = "wall", x = -60 }, { kind = "step", x = -12, width = 40, height = 16 },
         { kind = "mat", x = -80, width = 160 }]

[[frame]]
at = 0
hip_r = -15
knee_r = 50
ankle_r = -30
shoulder_l = 40
elbow_l = 60
"""
EVERYTHING_FRONT = """\
view = "front"
floor = ["left_foot", "right_foot"]
props = ["band-ankles", "band-knees", "towel", { kind = "exercise-ball", at = "back" },
         { kind = "dumbbell", at = "right_hand" }]

[[frame]]
at = 0
hip_l = 20
ankle_l = -20
hip_r = 20
ankle_r = -20
"""
BALL_UNDER_HEELS = """\
view = "side"
floor = ["back", "head", "pelvis"]
anchor = "back"
props = ["exercise-ball", "mat"]

[[frame]]
at = 0
trunk = -90
hip_l = 34
hip_r = 34
"""


def to_drawing(fig: Figure, side: str | None, body: Body, point: str) -> tuple[float, float]:
    layout = _layout(fig, side)  # type: ignore[arg-type]
    x, y, _r = body.points[point]
    return x - layout.left, -y - layout.top


def parts(shapes: tuple[Shape, ...], name: str) -> list[Shape]:
    return [s for s in shapes if s.part == name]


def on_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float],
               from_b: float) -> None:
    """p lies on the segment a-b, `from_b` from b."""
    length = math.dist(a, b)
    assert math.dist(p, a) + math.dist(p, b) == pytest.approx(length, abs=1e-6)
    assert math.dist(p, b) == pytest.approx(from_b, abs=1e-6)


def check_props(fig: Figure, side: str | None) -> set[str]:
    """Check every prop of the figure at its key frame; the kinds checked."""
    layout = _layout(fig, side)  # type: ignore[arg-type]
    body = _body(fig, layout.mirror, frame=fig.key)
    drawing = key_pose(fig, side=side)  # type: ignore[arg-type]

    def at(point: str) -> tuple[float, float]:
        return to_drawing(fig, side, body, point)

    checked = set()
    for prop in fig.props:
        kind = prop.kind
        checked.add(kind)
        if kind in ("band-ankles", "band-knees"):
            where, joint, segment, upper, offset = (
                ("band_ankle", "ankle", "shin", "knee", 7.0) if kind == "band-ankles"
                else ("band_knee", "knee", "thigh", "hip", 9.0))
            (band,) = parts(drawing.shapes, kind)
            assert isinstance(band, Line)
            ends = [(band.x1, band.y1), (band.x2, band.y2)]
            assert ends[0] == pytest.approx(at(f"left_{where}"))
            assert ends[1] == pytest.approx(at(f"right_{where}"), abs=1e-3)
            for s, name in (("l", "left"), ("r", "right")):
                tilt = math.radians(body.segments[f"{segment}_{s}"].tilt)
                on_segment(at(f"{name}_{where}"), at(f"{name}_{upper}"),
                           at(f"{name}_{joint}"), offset * math.cos(tilt))
                (cuff,) = parts(drawing.shapes, f"cuff_{segment}_{s}")
                assert isinstance(cuff, Line)
                middle = ((cuff.x1 + cuff.x2) / 2, (cuff.y1 + cuff.y2) / 2)
                assert middle == pytest.approx(at(f"{name}_{where}"))
        elif kind in ("small-ball", "towel"):
            (shape,) = parts(drawing.shapes, kind)
            knees = [at("left_knee"), at("right_knee")]
            middle = ((knees[0][0] + knees[1][0]) / 2, (knees[0][1] + knees[1][1]) / 2)
            assert centre(shape) == pytest.approx(middle)
        elif kind == "dumbbell":
            hands = {"left_hand": ["l"], "right_hand": ["r"], "hands": ["l", "r"]}[
                prop.at or "left_hand"]
            for s in hands:
                shapes = parts(drawing.shapes, f"dumbbell_{s}")
                assert shapes
                handle = shapes[0]
                hand = at("left_hand" if s == "l" else "right_hand")
                assert centre(handle) == pytest.approx(hand)
        elif kind == "dumbbell-chest":
            assert centre(parts(drawing.shapes, kind)[0]) == pytest.approx(at("chest"))
        elif kind == "exercise-ball":
            (ball,) = parts(drawing.shapes, kind)
            assert isinstance(ball, Circle) and ball.r == BALL_R
            if prop.at == "heels":
                top = ball.cy - ball.r
                heel = max(at("left_heel")[1], at("right_heel")[1])  # the lower heel
                assert top == pytest.approx(heel + 3.5)  # the heel's round end rests on it
                assert ball.cy + ball.r == pytest.approx(drawing.floor_y, abs=1.5)
            else:
                assert (ball.cx, ball.cy) == pytest.approx(at("ball_back"))
        elif kind == "slider":
            (slider,) = parts(drawing.shapes, f"slider_{prop.at}")
            assert isinstance(slider, Rect)
            side_name = (prop.at or "left_foot").removesuffix("_foot")
            heel, toe = at(f"{side_name}_heel"), at(f"{side_name}_toe")
            assert slider.x + slider.width / 2 == pytest.approx((heel[0] + toe[0]) / 2)
            assert slider.y + slider.height == pytest.approx(max(heel[1], toe[1]) + 3.5)
        elif kind == "backpack":
            trunk = parts(drawing.shapes, "trunk")
            assert len(trunk) == 2  # the pack and the trunk, moving together
        elif kind in ("step", "book", "wall", "mat"):
            (shape,) = parts(drawing.shapes, kind)
            assert prop.x is not None and prop.width is not None
            x = prop.x if not layout.mirror else -(prop.x + prop.width)
            if isinstance(shape, Rect):
                assert shape.x == pytest.approx(x - layout.left)
                assert shape.width == prop.width
                assert shape.y + shape.height == pytest.approx(drawing.floor_y) or kind == "mat"
            else:
                assert isinstance(shape, Line) and shape.x1 == pytest.approx(
                    (-prop.x if layout.mirror else prop.x) - layout.left)
    return checked


def centre(shape: Shape) -> tuple[float, float]:
    if isinstance(shape, Circle):
        return shape.cx, shape.cy
    if isinstance(shape, Rect):
        return shape.x + shape.width / 2, shape.y + shape.height / 2
    return (shape.x1 + shape.x2) / 2, (shape.y1 + shape.y2) / 2


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_props_of_every_figure_are_attached_to_the_right_body_points(
        case: tuple[str, str | None]) -> None:
    fig = figure(case)
    for side in sides(case):
        assert check_props(fig, side) == {p.kind for p in fig.props}


@pytest.mark.parametrize("text", [EVERYTHING_SIDE, EVERYTHING_FRONT, BALL_UNDER_HEELS],
                         ids=["side", "front", "ball-under-heels"])
@pytest.mark.parametrize("side", ["left", "right"])
def test_every_prop_is_attached_to_the_right_body_points(text: str, side: str,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "props.toml"
    path.write_text(text)
    fig = read_figure(path)
    assert check_props(fig, side) == {p.kind for p in fig.props}


def test_the_ball_under_the_heels_must_reach_the_floor(tmp_path: Path) -> None:
    path = tmp_path / "props.toml"
    path.write_text(BALL_UNDER_HEELS.replace("= 34", "= 44"))
    _figure, issues = parse_figure(path)
    assert any("exercise ball under the heels" in i.message for i in issues)
