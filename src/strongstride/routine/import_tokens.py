"""The quantities in a line of pasted text, each tagged with what it measures.

`quantities` finds every amount a workout line can carry and says what it is: sets, rounds,
reps, a time (in seconds), a distance, calories, a load, a percentage, an RPE, a tempo, a
side word or a rest. The importer uses it to tell the count of a movement from the other
numbers on its line: '800 m run' is a run with '800 m' in its notes, '20 cal row' a row,
'95/65 lb' a load.

One regex with a named group per kind is tried once along the line; the group that matched
names the kind. Units follow what people write: 'm' after 100 or more is metres, after less
it is minutes ('5m'), as in '400m repeats' and '5m plank'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

QuantityKind = Literal["sets", "rounds", "reps", "seconds", "distance", "calories", "load",
                       "percent", "rpe", "tempo", "side", "rest"]

# Kinds that are never the count of a movement, nor read by the prescription reader (which
# reads a load and a tempo into the prescription): they go to the exercise's notes.
NOTE_KINDS: frozenset[QuantityKind] = frozenset({"distance", "calories", "percent", "rpe"})

_NUM = r"\d{1,5}(?:[.,]\d{1,2})?"
_RANGE = rf"{_NUM}(?:\s*(?:-|to|/)\s*{_NUM})?"
_TOKEN = re.compile(
    r"(?<![\w.])(?:"
    rf"(?P<distance>{_RANGE}\s*-?\s*(?:meters?|metres?|mtrs?|km|kilomet(?:er|re)s?|miles?|mi"
    r"|yards?|yds?|ft|feet|m)\b\.?)"
    rf"|(?P<calories>{_RANGE}\s*-?\s*(?:calories|calorie|cals?)\b\.?)"
    rf"|(?P<load>{_RANGE}\s*-?\s*(?:kgs?|kilos?|kilograms?|lbs?|pounds?|#)(?!\w)\.?"
    r"|(?:bw|bodyweight)\s*[+x]\s*\d{1,3}\s*(?:kgs?|lbs?))"
    rf"|(?P<percent>{_RANGE}\s*%)"
    r"|(?P<rpe>rpe\s*:?\s*\d{1,2}(?:[.,]5)?(?:\s*-\s*\d{1,2})?|\d{1,2}(?:\s*-\s*\d{1,2})?\s*rpe\b"
    r"|@\s*\d{1,2}(?:[.,]5)?(?![\d\s]*(?:kg|lb|%|#)))"
    r"|(?P<tempo>tempo\s*:?\s*[\dx]{4}\b|[\dx]{4}\s+tempo\b)"
    rf"|(?P<rest>rest(?:\s+for)?\s*:?\s*{_RANGE}\s*(?:seconds?|secs?|s|minutes?|mins?)\b)"
    rf"|(?P<sets>{_RANGE}\s*(?:sets?\b|x(?=\s*\d)))"
    rf"|(?P<rounds>{_RANGE}\s*(?:rounds?|circuits?|laps?)\b)"
    rf"|(?P<seconds>{_RANGE}\s*-?\s*(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?)\b\.?"
    r"|\d{1,2}:[0-5]\d\b)"
    rf"|(?P<reps>{_RANGE}\s*(?:(?:reps?|repetitions?|times)\b|x(?![a-z])))"
    r"|(?P<side>(?:(?:on\s+)?(?:each|every|per|a)\s+|/\s*)(?:legs?|sides?|arms?)\b)"
    r")",
    re.IGNORECASE,
)
_FIRST_NUMBER = re.compile(r"\d{1,5}")
_DIGIT = re.compile(r"\d")
METRES_FROM = 100  # 'm' after at least this many is metres; after fewer, minutes


@dataclass(frozen=True, slots=True)
class Quantity:
    """One amount on a line: what it measures, where it is (0-based, end exclusive)."""

    kind: QuantityKind
    start: int
    end: int
    text: str


def quantities(text: str) -> list[Quantity]:
    """Every tagged amount in `text`, left to right."""
    found: list[Quantity] = []
    if _DIGIT.search(text) is None and "rest" not in text.lower():
        return found  # no amount, and no side word worth tagging alone
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        assert kind is not None
        word = m.group().rstrip(". ").lower()
        if kind == "distance" and word.endswith("m") and not word.endswith(("km", "um")) \
                and not word.endswith(("meters", "metres")) and word[-2:] != "rm" and (
                n := _FIRST_NUMBER.search(word)) and int(n.group()) < METRES_FROM:
            kind = "seconds"  # '5m': five minutes
        found.append(Quantity(kind, m.start(), m.end(), m.group().strip()))  # type: ignore[arg-type]
    return found


# In a name, a load is never part of it either ('Standing calf raise - 295lbs').
NAME_NOTE_KINDS: frozenset[QuantityKind] = NOTE_KINDS | {"load"}


def split_note_quantities(text: str, kinds: frozenset[QuantityKind] = NOTE_KINDS
                          ) -> tuple[str, list[str]]:
    """`text` with its amounts of `kinds` (distances, calories, percentages and RPEs) blanked
    out (the same length, so columns still point into the line), and those amounts in order."""
    taken: list[str] = []
    chars = list(text)
    for q in quantities(text):
        if q.kind in kinds:
            taken.append(q.text)
            chars[q.start:q.end] = " " * (q.end - q.start)
    return ("".join(chars) if taken else text), taken
