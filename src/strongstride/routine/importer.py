"""A workout as published in an article or a blog post (pasted text) -> Routine.

Lenient where `parse_routine` is strict, but no line is dropped silently: each non-blank line
is used (title, header field, heading, exercise, detail, rounds) or kept as a note and reported
with a warning. It reads line by line in two passes: first what each line is on its own
(`_classify`), then what it means in its place (`_Builder`), so it runs in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from strongstride.errors import Issue
from strongstride.routine.model import Routine
from strongstride.routine.prescription import Reading, normalise, read_prescription

MAX_EXERCISE_LINE = 300  # longer lines are prose, never searched for an exercise
MAX_NAME_WORDS = 10
MAX_TRIES = 12  # split points tried on one line

LineRole = Literal["title", "credit", "equipment", "directions", "heading", "setup", "rounds",
                   "exercise", "detail", "note"]
_Kind = Literal["blank", "text", "exercise", "details", "rounds", "header", "setup"]


@dataclass(frozen=True, slots=True)
class ImportedLine:
    """What the importer made of one non-blank input line."""

    line: int
    role: LineRole


@dataclass(frozen=True, slots=True)
class Imported:
    routine: Routine
    issues: tuple[Issue, ...]
    lines: tuple[ImportedLine, ...] = ()


# --- pass 1: each line on its own ------------------------------------------------------------

_CLEAN = str.maketrans({**{i: " " for i in range(32)}, 0x7F: " ", 0xFEFF: " "})
_HASHES = re.compile(r"\s*(#{1,6})(?:\s+|$)")
_MARKER = re.compile(r"\s*(?:[-*+>]\s+|[•◦▪‣●○■□►▶✓✔]\s*|\(\d{1,3}\)\s*|\d{1,3}[.)](?!\d)\s*)")
_HEADER = re.compile(
    r"(?P<key>equipment(?:\s+needed)?|what\s+you(?:'ll|\s+will)?\s+need|you(?:'ll|\s+will)\s+need"
    r"|directions|instructions|credits?|workout\s+by|created\s+by)\s*:\s*"
)
_BY = re.compile(r"by\s+\S")
_SETUP = re.compile(r"setup\s*:\s*")
_FIELD = re.compile(
    r"\b(?P<key>sets|reps|repetitions|time|duration|hold|rest|weight|load|tempo|band)\s*:"
)
_FIELD_KEYS = {"repetitions": "reps", "duration": "time", "weight": "load"}
_WORK_FIELDS = ("prescription", "sets", "reps", "time", "hold")
_ROUNDS_LINE = re.compile(
    r"(?:(?:repeat|do|complete|perform)(?:\s+(?:the|this|that|whole|entire|full|circuit|"
    r"sequence|workout|routine|set|series|all|of|above|exercises|it|for|a|total))*\s+)?"
    r"(?P<n>\d{1,3})\s*(?:x|times|rounds?)(?:\s+(?:in\s+total|total|through))?"
    r"|(?:rounds?|circuits?)\s*:?\s*(?P<n2>\d{1,3})"
)
_CANDIDATE = re.compile(r"(?<![0-9])\d|(?<![a-z0-9])(?:amrap|max|to\s+failure|as\s+many)")
_START = re.compile(
    r"\d{1,9}(?:\s*(?:-|to)\s*\d{1,9})?\s*(?:x|(?:sets?|holds?|rounds?|reps?|repetitions?|"
    r"seconds?|secs?|s|minutes?|mins?|m)\b)|\d{1,3}:[0-5]\d|amrap\b|max(?:imum)?\s+reps\b"
    r"|to\s+failure\b|as\s+many\b"
)
_SETS_COMMA = re.compile(r"(?<=\d)(\s*sets?)(\s*)[,;/](?=\s*\d)", re.IGNORECASE)
_WORD_END = re.compile(r"\S+")
_TRAILING_OF = re.compile(r"\s+of$", re.IGNORECASE)
_PRESCRIPTION_TAIL = re.compile(
    r"\d\s*(?:sets?|x|reps?|rounds?|holds?|seconds?|secs?)\s*$", re.IGNORECASE)
_NAME_SIDE = re.compile(
    r"[\s,]*(?:\(\s*)?(?:on\s+)?(?:each|every|per)\s+(?P<side>leg|side)s?\s*\)?$", re.IGNORECASE)
_STRUCTURAL = ("cannot read", "a second amount", "no reps or time", "a hold lasts")
_NAME_TRIM = " :-|,;(=.*_>~"

_Field = tuple[str, int, int]  # value, line number, 1-based column


@dataclass(slots=True)
class _Line:
    number: int
    text: str  # normalised, same length as the input line
    kind: _Kind = "blank"
    start: int = 0  # where the content starts, after any '#', bullet or number
    hashes: int = 0
    name: str = ""
    reading: Reading | None = None
    at: int = 0  # 0-based column where an exercise's prescription starts
    fields: dict[str, _Field] = field(default_factory=dict)
    key: str = ""
    value: str = ""
    rounds: int = 0

    @property
    def content(self) -> str:
        return self.text[self.start:].strip()

    @property
    def has_work(self) -> bool:
        return self.kind == "details" and any(k in self.fields for k in _WORK_FIELDS)


def _structural(reading: Reading) -> bool:
    """Read as a prescription, though numbers may be out of range."""
    return not any(p.message.startswith(_STRUCTURAL) for p in reading.problems)


def _name(text: str) -> str:
    name = " ".join(text.split()).rstrip(_NAME_TRIM).lstrip(_NAME_TRIM[:-1] + ".")
    if not any(c.isalpha() for c in name) or len(name.split()) > MAX_NAME_WORDS:
        return ""
    return name


def _inline(body: str) -> tuple[str, int, Reading] | None:
    """'Name<prescription>': split at the first point where the rest reads as a prescription."""
    low = body.lower()
    tries = 0
    for m in _CANDIDATE.finditer(low):
        i = m.start()
        if i == 0 or not _START.match(low, i):
            continue
        head = body[:i]
        if len(head.split()) > MAX_NAME_WORDS + 1:
            break
        name = _name(head)
        if not name or _PRESCRIPTION_TAIL.search(head.rstrip(_NAME_TRIM)):
            continue
        tail = body[i:].rstrip().rstrip(".")
        if head.rstrip().endswith("(") and tail.endswith(")"):
            tail = tail[:-1]
        reading = read_prescription(tail)
        if _structural(reading):
            return name, i, reading
        tries += 1
        if tries >= MAX_TRIES:
            break
    return None


def _count_first(body: str) -> tuple[str, int, Reading] | None:
    """'3 x 10 Bulgarian split squats': the longest leading prescription, then the name.

    The name is '' when the whole line is a prescription.
    """
    if not _START.match(body.lower()):
        return None
    best: tuple[int, Reading] | None = None
    for k, m in enumerate(_WORD_END.finditer(body)):
        if k > MAX_NAME_WORDS:
            break
        prefix = _TRAILING_OF.sub("", body[: m.end()]).rstrip(".")
        reading = read_prescription(prefix)
        if _structural(reading):
            best = (m.end(), reading)
        elif best is not None:
            break
    if best is None:
        return None
    end, reading = best
    rest = body[end:].strip()
    if rest.lower().startswith("of "):
        rest = rest[3:]
    name = _name(rest)
    return (name, 0, reading) if name or not rest else None


def _fields(body: str, number: int, offset: int) -> tuple[str, dict[str, _Field]]:
    """'Name Sets: 2 | Reps: 8-12' -> ('Name', fields); `offset` is where body starts."""
    keys = list(_FIELD.finditer(body.lower()))
    found: dict[str, _Field] = {}
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        raw = body[m.end(): end]
        value = raw.strip(" |,;/·•").rstrip(".")
        column = offset + m.end() + len(raw) - len(raw.lstrip(" |,;/·•")) + 1
        key = m.group("key")
        found[_FIELD_KEYS.get(key, key)] = (value, number, column)
    return body[: keys[0].start()] if keys else body, found


def _sets_comma(body: str) -> str:
    """'3 sets, 10 reps' -> '3 sets x 10 reps' (same length, so columns stay put)."""
    return _SETS_COMMA.sub(lambda m: m.group(1) + m.group(2) + "x", body)


def _classify(number: int, raw: str) -> _Line:
    text = normalise(raw).translate(_CLEAN).replace("**", "  ").replace("__", "  ")
    line = _Line(number, text)
    if not text.strip():
        return line
    line.kind = "text"
    if m := _HASHES.match(text):
        line.hashes, line.start = len(m.group(1)), m.end()
    elif m := _MARKER.match(text):
        line.start = m.end()
    else:
        line.start = len(text) - len(text.lstrip())
    body = text[line.start:].rstrip()
    low = body.lower()
    if len(body) > MAX_EXERCISE_LINE or line.hashes:
        return line
    if (m := _HEADER.match(low)) or (_BY.match(low) and len(body.split()) <= 6
                                     and not body.endswith((".", "!", "?"))):
        key = m.group("key") if m else "by"
        line.kind, line.value = "header", body[m.end():].strip() if m else body
        line.key = "equipment" if "need" in key or key.startswith("equip") else (
            "directions" if key in ("directions", "instructions") else "credit")
        line.at = line.start + (m.end() if m else 0)
        return line
    if m := _SETUP.match(low):
        line.kind, line.value, line.at = "setup", body[m.end():].strip(), line.start + m.end()
        return line
    if m := _ROUNDS_LINE.fullmatch(low.rstrip(".!: ")):
        line.kind, line.rounds = "rounds", int(m.group("n") or m.group("n2"))
        return line
    body = _sets_comma(body)
    if _FIELD.match(low):
        line.kind, line.fields = "details", _fields(body, number, line.start)[1]
        return line
    if (m := _FIELD.search(low)) and m.group("key") in ("sets", "reps", "repetitions", "time",
                                                         "duration", "hold"):
        head, found = _fields(body, number, line.start)
        line.kind, line.name, line.fields = "exercise", _name(head), found
        if not line.name:
            line.kind = "details"
        return line
    read = _inline(body) or _count_first(body)
    if read is None:
        return line
    name, at, reading = read
    if not name:  # a prescription alone: details for the name line above it
        line.kind = "details"
        line.fields = {"prescription": (body.rstrip("."), number, line.start + 1)}
        return line
    line.kind, line.name, line.reading, line.at = "exercise", name, reading, line.start + at
    return line


# --- composing a prescription from 'Sets: 2 Reps: 8-12' -------------------------------------

_BARE = re.compile(r"\d{1,9}(?:\s*(?:-|to)\s*\d{1,9})?")
_REP_UNIT = re.compile(r"\s*(?:reps?|repetitions?)\b", re.IGNORECASE)
_TIME_UNIT = re.compile(r"\s*(?:seconds?|secs?|s|minutes?|mins?|m)\b|:", re.IGNORECASE)


class _Text:
    """Text put together from pieces of several lines, remembering where each piece was."""

    def __init__(self, line: int, column: int) -> None:
        self.text = ""
        self.marks: list[tuple[int, int, int, int]] = []  # offset, length, line, column
        self.home = (line, column)  # where to point when there is no piece

    def add(self, piece: str, line: int, column: int) -> None:
        self.marks.append((len(self.text), len(piece), line, column))
        self.text += piece

    def glue(self, piece: str) -> None:
        self.text += piece

    def locate(self, offset: int) -> tuple[int, int]:
        """The line and column of a character of the text."""
        best = self.marks[0] if self.marks else None
        for mark in self.marks:
            if mark[0] <= offset:
                best = mark
        if best is None:
            return self.home
        at, length, line, column = best
        return line, column + min(max(offset - at, 0), length)

    def add_number(self, value: str, line: int, column: int, unit: str,
                   has_unit: re.Pattern[str]) -> None:
        """Add a value, putting `unit` after a bare leading number ('30' -> '30 seconds')."""
        m = _BARE.match(value)
        if m is None or has_unit.match(value, m.end()):
            self.add(value, line, column)
            return
        self.add(value[: m.end()], line, column)
        self.glue(unit)
        self.add(value[m.end():], line, column + m.end())


def _compose(fields: dict[str, _Field], home: tuple[int, int], work: bool = True) -> _Text:
    """The prescription text that 'Sets: 2', 'Reps: 8-12', 'Rest: 60 s' ... add up to."""
    t = _Text(*home)
    if work:
        if "prescription" in fields:
            t.add(*fields["prescription"])
            t.glue(" ")
        if "sets" in fields:
            t.add(*fields["sets"])
            t.glue(" holds of " if "hold" in fields else " sets of ")
        if "reps" in fields:
            value, line, column = fields["reps"]
            if value.lower() in ("max", "maximum"):
                t.add(value, line, column)
                t.glue(" reps")
            else:
                t.add_number(value, line, column, " reps", _REP_UNIT)
            t.glue(" ")
        for key in ("time", "hold"):
            if key in fields:
                t.add_number(*fields[key], " seconds", _TIME_UNIT)
                t.glue(" ")
    if "rest" in fields:
        t.glue(", rest ")
        t.add_number(*fields["rest"], " s", _TIME_UNIT)
    if "load" in fields:
        t.glue(", ")
        t.add(*fields["load"])
    if "tempo" in fields:
        t.glue(", tempo ")
        t.add(*fields["tempo"])
    if "band" in fields:
        t.glue(", band: ")
        t.add(*fields["band"])
    return t


