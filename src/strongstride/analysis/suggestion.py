"""What a next-session suggestion is: an action, a target and the reason in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypedDict

from strongstride.records import Unit

Action = Literal[
    "start", "keep", "add reps", "add load", "reduce load", "add a set", "harder band",
    "harder variation", "slower tempo", "add time", "hold", "regress", "deload", "stop",
]
PROGRESSIONS: frozenset[Action] = frozenset({
    "add reps", "add load", "add a set", "harder band", "harder variation", "slower tempo",
    "add time",
})


@dataclass(frozen=True, slots=True)
class Target:
    """What to do next session: sets (per side for one-sided moves), reps per set, load,
    seconds per hold and band. None: not part of this exercise."""

    sets: int | None = None
    reps: int | None = None
    load: float | None = None
    unit: Unit | None = None
    seconds: int | None = None
    band: str | None = None


class Changes(TypedDict, total=False):
    sets: int | None
    reps: int | None
    load: float | None
    unit: Unit | None
    seconds: int | None
    band: str | None


@dataclass(frozen=True, slots=True)
class Suggestion:
    exercise: str
    action: Action
    target: Target
    reason: str


def number(value: float) -> str:
    return f"{value:g}"
