"""One rep in time: the angles between key frames, the body placed on the floor from its
anchor, the sample times the animation uses, and the check that the points meant to be on
the floor are on it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from strongstride.figures.model import Figure
from strongstride.figures.skeleton import BALL_R, Body, body, contact_points

SAMPLES = 12
"""Evenly spaced samples per rep, besides every key frame."""
FLOOR_TOLERANCE = 1.5
"""How far (body units, the figure is about 175 tall) a floor point may be from the floor
at a key frame."""
BETWEEN_TOLERANCE = 2.5
"""The same between key frames, where the angles are interpolated."""


@dataclass(frozen=True, slots=True)
class Problem:
    message: str
    line: int


def span(figure: Figure, t: float) -> tuple[int, int, float]:
    """(frame before, frame after, eased fraction between them) at time t of the rep (0..1)."""
    frames = figure.frames
    n = len(frames)
    if n == 1:
        return 0, 0, 0.0
    t = t % 1.0
    for i in range(n):
        start = frames[i].at
        end = frames[i + 1].at if i + 1 < n else frames[0].at + 1.0
        when = t if t >= start else t + 1.0
        if start <= when < end:
            linear = (when - start) / (end - start)
            return i, (i + 1) % n, (1.0 - math.cos(math.pi * linear)) / 2.0
    # t before the first frame: between the last frame and the first, wrapped
    last = frames[-1].at
    linear = (t + 1.0 - last) / (frames[0].at + 1.0 - last)
    return n - 1, 0, (1.0 - math.cos(math.pi * linear)) / 2.0


def angles_at(figure: Figure, t: float) -> dict[str, float]:
    i, j, u = span(figure, t)
    a, b = figure.frames[i].angles, figure.frames[j].angles
    return {name: a[name] + (b[name] - a[name]) * u for name in a}


def placed(figure: Figure, angles: dict[str, float]) -> Body:
    """The body in this pose with its anchor point on the floor (or the step under it) at
    x = 0."""
    shape = body(figure.view, angles)
    anchor = contact_points(figure.anchor)[0]
    x = shape.points[anchor][0]
    return shape.moved(-x, figure.surface_at(0.0) - shape.lowest(anchor))


def at_time(figure: Figure, t: float) -> Body:
    return placed(figure, angles_at(figure, t))


def at_frame(figure: Figure, index: int) -> Body:
    return placed(figure, figure.frames[index].angles)


def sample_times(figure: Figure) -> list[float]:
    """Times (0..1) the animation is sampled at: evenly spaced, plus every key frame."""
    if figure.hold or len(figure.frames) == 1:
        return [0.0]
    times = {round(i / SAMPLES, 4) for i in range(SAMPLES)}
    times.update(round(frame.at % 1.0, 4) for frame in figure.frames)
    return sorted(times)


def floor_at(figure: Figure, t: float) -> tuple[str, ...]:
    """The floor names that hold at time t: a key frame's own, or those of both frames
    around t."""
    i, j, u = span(figure, t)
    if u == 0.0:
        return figure.frames[i].floor
    after = set(figure.frames[j].floor)
    return tuple(name for name in figure.frames[i].floor if name in after)


def check(figure: Figure) -> list[Problem]:
    """Floor points off the floor, and body parts under it, at every key frame and sample."""
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()
    ball_under_heels = any(p.kind == "exercise-ball" and p.at == "heels" for p in figure.props)
    for index, frame in enumerate(figure.frames):
        where = f"frame {index + 1}"
        shape = at_frame(figure, index)
        _check_pose(figure, shape, frame.floor, where, frame.line, FLOOR_TOLERANCE, problems,
                    seen, index, frame.angles)
        if ball_under_heels:
            heel = min(shape.lowest("left_heel"), shape.lowest("right_heel"))
            gap = heel - 2 * BALL_R
            if abs(gap) > FLOOR_TOLERANCE:
                problems.append(Problem(
                    f"{where}: the exercise ball under the heels would be {abs(gap):.1f} "
                    f"{'above' if gap > 0 else 'under'} the floor; the lower heel rests on "
                    f"its top, {2 * BALL_R:g} above the floor", frame.line))
    for t in sample_times(figure):
        i, j, u = span(figure, t)
        if u == 0.0:
            continue
        where = f"between frame {i + 1} and frame {j + 1} (at {t:.2f} of the rep)"
        _check_pose(figure, at_time(figure, t), floor_at(figure, t), where,
                    figure.frames[j].line, BETWEEN_TOLERANCE, problems, seen, j, None)
    return problems


def _check_pose(figure: Figure, shape: Body, floor: tuple[str, ...], where: str, line: int,
                tolerance: float, problems: list[Problem], seen: set[tuple[int, str]],
                index: int, angles: dict[str, float] | None) -> None:
    for name in floor:
        for point in contact_points(name):
            x = shape.points[point][0]
            gap = shape.lowest(point) - figure.surface_at(x)
            if abs(gap) > tolerance and (index, point) not in seen:
                seen.add((index, point))
                words = "above" if gap > 0 else "below"
                hint = _flat_foot_hint(figure, point, angles) if angles else (
                    "add a frame here or bring the two frames' poses closer")
                problems.append(Problem(
                    f"{where}: {point} is {abs(gap):.1f} {words} the floor but the figure "
                    f"puts {name} on it; {hint}", line))
    for point, (x, _y, radius) in shape.points.items():
        if radius == 0.0 or (index, point) in seen:
            continue
        depth = figure.surface_at(x) - shape.lowest(point)
        if depth > tolerance and figure.surface_at(x) == 0.0:
            seen.add((index, point))
            problems.append(Problem(
                f"{where}: {point} is {depth:.1f} under the floor; change the angles or the "
                f"anchor so it stays above", line))


def _flat_foot_hint(figure: Figure, point: str, angles: dict[str, float]) -> str:
    side = "l" if point.startswith("left") else "r"
    if not point.endswith(("_heel", "_toe")) or figure.view != "side":
        return "change the angles or the anchor"
    segment = body(figure.view, angles).segments[f"foot_{side}"]
    turn = ((segment.phi - 90.0 + 180.0) % 360.0) - 180.0
    if abs(turn) < 1.0:
        return "the foot is flat: change the hip, knee or trunk angles, or the anchor"
    flat = angles[f"ankle_{side}"] - turn
    return (f"the foot is turned {turn:+.0f} degrees from flat; ankle_{side} = {flat:.0f} "
            f"lays it flat")
