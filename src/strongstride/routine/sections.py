"""Headings, phases and sections for the importer.

`read_heading` says what a heading line means (title, setup, phase, circuit rounds);
`infer_kinds` decides which phase each block of exercises is when the text gives no heading:
published workouts often head only one of their four phases. `assemble` turns the groups of
exercises the importer read into the routine's sections.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from strongstride.errors import Span
from strongstride.routine.import_fields import Field
from strongstride.routine.import_lines import Line
from strongstride.routine.model import Exercise, Prescription, Range, Section, SectionKind
from strongstride.routine.parse import TIME_CAP_LIMITS

MAX_HEADING_WORDS = 10
MAX_HEADING_CHARS = 100
MAX_SETUP_TITLE_WORDS = 6

_WORD = re.compile(r"[a-z]+")
_MAIN_WORDS = frozenset({
    "workout", "strength", "circuit", "main", "part", "block", "superset", "finisher",
    "conditioning", "routine", "round", "rounds", "exercises", "training", "session",
})
# Words that may appear in a line that is nothing but a heading ("Part 2: Main workout").
_HEADING_WORDS = _MAIN_WORDS | frozenset({
    "warm", "warmup", "up", "down", "cool", "cooldown", "activation", "activate", "prime",
    "primer", "stretch", "stretches", "stretching", "mobility", "recovery", "the", "and", "a",
    "of", "exercise", "phase", "section", "glute", "core", "lower", "body", "leg", "legs",
    "amrap", "emom", "for", "time", "in", "min", "mins", "minute", "minutes",
})
# A block done for a time rather than a count of rounds: its exercises get no sets from above.
_CAPPED_WORDS = frozenset({"amrap", "emom"})
_NOT_HEADINGS = frozenset({"note", "notes", "tip", "tips", "why", "how", "cue", "cues"})
_ROUNDS = re.compile(
    r"(?:\(\s*)?(?:(?:repeat|do|complete|perform)\s+(?:[a-z]+\s+){0,3}?)?"
    r"(?P<n>\d{1,3})\s*(?:rounds?|times)\b(?:\s*\))?"
)
_TRIM = " :-,;|(."
# The time of a block done for a time: 'AMRAP 12 min', '12-minute AMRAP', 'for 7 minutes'.
_CAP = re.compile(r"(?P<for>\b(?:for|in)\s+)?(?P<n>\d{1,2})\s*-?\s*(?:minutes?|mins?|m)\b")
_ORDINAL = re.compile(r"round\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b")
# Words that make a short line a heading of a block, never a movement's name: 'Circuit 1',
# 'Day 2', 'Level 3', 'Part A', 'Superset B'.
BLOCK_WORDS = _MAIN_WORDS | frozenset({
    "day", "week", "level", "phase", "stage", "option", "beginner", "beginners", "intermediate",
    "advanced", "tabata", "amrap", "emom", "exercise", "instructions", "instruction",
    "modifications", "modification", "overview", "demonstration", "variations", "progression",
    "progressions", "regression", "regressions", "muscles", "targets", "frequency", "structure",
    "summary", "notes", "tips", "cues", "video", "equipment", "description", "benefits"})


@dataclass(slots=True)  # not frozen, which is faster to make, and never changed
class Heading:
    """A line read as a section heading."""

    title: str | None
    setup: str | None
    kind: SectionKind
    rounds: int | None
    # A round count given but out of range (not 2 to 20), to report.
    bad_rounds: int | None
    # Clearly a heading (a phase word on its own, a colon, '#', capitals), not just a short line.
    strong: bool
    # 'Warm-up: 1 round': done once, so each exercise under it is one set.
    once: bool = False
    # 'AMRAP 12 min', 'For time': capped by time, so no sets said above apply under it.
    capped: bool = False
    # Made of heading words only ('Warm-up', 'Main workout', 'Cool down'): never a movement.
    phase_only: bool = False
    # The time the block is done for, in seconds: 'AMRAP 12 min', 'for 7 minutes'.
    time_cap: int | None = None


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# The first word that names a phase: starting 'warm', 'activat', 'cool' or 'stretch', or one of
# 'prime', 'primer', 'priming', 'mobility', 'recovery'.
_PHASE_WORD = re.compile(
    r"(?<![a-z])(?:(?P<warm>warm)|(?P<activation>activat|(?:prime|primer|priming)(?![a-z]))"
    r"|(?P<cool>cool|stretch|(?:mobility|recovery)(?![a-z])))"
)
_PHASES: dict[str | None, SectionKind] = {
    "warm": "warm-up", "activation": "activation", "cool": "cool-down"}


def phase_of(text: str) -> SectionKind | None:
    """The phase a heading's words name, if any ('Cool-down', 'Glute activation', 'Stretch')."""
    m = _PHASE_WORD.search(text.lower())
    return None if m is None else _PHASES[m.lastgroup]


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= 4 or text.endswith((".", "!", "?"))


# A letter is a word character that is not a digit or '_' (a few numerals pass too: checked).
_ALNUM = re.compile(r"[^\W\d_]")


def _has_letter(text: str) -> bool:
    m = _ALNUM.search(text)
    return m is not None and (m.group().isalpha() or any(c.isalpha() for c in text))


def _take_rounds(title: str) -> tuple[str, int | None, int | None]:
    """Take 'N rounds' / 'repeat N times' out of a title -> (title, rounds, bad count).

    One round gives rounds 1, which is no circuit: the caller reads it as one set each."""
    low = title.lower()
    if "round" not in low and "times" not in low:
        return title, None, None
    m = _ROUNDS.search(low)
    if m is None:
        return title, None, None
    n = int(m.group("n"))
    rest = (title[: m.start()].rstrip(_TRIM) + " " + title[m.end():].lstrip(_TRIM + ")")).strip()
    if n == 1:
        return rest, 1, None
    if not 2 <= n <= 20:
        return rest, None, n
    return rest, n, None


def read_heading(text: str, hashes: int = 0) -> Heading | None:
    """Read a line as a heading; None when it is too long or reads as a sentence."""
    content = text.strip()
    if not content:
        return None
    title, setup = content, None
    colon = content.find(":")
    if 0 < colon < len(content) - 1:
        prefix, after = content[:colon].strip(), content[colon + 1:].strip()
        words = prefix.lower().split()
        if (_is_sentence(after) and not after[0].isdigit()
                and 1 <= len(words) <= MAX_SETUP_TITLE_WORDS
                and words[0] not in _NOT_HEADINGS and _has_letter(prefix)):
            title, setup = prefix, after[0].upper() + after[1:]
    if setup is None:
        if len(content) > MAX_HEADING_CHARS:
            return None
        parts = content.split()
        n_words = len(parts)
        if n_words > MAX_HEADING_WORDS:
            return None
        if n_words > 4 and content.endswith((".", "!", "?")):
            return None
        if parts[0].lower().rstrip(":") in _NOT_HEADINGS:
            return None
    title = title.rstrip(_TRIM[1:]).strip()
    low = title.lower()
    rounds = bad = None
    once = False
    if "round" in low or "times" in low:
        title, rounds, bad = _take_rounds(title)
        low = title.lower()
        if rounds == 1:
            rounds, once = None, True
    if low.startswith("round") and _ORDINAL.match(low):
        once = True  # 'Round 2': one pass of a block that differs round by round
    words = _WORD.findall(low)
    if not words and not _has_letter(content):  # words are letters: no need to look again
        return None
    phase = phase_of(low) if ("warm" in low or "activat" in low or "prim" in low
                              or "cool" in low or "stretch" in low or "mobility" in low
                              or "recovery" in low) else None
    only_heading_words = bool(words) and _HEADING_WORDS.issuperset(words)
    capitals = len(words) <= 5 and (title.upper() == title if title.isascii() else not any(
        c.islower() for c in title))
    named = phase is not None or not _MAIN_WORDS.isdisjoint(words)
    strong = (hashes > 0 or content.endswith(":") or capitals or only_heading_words
              or (setup is not None and named))
    capped = not _CAPPED_WORDS.isdisjoint(words) or low.startswith("for time")
    cap: int | None = None
    many = "amrap" in words or "as many rounds" in low
    if rounds is None and (many or "minute" in low or "min" in words) and (
            m := _CAP.search(low)) is not None and (many or m.group("for")):
        cap = int(m.group("n")) * 60  # 'AMRAP 12 min', 'as many rounds as you can for 7 minutes'
        if not TIME_CAP_LIMITS[0] <= cap <= TIME_CAP_LIMITS[1]:
            cap = None
        capped = capped or cap is not None
    return Heading(title or None, setup, phase or "main", rounds, bad, strong, once, capped,
                   only_heading_words, cap)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of exercises; `kind` is the phase its heading names, None when it has none."""

    kind: SectionKind | None
    exercises: tuple[tuple[str, Prescription], ...]


_STRETCH_WORDS = ("stretch", "pose", "hold")
_WARM_WORDS = frozenset({
    "warm", "warmup", "jog", "jogging", "march", "marching", "skip", "skips", "skipping",
    "jacks", "swing", "swings", "circle", "circles", "inchworm", "inchworms",
})


def _stretch_like(name: str, p: Prescription) -> bool:
    if p.set_word == "hold":
        return True
    low = name.lower()  # most names have none of the words: no need to split them
    return ("stretch" in low or "pose" in low or "hold" in low) and any(
        w.startswith(_STRETCH_WORDS) for w in words_of(name))


def _mostly_stretches(block: Block) -> bool:
    count = sum(1 for name, p in block.exercises if _stretch_like(name, p))
    return count * 2 > len(block.exercises)


def _light(block: Block) -> bool:
    return all(p.sets is None or p.sets.hi <= 1 for _, p in block.exercises)


def _warm_words(block: Block) -> bool:
    return any(w in _WARM_WORDS for name, _ in block.exercises for w in words_of(name))


def infer_kinds(blocks: Sequence[Block]) -> list[SectionKind]:
    """The phase of each block: its heading's, else from its place and its exercises.

    Unheaded blocks are a cool-down when most exercises are stretches, poses or holds and a
    main block came before (or it is last); a warm-up when first of several and light (one set
    each) or warm-up-ish by name; otherwise main.
    """
    kinds: list[SectionKind] = []
    for index, block in enumerate(blocks):
        if block.kind is not None:
            kinds.append(block.kind)
        elif block.exercises and _mostly_stretches(block) and (
                "main" in kinds or index == len(blocks) - 1):
            kinds.append("cool-down")
        elif index == 0 and len(blocks) > 1 and (_light(block) or _warm_words(block)):
            kinds.append("warm-up")
        else:
            kinds.append("main")
    return kinds


# --- sections from what the importer read ---------------------------------------------------

_NO_PRESCRIPTION = Prescription()


@dataclass(slots=True)
class Group:
    """A section while it is being read: from a heading, a rounds line or a blank line."""

    index: int
    heading: Heading | None
    before: Entry | None  # the exercise before it, for notes if it ends up empty
    rounds: int | None = None
    # Sets for each exercise in it that gives none ('Warm-up: 1 round', 'Do 2-4 rounds of
    # each circuit' above it): the circuit's rounds, which the section cannot hold as a range.
    sets: Range | None = None
    # The reps or the hold a sentence above gives each exercise that has none of its own.
    work: Prescription | None = None
    rest: Range | None = None  # after each exercise, from the same sentence
    setup: list[str] = field(default_factory=list)
    setup_lines: list[int] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    tried: int = 0


@dataclass(slots=True)
class Entry:
    """An exercise while it is being read: its line, then any details lines below it."""

    name: str
    index: int
    line: Line
    group: Group
    fields: dict[str, Field]
    details: list[int] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # line number, text
    prescription: Prescription = _NO_PRESCRIPTION  # until the entry is read
    # Read from the paragraph under a name line ('Hold for 30 seconds on each side').
    given: Prescription | None = None
    # A name over a paragraph that describes it: the next such name is a movement too.
    described: bool = False


def assemble(groups: Sequence[Group]) -> tuple[Section, ...]:
    """The sections of groups that have exercises, each of the phase `infer_kinds` gives it."""
    blocks = [Block(g.heading.kind if g.heading else None,
                    tuple((e.name, e.prescription) for e in g.entries)) for g in groups]
    merged: list[tuple[Group, SectionKind, list[Entry]]] = []
    for g, kind in zip(groups, infer_kinds(blocks), strict=True):
        # Blank lines inside a phase: an unheaded block joins the section above it.
        if (merged and merged[-1][1] == kind and g.heading is None and g.rounds is None
                and merged[-1][0].rounds is None):
            merged[-1][2].extend(g.entries)
        else:
            merged.append((g, kind, list(g.entries)))
    return tuple(
        Section(kind=kind, exercises=tuple(
            Exercise(e.name, e.prescription,
                     "\n".join(t for _, t in sorted(e.notes)) if e.notes else "",
                     span=Span(e.index + 1, e.line.start + 1)) for e in entries),
                title=g.heading.title if g.heading else None,
                setup="\n".join(g.setup) or None, rounds=g.rounds,
                time_cap_seconds=g.heading.time_cap if g.heading and g.rounds is None else None,
                span=Span(g.index + 1, 1))
        for g, kind, entries in merged)
