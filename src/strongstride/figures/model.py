"""A figure as read from its data file: frames of joint angles, the floor contacts and the
props. Frozen; the source lines ride along but take no part in equality."""

from __future__ import annotations

from dataclasses import dataclass, field

from strongstride.figures.skeleton import View

PROP_KINDS: tuple[str, ...] = (
    "band-ankles", "band-knees", "small-ball", "towel", "exercise-ball", "dumbbell",
    "dumbbell-chest", "backpack", "step", "book", "slider", "wall", "mat",
)
SURFACES = ("step", "book")
"""Props one can stand on: a floor point may rest on their top."""
HIGHLIGHTS = ("leg_l", "leg_r", "arm_l", "arm_r")


@dataclass(frozen=True, slots=True)
class Frame:
    """One key pose: every angle set (missing ones carried from the frame before)."""

    at: float
    angles: dict[str, float]
    floor: tuple[str, ...]
    line: int = field(default=0, compare=False, repr=False)
    anchor: str | None = None
    """The point that stays where it was from the frame before to this one (None: the
    figure's anchor)."""


@dataclass(frozen=True, slots=True)
class Prop:
    """Equipment drawn with the figure. `at` names the body point it follows, where it
    follows one; `x`, `width`, `height` place the props that stand still (wall, step...)."""

    kind: str
    at: str | None = None
    x: float | None = None
    width: float | None = None
    height: float | None = None
    line: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Figure:
    exercise_id: str
    view: View
    frames: tuple[Frame, ...]
    props: tuple[Prop, ...] = ()
    anchor: str = "left_heel"
    seconds: float | None = None
    """One rep; None: the exercise's seconds_per_rep (load_figure fills it in)."""
    hold: bool = False
    key: int = 0
    """Index (from 0) of the frame shown as the still; the file counts from 1."""
    highlight: tuple[str, ...] = ("leg_l",)
    variation: str | None = None
    variations: tuple[str, ...] = ()
    """The missing-equipment ids this file has a `[variation.ID]` table for."""
    source: str = field(default="<figure>", compare=False, repr=False)

    @property
    def key_frame(self) -> Frame:
        return self.frames[self.key]

    def support(self, name: str, x: float) -> float:
        """The height the floor name `name` (a point of `floor` or the anchor) rests on at x:
        the floor itself for `...@floor`, else what stands under x."""
        if name.endswith("@floor"):
            return 0.0
        return self.surface_at(x)

    def surface_at(self, x: float) -> float:
        """The height of what stands under x: the top of a step or book, or the floor (0)."""
        top = 0.0
        for prop in self.props:
            if (prop.kind in SURFACES and prop.x is not None and prop.width is not None
                    and prop.x - 0.5 <= x <= prop.x + prop.width + 0.5):
                top = max(top, prop.height or 0.0)
        return top
