"""The equipment is drawn where it belongs: band ends on the right body parts (a cuff around
each shin just above the ankle, or each thigh just above the knee), the ball or towel
between the knees, a dumbbell in the hand, the exercise ball under the heels and on the
floor, a slider under the foot, and steps, walls and mats where the file puts them."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError
from strongstride.figures import (
    Circle,
    Figure,
    Line,
    Rect,
    Shape,
    figure_svg,
    key_pose,
    parse_figure,
    read_figure,
)
from strongstride.figures.model import TOWEL_HEIGHT
from strongstride.figures.motion import FLOOR_TOLERANCE
from strongstride.figures.render import PACK_FROM, PACK_TO, _body, _layout
from strongstride.figures.skeleton import BALL_R, LEG_W, Body
from tests.figures.shipped import CASES, IDS, figure, sides
from tests.figures.test_figure_body import _place
from tests.figures.test_figure_mirror import assert_mirror_image

NS = "{http://www.w3.org/2000/svg}"

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
        elif kind == "towel" and prop.at in ("left_knee", "right_knee"):
            (pad,) = parts(drawing.shapes, f"towel_{prop.at}")
            assert isinstance(pad, Rect)
            knee = at(prop.at)
            assert pad.x + pad.width / 2 == pytest.approx(knee[0])  # under the knee
            assert pad.y + pad.height == pytest.approx(drawing.floor_y)  # on the floor
            assert pad.height == TOWEL_HEIGHT
            if prop.at in fig.key_frame.floor:  # the knee rests on the towel's top
                assert knee[1] + LEG_W / 2 == pytest.approx(pad.y, abs=FLOOR_TOLERANCE)
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
            spine = next(s for s in trunk if s.role == "body")
            pack = next(s for s in trunk if s.role == "prop")
            assert isinstance(spine, Line) and isinstance(pack, Line)
            # the chest pack is painted over the trunk (hugged), the back pack under it
            assert (trunk.index(pack) == 1) is (prop.at == "chest")
            check_pack(fig, prop.at or "back", spine, pack, at("pelvis"), at("chest"))
        elif kind == "band-foot-hands":
            foot = (prop.at or "left_foot").removesuffix("_foot")
            heel, toe, ankle = at(f"{foot}_heel"), at(f"{foot}_toe"), at(f"{foot}_ankle")
            sole = at(f"{foot}_sole")
            middle = ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2)
            # the sole's middle: half the foot's width below its centre line, away from
            # the ankle
            assert math.dist(sole, middle) == pytest.approx(3.5)
            assert math.dist(sole, ankle) > math.dist(middle, ankle)
            if f"{foot}_foot" in fig.key_frame.floor:
                assert sole[1] == pytest.approx(drawing.floor_y, abs=FLOOR_TOLERANCE)
            for s, hand in (("l", "left"), ("r", "right")):
                (band,) = parts(drawing.shapes, f"band-foot-hands_{s}")
                assert isinstance(band, Line) and not band.round
                assert (band.x1, band.y1) == pytest.approx(sole)
                assert (band.x2, band.y2) == pytest.approx(at(f"{hand}_hand"))
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


def check_pack(fig: Figure, where: str, spine: Line, pack: Line, pelvis: tuple[float, float],
               chest: tuple[float, float]) -> None:
    """The backpack lies along the trunk from PACK_FROM to PACK_TO above the hip joint, in
    front of the chest (`chest`) or behind the back, just off the trunk's surface."""
    a = (spine.x1, spine.y1)
    assert a == pytest.approx(pelvis)
    length = math.dist(a, (spine.x2, spine.y2))
    u = ((spine.x2 - spine.x1) / length, (spine.y2 - spine.y1) / length)
    along = sorted((p[0] - a[0]) * u[0] + (p[1] - a[1]) * u[1]
                   for p in ((pack.x1, pack.y1), (pack.x2, pack.y2)))
    assert along == pytest.approx([PACK_FROM, PACK_TO])
    across = [(p[0] - a[0]) * -u[1] + (p[1] - a[1]) * u[0]
              for p in ((pack.x1, pack.y1), (pack.x2, pack.y2))]
    assert across[0] == pytest.approx(across[1])
    if fig.view == "front" and where == "chest":
        assert across[0] == pytest.approx(0.0)  # on the trunk, facing the viewer
        return
    assert abs(across[0]) == pytest.approx(spine.width / 2 + 3.0)
    if fig.view == "side":  # the front is where the chest point is
        front = (chest[0] - a[0]) * -u[1] + (chest[1] - a[1]) * u[0]
        assert (across[0] * front > 0) is (where == "chest")


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


KNEE_ON_A_TOWEL = """\
view = "side"
hold = true
floor = ["left_knee", "right_foot"]
anchor = "left_knee"
props = [{ kind = "towel", at = "left_knee" }]

[[frame]]
at = 0.0
trunk = -2
hip_l = -15
knee_l = 71.5
ankle_l = -60
tilt_foot_l = 40
hip_r = 85.5
knee_r = 99.5
ankle_r = 12
"""
BANDED_SPLIT_SQUAT = """\
view = "side"
floor = ["left_foot", "right_toe"]
props = [{ kind = "band-foot-hands", at = "left_foot" }, { kind = "backpack", at = "chest" }]
key = 2

[[frame]]
at = 0.0
trunk = 3
shoulder_l = 35
shoulder_r = 35
elbow_l = 145
elbow_r = 145
hip_l = 40
hip_r = -25
knee_l = 20
knee_r = 17
ankle_l = -17
ankle_r = 15

[[frame]]
at = 0.5
hip_l = 84
hip_r = 4
knee_l = 89
knee_r = 99
ankle_l = 8
ankle_r = 30
"""
FRONT_PACKS = """\
view = "front"
floor = ["left_foot", "right_foot"]
props = [{ kind = "backpack", at = "chest" }, { kind = "band-foot-hands", at = "right_foot" },
         { kind = "towel", at = "right_knee" }]

[[frame]]
at = 0
shoulder_l = 20
elbow_l = 120
shoulder_r = 10
elbow_r = 130
"""


@pytest.mark.parametrize("text", [KNEE_ON_A_TOWEL, BANDED_SPLIT_SQUAT, FRONT_PACKS,
                                  BANDED_SPLIT_SQUAT.replace('at = "chest"', 'at = "back"')],
                         ids=["towel-under-knee", "band-foot-hands", "front", "pack-on-back"])
@pytest.mark.parametrize("side", ["left", "right"])
def test_the_towel_pack_and_long_band_attach_where_they_are_placed(
        text: str, side: str, tmp_path: Path) -> None:
    path = tmp_path / "props.toml"
    path.write_text(text)
    fig = read_figure(path)
    assert check_props(fig, side) == {p.kind for p in fig.props}
    for index in range(len(fig.frames)):
        assert_svg_matches_key_pose(fig, side, index)
    assert_mirror_image(fig)


def test_the_knee_rests_on_the_towel_not_the_floor(tmp_path: Path) -> None:
    path = tmp_path / "kneel.toml"
    path.write_text(KNEE_ON_A_TOWEL)
    body = _body(read_figure(path), False, frame=0)
    assert body.lowest("left_knee") == pytest.approx(TOWEL_HEIGHT)
    path.write_text(KNEE_ON_A_TOWEL.replace('at = "left_knee" }', 'at = "knees" }'))
    with pytest.raises(StrongstrideError) as caught:  # rolled between the knees instead
        read_figure(path)
    assert "right_heel is 4.0 below the floor" in caught.value.message


def test_a_prop_placed_where_it_cannot_go_is_located(tmp_path: Path) -> None:
    path = tmp_path / "props.toml"
    path.write_text(BANDED_SPLIT_SQUAT.replace('at = "left_foot"', 'at = "left_hand"'))
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    (issue,) = caught.value.issues
    assert issue.span is not None and issue.span.line == 3
    assert "band-foot-hands at 'left_hand'" in issue.message


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_still_svg_draws_every_piece_where_key_pose_does(
        case: tuple[str, str | None]) -> None:
    fig = figure(case)
    for side in sides(case):
        assert_svg_matches_key_pose(fig, side, fig.key)


def assert_svg_matches_key_pose(fig: Figure, side: str | None, index: int) -> None:
    """Each piece of the still SVG (its shapes moved by its group's transform) is where the
    plain geometry has it, within the SVG's rounding."""
    layout = _layout(fig, side)  # type: ignore[arg-type]
    drawing = key_pose(fig, side=side, frame=index)  # type: ignore[arg-type]
    root = ET.fromstring(figure_svg(fig, side=side, still=True,  # type: ignore[arg-type]
                                    frame=index))
    groups = root.findall(f"{NS}g")
    assert len(groups) == len(layout.pieces)
    for piece, group in zip(layout.pieces, groups, strict=True):
        x, y, angle, scale = _place(group.get("transform", ""))
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))

        def move(px: float, py: float) -> tuple[float, float]:
            px *= scale  # noqa: B023
            return (x + px * c - py * s, y + px * s + py * c)  # noqa: B023

        drawn: list[list[float]] = []
        for element in group:
            v = {k: float(element.get(k, "0")) for k in
                 ("x1", "y1", "x2", "y2", "cx", "cy", "x", "y", "width", "height")}
            if element.tag == f"{NS}line":
                drawn.append([*move(v["x1"], v["y1"]), *move(v["x2"], v["y2"])])
            elif element.tag == f"{NS}circle":
                drawn.append([*move(v["cx"], v["cy"])])
            else:
                drawn.append([*move(v["x"], v["y"]), v["width"], v["height"]])
        expected: list[list[float]] = []
        for shape in parts(drawing.shapes, piece.name):
            if isinstance(shape, Line):
                expected.append([shape.x1, shape.y1, shape.x2, shape.y2])
            elif isinstance(shape, Circle):
                expected.append([shape.cx, shape.cy])
            else:
                expected.append([shape.x, shape.y, shape.width, shape.height])
        assert len(drawn) == len(expected), piece.name
        for got, want in zip(drawn, expected, strict=True):
            assert got == pytest.approx(want, abs=0.2), piece.name


def test_the_ball_under_the_heels_must_reach_the_floor(tmp_path: Path) -> None:
    path = tmp_path / "props.toml"
    path.write_text(BALL_UNDER_HEELS.replace("= 34", "= 44"))
    _figure, issues = parse_figure(path)
    assert any("exercise ball under the heels" in i.message for i in issues)
