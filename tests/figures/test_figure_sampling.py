"""The browser draws straight lines between the animation's samples (each piece moved and
turned evenly from one keyframe to the next). Where the rep is fast (the heel raise's 1 s
rise) the figure is sampled more often, so that what the browser draws stays within a unit
of the true pose: a planted foot does not drift off the floor between samples."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from strongstride.figures import figure_svg, load_figure
from strongstride.figures.motion import MAX_STRAY, at_time, check_times, sample_times
from strongstride.figures.render import PRUNE_TOLERANCE, _layout, _prune
from tests.figures.shipped import CASES, IDS, figure, sides
from tests.figures.test_figure_body import _KEYFRAMES, _STEP, _at, _place

NS = "{http://www.w3.org/2000/svg}"
# a body point: the piece it is drawn by, and where on it (0 the start, 1 the end)
POINTS = {f"{name}_{point}": (f"{segment}_{s}", end)
          for s, name in (("l", "left"), ("r", "right"))
          for point, segment, end in (("heel", "foot", 0), ("toe", "foot", 1),
                                      ("knee", "thigh", 1), ("ankle", "shin", 1),
                                      ("elbow", "arm", 1), ("hand", "forearm", 1))}
POINTS.update({"pelvis": ("trunk", 0), "back": ("trunk", 1)})


def drawn_points(case: tuple[str, str | None]) -> tuple[object, dict[str, object]]:
    """For each body point, a function t -> (x, y) of where the browser draws it."""
    fig = figure(case)
    side = sides(case)[0]
    layout = _layout(fig, side)  # type: ignore[arg-type]
    root = ET.fromstring(figure_svg(fig, side=side))  # type: ignore[arg-type]
    style = root.find(f"{NS}style")
    assert style is not None and style.text is not None
    keyframes = {name: [(float(p) / 100, _place(t)) for p, t in _STEP.findall(body)]
                 for name, body in _KEYFRAMES.findall(style.text)}
    moves = {}
    for piece, group in zip(layout.pieces, root.findall(f"{NS}g"), strict=True):
        animation = re.search(r"animation-name:(\w+)", group.get("style", ""))
        still = _place(group.get("transform", ""))
        line = group.find(f"{NS}line")
        length = float(line.get("x2", "0")) if line is not None else 0.0
        moves[piece.name] = (keyframes[animation.group(1)] if animation
                             else [(0.0, still), (1.0, still)], length)
    where = {}
    for point, (piece, end) in POINTS.items():
        steps, length = moves[piece]

        def at(t: float, steps: list = steps, length: float = length,  # type: ignore[type-arg]
               end: int = end) -> tuple[float, float]:
            x, y, angle, scale = _at(steps, t)
            rad = math.radians(angle)
            return (x + end * length * scale * math.cos(rad),
                    y + end * length * scale * math.sin(rad))
        where[point] = at
    return layout, where


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_between_samples_the_drawn_body_stays_with_the_true_one(
        case: tuple[str, str | None]) -> None:
    fig = figure(case)
    if fig.hold or len(fig.frames) == 1:
        return
    layout, where = drawn_points(case)
    worst = 0.0
    for k in range(400):
        t = k / 400
        true = at_time(fig, t)
        if layout.mirror:  # type: ignore[attr-defined]
            true = true.mirrored()
        for point, at in where.items():
            x, y, _r = true.points[point]
            truth = (x - layout.left, -y - layout.top)  # type: ignore[attr-defined]
            worst = max(worst, math.dist(at(t), truth))  # type: ignore[operator]
    assert worst <= MAX_STRAY + 0.5, worst


def stray(fig: object, times: list[float], segment: str) -> float:
    """How far the end of a segment strays, drawn as the browser does between these samples
    (moved and turned evenly), from the true pose."""
    worst = 0.0
    for t0, t1 in zip(times, [*times[1:], 1.0], strict=True):
        a = at_time(fig, t0).segments[segment]  # type: ignore[arg-type]
        b = at_time(fig, t1).segments[segment]  # type: ignore[arg-type]
        turn = (b.phi - a.phi + 180.0) % 360.0 - 180.0
        for u in (0.25, 0.5, 0.75):
            true = at_time(fig, t0 + (t1 - t0) * u).segments[segment]  # type: ignore[arg-type]
            phi = math.radians(a.phi + turn * u)
            x = a.start[0] + (b.start[0] - a.start[0]) * u + a.drawn * math.sin(phi)
            y = a.start[1] + (b.start[1] - a.start[1]) * u - a.drawn * math.cos(phi)
            worst = max(worst, math.dist((x, y), true.end))
    return worst


def test_the_heel_raise_is_sampled_often_enough_that_the_toes_stay_down() -> None:
    """Up on the toes in a fraction of the rep: sampled evenly (12 a rep and the key frames),
    the toes the body stands on would dip and rise between samples; sampled where it moves
    fast, they stay within a unit."""
    fig = load_figure("eccentric-heel-raise")
    assert set(check_times(fig)) < set(sample_times(fig))
    for foot in ("foot_l", "foot_r"):
        assert stray(fig, sample_times(fig), foot) <= MAX_STRAY
    assert max(stray(fig, check_times(fig), foot) for foot in ("foot_l", "foot_r")) > 2.0


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_sample_is_drawn_where_it_was_taken(case: tuple[str, str | None]) -> None:
    """The SVG keeps only the keyframes it needs; at every sample the animation took, the
    browser's straight line between the kept keyframes still draws each body point within
    PRUNE_TOLERANCE of the true pose (and the SVG's rounding to a tenth)."""
    fig = figure(case)
    if fig.hold or len(fig.frames) == 1:
        return
    layout, where = drawn_points(case)
    for t in sample_times(fig):
        true = at_time(fig, t)
        if layout.mirror:  # type: ignore[attr-defined]
            true = true.mirrored()
        for point, at in where.items():
            x, y, _r = true.points[point]
            truth = (x - layout.left, -y - layout.top)  # type: ignore[attr-defined]
            assert math.dist(at(t), truth) <= PRUNE_TOLERANCE + 0.15, (point, t)  # type: ignore[operator]


def test_dropped_keyframes_do_not_add_up() -> None:
    """A slow drift: each sample is close to the line through its two neighbours, but a run
    of them strays from the line between the ends. Every dropped sample is within the
    tolerance of the keyframes kept, and a straight stretch keeps only its ends."""
    times = [k / 40 for k in range(41)]
    drift = [(30.0 * t * t, 0.0, 0.0, 1.0) for t in times]
    corners = [(0.0, 0.0), (40.0, 0.0)]
    keep_t, keep_p = _prune(times, drift, corners)
    assert 2 < len(keep_t) < len(times)
    for t, place in zip(times, drift, strict=True):
        i = max(k for k, kept in enumerate(keep_t) if kept <= t)
        j = min(i + 1, len(keep_t) - 1)
        u = 0.0 if j == i else (t - keep_t[i]) / (keep_t[j] - keep_t[i])
        guess = tuple(a + (b - a) * u for a, b in zip(keep_p[i], keep_p[j], strict=True))
        assert abs(guess[0] - place[0]) <= PRUNE_TOLERANCE
    straight = [(10.0 * t, 5.0 * t, 20.0 * t, 1.0) for t in times]
    assert _prune(times, straight, corners)[0] == [0.0, 1.0]
    # turning evenly: the browser turns it evenly too (the far end sweeps the same arc)
    turning = [(0.0, 0.0, 90.0 * t, 1.0) for t in times]
    assert _prune(times, turning, corners)[0] == [0.0, 1.0]
    # turning faster and faster: the far end, 40 away, leaves the even turn's arc
    speeding = [(0.0, 0.0, 90.0 * t * t, 1.0) for t in times]
    keep_t, keep_p = _prune(times, speeding, corners)
    assert len(keep_t) > 2
