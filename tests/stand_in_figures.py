"""Figure files written by a test, standing in for the library's: a figure to draw whatever
figures the library ships, and bad data the library would never ship."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import strongstride.figures

STANDING = """view = "side"
floor = ["left_foot", "right_foot"]
highlight = []
key = 2

[[frame]]
at = 0.0

[[frame]]
at = 0.5
hip_l = {hip}
hip_r = {hip}
knee_l = {knee}
knee_r = {knee}
ankle_l = {ankle}
ankle_r = {ankle}
trunk = {trunk}
"""
# The feet stay flat when ankle = knee - hip + trunk.
SQUAT = {"hip": 100, "knee": 90, "ankle": 20, "trunk": 30}
HALF = {"hip": 45, "knee": 40, "ankle": 5, "trunk": 10}


def standing(pose: dict[str, int], variation: tuple[str, dict[str, int]] | None = None) -> str:
    """A figure that stands, then bends into `pose` (its still); with `variation`, a
    [variation.<equipment>] table whose own frames bend into another pose."""
    text = STANDING.format(**pose)
    if variation is not None:
        equipment, other = variation
        text += (f"\n[variation.{equipment}]\n\n[[variation.{equipment}.frame]]\nat = 0.0\n"
                 f"\n[[variation.{equipment}.frame]]\nat = 0.5\n"
                 + "".join(f"{k}_l = {v}\n{k}_r = {v}\n" for k, v in other.items()
                           if k != "trunk") + f"trunk = {other['trunk']}\n")
    return text


@pytest.fixture(name="figures")
def figures_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """`figures`: a folder of figure files standing in for the library's (the test writes
    them). Import `figures_folder` to use it."""
    folder = tmp_path / "figures"
    folder.mkdir()
    monkeypatch.setattr(strongstride.figures, "FIGURES_DIR", folder)
    forget()
    yield folder
    forget()


def forget() -> None:
    """Drop what the figures package read and drew, so the next test reads its own files."""
    strongstride.figures._load.cache_clear()
    strongstride.figures.shipped_svg.cache_clear()
    strongstride.figures.shipped_pose.cache_clear()
