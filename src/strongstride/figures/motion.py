"""One rep in time: the angles between key frames, the body placed on the floor from its
anchor, the sample times the animation uses, and the check that the points meant to be on
the floor are on it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from strongstride.figures.model import Figure
from strongstride.figures.skeleton import BALL_R, Body, body, contact_points

SAMPLES = 12
"""Evenly spaced samples per rep, besides every key frame; more where the body moves fast."""
MAX_STEP = 20.0
"""Between two consecutive samples no joint moves more than this (body units) ..."""
MAX_TURN = 30.0
"""... and no segment turns more than this (degrees) ..."""
MAX_STRAY = 1.0
"""... and, halfway between them, no joint is further than this (body units) from where the
browser puts it: the browser moves each segment in a straight line and turns it evenly from
one sample to the next, so a planted foot stays on the floor in the fast parts of a rep."""
FINEST = 1.0 / 512
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


def placed(figure: Figure, angles: dict[str, float], anchor: str | None = None,
           x: float = 0.0) -> Body:
    """The body in this pose with its anchor point (the figure's, unless named) on the floor
    (or the step under it) at x."""
    anchor = anchor or figure.anchor
    shape = body(figure.view, angles)
    point = contact_points(anchor)[0]
    return shape.moved(x - shape.points[point][0],
                       figure.support(anchor, x) - shape.lowest(point))


def frame_anchor(figure: Figure, index: int) -> str:
    return figure.frames[index].anchor or figure.anchor


def anchor_xs(figure: Figure) -> tuple[list[float], float]:
    """Where each frame's anchor stays: frame 1's at x = 0; frame k's at the x it had in
    frame k-1 (it stays put from frame k-1 to frame k). And where frame 1's anchor is in the
    last frame: the rep comes back to its start when that is 0 again."""
    n = len(figure.frames)
    if all(frame.anchor is None for frame in figure.frames):
        return [0.0] * n, 0.0
    xs = [0.0]
    before = placed(figure, figure.frames[0].angles, frame_anchor(figure, 0), 0.0)
    for k in range(1, n):
        anchor = frame_anchor(figure, k)
        xs.append(before.points[contact_points(anchor)[0]][0])
        before = placed(figure, figure.frames[k].angles, anchor, xs[-1])
    return xs, before.points[contact_points(frame_anchor(figure, 0))[0]][0]


def at_time(figure: Figure, t: float) -> Body:
    i, j, u = span(figure, t)
    if u == 0.0:
        return at_frame(figure, i)
    xs, back = anchor_xs(figure)
    return placed(figure, angles_at(figure, t), frame_anchor(figure, j),
                  back if j == 0 else xs[j])


def at_frame(figure: Figure, index: int) -> Body:
    xs, _back = anchor_xs(figure)
    return placed(figure, figure.frames[index].angles, frame_anchor(figure, index), xs[index])


def check_times(figure: Figure) -> list[float]:
    """Times (0..1) sampled whatever the motion: evenly spaced, plus every key frame;
    `sample_times` adds more where the body moves fast."""
    if figure.hold or len(figure.frames) == 1:
        return [0.0]
    times = {_grid(i / SAMPLES) for i in range(SAMPLES)}
    times.update(_grid(frame.at % 1.0) for frame in figure.frames)
    return sorted(t for t in times if t < 1.0)


GRID = 1000
"""Sample times are whole thousandths of the rep: the SVG writes them as percentages with
one decimal, exactly, so the browser shows each sample at the time it was taken (and
checked)."""


def _grid(t: float) -> float:
    return round(t * GRID) / GRID


def sample_times(figure: Figure) -> list[float]:
    """Times (0..1) the animation is sampled at, and the floor check looks at: check_times,
    and more between them where the body moves fast, until no joint moves more than MAX_STEP
    and no segment turns more than MAX_TURN from one sample to the next."""
    ordered = check_times(figure)
    if len(ordered) == 1:
        return ordered
    bodies = {t: at_time(figure, t) for t in [*ordered, 1.0]}
    out: list[float] = []
    for t0, t1 in zip(ordered, [*ordered[1:], 1.0], strict=True):
        out.append(t0)
        out.extend(_between(figure, t0, t1, bodies))
    return out


STRAY_AT = (0.25, 0.5, 0.75)
"""Where between two samples the drawn pose is compared with the true one: the middle alone
misses a limb that swings out and back within one step (the glute star's tap behind)."""


def _between(figure: Figure, t0: float, t1: float, bodies: dict[float, Body]) -> list[float]:
    """The samples needed between t0 and t1 so that no step is too far (halving)."""
    middle = _grid((t0 + t1) / 2)
    if t1 - t0 <= FINEST or not t0 < middle < t1:
        return []
    inside = [(u, at_time(figure, t0 + (t1 - t0) * u)) for u in STRAY_AT]
    if not _too_far(bodies[t0], bodies[t1], inside):
        return []
    bodies[middle] = at_time(figure, middle)
    return [*_between(figure, t0, middle, bodies), middle,
            *_between(figure, middle, t1, bodies)]


def _too_far(a: Body, b: Body, inside: list[tuple[float, Body]]) -> bool:
    for name, (x, y, _r) in a.points.items():
        bx, by, _ = b.points[name]
        if math.hypot(bx - x, by - y) > MAX_STEP:
            return True
    for name, segment in a.segments.items():
        other = b.segments[name]
        turn = (other.phi - segment.phi + 180.0) % 360.0 - 180.0
        if abs(turn) > MAX_TURN:
            return True
        for u, pose in inside:
            # the segment as the browser draws it at u: start moved and direction turned
            # evenly, length scaled evenly
            true = pose.segments[name]
            start = (segment.start[0] + (other.start[0] - segment.start[0]) * u,
                     segment.start[1] + (other.start[1] - segment.start[1]) * u)
            phi = math.radians(segment.phi + turn * u)
            drawn = segment.drawn + (other.drawn - segment.drawn) * u
            end = (start[0] + drawn * math.sin(phi), start[1] - drawn * math.cos(phi))
            if (math.dist(start, true.start) > MAX_STRAY
                    or math.dist(end, true.end) > MAX_STRAY):
                return True
    return False


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
    _xs, back = anchor_xs(figure)
    if abs(back) > FLOOR_TOLERANCE:
        start = frame_anchor(figure, 0)
        problems.append(Problem(
            f"frame 1: the rep does not come back to its start: after the last frame, "
            f"{start} (frame 1's anchor) is {abs(back):.1f} to the "
            f"{'right' if back > 0 else 'left'} of where frame 1 has it; change the "
            f"frames' anchors or steps so that the feet end where they began",
            figure.frames[0].line))
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
            gap = shape.lowest(point) - figure.support(name, x)
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
