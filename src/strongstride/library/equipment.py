"""The equipment an exercise can call for, and which of it a runner at home may not own.

Exercises name equipment by id. An id whose `may_lack` is true needs a modification on every
exercise that uses it, so the app always has something to offer a user without it.

`words` are the ways a routine's text names a piece (a section's setup line, the equipment
list of its header): the plan finds in them what a setup needs, and what she lacks is taken
out. They are whole words, matched in lower case with hyphens and parentheses left out
("exercise (stability) ball" names the exercise ball). Only words that name the thing and
nothing else: "weight" alone is also "shift your weight", "step" also "step to the side".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Equipment:
    id: str
    label: str
    may_lack: bool
    short: str
    """Its name inside a sentence: "you have no {short}"."""
    words: tuple[str, ...] = ()


_ALL = (
    Equipment("band", "Loop resistance bands", may_lack=True, short="band",
              words=("band", "bands", "miniband", "minibands")),
    Equipment("exercise-ball", "Exercise (stability) ball", may_lack=True,
              short="exercise ball",
              words=("exercise ball", "exercise balls", "stability ball", "stability balls",
                     "swiss ball", "swiss balls", "physio ball", "physio balls")),
    Equipment("weights", "Two medium-to-heavy dumbbells or one kettlebell", may_lack=True,
              short="weights",
              words=("dumbbell", "dumbbells", "kettlebell", "kettlebells", "weights")),
    Equipment("sliders", "Sliders, or a towel on a smooth floor", may_lack=True,
              short="sliders", words=("slider", "sliders", "glider", "gliders")),
    Equipment("step", "A low step, a thick book or a weight plate", may_lack=True,
              short="step", words=("low step", "low steps", "aerobic step", "step box")),
    Equipment("small-ball", "Small yoga block or small ball", may_lack=True,
              short="small ball",
              words=("small ball", "small balls", "yoga block", "yoga blocks")),
    Equipment("wall", "A wall", may_lack=False, short="wall"),
    Equipment("mat", "Exercise mat", may_lack=False, short="mat"),
)

EQUIPMENT: Mapping[str, Equipment] = MappingProxyType({e.id: e for e in _ALL})
"""Every known equipment id, in display order."""

MAY_LACK: frozenset[str] = frozenset(e.id for e in _ALL if e.may_lack)
"""Ids of the equipment that needs a modification wherever an exercise uses it."""


def equipment(equipment_id: str) -> Equipment | None:
    """The equipment with this id, or None if the id is unknown."""
    return EQUIPMENT.get(equipment_id)
