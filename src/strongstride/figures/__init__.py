"""Exercise figures: a small human figure moving through one rep, drawn from key frames of
joint angles kept in `library/figures/<exercise-id>.toml` (format: docs/figures.md).

    load_figure(exercise_id, variation=None) -> Figure     the shipped data, read once
    read_figure(path) -> Figure                            any figure file
    has_figure(exercise_id) -> bool
    figure_svg(figure, side=None, still=False) -> str      the animated (or still) SVG
    shipped_svg(exercise_id, variation, side=, still=)     the same for a shipped figure
    shipped_pose(exercise_id, variation, side)             key_pose of a shipped figure
    key_pose(figure, side=None) -> Drawing                 the still as plain geometry

Bad data raises StrongstrideError whose issues give file:line and the joint or key named.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from strongstride.errors import NotFound
from strongstride.figures.load import parse_figure, read_figure
from strongstride.figures.model import Figure, Frame, Prop
from strongstride.figures.render import (
    COLOURS,
    Circle,
    Drawing,
    Line,
    Rect,
    Shape,
    Side,
    figure_svg,
    key_pose,
    shifted,
)

FIGURES_DIR = Path(__file__).resolve().parent.parent / "library" / "figures"


def figure_path(exercise_id: str) -> Path:
    return FIGURES_DIR / f"{exercise_id}.toml"


def has_figure(exercise_id: str) -> bool:
    return "/" not in exercise_id and figure_path(exercise_id).is_file()


def load_figure(exercise_id: str, variation: str | None = None) -> Figure:
    """The shipped figure of an exercise, or of its variation for missing equipment (the
    equipment id, as in exercises.toml; a variation without its own table is the exercise's
    figure). Read and checked once per process; raises NotFound or StrongstrideError."""
    return _load(exercise_id, variation)


@cache
def _load(exercise_id: str, variation: str | None) -> Figure:
    if not has_figure(exercise_id):
        raise NotFound(f"no figure for the exercise {exercise_id!r}")
    base = read_figure(figure_path(exercise_id), exercise_id)
    if variation is not None and variation in base.variations:
        figure = read_figure(figure_path(exercise_id), exercise_id, variation)
    else:
        figure = base
    if figure.seconds is None:
        figure = _with_library_tempo(figure)
    return figure


@cache
def shipped_svg(exercise_id: str, variation: str | None = None, *, side: Side | None = None,
                still: bool = False, title: str | None = None) -> str:
    """`figure_svg` of a shipped figure, drawn once per process for each way it is asked
    for: a shipped figure is a fixed picture, like a static file, and drawing the longer
    ones (the sampling and its checks) takes a tenth of a second."""
    return figure_svg(load_figure(exercise_id, variation), side=side, still=still, title=title)


@cache
def shipped_pose(exercise_id: str, variation: str | None = None,
                 side: Side | None = None) -> Drawing:
    """`key_pose` of a shipped figure, worked out once per process (as `shipped_svg`): the
    card and the report draw the same stills again and again."""
    return key_pose(load_figure(exercise_id, variation), side=side)


def _with_library_tempo(figure: Figure) -> Figure:
    from dataclasses import replace

    from strongstride.library import default_library

    library = default_library()
    info = library.find(figure.exercise_id)
    if info is not None and info.id == figure.exercise_id:
        seconds = info.seconds_per_rep
        if seconds > 0:
            return replace(figure, seconds=seconds)
    return figure


__all__ = [
    "COLOURS",
    "FIGURES_DIR",
    "Circle",
    "Drawing",
    "Figure",
    "Frame",
    "Line",
    "Prop",
    "Rect",
    "Shape",
    "Side",
    "figure_path",
    "figure_svg",
    "has_figure",
    "key_pose",
    "load_figure",
    "parse_figure",
    "read_figure",
    "shifted",
    "shipped_pose",
    "shipped_svg",
]
