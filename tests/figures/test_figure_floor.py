"""Feet on the floor line where the move stands: every point a figure puts on the floor is
on it (or on the step under it) at every key frame and every sample, and nothing goes
under it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError
from strongstride.figures import Figure, figure_svg, parse_figure, read_figure
from strongstride.figures.motion import (
    BETWEEN_TOLERANCE,
    FLOOR_TOLERANCE,
    at_frame,
    at_time,
    check_times,
    floor_at,
    sample_times,
    span,
)
from strongstride.figures.skeleton import contact_points
from tests.figures.shipped import CASES, IDS, figure, sides


def svg_times(fig: Figure, side: str | None) -> set[float]:
    """The times (0..1) at which the animated SVG has a keyframe, for any piece."""
    svg = figure_svg(fig, side=side)  # type: ignore[arg-type]
    return {float(p) / 100 for p in re.findall(r"([\d.]+)%\{transform", svg)}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_floor_points_are_on_the_floor_in_every_sample(case: tuple[str, str | None]) -> None:
    """... at every time the browser is given a pose (every keyframe of the SVG), not only
    at the evenly spaced times: what she sees is what is checked."""
    fig = figure(case)
    times = sample_times(fig)
    if len(fig.frames) > 1 and not fig.hold:
        shown = svg_times(fig, sides(case)[0])
        # the percentages are written exactly: each is a time the pose was sampled (and
        # checked) at
        assert {round(t * 1000) for t in shown} - {1000} <= {round(t * 1000) for t in times}
        assert all(abs(t * 1000 - round(t * 1000)) < 1e-6 for t in [*shown, *times])
    checks = [(at_frame(fig, i), f.floor, FLOOR_TOLERANCE) for i, f in enumerate(fig.frames)]
    checks += [(at_time(fig, t), floor_at(fig, t),
                FLOOR_TOLERANCE if span(fig, t)[2] == 0 else BETWEEN_TOLERANCE)
               for t in times]
    assert any(floor for _, floor, _ in checks), "a figure rests on something"
    for body, floor, tolerance in checks:
        for name in floor:
            for point in contact_points(name):
                x = body.points[point][0]
                assert abs(body.lowest(point) - fig.support(name, x)) <= tolerance, point
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


TAP_BESIDE_THE_BOOK = """\
view = "side"
floor = ["left_foot", "right_toe@floor"]
props = ["book"]

[[frame]]
at = 0
ankle_r = -19
"""


def test_a_toe_may_tap_the_floor_beside_the_book_under_it(tmp_path: Path) -> None:
    """In a side view the book is under the tapping toe's x, but the toe is beside it, down
    on the floor: `right_toe@floor` says so; a plain `right_toe` would rest on the book."""
    path = tmp_path / "tap.toml"
    path.write_text(TAP_BESIDE_THE_BOOK)
    figure = read_figure(path)
    body = at_frame(figure, 0)
    assert figure.surface_at(body.points["right_toe"][0]) == 5.0  # the book is under its x
    assert body.lowest("left_heel") == pytest.approx(5.0)
    assert abs(body.lowest("right_toe")) <= FLOOR_TOLERANCE
    path.write_text(TAP_BESIDE_THE_BOOK.replace("right_toe@floor", "right_toe"))
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    assert "right_toe is 5.0 below the floor" in caught.value.message


def test_an_unknown_floor_name_with_the_suffix_is_located(tmp_path: Path) -> None:
    path = tmp_path / "tap.toml"
    path.write_text(TAP_BESIDE_THE_BOOK.replace("right_toe@floor", "right_tow@floor"))
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    (issue,) = caught.value.issues
    assert issue.span is not None and issue.span.line == 2 and issue.field == "floor"
    assert "'right_tow@floor'" in issue.message and "@floor" in issue.message


SIDE_STEPS = """\
view = "front"
floor = ["left_foot", "right_foot"]
anchor = "right_heel"

[[frame]]  # feet together
at = 0

[[frame]]  # the left foot steps out; the right one stays
at = 0.25
hip_l = 10
ankle_l = -10
hip_r = 10
ankle_r = -10

[[frame]]  # the right foot joins it; the left one stays
at = 0.5
anchor = "left_heel"
hip_l = 0
ankle_l = 0
hip_r = 0
ankle_r = 0

[[frame]]  # and steps back out; the left one stays
at = 0.75
anchor = "left_heel"
hip_l = 10
ankle_l = -10
hip_r = 10
ankle_r = -10
"""


def test_each_frame_may_plant_its_own_foot(tmp_path: Path) -> None:
    """A frame's anchor stays where it was in the frame before, through the samples between
    them: the figure travels out and comes back with a foot planted at each step."""
    path = tmp_path / "side-step.toml"
    path.write_text(SIDE_STEPS)
    figure = read_figure(path)
    frames = [at_frame(figure, i) for i in range(4)]
    x = [{side: f.points[f"{side}_heel"][0] for side in ("left", "right")} for f in frames]
    assert x[0]["right"] == pytest.approx(0.0)
    assert x[1]["right"] == pytest.approx(x[0]["right"])  # frame 2: the right foot stays
    assert x[1]["left"] > x[0]["left"] + 10  # ... the left one steps out
    assert x[2]["left"] == pytest.approx(x[1]["left"])  # frame 3: the left foot stays
    assert x[2]["right"] > x[1]["right"] + 10  # ... the right one joins it
    assert x[3]["left"] == pytest.approx(x[2]["left"])
    assert x[3]["right"] == pytest.approx(x[0]["right"])  # back where the rep began
    for t in sample_times(figure):
        i, j, _u = span(figure, t)
        planted = "left_heel" if j in (2, 3) else "right_heel"
        before = frames[i].points[planted][0]
        assert at_time(figure, t).points[planted][0] == pytest.approx(before), t
        assert at_time(figure, t).lowest(planted) == pytest.approx(0.0)


def test_a_rep_that_does_not_come_back_is_located(tmp_path: Path) -> None:
    path = tmp_path / "side-step.toml"
    path.write_text(SIDE_STEPS.replace('at = 0.75\nanchor = "left_heel"',
                                       'at = 0.75\nanchor = "right_heel"'))
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    (issue,) = caught.value.issues
    assert issue.span is not None and issue.span.line == 5  # frame 1
    assert "does not come back to its start" in issue.message
    assert "right_heel" in issue.message


def test_an_unknown_frame_anchor_is_located(tmp_path: Path) -> None:
    path = tmp_path / "side-step.toml"
    path.write_text(SIDE_STEPS.replace('at = 0.5\nanchor = "left_heel"',
                                       'at = 0.5\nanchor = "left_foot"'))
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    (issue,) = caught.value.issues
    assert issue.span is not None and issue.span.line == 17 and issue.field == "anchor"
    assert "frame 3: anchor 'left_foot'" in issue.message


STEP_BACK = """\
view = "side"
floor = ["left_foot", "right_foot"]
anchor = "right_heel"

[[frame]]  # standing tall
at = 0.0

[[frame]]  # stepping back: the front knee bends, the back foot lifts and reaches behind
at = 0.14
floor = ["right_foot"]
trunk = 3
hip_l = -8
knee_l = 55
ankle_l = 15
hip_r = 40
knee_r = 40
ankle_r = 3
"""


def test_a_toe_under_the_floor_between_the_even_times_is_found(tmp_path: Path) -> None:
    """The front knee bends quickly while the back foot is still low: its toes dip under the
    floor only between the 12 even times a rep, where the animation takes extra samples. The
    check looks at those samples too; a little dorsiflexion keeps the toes up."""
    path = tmp_path / "step-back.toml"
    path.write_text(STEP_BACK)
    read_figure(path)
    path.write_text(STEP_BACK.replace("ankle_l = 15", "ankle_l = 0"))
    fig, issues = parse_figure(path)
    assert fig is not None
    (issue,) = [i for i in issues if "between frame 1 and frame 2" in i.message]
    assert "left_toe" in issue.message and "under the floor" in issue.message
    assert issue.span is not None and issue.span.line == 8  # frame 2
    found = re.search(r"at ([\d.]+) of the rep", issue.message)
    assert found is not None
    deep = [t for t in sample_times(fig) if t < fig.frames[1].at
            and at_time(fig, t).lowest("left_toe") < -BETWEEN_TOLERANCE]
    assert deep and not set(deep) & set(check_times(fig))  # only where the extra samples are
    assert float(found.group(1)) == pytest.approx(deep[0], abs=0.005)
