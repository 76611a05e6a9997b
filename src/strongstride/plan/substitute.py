"""The routine as done with the equipment she owns: the library's variations put in place.

A user says what she is without (no exercise ball, no bands...). Every exercise of a routine
that uses such equipment, and has a modification for it in the library, is then done as the
library's variation: the exercise-ball hamstring curl becomes bridge walk-outs, the ball squat
a supported single-leg wall squat. The routine itself is never changed; a `Substitution` says
what is done instead, so the plan, the player and the logs can show and record it.

A section's setup line can need equipment too ("Put a looser band around your ankles"). The
sentences of a setup that name a piece she lacks (by the library's words for it) are left
out, and a `SetupChange` says what the setup becomes: what is left of it and a plain note,
or "Nothing to set up" when every sentence needed the missing piece. `adapt` gathers all of
it for one routine, so that every face (page, player, terminal, card, watch file) shows the
same thing: this module is the one place the rule is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from strongstride.errors import StrongstrideError
from strongstride.library.catalog import Library, default_library
from strongstride.library.equipment import EQUIPMENT
from strongstride.plan.session import SessionPlan, build_plan, with_variations
from strongstride.routine.model import Routine, Section

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
    steps: tuple[str, ...] = ()
    """The exercise's steps, less the sentences that need what she lacks (after `how`)."""
    cues: tuple[str, ...] = ()
    mistakes: tuple[str, ...] = ()
    """The cues and mistakes, likewise."""

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
    return Substitution(name, variation, lacking, how, _leave_out(info.steps, lacking),
                        _leave_out(info.cues, lacking), _leave_out(info.mistakes, lacking))


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


@dataclass(frozen=True, slots=True)
class SetupChange:
    """A section's setup line, done without the equipment it names that she lacks."""

    section: int
    """The section's index in the routine."""
    setup: str
    """The setup as the routine writes it."""
    instead: str
    """What she reads instead: the rest of the setup and a note, or "Nothing to set up"."""
    without: tuple[str, ...]
    """The equipment ids she lacks that the setup names."""


@dataclass(frozen=True, slots=True)
class Adaptation:
    """Everything in a routine that changes for want of the `missing` equipment."""

    missing: frozenset[str]
    exercises: Mapping[str, Substitution] = field(default_factory=dict)
    """The exercises done another way, by their name in the routine."""
    setups: Mapping[int, SetupChange] = field(default_factory=dict)
    """The setup lines that change, by section index."""
    equipment: tuple[tuple[str, ...], ...] = ()
    """For each line of the routine's equipment list, the ids it names that she lacks."""

    def setup(self, index: int, section: Section) -> str | None:
        """The setup she reads for section `index`: changed, or as written."""
        change = self.setups.get(index)
        return change.instead if change is not None else section.setup


def named_equipment(text: str) -> tuple[str, ...]:
    """The ids of the equipment she may lack that `text` names, in the library's order."""
    flat = _plain(text)
    return tuple(key for key, pattern in _patterns() if pattern.search(flat))


def setup_change(index: int, section: Section, missing: frozenset[str] | set[str],
                 changed: Mapping[str, Substitution]) -> SetupChange | None:
    """The section's setup without the `missing` equipment it names; None when it needs none
    of it. `changed` (the routine's substitutions) says whether the exercises below are done
    another way, which the note then says."""
    if not section.setup or not missing:
        return None
    kept: list[str] = []
    lacking: list[str] = []
    for sentence in _sentences(section.setup):
        lacked = [key for key in named_equipment(sentence) if key in missing]
        if lacked:
            lacking.extend(key for key in lacked if key not in lacking)
        else:
            kept.append(sentence)
    if not lacking:
        return None
    order = list(EQUIPMENT)
    without = tuple(sorted(lacking, key=order.index))
    varied = any(set(sub.without) & set(without) for name, sub in changed.items()
                 if name in {e.name for e in section.exercises})
    also = ", and the exercises below are done another way" if varied else ""
    if kept:
        instead = " ".join(kept) + f" Leave out the {_either(without)}: you have none{also}."
    else:
        instead = f"Nothing to set up: you have no {_either(without)}{also}."
    return SetupChange(index, section.setup, instead, without)


def adapt(routine: Routine, missing: frozenset[str] | set[str],
          library: Library | None = None) -> Adaptation:
    """What the routine becomes without the `missing` equipment: its exercises' variations,
    its setups changed, and which lines of its equipment list she lacks."""
    lacked = frozenset(missing)
    if not lacked:
        return Adaptation(lacked, equipment=tuple(() for _ in routine.equipment))
    changed = substitutions(routine, lacked, library)
    setups: dict[int, SetupChange] = {}
    for index, section in enumerate(routine.sections):
        change = setup_change(index, section, lacked, changed)
        if change is not None:
            setups[index] = change
    lines = tuple(tuple(key for key in named_equipment(line) if key in lacked)
                  for line in routine.equipment)
    return Adaptation(lacked, changed, setups, lines)


def adapted_plan(routine: Routine, missing: frozenset[str] | set[str],
                 library: Library | None = None) -> SessionPlan:
    """The routine's session plan, its steps marked with the variations for `missing` and
    its setups with what she does instead."""
    found = adapt(routine, missing, library)
    return with_variations(build_plan(routine),
                           {name: sub.variation for name, sub in found.exercises.items()},
                           {index: change.instead for index, change in found.setups.items()})


def _sentences(text: str) -> list[str]:
    return [" ".join(s.split()) for s in re.split(r"(?<=[.!?;])\s+", text.strip()) if s.strip()]


def _leave_out(texts: Iterable[str], lacking: Iterable[str]) -> tuple[str, ...]:
    """The texts less their sentences that name equipment in `lacking` (the same words as a
    setup); a text left with nothing is dropped."""
    lacked = set(lacking)
    out = []
    for text in texts:
        kept = [s for s in _sentences(text) if not lacked & set(named_equipment(s))]
        if kept:
            out.append(" ".join(kept))
    return tuple(out)


def _short(key: str) -> str:
    info = EQUIPMENT.get(key)
    return info.short if info else key


def _either(keys: Iterable[str]) -> str:
    names = [_short(key) for key in keys]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _plain(text: str) -> str:
    """Lower-case words split by single spaces, hyphens and parenthesised asides left out."""
    text = re.sub(r"\([^)]*\)", " ", text.casefold())
    return " ".join(re.findall(r"[a-z0-9]+", text))


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = []
    for key, item in EQUIPMENT.items():
        if not item.may_lack or not item.words:
            continue
        words = sorted({_plain(word) for word in item.words}, key=len, reverse=True)
        found.append((key, re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")))
    return tuple(found)
