"""The import corpus's scoring rule (../shared/IMPORT-LABELS.md), shared by
bench/import_corpus.py and the tests.

An exercise counts as exactly right when its name matches (case, punctuation and a leading
number ignored) and `sets`, `reps`, `seconds` and `per_side` are all equal. Exercises whose
label notes say "AMBIGUOUS:" are left out. The importer's exercises are lined up with the
label's in order by their names, so one extra or missing exercise does not shift the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

Exercise = dict[str, Any]  # one exercise in the `import --json` shape
COMPARED = ("sets", "reps", "seconds", "per_side")
AMBIGUOUS = "AMBIGUOUS:"

# A number that opens the name as a list marker or a count ("1. Squat", "15 Squats", "#2)
# Lunge"), but not one that is part of the name ("90/90 stretch", "3x squats").
_LEADING_NUMBER = re.compile(r"^\W*\d+(?![\w/])")
_APOSTROPHES = re.compile(r"['\u2018\u2019`]")
_PUNCTUATION = re.compile(r"[\W_]+")


def normalised(name: str) -> str:
    """The name as compared: no leading number, no case, no punctuation."""
    name = _LEADING_NUMBER.sub("", name.strip())
    name = _APOSTROPHES.sub("", name.casefold())
    return _PUNCTUATION.sub(" ", name).strip()


def ambiguous(label: Exercise) -> bool:
    return AMBIGUOUS in (label.get("notes") or "")


def exactly_right(label: Exercise, got: Exercise) -> bool:
    return normalised(label["name"]) == normalised(got["name"]) and all(
        _value(label[key]) == _value(got[key]) for key in COMPARED)


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, list | tuple) else value


def exercises_of(routine: dict[str, Any]) -> list[Exercise]:
    """Every exercise of a label or an `import --json` dict, sections run together."""
    return [e for section in routine["sections"] for e in section["exercises"]]


def align(label: list[str], got: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs (label index, importer index) in order; None where one side has no partner.

    Names that match line up; in a stretch where they do not, the two sides are paired in
    order as far as both go (so a side-by-side shows the likely counterpart), the rest alone.
    """
    a, b = [normalised(n) for n in label], [normalised(n) for n in got]
    pairs: list[tuple[int | None, int | None]] = []
    for _, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        both = min(i2 - i1, j2 - j1)
        pairs += [(i1 + k, j1 + k) for k in range(both)]
        pairs += [(i, None) for i in range(i1 + both, i2)]
        pairs += [(None, j) for j in range(j1 + both, j2)]
    return pairs


@dataclass(frozen=True, slots=True)
class Pair:
    label: Exercise | None
    got: Exercise | None
    right: bool

    @property
    def scored(self) -> bool:
        return self.label is not None and not ambiguous(self.label)


@dataclass(frozen=True, slots=True)
class Score:
    pairs: tuple[Pair, ...]

    @property
    def exact(self) -> int:
        return sum(p.scored and p.right for p in self.pairs)

    @property
    def labelled(self) -> int:
        return sum(p.scored for p in self.pairs)

    @property
    def extra(self) -> int:
        """Exercises the importer made that the label does not have."""
        return sum(p.label is None for p in self.pairs)

    @property
    def misses(self) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if (p.scored and not p.right) or p.label is None)


def score(label: dict[str, Any], imported: dict[str, Any]) -> Score:
    """How many of the label's exercises the imported routine has exactly right."""
    want, got = exercises_of(label), exercises_of(imported)
    pairs = []
    for i, j in align([e["name"] for e in want], [e["name"] for e in got]):
        a = None if i is None else want[i]
        b = None if j is None else got[j]
        pairs.append(Pair(a, b, a is not None and b is not None and exactly_right(a, b)))
    return Score(tuple(pairs))
