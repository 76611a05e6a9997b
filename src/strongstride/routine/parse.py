"""Routine text -> Routine, read strictly: every line is understood or reported.

The format (see docs/routine-format.md):

    # Butt and Leg Workout for Runners
    credit: Lauren Wentz, PT, CSCS, RRCA-certified running coach
    equipment: loop resistance bands, a light one and a heavy one
    directions: Warm up first, then ...

    ## activation: Glute activation exercises
    setup: Put a looser band around your ankles and a tighter one above your knees.
    Standing clamshell: 2 sets of 12 reps
        Keep the knees pressing out.

Indented lines continue the item above them (a header field, a setup or an exercise's notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from strongstride.errors import Issue, Span
from strongstride.routine.model import (
    SECTION_KINDS,
    Exercise,
    Prescription,
    Routine,
    Section,
    SectionKind,
)
from strongstride.routine.prescription import read_prescription, write_prescription

MAX_LINE = 2000
MAX_TEXT = 1_000_000
HEADER_FIELDS = ("credit", "equipment", "directions", "notes")

_HEADING = re.compile(
    r"##(?P<gap>\s*)(?P<kind>[^,:]*?)\s*(?:,\s*(?P<how>[^:]*?))?\s*(?::\s*(?P<title>.*))?$"
)
# How a section is done, after the kind: '3 rounds', 'AMRAP 12 min', 'for 7 minutes'.
_ROUNDS = re.compile(r"(?P<rounds>\S+)\s+rounds?$", re.IGNORECASE)


def _time(i: str) -> str:
    return rf"(?P<n{i}>\d{{1,4}})\s*(?P<unit{i}>minutes?|mins?|seconds?|secs?|s)"


_CAP = re.compile(rf"(?:amrap\s+{_time('')}|{_time('2')}\s+amrap|for\s+{_time('3')})$",
                  re.IGNORECASE)
TIME_CAP_LIMITS = (10, 3600)
# Where a prescription may start after a name whose ':' was forgotten ('Squat 2 sets of 10').
_LONGEST_TAIL = 200  # longer is no forgotten ':' but a line of prose
_TAIL = re.compile(r"\s+(?=\d|amrap|max|to\s+failure|as\s+many|work|rest|@)", re.IGNORECASE)
# A line with no ':' is an exercise with no counts; ending like a sentence, it is not one.
_SENTENCE_END = (".", "!", "?")
_FIELD = re.compile(r"(?P<key>[A-Za-z][A-Za-z -]*?)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True, slots=True)
class Parsed:
    """The routine (None when there are errors) and every issue found."""

    routine: Routine | None
    issues: tuple[Issue, ...]

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "error")


@dataclass
class _OpenExercise:
    name: str
    prescription: Prescription | None
    line: int
    notes: list[str] = field(default_factory=list)


@dataclass
class _Open:
    """A section while its lines are being read."""

    kind: SectionKind
    title: str | None
    rounds: int | None
    time_cap_seconds: int | None
    line: int
    setup: list[str] | None = None
    broken: bool = False  # a line in it had an error: do not also say it is empty
    exercises: list[_OpenExercise] = field(default_factory=list)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.issues: list[Issue] = []
        self.title: str | None = None
        self.header: dict[str, list[str]] = {}
        self.equipment: list[str] = []
        self.sections: list[_Open] = []
        # Where an indented line goes: a list of lines to extend, or None if nowhere.
        self.continues: list[str] | None = None

    def error(self, line: int, column: int, message: str) -> None:
        if self.sections and line > self.sections[-1].line:
            self.sections[-1].broken = True
        self.issues.append(Issue(message, Span(line, column), "error", self.source))

    def read(self, text: str) -> Routine | None:
        if not text.strip():
            self.error(1, 1, "the file is empty; a routine needs a section heading such as "
                             "'## main' and at least one line like "
                             "'Goblet squat: 2 sets of 12 reps'")
            return None
        if len(text) > MAX_TEXT:
            self.error(1, 1, f"the file has {len(text):,} characters; a routine is limited to "
                             f"{MAX_TEXT:,}. Is this the right file?")
            return None
        for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
            self.read_line(number, raw)
        return self.finish()

    def read_line(self, number: int, raw: str) -> None:
        if len(raw) > MAX_LINE:
            self.error(number, MAX_LINE + 1, f"line is {len(raw):,} characters long; lines are "
                                             f"limited to {MAX_LINE:,}")
            self.continues = None
            return
        bad = next((i for i, ch in enumerate(raw) if ch < " " and ch != "\t"), None)
        if bad is not None:
            self.error(number, bad + 1, f"control character {ord(raw[bad]):#04x} in the text; "
                                        "is this a binary file? Routines are plain UTF-8 text")
            self.continues = None
            return
        line = raw.rstrip()
        if not line or line.lstrip().startswith("//"):
            return
        if line[0] in " \t":
            self.read_continuation(number, line)
        elif line.startswith("## "):
            self.read_heading(number, line)
        elif line.startswith("# "):
            self.read_title(number, line)
        elif self.sections:
            self.read_section_line(number, line)
        else:
            self.read_header_field(number, line)

    def read_continuation(self, number: int, line: str) -> None:
        text = line.strip()
        column = len(line) - len(line.lstrip()) + 1
        if self.continues is None:
            self.error(number, column, "an indented line must follow an exercise (as a note), "
                                       "a header field or a setup line; remove the indent")
            return
        self.continues.append(text)

    def read_title(self, number: int, line: str) -> None:
        self.continues = None
        if self.sections or self.header or self.title is not None:
            self.error(number, 1, "the title ('# ...') must be the first line; one title only")
            return
        self.title = line[2:].strip() or None
        if self.title is None:
            self.error(number, 3, "the title is empty; write it after '# '")

    def read_header_field(self, number: int, line: str) -> None:
        self.continues = None
        m = _FIELD.match(line)
        key = m.group("key").strip().lower() if m else ""
        if not m or key not in HEADER_FIELDS:
            hint = ", ".join(f"'{k}:'" for k in HEADER_FIELDS)
            self.error(number, 1, f"expected a header field ({hint}) or a section heading such "
                                  "as '## warm-up' before any exercise")
            return
        value = m.group("value").strip()
        if not value:
            self.error(number, m.start("value") + 1, f"'{key}:' has no text after it")
            return
        lines = [value]
        if key == "equipment":
            self.equipment.append(value)
            self.header.setdefault(key, [])
            self.continues = None
            return
        if key in self.header:
            self.error(number, 1, f"'{key}:' is given twice; keep one (indent further lines "
                                  "to continue it)")
            return
        self.header[key] = lines
        self.continues = lines

    def read_heading(self, number: int, line: str) -> None:
        self.continues = None
        m = _HEADING.match(line)
        assert m is not None  # the pattern matches any line that starts with '##'
        kind = m.group("kind").strip().lower()
        column = m.start("kind") + 1
        if kind not in SECTION_KINDS:
            import difflib  # only for a mistake

            close = difflib.get_close_matches(kind, SECTION_KINDS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.error(number, column, f"unknown section kind '{m.group('kind')}'; {hint}"
                                       f"use one of {', '.join(SECTION_KINDS)}")
            kind = "main"
        rounds = cap = None
        if m.group("how") is not None:
            rounds, cap = self.read_how(number, m.group("how"), m.start("how") + 1)
        title = (m.group("title") or "").strip() or None
        if m.group("title") is not None and title is None:
            self.error(number, m.start("title") + 1, "the section title after ':' is empty; "
                                                     "write one or drop the ':'")
        self.sections.append(_Open(kind, title, rounds, cap, number))  # type: ignore[arg-type]

    def read_how(self, number: int, how: str, column: int) -> tuple[int | None, int | None]:
        """A heading's '3 rounds' or time cap ('AMRAP 12 min', 'for 7 minutes') -> (rounds,
        seconds), each None unless given and good."""
        rounds = _ROUNDS.match(how)
        if rounds is not None:
            text = rounds.group("rounds")
            if not text.isdigit() or not 2 <= int(text) <= 20:
                self.error(number, column, f"rounds must be a whole number from 2 to 20, not "
                                           f"'{text}'")
                return None, None
            return int(text), None
        cap = _CAP.match(how)
        if cap is None:
            self.error(number, column, f"cannot read '{how}' after the section kind; write "
                                       "', 3 rounds' for a circuit or ', AMRAP 12 min' (or "
                                       "', for 12 minutes') for a block done for a time")
            return None, None
        n, unit = next((cap.group(f"n{i}"), cap.group(f"unit{i}")) for i in ("", "2", "3")
                       if cap.group(f"n{i}"))
        seconds = int(n) * (60 if unit[0].lower() == "m" else 1)
        low, high = TIME_CAP_LIMITS
        if not low <= seconds <= high:
            self.error(number, column, f"a block's time must be from {low} seconds to "
                                       f"{high // 60} minutes, not {n} {unit}")
            return None, None
        return None, seconds

    def read_section_line(self, number: int, line: str) -> None:
        section = self.sections[-1]
        self.continues = None
        name, colon, rest = line.partition(":")
        name = name.strip()
        if name.lower() == "setup":
            if section.exercises or section.setup is not None:
                self.error(number, 1, "'setup:' belongs right after the section heading, "
                                      "before the first exercise, once per section")
                return
            value = rest.strip()
            if not value:
                self.error(number, 7, "'setup:' has no text after it")
                return
            section.setup = [value]
            self.continues = section.setup
            return
        if not colon and not self.bare_name(number, line):
            return
        if not name:
            self.error(number, 1, "the exercise name before ':' is empty")
            return
        reading = read_prescription(rest, counts_optional=True)
        for problem in reading.problems:
            column = len(line) - len(rest) + problem.offset + 1
            self.error(number, column, problem.message)
        exercise = _OpenExercise(name, reading.prescription, number)
        section.exercises.append(exercise)
        self.continues = exercise.notes

    def bare_name(self, number: int, line: str) -> bool:
        """A line with no ':' is an exercise with no counts ('Child's pose'); see
        `bare_name_problem` for the lines that are errors instead."""
        problem = bare_name_problem(line)
        if problem is not None:
            self.error(number, 1, problem)
        return problem is None

    def finish(self) -> Routine | None:
        if not self.sections:
            if not self.issues:
                self.error(1, 1, "no sections; add a heading such as '## main' followed by "
                                 "exercise lines")
            return None
        sections = []
        for s in self.sections:
            if not s.exercises and not s.broken:
                self.error(s.line, 1, "this section has no exercises; add a line like "
                                      "'Goblet squat: 2 sets of 12 reps' or remove the heading")
            exercises = tuple(
                Exercise(e.name, e.prescription, "\n".join(e.notes), span=Span(e.line, 1))
                for e in s.exercises
                if e.prescription is not None
            )
            sections.append(Section(
                kind=s.kind, exercises=exercises, title=s.title,
                setup="\n".join(s.setup) if s.setup else None, rounds=s.rounds,
                time_cap_seconds=s.time_cap_seconds, span=Span(s.line, 1),
            ))
        if any(i.severity == "error" for i in self.issues):
            return None

        def joined(key: str) -> str | None:
            return "\n".join(self.header[key]) if key in self.header else None
        return Routine(
            sections=tuple(sections), title=self.title, credit=joined("credit"),
            equipment=tuple(self.equipment), directions=joined("directions"),
            notes=joined("notes"),
        )


def bare_name_problem(line: str) -> str | None:
    """Why a line with no ':' is not an exercise with no counts, or None when it is one.

    It is not when it reads as a name and a prescription with the ':' forgotten ('Squat 2
    sets of 10 reps') or as a sentence (ending in '.', '!' or '?'): a note left unindented.
    """
    if read_prescription(line, hints=False).ok:
        return "this is a prescription with no exercise name; write 'Name: prescription'"
    for m in _TAIL.finditer(line, max(0, len(line) - _LONGEST_TAIL)):
        reading = read_prescription(line[m.end():], hints=False)
        if reading.ok and reading.prescription is not None:
            return ("expected 'Exercise name: prescription'; put a ':' after the name "
                    f"('{line[:m.start()]}: {write_prescription(reading.prescription)}')")
    if line.endswith(_SENTENCE_END):
        return ("expected 'Exercise name: prescription', for example 'Lateral lunge: 2 sets "
                "of 12 reps on each leg', or the name alone for an exercise with no counts; "
                "this line reads as a sentence: indent it under an exercise to make it a note")
    return None


def parse_routine(text: str, source: str = "<text>") -> Parsed:
    """Read routine text. The routine is returned only when there are no errors."""
    reader = _Reader(source)
    routine = reader.read(text)
    issues = sorted(reader.issues, key=lambda i: (i.span.line, i.span.column) if i.span else (0, 0))
    return Parsed(routine, tuple(issues))
