"""The equipment an exercise can call for, and which of it a runner at home may not own.

Exercises name equipment by id. An id whose `may_lack` is true needs a modification on every
exercise that uses it, so the app always has something to offer a user without it.
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


_ALL = (
    Equipment("band", "Loop resistance bands", may_lack=True),
    Equipment("exercise-ball", "Exercise (stability) ball", may_lack=True),
    Equipment("weights", "Two medium-to-heavy dumbbells or one kettlebell", may_lack=True),
    Equipment("sliders", "Sliders, or a towel on a smooth floor", may_lack=True),
    Equipment("step", "A low step, a thick book or a weight plate", may_lack=True),
    Equipment("small-ball", "Small yoga block or small ball", may_lack=True),
    Equipment("wall", "A wall", may_lack=False),
    Equipment("mat", "Exercise mat", may_lack=False),
)

EQUIPMENT: Mapping[str, Equipment] = MappingProxyType({e.id: e for e in _ALL})
"""Every known equipment id, in display order."""

MAY_LACK: frozenset[str] = frozenset(e.id for e in _ALL if e.may_lack)
"""Ids of the equipment that needs a modification wherever an exercise uses it."""


def equipment(equipment_id: str) -> Equipment | None:
    """The equipment with this id, or None if the id is unknown."""
    return EQUIPMENT.get(equipment_id)
