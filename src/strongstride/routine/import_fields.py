"""Prescriptions from details on their own lines: 'Sets: 2', 'Reps: 8-12', 'Rest: 60 s'.

`prescription_of` gives an exercise its prescription: read on its own line in pass 1, or made
from the details below it, or both. `compose` puts the fields together into prescription text,
remembering where each piece came from, so a problem in the text can be reported at its line
and column; plain numbers in range skip that (`_plain_fields`), to the same result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from strongstride.routine.import_lines import NAME_TRIM, Line, Place
from strongstride.routine.model import Prescription, Range, SideWord
from strongstride.routine.prescription import LIMITS, Reading, read_prescription

Field = tuple[str, int, int]  # value, line number, 1-based column
_NAME_SIDE = re.compile(
    r"[\s,]*(?:\(\s*)?(?:on\s+)?(?:each|every|per)\s+(?P<side>leg|side)s?\s*\)?$", re.IGNORECASE)


def placed(fields: dict[str, Place], line: int) -> dict[str, Field]:
    return {key: (value, line, column) for key, (value, column) in fields.items()}


def _read_shown(text: str) -> Reading:
    """A reading whose problems are shown to the user: with hints, but only when they matter."""
    reading = read_prescription(text, hints=False)
    return reading if reading.structural else read_prescription(text)


_BARE = re.compile(r"\d{1,9}(?:\s*(?:-|to)\s*\d{1,9})?")
_REP_UNIT = re.compile(r"\s*(?:reps?|repetitions?)\b", re.IGNORECASE)
_TIME_UNIT = re.compile(r"\s*(?:seconds?|secs?|s|minutes?|mins?|m)\b|:", re.IGNORECASE)


class Text:
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


def compose(fields: dict[str, Field], home: tuple[int, int], work: bool = True) -> Text:
    """The prescription text that 'Sets: 2', 'Reps: 8-12', 'Rest: 60 s' ... add up to."""
    t = Text(*home)
    if work:
        if "sets" in fields:  # first: '3 sets' over '15 seconds' is '3 sets of 15 seconds'
            t.add(*fields["sets"])
            t.glue(" holds of " if "hold" in fields else " sets of ")
        if "prescription" in fields:
            t.add(*fields["prescription"])
            t.glue(" ")
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


FieldProblem = tuple[int, int, str]  # line, column, message


def prescription_of(line: Line, index: int, fields: dict[str, Field], details: list[int],
                    lines: Sequence[Line]) -> tuple[Prescription | None, list[FieldProblem]]:
    """The prescription of the exercise on line `index`: read on its line, or composed from
    the details lines below it, or both; or the problems, each at its line and column."""
    home = (index + 1, line.start + 1)
    if line.reading is not None:
        p = line.reading.prescription
        if p is None:
            return None, [(index + 1, line.at + q.offset + 1, q.message)
                          for q in line.reading.problems]
        return merge_extras(p, fields, home) if fields else (p, [])
    if (len(fields) == 1 and "prescription" in fields and details
            and (reading := lines[details[0]].reading) is not None):
        # The prescription alone on the line below, already read in pass 1.
        value, number, column = fields["prescription"]
        return reading.prescription, [(number, column + min(q.offset, len(value)), q.message)
                                      for q in reading.problems]
    return read_fields(fields, home)


def read_fields(fields: dict[str, Field], home: tuple[int, int]
                 ) -> tuple[Prescription | None, list[FieldProblem]]:
    if (p := _plain_fields(fields)) is not None:
        return p, []
    t = compose(fields, home)
    reading = _read_shown(t.text)
    return reading.prescription, [(*t.locate(p.offset), p.message) for p in reading.problems]


_PLAIN = re.compile(r"(\d{1,9})(?:\s*(?:-|to)\s*(\d{1,9}))?"
                    r"(?:\s*(seconds?|secs?|s|minutes?|mins?|m))?", re.IGNORECASE)
_PLAIN_KEYS = frozenset({"sets", "reps", "time", "hold", "rest"})
_LIMIT_OF = {"sets": "sets", "reps": "reps", "time": "seconds", "hold": "seconds", "rest": "rest"}


def _plain_fields(fields: dict[str, Field]) -> Prescription | None:
    """What `compose` and reading give for plain numbers in range ('Sets: 3', 'Reps: 8-12',
    'Time: 30 s', 'Rest: 60'), without putting the text together and reading it; else None."""
    if not _PLAIN_KEYS.issuperset(fields) or ("reps" in fields) + ("time" in fields) + (
            "hold" in fields) != 1:
        return None
    found: dict[str, Range] = {}
    for key, (value, _, _) in fields.items():
        m = _PLAIN.fullmatch(value)
        if m is None or (m.group(3) and key in ("sets", "reps")):
            return None
        scale = 60 if m.group(3) and m.group(3)[0] in "mM" else 1
        lo = int(m.group(1)) * scale
        hi = int(m.group(2)) * scale if m.group(2) else lo
        low, high = LIMITS[_LIMIT_OF[key]]
        if not low <= lo <= hi <= high:
            return None  # read as text, for the message
        found[key] = Range(lo, hi)
    seconds = found.get("time") or found.get("hold")
    hold = "hold" in found and "sets" in found
    return Prescription(sets=found.get("sets"), reps=found.get("reps"), seconds=seconds,
                        set_word="hold" if hold else "set", rest_seconds=found.get("rest"))


def merge_extras(p: Prescription, fields: dict[str, Field], home: tuple[int, int]
                  ) -> tuple[Prescription | None, list[FieldProblem]]:
    """Rest, load, tempo or band from lines below an exercise, merged into its prescription."""
    t = compose(fields, home, work=False)
    t.text = "1 rep" + t.text
    t.marks = [(at + 5, n, line, column) for at, n, line, column in t.marks]
    reading = _read_shown(t.text)
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


def side_from_name(name: str, p: Prescription) -> tuple[str, Prescription]:
    """'Single-leg deadlifts (each side)' -> the side goes into the prescription."""
    low = name.lower()
    m = _NAME_SIDE.search(name) if "each" in low or "per" in low or "every" in low else None
    if m is None:
        return name, p
    side: SideWord = "leg" if m.group("side").lower() == "leg" else "side"
    rest = name[: m.start()].rstrip(NAME_TRIM)
    if not any(c.isalpha() for c in rest) or p.side not in (None, side):
        return name, p
    return rest, replace(p, side=side)
