"""The routine as done with the equipment she owns: the library's variations put in place.

A user says what she is without (no exercise ball, no bands...). Every exercise of a routine
that uses such equipment, and has a modification for it in the library, is then done as the
library's variation: the exercise-ball hamstring curl becomes bridge walk-outs, the ball squat
a supported single-leg wall squat. The routine itself is never changed; a `Substitution` says
what is done instead, so the plan, the player and the logs can show and record it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from strongstride.errors import StrongstrideError
from strongstride.library.catalog import Library, default_library
from strongstride.library.equipment import EQUIPMENT
from strongstride.plan.session import SessionPlan, build_plan, with_variations
from strongstride.routine.model import Routine

# Words people use for the equipment, beside the ids themselves.
EQUIPMENT_WORDS: Mapping[str, str] = {
    "bands": "band", "loop band": "band", "loop bands": "band", "resistance band": "band",
    "resistance bands": "band", "mini band": "band", "mini bands": "band",
    "ball": "exercise-ball", "exercise ball": "exercise-ball", "stability ball": "exercise-ball",
    "swiss ball": "exercise-ball", "physio ball": "exercise-ball",
    "weight": "weights", "dumbbell": "weights", "dumbbells": "weights",
    "kettlebell": "weights", "kettlebells": "weights",
    "slider": "sliders", "gliders": "sliders",
    "box": "step", "low step": "step", "bench": "step",
    "small ball": "small-ball", "yoga block": "small-ball", "block": "small-ball",
    "yoga mat": "mat", "exercise mat": "mat",
}


@dataclass(frozen=True, slots=True)
class Substitution:
    """One exercise of the routine, done another way for want of some equipment."""

    exercise: str
    """The exercise as the routine names it."""
    variation: str
    """What she does instead, as the library names it."""
    without: tuple[str, ...]
    """The equipment ids she lacks that the exercise needs."""
    how: str
    """The library's words on how to do the variation."""

    @property
    def without_text(self) -> str:
        return ", ".join(_short(key) for key in self.without)


def read_equipment(words: Iterable[str]) -> frozenset[str]:
    """Equipment ids from what a user typed: ids, or words such as `ball` or `dumbbells`.

    Commas separate several in one word. Unknown words raise an error that lists the choices.
    """
    found: set[str] = set()
    for word in words:
        for part in word.split(","):
            text = " ".join(part.strip().lower().replace("_", " ").split())
            if not text:
                continue
            key = text.replace(" ", "-") if text.replace(" ", "-") in EQUIPMENT else (
                EQUIPMENT_WORDS.get(text))
            if key is None:
                raise StrongstrideError(
                    f"unknown equipment {part.strip()!r}; use one of: {', '.join(EQUIPMENT)} "
                    "(or words such as ball, bands, dumbbells, kettlebell, box, yoga block)")
            found.add(key)
    return frozenset(found)


def substitution(name: str, missing: frozenset[str] | set[str],
                 library: Library | None = None) -> Substitution | None:
    """How the exercise called `name` is done without the `missing` equipment; None when it
    is done as written (it needs none of it, or the library does not know it)."""
    if not missing:
        return None
    info = (library or default_library()).find(name)
    if info is None:
        return None
    lacking = tuple(key for key in info.equipment
                    if key in missing and info.modification(key) is not None)
    if not lacking:
        return None
    variation = " + ".join(info.variation(key) or f"{info.name} without {_short(key)}"
                           for key in lacking)
    how = " ".join(info.modification(key) or "" for key in lacking)
    return Substitution(name, variation, lacking, how)


def substitutions(routine: Routine, missing: frozenset[str] | set[str],
                  library: Library | None = None) -> dict[str, Substitution]:
    """Every exercise of the routine that changes, by its name in the routine."""
    found: dict[str, Substitution] = {}
    if not missing:
        return found
    for exercise in routine.exercises:
        if exercise.name in found:
            continue
        made = substitution(exercise.name, missing, library)
        if made is not None:
            found[exercise.name] = made
    return found


def adapted_plan(routine: Routine, missing: frozenset[str] | set[str],
                 library: Library | None = None) -> SessionPlan:
    """The routine's session plan, its steps marked with the variations for `missing`."""
    plan = build_plan(routine)
    changed = substitutions(routine, missing, library)
    return with_variations(plan, {name: sub.variation for name, sub in changed.items()})


def _short(key: str) -> str:
    info = EQUIPMENT.get(key)
    return {"band": "band", "exercise-ball": "exercise ball", "weights": "weights",
            "sliders": "sliders", "step": "step", "small-ball": "small ball"}.get(
        key, info.label.lower() if info else key)
