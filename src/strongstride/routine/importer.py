"""A workout as published in an article or a blog post (pasted text) -> Routine.

Lenient where `parse_routine` is strict, but no line is dropped silently: each non-blank line
is used (title, header field, heading, exercise, detail, rounds) or kept as a note and reported
with a warning. It reads line by line in two passes: first what each line is on its own
(`_classify`), then what it means in its place (`_Builder`), so it runs in linear time.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from strongstride.errors import Issue, Span
from strongstride.routine.model import (
    Exercise,
    Prescription,
    Routine,
    Section,
    SectionKind,
    SideWord,
)
from strongstride.routine.prescription import Reading, normalise, read_prescription
from strongstride.routine.sections import Block, Heading, infer_kinds, read_heading

MAX_EXERCISE_LINE = 300  # longer lines are prose, never searched for an exercise
MAX_NAME_WORDS = 10
MAX_NAME_CHARS = 120
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

# `normalise` is a str.translate, slow on long non-ASCII lines (prose); the same mapping as a
# regex of the few characters it changes is several times faster. Derived from `normalise`
# itself so the two cannot drift apart.
_PLANE = "".join(map(chr, range(0x80, 0x3000)))
_SWAPS = {a: b for a, b in zip(_PLANE, normalise(_PLANE), strict=True) if a != b}
_SPECIAL = re.compile("[" + "".join(map(re.escape, _SWAPS)) + "]" if _SWAPS else "(?!)")


def _normalise(text: str) -> str:
    return _SPECIAL.sub(lambda m: _SWAPS[m.group()], text)


_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufeff]")
_CLEAN = str.maketrans({**{i: " " for i in range(32)}, 0x7F: " ", 0xFEFF: " "})
_HASHES = re.compile(r"\s*(#{1,6})(?:\s+|$)")
_MARKER = re.compile(r"\s*(?:[-*+>]\s+|[•◦▪‣●○■□►▶✓✔]\s*|\(\d{1,3}\)\s*|\d{1,3}[.)](?!\d)\s*"
                     r"|[A-Ha-h]\d?[.)]\s+|[A-Ha-h]\d:\s*)")  # superset labels: 'A1.', 'B)'

_HEADER = re.compile(
    r"(?P<key>equipment(?:\s+needed)?|what\s+you(?:'ll|\s+will)?\s+need|you(?:'ll|\s+will)\s+need"
    r"|directions|instructions|credits?|workout\s+by|created\s+by)\s*:\s*"
)
_SETUP = re.compile(r"setup\s*:\s*")
_FIELD = re.compile(
    r"\b(?P<key>sets|reps|repetitions|time|duration|hold|rest|weight|load|tempo|band)\s*:"
)
_FIELD_KEYS = {"repetitions": "reps", "duration": "time", "weight": "load"}
_WORK_FIELDS = ("prescription", "sets", "reps", "time", "hold")
_FIELD_TRIM = " |,;/·•-"
_ROUNDS_LINE = re.compile(
    r"(?:(?:repeat|do|complete|perform)(?:\s+(?:the|this|that|whole|entire|full|circuit|"
    r"sequence|workout|routine|set|series|all|of|above|exercises|it|for|a|total))*\s+)?"
    r"(?P<n>\d{1,3})\s*(?:x|times|rounds?)(?:\s+(?:of|the|this|these|following|circuit|"
    r"exercises|moves|below|above|in|total|through|sequence))*"
    r"|(?:rounds?|circuits?)\s*:?\s*(?P<n2>\d{1,3})"
)
_CANDIDATE = re.compile(r"\d+|(?<![a-z])(?:amrap|max|to\s+failure|as\s+many)")
_START = re.compile(
    r"\d{1,9}(?:\s*(?:-|to)\s*\d{1,9})?\s*(?:x|(?:sets?|holds?|rounds?|reps?|repetitions?|"
    r"seconds?|secs?|s|minutes?|mins?|m)\b|\s+(?:on\s+)?(?:each|per)\s+(?:leg|side))"
    r"|\d{1,3}:[0-5]\d|amrap\b|max(?:imum)?\s+reps\b"
    r"|to\s+failure\b|as\s+many\b"
)
_SETS_COMMA = re.compile(r"(?<=\d)(\s*sets?)(\s*)[,;/](?=\s*\d)", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+between\s+(?:sets|rounds|exercises)\b", re.IGNORECASE)
_BARE_SIDE = re.compile(
    r"\s*\d{1,9}(?:\s*(?:-|to)\s*\d{1,9})?(?=\s+(?:on\s+)?(?:each|per|a)\s+(?:leg|side)s?\b)",
    re.IGNORECASE)
_HOLD_FOR = re.compile(r"(?:\s*[:-]\s*holds?|\s+hold\s+for|\s+for)$", re.IGNORECASE)
_WORD_END = re.compile(r"\S+")
_NOT_LAST = frozenset({"x", "sets", "set", "holds", "hold", "rounds", "round", "to", "-", "and",
                       "with", "on", "each", "per", "a"})
_TRAILING_OF = re.compile(r"\s+of$", re.IGNORECASE)
_PRESCRIPTION_TAIL = re.compile(
    r"\d\s*(?:sets?|x|reps?|rounds?|holds?|seconds?|secs?)\s*$", re.IGNORECASE)
_NAME_SIDE = re.compile(
    r"[\s,]*(?:\(\s*)?(?:on\s+)?(?:each|every|per)\s+(?P<side>leg|side)s?\s*\)?$", re.IGNORECASE)
_STRUCTURAL = ("cannot read", "a second amount", "no reps or time", "a hold lasts")
_NAME_TRIM = " :-|,;(=.*_>~"
_COLON = re.compile(r"\s*:\s*")
_LETTER = re.compile(r"[^\W\d_]")

_Field = tuple[str, int, int]  # value, line number, 1-based column
_Place = tuple[str, int]  # value, 1-based column in its line

# Published prescriptions repeat ("2 sets of 10 reps"), and a Reading is immutable.
_read = functools.lru_cache(maxsize=4096)(read_prescription)


@dataclass(slots=True)
class _Line:
    text: str  # normalised, same length as the input line
    kind: _Kind = "blank"
    start: int = 0  # where the content starts, after any '#', bullet or number
    hashes: int = 0
    listed: bool = False  # has a bullet or a number in front
    name: str = ""
    reading: Reading | None = None
    at: int = 0  # 0-based column where an exercise's prescription starts
    fields: dict[str, _Place] = field(default_factory=dict)
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
    return not reading.problems or not any(
        p.message.startswith(_STRUCTURAL) for p in reading.problems)


def _name(text: str) -> str:
    """A clean exercise name, or '' when `text` cannot be one (no letters, too long)."""
    name = " ".join(text.split()).rstrip(_NAME_TRIM).lstrip(_NAME_TRIM[:-1] + "./#")
    name = _HOLD_FOR.sub("", name).rstrip(_NAME_TRIM) if name.endswith(("d", "r")) else name
    if not _LETTER.search(name) or name.count(" ") >= MAX_NAME_WORDS:
        return ""
    # The routine format ends a name at its first colon: 'A1: Squat' -> 'A1 - Squat'.
    return _COLON.sub(" - ", name) if ":" in name else name


def _inline(body: str) -> tuple[str, int, Reading] | None:
    """'Name<prescription>': split at the first point where the rest reads as a prescription."""
    low = body.lower()
    tries = 0
    for m in _CANDIDATE.finditer(low):
        i = m.start()
        if i == 0 or not _START.match(low, i):
            continue
        if i > MAX_NAME_CHARS:
            break
        head = body[:i]
        name = _name(head)
        if not name or _PRESCRIPTION_TAIL.search(head.rstrip(_NAME_TRIM), max(0, i - 20)):
            continue
        tail = body[i:].rstrip().rstrip(".")
        if head.rstrip().endswith("(") and tail.endswith(")"):
            tail = tail[:-1]
        reading = _read_tail(tail)
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
        if m.group().lower() in _NOT_LAST or (k == 0 and m.group().isdigit()):
            continue  # '3 x', '2 sets of', '3': cannot end a prescription
        prefix = _TRAILING_OF.sub("", body[: m.end()]).rstrip(".")
        reading = _read_tail(prefix)
        if _structural(reading):
            best = (m.end(), reading)
        elif best is not None and reading.problems[0].offset < m.start():
            break  # stuck before this word: more words will not help
    if best is None:
        return None
    end, reading = best
    rest = body[end:].strip()
    if rest.lower().startswith("of "):
        rest = rest[3:]
    name = _name(rest)
    return (name, 0, reading) if name or not rest else None


def _fields(body: str, offset: int) -> tuple[str, dict[str, _Place]]:
    """'Name Sets: 2 | Reps: 8-12' -> ('Name', fields); `offset` is where body starts."""
    keys = list(_FIELD.finditer(body.lower()))
    found: dict[str, _Place] = {}
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        raw = body[m.end(): end]
        value = raw.strip(_FIELD_TRIM).rstrip(".")
        column = offset + m.end() + len(raw) - len(raw.lstrip(_FIELD_TRIM)) + 1
        key = m.group("key")
        found[_FIELD_KEYS.get(key, key)] = (value, column)
    return body[: keys[0].start()] if keys else body, found


def _tidy(body: str) -> str:
    """'3 sets, 10 reps' -> '3 sets  10 reps'; 'rest 60 s between sets' -> 'rest 60 s'.

    Same length, so columns stay put.
    """
    if "," in body or ";" in body or "/" in body:
        body = _SETS_COMMA.sub(lambda m: m.group(1) + m.group(2) + " ", body)
    if "between" in body.lower():
        body = _BETWEEN.sub(lambda m: " " * len(m.group()), body)
    return body


def _read_tail(text: str) -> Reading:
    """Read a prescription, taking '10 each leg' as '10 reps each leg'."""
    reading = _read(text)
    if not _structural(reading) and (m := _BARE_SIDE.match(text)):
        return _read(text[: m.end()] + " reps" + text[m.end():])
    return reading


def _header(line: _Line, body: str, low: str, colon: bool) -> bool:
    """'Equipment needed: ...', 'Directions: ...', 'Credit: ...', 'By A. Coach'."""
    m = _HEADER.match(low) if colon else None
    if m is not None:
        key = m.group("key")
        line.value, line.at = body[m.end():].strip(), line.start + m.end()
    elif (low.startswith("by ") and len(body.split()) <= 6
          and not body.endswith((".", "!", "?"))):
        key, line.value, line.at = "by", body[3:].strip(), line.start + 3
    else:
        return False
    line.kind = "header"
    line.key = "equipment" if "need" in key or key.startswith("equip") else (
        "directions" if key in ("directions", "instructions") else "credit")
    return True


def _classify(raw: str) -> _Line:
    """What one line is on its own. The result is shared by equal lines: never change it."""
    text = raw if raw.isascii() else _normalise(raw)
    if _CONTROL.search(text):
        text = text.translate(_CLEAN)
    if "**" in text or "__" in text:
        text = text.replace("**", "  ").replace("__", "  ")
    line = _Line(text)
    line.kind = "text"
    if not text.strip():
        if not raw.strip():
            line.kind = "blank"
        return line  # control characters only: reported as a note
    if m := _HASHES.match(text):
        line.hashes, line.start = len(m.group(1)), m.end()
    elif m := _MARKER.match(text):
        line.start, line.listed = m.end(), True
    else:
        line.start = len(text) - len(text.lstrip())
    body = text[line.start:].rstrip()
    low = body.lower()
    colon = ":" in body
    if line.hashes:
        return line
    if _header(line, body, low, colon):
        return line
    if colon and (m := _SETUP.match(low)):
        line.kind, line.value, line.at = "setup", body[m.end():].strip(), line.start + m.end()
        return line
    if len(body) > MAX_EXERCISE_LINE:
        return line
    if m := _ROUNDS_LINE.fullmatch(low.rstrip(".!: ")):
        line.kind, line.rounds = "rounds", int(m.group("n") or m.group("n2"))
        return line
    body = _tidy(body)
    if colon and _FIELD.match(low):
        line.kind, line.fields = "details", _fields(body, line.start)[1]
        return line
    if colon and (m := _FIELD.search(low)) and _FIELD_KEYS.get(m["key"], m["key"]) in _WORK_FIELDS:
        head, found = _fields(body, line.start)
        line.kind, line.name, line.fields = "exercise", _name(head), found
        if not line.name:
            line.kind = "details"
        return line
    # '3 x 10 Bulgarian split squats' (count first) or 'Goblet squat2-3 sets of 12-15 reps'.
    read = (_count_first(body) or _inline(body)) if _START.match(low) else _inline(body)
    if read is None:
        return line
    name, at, reading = read
    if not name:  # a prescription alone: details for the name line above it
        line.kind = "details"
        line.fields = {"prescription": (body.rstrip("."), line.start + 1)}
        return line
    line.kind, line.name, line.reading, line.at = "exercise", name, reading, line.start + at
    return line


# Lines repeat in pasted workouts (and the program's weeks): read each distinct short one once.
_classify_short = functools.lru_cache(maxsize=4096)(_classify)


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


_Problem = tuple[int, int, str]  # line, column, message


def _read_fields(fields: dict[str, _Field], home: tuple[int, int]
                 ) -> tuple[Prescription | None, list[_Problem]]:
    t = _compose(fields, home)
    reading = _read(t.text)
    return reading.prescription, [(*t.locate(p.offset), p.message) for p in reading.problems]


def _merge_extras(p: Prescription, fields: dict[str, _Field], home: tuple[int, int]
                  ) -> tuple[Prescription | None, list[_Problem]]:
    """Rest, load, tempo or band from lines below an exercise, merged into its prescription."""
    t = _compose(fields, home, work=False)
    t.text = "1 rep" + t.text
    t.marks = [(at + 5, n, line, column) for at, n, line, column in t.marks]
    reading = _read(t.text)
    problems = [(*t.locate(q.offset), q.message) for q in reading.problems]
    q = reading.prescription
    if q is None:
        return None, problems
    for key, mine, theirs in (("rest", p.rest_seconds, q.rest_seconds), ("load", p.load, q.load),
                              ("tempo", p.tempo, q.tempo), ("band", p.band, q.band)):
        if mine is not None and theirs is not None and mine != theirs:
            problems.append((*fields[key][1:], f"the {key} is given twice; give it once"))
    if problems:
        return None, problems
    return replace(p, rest_seconds=q.rest_seconds or p.rest_seconds, load=q.load or p.load,
                   tempo=q.tempo or p.tempo, band=q.band or p.band), []


def _side_from_name(name: str, p: Prescription) -> tuple[str, Prescription]:
    """'Single-leg deadlifts (each side)' -> the side goes into the prescription."""
    low = name.lower()
    m = _NAME_SIDE.search(name) if "each" in low or "per" in low or "every" in low else None
    if m is None:
        return name, p
    side: SideWord = "leg" if m.group("side").lower() == "leg" else "side"
    rest = name[: m.start()].rstrip(_NAME_TRIM)
    if not any(c.isalpha() for c in rest) or p.side not in (None, side):
        return name, p
    return rest, replace(p, side=side)


# --- pass 2: each line in its place ---------------------------------------------------------

@dataclass(slots=True)
class _Group:
    """A section while it is being read: from a heading, a rounds line or a blank line."""

    index: int
    heading: Heading | None
    before: _Entry | None  # the exercise before it, for notes if it ends up empty
    rounds: int | None = None
    setup: list[str] = field(default_factory=list)
    setup_lines: list[int] = field(default_factory=list)
    entries: list[_Entry] = field(default_factory=list)
    tried: int = 0


@dataclass(slots=True)
class _Entry:
    name: str
    index: int
    line: _Line
    group: _Group
    fields: dict[str, _Field]
    details: list[int] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # line number, text
    prescription: Prescription = field(default_factory=Prescription)


def _placed(fields: dict[str, _Place], line: int) -> dict[str, _Field]:
    return {key: (value, line, column) for key, (value, column) in fields.items()}


_UNREAD = "could not read this line as an exercise; kept it as a note"


class _Builder:
    def __init__(self, lines: list[_Line], source: str) -> None:
        self.lines = lines
        self.source = source
        self.issues: list[Issue] = []
        self.roles: dict[int, LineRole] = {}
        self.after = [len(lines)] * (len(lines) + 1)  # the next non-blank line after each
        for i in range(len(lines) - 1, 0, -1):
            self.after[i - 1] = i if lines[i].kind != "blank" else self.after[i]
        adjacent = any(a.kind == "exercise" and b.kind in ("exercise", "details")
                       for b, a in itertools.pairwise(lines))
        self.gap_needed = 1 if adjacent else 2
        self.started = False
        self.groups: list[_Group] = []
        self.group: _Group | None = None
        self.entry: _Entry | None = None
        self.last: _Entry | None = None
        self.notes: list[tuple[int, str]] = []
        self.candidates: list[int] = []
        self.credit: str | None = None
        self.equipment: list[str] = []
        self.directions: list[str] = []
        self.open_field: LineRole | None = None
        self.gap = 0

    # -- helpers

    def warn(self, line: int, column: int, message: str) -> None:
        self.issues.append(Issue(message, Span(line, max(column, 1)), "warning", self.source))

    def text_of(self, i: int) -> str:
        return " ".join(self.lines[i].text.split())

    def note(self, i: int, message: str | None = _UNREAD, to: _Entry | None = None) -> None:
        """Keep line i as a note on the exercise before it (or the routine) and report it."""
        target, text = to or self.last, self.text_of(i)
        if target is not None and text:
            target.notes.append((i + 1, text))
        elif text:
            self.notes.append((i + 1, text))
        self.roles[i] = "note"
        if message is not None:
            self.warn(i + 1, self.lines[i].start + 1, message)

    def next_content(self, i: int) -> int | None:
        j = self.after[i]
        for _ in range(2):
            if j < len(self.lines) and self.lines[j].kind == "rounds":
                j = self.after[j]
        return j if j < len(self.lines) else None

    def names_entry(self, j: int) -> bool:
        """Line j is an exercise name with 'Sets: ... Reps: ...' on the line below."""
        lines = self.lines
        return (lines[j].kind == "text" and j + 1 < len(lines) and lines[j + 1].has_work
                and bool(_name(lines[j].content)))

    def starts_entry(self, j: int | None) -> bool:
        return j is not None and (self.lines[j].kind == "exercise" or self.names_entry(j))

    def block_start(self, i: int) -> bool:
        if self.group is not None and self.group.heading is not None and not self.group.tried:
            return False  # right under a heading: setup, not another heading
        return (i == 0 or self.lines[i - 1].kind == "blank"
                or self.roles.get(i - 1) in ("title", "credit", "equipment", "directions",
                                             "rounds"))

    def is_heading(self, i: int, h: Heading) -> bool:
        if self.lines[i].listed and not h.strong:
            return False  # '- Glute bridge' in a list is an exercise without a prescription
        j = self.next_content(i)
        if self.starts_entry(j):
            return h.strong or self.block_start(i)
        if not h.strong:
            return False
        for _ in range(3):  # a strong heading may have a few lines of setup before exercises
            if j is None or self.lines[j].kind not in ("text", "setup"):
                return False
            other = read_heading(self.lines[j].content, self.lines[j].hashes)
            if other is not None and other.strong:
                return False
            j = self.next_content(j)
            if self.starts_entry(j):
                return True
        return False

    def open_group(self, i: int, heading: Heading | None) -> _Group:
        self.started = True
        self.group = _Group(i, heading, self.last)
        self.groups.append(self.group)
        return self.group

    # -- lines

    def run(self) -> None:
        handlers = {"text": self.text, "exercise": self.exercise, "details": self.details,
                    "rounds": self.rounds, "header": self.header, "setup": self.setup}
        for i, line in enumerate(self.lines):
            if line.kind == "blank":
                self.blank()
                continue
            if line.kind != "details":
                self.flush()
            if line.kind not in ("text", "header"):
                self.open_field = None
            handlers[line.kind](i)
            self.gap = 0
        self.flush()

    def blank(self) -> None:
        self.flush()
        self.open_field = None
        self.gap += 1
        if self.group is not None and self.group.tried and self.gap >= self.gap_needed:
            self.group = None

    def exercise(self, i: int) -> None:
        group = self.group or self.open_group(i, None)
        line = self.lines[i]
        name = line.name or _name(line.content)
        self.entry = _Entry(name, i, line, group, _placed(line.fields, i + 1))
        group.tried += 1

    def details(self, i: int) -> None:
        e, line = self.entry, self.lines[i]
        if e is None:
            self.note(i, "found details (sets, reps, time or rest) with no exercise name "
                         "right above them; kept the line as a note")
        elif line.has_work and (e.line.reading is not None
                                or any(k in e.fields for k in _WORK_FIELDS if k in line.fields)):
            self.flush()
            self.note(i, "this line gives the amount of work a second time; kept it as a note")
        elif set(e.fields) & set(line.fields):
            self.flush()
            self.note(i, "this line repeats a detail given above; kept it as a note")
        else:
            e.fields.update(_placed(line.fields, i + 1))
            e.details.append(i)

    def flush(self) -> None:
        e, self.entry = self.entry, None
        if e is None:
            return
        line = e.line
        home = (e.index + 1, line.start + 1)
        if line.reading is not None:
            p = line.reading.prescription
            problems = [(e.index + 1, line.at + q.offset + 1, q.message)
                        for q in line.reading.problems]
            if p is not None and e.fields:
                p, problems = _merge_extras(p, e.fields, home)
        else:
            p, problems = _read_fields(e.fields, home)
        if p is None:
            for number, column, message in problems:
                self.warn(number, column, f"{message}; kept the line as a note")
            for i in (e.index, *e.details):
                self.note(i, None)
            return
        e.name, e.prescription = _side_from_name(e.name, p)
        e.group.entries.append(e)
        self.last = e
        self.roles[e.index] = "exercise"
        for i in e.details:
            self.roles[i] = "detail"

    def rounds(self, i: int) -> None:
        line = self.lines[i]
        n = line.rounds
        leads = self.starts_entry(i + 1 if i + 1 < len(self.lines) else None) and (
            self.group is None or i == 0 or self.lines[i - 1].kind == "blank"
            or line.content.endswith(":"))
        if self.group is not None and not self.group.tried:
            target = self.group  # right under a heading
        elif leads:
            target = self.open_group(i, None)  # '3 rounds:' over the exercises
        elif self.groups and self.groups[-1].tried:
            target = self.groups[-1]  # 'Repeat 3 times' under the exercises
        else:
            self.note(i, "a number of rounds with no exercises to repeat; kept it as a note")
            return
        self.roles[i] = "rounds"
        if n == 1:
            return
        if not 2 <= n <= 20:
            self.warn(i + 1, line.start + 1,
                      f"{n} rounds is out of range; a circuit has 2 to 20 rounds, "
                      "so this section is not read as a circuit")
        elif target.rounds is not None and target.rounds != n:
            self.warn(i + 1, line.start + 1,
                      f"the rounds are given twice ({target.rounds} and {n}); kept {n}")
            target.rounds = n
        else:
            target.rounds = n

    def header(self, i: int) -> None:
        line = self.lines[i]
        value = " ".join(line.value.split())
        if line.key == "credit":
            if self.credit is not None or not value:
                self.note(i)
                return
            self.credit = value
            self.roles[i] = "credit"
            return
        self.roles[i] = "equipment" if line.key == "equipment" else "directions"
        self.open_field = self.roles[i]
        self.add_to_field(i, value, line.at + len(line.value) - len(line.value.lstrip()))

    def add_to_field(self, i: int, value: str, at: int) -> None:
        if not value:
            return
        if self.open_field == "directions":
            self.directions.append(value)
            return
        m = re.search(r"\.\s+(?=[A-Z])", value)
        items, rest = (value[: m.start()], value[m.end():]) if m else (value.rstrip("."), "")
        self.equipment += [x for x in re.split(r"\s*(?:[,;]|\band\b)\s*", items) if x]
        if rest:
            self.notes.append((i + 1, rest))
            column = self.lines[i].text.find(rest[:20], at) + 1
            self.warn(i + 1, column or at + 1,
                      "kept the text after the equipment list as a note")

    def setup(self, i: int) -> None:
        line = self.lines[i]
        if self.group is None or self.group.heading is None or self.group.tried or not line.value:
            self.note(i, "setup instructions with no heading above them; kept them as a note")
            return
        self.group.setup.append(" ".join(line.value.split()))
        self.group.setup_lines.append(i)
        self.roles[i] = "setup"

    def text(self, i: int) -> None:
        line = self.lines[i]
        if not line.content:
            self.note(i, "this line holds only control characters; left them out")
            return
        if self.names_entry(i):
            self.exercise(i)
            return
        h = read_heading(line.content, line.hashes)
        if h is not None and self.is_heading(i, h):
            self.heading(i, h)
            return
        if self.open_field is not None and self.roles.get(i - 1) == self.open_field:
            self.roles[i] = self.open_field
            self.add_to_field(i, " ".join(line.content.split()), line.start)
            return
        group = self.group
        if group is not None and group.heading is not None and not group.tried:
            group.setup.append(" ".join(line.content.split()))
            group.setup_lines.append(i)
            self.roles[i] = "setup"
            self.warn(i + 1, line.start + 1,
                      "read this line as setup instructions for the section above")
            return
        if self.started or (line.listed and self.starts_entry(self.next_content(i))):
            self.note(i)
            return
        lines = self.lines
        alone = ((i == 0 or lines[i - 1].kind in ("blank", "header"))
                 and (i + 1 == len(lines) or lines[i + 1].kind in ("blank", "header")))
        if alone and h is not None and not line.content.endswith((":", ".", "!", "?")):
            self.candidates.append(i)
            self.roles[i] = "title"
            return
        going_on = i > 0 and lines[i - 1].kind == "text" and self.roles.get(i - 1) == "note"
        self.note(i, None if going_on else "kept this text as a note on the routine; "
                                           "it does not read as an exercise or a heading")

    def heading(self, i: int, h: Heading) -> None:
        group = self.open_group(i, h)
        group.rounds = h.rounds
        if h.setup:
            group.setup.append(h.setup)
        self.roles[i] = "heading"
        if h.bad_rounds is not None:
            line = self.lines[i]
            column = line.text.find(str(h.bad_rounds), line.start) + 1
            self.warn(i + 1, column or line.start + 1,
                      f"{h.bad_rounds} rounds is out of range; a circuit has 2 to 20 rounds, "
                      "so this section is not read as a circuit")

    # -- the routine

    def title(self) -> str | None:
        if not self.candidates:
            return None
        chosen = self.candidates[-1]
        for i in self.candidates[:-1]:
            self.note(i, f"kept this line as a note; the title is line {chosen + 1}")
        return " ".join(self.lines[chosen].content.split()).rstrip(" .:")

    def sections(self) -> tuple[Section, ...]:
        kept: list[_Group] = []
        for g in self.groups:
            if g.entries:
                kept.append(g)
                continue
            if self.roles.get(g.index) not in ("heading", "rounds"):
                continue  # opened by an exercise line that was kept as a note
            for k, i in enumerate((g.index, *g.setup_lines)):
                self.note(i, "no exercises could be read under this line; kept it as a note"
                          if k == 0 else None, to=g.before)
        blocks = [Block(g.heading.kind if g.heading else None,
                        tuple((e.name, e.prescription) for e in g.entries)) for g in kept]
        merged: list[tuple[_Group, SectionKind, list[_Entry]]] = []
        for g, kind in zip(kept, infer_kinds(blocks), strict=True):
            # Blank lines inside a phase: an unheaded block joins the section above it.
            if (merged and merged[-1][1] == kind and g.heading is None and g.rounds is None
                    and merged[-1][0].rounds is None):
                merged[-1][2].extend(g.entries)
            else:
                merged.append((g, kind, list(g.entries)))
        return tuple(
            Section(kind=kind, exercises=tuple(
                Exercise(e.name, e.prescription, "\n".join(t for _, t in sorted(e.notes)),
                         span=Span(e.index + 1, e.line.start + 1)) for e in entries),
                    title=g.heading.title if g.heading else None,
                    setup="\n".join(g.setup) or None, rounds=g.rounds, span=Span(g.index + 1, 1))
            for g, kind, entries in merged)

    def result(self) -> Imported:
        self.last = None
        title = self.title()
        sections = self.sections()
        notes = "\n".join(text for _, text in sorted(self.notes, key=lambda n: n[0]))
        routine = Routine(
            sections=sections, title=title, credit=self.credit, equipment=tuple(self.equipment),
            directions="\n".join(self.directions) or None, notes=notes or None)
        issues = sorted(self.issues, key=lambda x: (x.span.line, x.span.column) if x.span else (0,))
        uses = tuple(ImportedLine(i + 1, role)
                     for i, role in sorted(self.roles.items()))
        return Imported(routine, tuple(issues), uses)


def import_text(text: str, source: str = "<text>") -> Imported:
    """Read a workout as published (pasted from an article or a blog) into a Routine.

    Never raises: what it cannot read is kept as a note and reported as a warning.
    """
    lines = [_classify_short(raw) if len(raw) <= MAX_EXERCISE_LINE else _classify(raw)
             for raw in text.splitlines()]
    builder = _Builder(lines, source)
    builder.run()
    return builder.result()
