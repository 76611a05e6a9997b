"""The skeleton keeps its lengths: at every key frame and every sample the animation uses,
each limb is as long as the skeleton says (a limb turned out of the picture is drawn shorter
by exactly cos(tilt), so its length in 3D is unchanged), and the drawn SVG joins the limbs
at the joints."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET

import pytest

from strongstride.figures import figure_svg, key_pose
from strongstride.figures.motion import angles_at, at_time, placed, sample_times
from strongstride.figures.render import Line, _layout
from strongstride.figures.skeleton import (
    FOOT,
    FOOT_FRONT,
    FOREARM,
    HEAD_OFFSET,
    SHIN,
    THIGH,
    TRUNK,
    UPPER_ARM,
)
from tests.figures.shipped import CASES, IDS, figure, sides

# (segment, from point, to point, length, the tilt's angle name)
LIMBS = [
    (f"{seg}_{s}", f"{name}_{a}", f"{name}_{b}", length, f"tilt_{seg}_{s}")
    for s, name in (("l", "left"), ("r", "right"))
    for seg, a, b, length in (("thigh", "hip", "knee", THIGH), ("shin", "knee", "ankle", SHIN),
                              ("arm", "shoulder", "elbow", UPPER_ARM),
                              ("forearm", "elbow", "hand", FOREARM))
]


def distance(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def poses(case: tuple[str, str | None]) -> list[dict[str, float]]:
    fig = figure(case)
    return [frame.angles for frame in fig.frames] + [angles_at(fig, t)
                                                      for t in sample_times(fig)]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_limb_lengths_are_the_same_in_every_frame_and_sample(case: tuple[str, str | None]) -> None:
    fig = figure(case)
    foot = FOOT if fig.view == "side" else FOOT_FRONT
    heel_to_ankle: set[float] = set()
    for angles in poses(case):
        body = placed(fig, angles)
        assert distance(body.points["pelvis"], body.points["back"]) == pytest.approx(TRUNK)
        assert distance(body.points["back"], body.head) == pytest.approx(HEAD_OFFSET)
        for _segment, a, b, length, tilt in LIMBS:
            drawn = distance(body.points[a], body.points[b])
            assert drawn / math.cos(math.radians(angles[tilt])) == pytest.approx(length)
        for s, name in (("l", "left"), ("r", "right")):
            drawn = distance(body.points[f"{name}_heel"], body.points[f"{name}_toe"])
            tilt = math.radians(angles[f"tilt_foot_{s}"])
            assert drawn / math.cos(tilt) == pytest.approx(foot)
            if angles[f"tilt_foot_{s}"] == 0:
                heel_to_ankle.add(round(distance(body.points[f"{name}_heel"],
                                                 body.points[f"{name}_ankle"]), 6))
    assert len(heel_to_ankle) <= 1  # the foot is rigid


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_drawn_key_frames_join_at_the_joints(case: tuple[str, str | None]) -> None:
    fig = figure(case)
    for index in range(len(fig.frames)):
        drawing = key_pose(fig, side=sides(case)[0], frame=index)  # type: ignore[arg-type]
        lines = {s.part: s for s in drawing.shapes if isinstance(s, Line)}
        for side in ("l", "r"):
            assert (lines[f"thigh_{side}"].x2, lines[f"thigh_{side}"].y2) == pytest.approx(
                (lines[f"shin_{side}"].x1, lines[f"shin_{side}"].y1))
            assert (lines[f"arm_{side}"].x2, lines[f"arm_{side}"].y2) == pytest.approx(
                (lines[f"forearm_{side}"].x1, lines[f"forearm_{side}"].y1))
            tilt = math.radians(fig.frames[index].angles[f"tilt_thigh_{side}"])
            thigh = lines[f"thigh_{side}"]
            assert math.hypot(thigh.x2 - thigh.x1, thigh.y2 - thigh.y1) == pytest.approx(
                THIGH * math.cos(tilt))


_KEYFRAMES = re.compile(r"@keyframes (\w+)\{((?:[\d.]+%\{transform:[^}]*\})+)\}")
_STEP = re.compile(r"([\d.]+)%\{transform:([^}]*)\}")
_NUMBER = re.compile(r"-?[\d.]+")


def _place(text: str) -> tuple[float, float, float, float]:
    """x, y, rotation, scale of `translate(x y) rotate(a) scale(s 1)` or the CSS form."""
    parts = dict(re.findall(r"(translate|rotate|scale)\(([^)]*)\)", text))
    x, y = (float(v) for v in _NUMBER.findall(parts["translate"]))
    angle = float(_NUMBER.findall(parts.get("rotate", "0"))[0])
    scale = float(_NUMBER.findall(parts.get("scale", "1"))[0])
    return x, y, angle, scale


def _at(steps: list[tuple[float, tuple[float, float, float, float]]],
        t: float) -> tuple[float, ...]:
    """The transform the browser computes at time t (linear between keyframes)."""
    for (t0, p0), (t1, p1) in itertools.pairwise(steps):
        if t0 <= t <= t1:
            u = (t - t0) / (t1 - t0) if t1 > t0 else 0.0
            return tuple(a + (b - a) * u for a, b in zip(p0, p1, strict=True))
    raise AssertionError(f"no keyframe around {t}")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_animation_keeps_the_limbs_joined_between_its_keyframes(
        case: tuple[str, str | None]) -> None:
    fig = figure(case)
    side = sides(case)[-1]
    svg = figure_svg(fig, side=side)  # type: ignore[arg-type]
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    style = root.find(f"{ns}style")
    assert style is not None and style.text is not None
    keyframes = {name: [(float(p) / 100, _place(t)) for p, t in _STEP.findall(body)]
                 for name, body in _KEYFRAMES.findall(style.text)}
    groups = root.findall(f"{ns}g")
    names = [piece.name for piece in _layout(fig, side).pieces]  # type: ignore[arg-type]
    assert len(groups) == len(names)
    moves: dict[str, list[tuple[float, tuple[float, float, float, float]]]] = {}
    lengths: dict[str, float] = {}
    for name, group in zip(names, groups, strict=True):
        animation = re.search(r"animation-name:(\w+)", group.get("style", ""))
        moves[name] = (keyframes[animation.group(1)] if animation
                       else [(0.0, _place(group.get("transform", ""))),
                             (1.0, _place(group.get("transform", "")))])
        line = group.find(f"{ns}line")
        if line is not None:
            lengths[name] = float(line.get("x2", "0"))
    if len(fig.frames) > 1 and not fig.hold:
        assert keyframes, "a figure with several frames moves"
    for t in [*sample_times(fig), 1.0]:
        body = at_time(fig, t)
        for parent, child in (("thigh_l", "shin_l"), ("thigh_r", "shin_r"),
                              ("arm_l", "forearm_l"), ("arm_r", "forearm_r")):
            x, y, angle, scale = _at(moves[parent], t)
            end = (x + math.cos(math.radians(angle)) * lengths[parent] * scale,
                   y + math.sin(math.radians(angle)) * lengths[parent] * scale)
            start = _at(moves[child], t)[:2]
            assert distance(end, start) < 0.6, (parent, child, t)
            drawn = lengths[parent] * scale
            assert drawn == pytest.approx(body.segments[parent].drawn, abs=0.3)
