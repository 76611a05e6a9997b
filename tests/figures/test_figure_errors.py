"""A bad figure file says where it is wrong: file:line and the joint or key named, for every
angle outside its anatomical range and every other mistake, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError
from strongstride.figures import parse_figure, read_figure
from strongstride.figures.skeleton import JOINTS, VIEWS, joint_range

HEAD = """\
# a test figure
view = "{view}"

[[frame]]
at = 0.0

[[frame]]  # the second frame
at = 0.5
{joint} = {value}
trunk = 0
"""
JOINT_LINE = 9


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test-figure.toml"
    path.write_text(text)
    return path


CASES = [(view, joint, edge) for view in VIEWS for joint in JOINTS if joint != "trunk"
         for edge in ("low", "high")]


@pytest.mark.parametrize(("view", "joint", "edge"), CASES,
                         ids=[f"{v}-{j}-{e}" for v, j, e in CASES])
def test_an_angle_outside_its_range_is_rejected_with_its_line_and_name(
        tmp_path: Path, view: str, joint: str, edge: str) -> None:
    low, high, _meaning = joint_range(view, joint)  # type: ignore[arg-type]
    value = low - 1 if edge == "low" else high + 1
    path = write(tmp_path, HEAD.format(view=view, joint=joint, value=value))
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    issue = caught.value.issues[0]
    assert issue.source == str(path)
    assert issue.span is not None and issue.span.line == JOINT_LINE
    assert issue.field == joint
    assert f"frame 2: {joint} = {value:g} is outside its range" in issue.message
    assert f"{path}:{JOINT_LINE}:" in caught.value.message


@pytest.mark.parametrize(("view", "joint"), [(v, j) for v in VIEWS for j in JOINTS])
def test_an_angle_at_the_edge_of_its_range_is_accepted(view: str, joint: str,
                                                       tmp_path: Path) -> None:
    low, high, _meaning = joint_range(view, joint)  # type: ignore[arg-type]
    for value in (low, high):
        path = write(tmp_path, HEAD.format(view=view, joint=joint, value=value))
        _figure, issues = parse_figure(path)
        assert [i for i in issues if i.field == joint] == []


def test_the_trunk_can_lie_down(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD.format(view="side", joint="neck", value=0).replace(
        "trunk = 0", "trunk = -90"))
    _figure, issues = parse_figure(path)
    assert [i for i in issues if i.field == "trunk"] == []


def located(tmp_path: Path, text: str) -> tuple[int, str | None, str]:
    path = write(tmp_path, text)
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path)
    issue = caught.value.issues[0]
    assert issue.span is not None
    return issue.span.line, issue.field, issue.message


def test_an_unknown_joint_is_named(tmp_path: Path) -> None:
    line, field, message = located(tmp_path, HEAD.format(view="side", joint="hipl", value=3))
    assert (line, field) == (JOINT_LINE, "hipl")
    assert "unknown joint or key `hipl`" in message and "hip_l" in message


def test_a_number_is_needed(tmp_path: Path) -> None:
    line, field, message = located(tmp_path, HEAD.format(view="side", joint="knee_l",
                                                        value='"bent"'))
    assert (line, field) == (JOINT_LINE, "knee_l")
    assert "must be a number" in message


def test_frames_go_forward_in_time(tmp_path: Path) -> None:
    text = HEAD.format(view="side", joint="neck", value=0).replace("at = 0.5", "at = 0.0")
    line, field, message = located(tmp_path, text)
    assert (line, field) == (8, "at")
    assert "frame 2: at" in message


def test_an_unknown_view_prop_floor_point_or_key(tmp_path: Path) -> None:
    text = HEAD.format(view="top", joint="neck", value=0)
    assert located(tmp_path, text)[:2] == (2, "view")
    text = HEAD.format(view="side", joint="neck", value=0).replace(
        "# a test figure", 'props = ["trampoline"]')
    line, field, message = located(tmp_path, text)
    assert (line, field) == (1, "props") and "trampoline" in message
    text = HEAD.format(view="side", joint="neck", value=0).replace(
        "# a test figure", 'floor = ["left_ear"]')
    assert located(tmp_path, text)[:2] == (1, "floor")
    text = HEAD.format(view="side", joint="neck", value=0).replace(
        "# a test figure", "speed = 2")
    assert located(tmp_path, text)[:2] == (1, "speed")


def test_a_hold_has_one_frame(tmp_path: Path) -> None:
    text = HEAD.format(view="side", joint="neck", value=0).replace(
        "# a test figure", "hold = true")
    line, field, message = located(tmp_path, text)
    assert (line, field) == (1, "hold") and "one frame" in message


def test_a_variation_is_checked_and_located(tmp_path: Path) -> None:
    text = HEAD.format(view="side", joint="neck", value=0) + (
        '\n[variation.band]\nprops = []\n\n[[variation.band.frame]]\nat = 0\nknee_l = 200\n')
    path = write(tmp_path, text)
    assert read_figure(path).variations == ("band",)
    with pytest.raises(StrongstrideError) as caught:
        read_figure(path, variation="band")
    issue = caught.value.issues[0]
    assert issue.span is not None and issue.span.line == 17 and issue.field == "knee_l"


def test_a_toml_syntax_error_is_located(tmp_path: Path) -> None:
    text = HEAD.format(view="side", joint="neck", value="[1,")
    line, _field, message = located(tmp_path, text)
    assert line in (9, 10) and "TOML syntax error" in message


def test_side_view_hip_flexion_carries_the_lower_back_up_to_155(tmp_path: Path) -> None:
    """The trunk is one rigid segment, so the hip angle also holds the lower back's bend:
    a deep lizard (trunk to thigh about 150) loads; beyond 155 is still refused."""
    for value, refused in ((150, False), (155, False), (156, True)):
        path = write(tmp_path, HEAD.format(view="side", joint="hip_l", value=value))
        _figure, issues = parse_figure(path)
        hip = [i for i in issues if i.field == "hip_l"]
        assert bool(hip) is refused
        if refused:
            assert "-30 to 155 degrees" in hip[0].message
            assert "lower back" in hip[0].message
