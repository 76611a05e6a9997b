"""What a workout-history file holds once read, and the CSV reading that Strong and Hevy share.

The readers are pure: text in, an `Imported` out, never an exception. Every problem is an
`Issue` with the line and column where it is (a CSV record may span lines when a note holds a
newline; a record is reported at the line where it starts). The CSV reader is our own so that
every field knows its line and column, and so that a truncated file (an unterminated quote)
is caught rather than silently swallowing the rest of the file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from strongstride.errors import Issue, Span, StrongstrideError
from strongstride.library import Library, default_library
from strongstride.records import Unit

App = Literal["strong", "hevy"]
SetKind = Literal["normal", "warm-up", "drop", "failure"]
APP_NAMES: dict[App, str] = {"strong": "Strong", "hevy": "Hevy"}

# Ten years of daily sessions exported from Strong is about 10 MB; a file much larger than
# that is almost surely the wrong file, and reading it whole would take a lot of memory.
MAX_BYTES = 32 * 1024 * 1024
MAX_ERRORS = 100
EARLIEST, LATEST = 1970, 2100  # dates outside are typos (and would not convert to instants)


@dataclass(frozen=True, slots=True)
class ImportedSet:
    """One set as the other app logged it; nothing is converted (kg stays kg, lb stays lb)."""

    exercise: str
    """The name as written in the file."""
    exercise_id: str | None
    """The library exercise it maps to; None keeps it as a custom exercise."""
    exercise_index: int
    """Which exercise of the workout, from 0 (a run of rows with the same exercise)."""
    set_number: int
    """Which set of that exercise, from 1, warm-ups included."""
    kind: SetKind = "normal"
    weight: float | None = None
    unit: Unit | None = None
    reps: int | None = None
    seconds: float | None = None
    distance: float | None = None
    distance_unit: str | None = None
    rpe: float | None = None
    note: str = ""
    superset: str | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class ImportedWorkout:
    started_at: datetime
    """As written in the file: a local time without a zone."""
    title: str
    sets: tuple[ImportedSet, ...]
    duration_seconds: int | None = None
    ended_at: datetime | None = None
    notes: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Skipped:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Imported:
    """A history file read: its workouts, the rows left out and why, and any problems."""

    app: App
    source: str
    workouts: tuple[ImportedWorkout, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    issues: tuple[Issue, ...] = ()

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def set_count(self) -> int:
        return sum(len(w.sets) for w in self.workouts)

    def report(self) -> list[str]:
        """What was read and what was left out, one line each, `FILE:LINE: ...` for rows."""
        name = APP_NAMES[self.app]
        lines = [f"{self.source}: {name} export: {len(self.workouts)} workouts, "
                 f"{self.set_count} sets read, {len(self.skipped)} rows skipped"]
        lines += [f"{self.source}:{s.line}: skipped: {s.reason}" for s in self.skipped]
        lines += [issue.render() for issue in self.issues]
        return lines


def read_text(path: Path, limit: int = MAX_BYTES, what: str = "history files") -> str:
    """A file's text; a clear error for a missing, huge, binary or non-UTF-8 file."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise StrongstrideError(too_big(where, size, limit, what))
        data = path.read_bytes()
    except OSError as error:
        raise StrongstrideError(f"{where}: cannot read the file ({error.strerror or error})"
                                ) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StrongstrideError(f"{where}: byte {error.start + 1} is not UTF-8 text; is this "
                                "the right file? Exports are UTF-8 text") from error


def too_big(where: str, size: int, limit: int = MAX_BYTES, what: str = "history files") -> str:
    split = (" If it is, split it in two (keep the header line in both) and import each part"
             if what == "history files" else "")
    return (f"{where}: the file is {size / 2**20:.1f} MB; {what} are limited to "
            f"{limit // 2**20} MB. Is this the right file?{split}")


class Issues:
    """Collects a reader's issues; keeps the first MAX_ERRORS errors and counts the rest."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.found: list[Issue] = []
        self.errors = 0

    def add(self, message: str, line: int | None = None, column: int = 1,
            severity: Literal["error", "warning"] = "error") -> None:
        if severity == "error":
            self.errors += 1
            if self.errors > MAX_ERRORS:
                return
        span = None if line is None else Span(line, column)
        self.found.append(Issue(message, span, severity, self.source))

    def done(self) -> tuple[Issue, ...]:
        dropped = self.errors - MAX_ERRORS
        if dropped <= 0:
            return tuple(self.found)
        return (*self.found, Issue(f"{dropped} more errors not shown; fix these first",
                                   None, "error", self.source))


# CSV -----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    cells: tuple[Cell, ...]

    @property
    def empty(self) -> bool:
        return all(not c.text.strip() for c in self.cells)


class Unterminated(Exception):
    """A quoted field that never closes: the file was cut off or a quote is missing."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line, self.column = line, column


def records(text: str, delimiter: str, first_line: int = 1) -> Iterator[Record]:
    """The CSV records of `text` (RFC 4180 quoting; LF, CRLF or CR), each cell with its place.

    A quote opens a quoted field only at the start of a cell, elsewhere it is kept as text
    (as Python's csv module does). Raises `Unterminated` at a quote that never closes.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()
    i, shift = 0, first_line
    while i < len(lines):
        line, start = lines[i], i + shift
        if '"' not in line:
            cells, column = [], 1
            for piece in line.split(delimiter):
                cells.append(Cell(piece, start, column))
                column += len(piece) + 1
            yield Record(start, tuple(cells))
            i += 1
            continue
        found: list[Cell] = []
        parts: list[str] = []
        at, j, cell_start, quoted = (start, 1), 0, True, False
        opened = (start, 1)
        while True:
            if quoted:
                k = line.find('"', j)
                if k < 0:
                    parts.append(line[j:] + "\n")
                    i += 1
                    if i == len(lines):
                        raise Unterminated(*opened)
                    line, j = lines[i], 0
                elif line.startswith('""', k):
                    parts.append(line[j:k + 1])
                    j = k + 2
                else:
                    parts.append(line[j:k])
                    j, quoted = k + 1, False
                continue
            if cell_start and line.startswith('"', j):
                quoted, cell_start, opened = True, False, (i + shift, j + 1)
                j += 1
                continue
            cell_start = False
            k = line.find(delimiter, j)
            parts.append(line[j:] if k < 0 else line[j:k])
            found.append(Cell("".join(parts), *at))
            if k < 0:
                break
            parts, j, cell_start, at = [], k + 1, True, (i + shift, k + 2)
        yield Record(start, tuple(found))
        i += 1


@dataclass(frozen=True, slots=True)
class Header:
    delimiter: str
    names: tuple[str, ...]
    line: int
    body: str
    """The text after the header line, which starts on line `line + 1`."""

    def index(self) -> dict[str, int]:
        """Column positions by folded name (the first column of a name wins)."""
        found: dict[str, int] = {}
        for i, name in enumerate(self.names):
            found.setdefault(fold(name), i)
        return found


def fold(name: str) -> str:
    return " ".join(name.replace("_", " ").casefold().split())


def read_header(text: str) -> Header | None:
    """The first non-blank line as a header, with the delimiter that splits it most."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    offset, number = 0, 1
    while offset < len(text):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        line = text[offset:end]
        if line.strip():
            best: tuple[int, str, tuple[str, ...]] | None = None
            for delimiter in (",", ";", "\t"):
                try:
                    first = next(records(line, delimiter))
                except Unterminated:
                    first = Record(1, (Cell(line, 1, 1),))
                names = tuple(c.text.strip() for c in first.cells)
                if best is None or len(names) > best[0]:
                    best = (len(names), delimiter, names)
            assert best is not None
            return Header(best[1], best[2], number, text[end + 1:])
        offset, number = end + 1, number + 1
    return None


# Which app wrote a header: a few columns only that app's exports have.
_SIGNATURES = {
    "a Strong export (read it with --strong)": {"date", "workout name", "exercise name",
                                                "set order"},
    "a Hevy export (read it with --hevy)": {"title", "start time", "exercise title",
                                            "set index"},
    "a strongstride export (restore it with import-data from the JSON backup)": {
        "kind", "session", "step key", "logged at"},
    "a FitNotes export, which strongstride cannot read": {"date", "exercise", "category"},
}


def looks_like(names: tuple[str, ...]) -> str | None:
    have = {fold(n) for n in names}
    for label, wanted in _SIGNATURES.items():
        if len(wanted & have) >= len(wanted) - 1:
            return label
    return None


def wrong_header(app: App, header: Header | None, expected: str, missing: list[str]) -> str:
    name = APP_NAMES[app]
    if header is None:
        return f"the file is empty; a {name} export starts with the header line {expected}"
    other = looks_like(header.names)
    if other is not None and not other.startswith(f"a {name} "):
        return f"this is not a {name} export: its header looks like {other}"
    if other is None:
        return (f"this is not a {name} export: expected the header line {expected}, "
                f"found {','.join(header.names)[:120]!r}")
    spelled = {fold(n): n for n in expected.split(",")}
    return (f"the header lacks the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(spelled.get(m, m)) for m in missing)}; expected {expected}")


# Values --------------------------------------------------------------------------------------
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")


def number(text: str, *, decimal_comma: bool) -> float | None:
    """A finite decimal number, or None; a comma is a decimal point only when asked."""
    text = text.strip()
    if len(text) > 30 or not _NUMBER.fullmatch(text):
        return None
    if "," in text:
        if not decimal_comma:
            return None
        text = text.replace(",", ".")
    value = float(text)
    return value if math.isfinite(value) else None


_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                   r"(?:Z|[+-]\d{2}:?\d{2})?", re.ASCII)


def iso_time(text: str) -> datetime | None:
    """`2024-01-15 18:30:00` (seconds optional), as written: a zone, if any, is dropped."""
    m = _DATE.fullmatch(text.strip())
    if m is None:
        return None
    return make_time(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))


def make_time(year: int, month: int, day: int, hour: int, minute: int,
              second: int = 0) -> datetime | None:
    if not EARLIEST <= year <= LATEST:
        return None
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def map_exercise(name: str, library: Library | None = None) -> str | None:
    """The library id for an exercise name as other apps write it, or None.

    Strong and Hevy add the equipment in brackets ("Goblet Squat (Kettlebell)"), so the name
    is also tried without it, and with it in front ("kettlebell goblet squat").
    """
    library = library or default_library()
    candidates = [name]
    m = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", name)
    if m:
        candidates += [m[1], f"{m[2]} {m[1]}"]
    for candidate in candidates:
        info = library.find(candidate)
        if info is not None:
            return info.id
    return None


# Reading a table of set rows -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Row:
    record: Record
    columns: dict[str, int]
    names: dict[str, str]
    """Folded name -> the name as the header writes it, for messages."""

    @property
    def line(self) -> int:
        return self.record.line

    def cell(self, name: str) -> Cell | None:
        i = self.columns.get(name)
        return None if i is None or i >= len(self.record.cells) else self.record.cells[i]

    def text(self, name: str) -> str:
        cell = self.cell(name)
        return "" if cell is None else cell.text.strip()


@dataclass
class _Draft:
    started_at: datetime
    title: str
    line: int
    duration_seconds: int | None = None
    ended_at: datetime | None = None
    notes: str = ""
    sets: list[ImportedSet] = field(default_factory=list)
    exercise: str | None = None
    index: int = -1
    number: int = 0


class TableReader:
    """Reads a CSV export row by row into workouts; subclasses read one row (`row`)."""

    app: App
    expected: str
    """The header line the app writes, for messages."""
    required: tuple[str, ...]
    """Folded names of the columns a file must have."""

    def __init__(self, source: str, library: Library | None) -> None:
        self.source = source
        self.library = library or default_library()
        self.issues = Issues(source)
        self.skipped: list[Skipped] = []
        self.drafts: dict[datetime, _Draft] = {}
        self.delimiter = ","
        self._ids: dict[str, str | None] = {}

    def read(self, text: str) -> Imported:
        header = self.open(text)
        if header is not None:
            columns = header.index()
            names = {fold(n): n for n in reversed(header.names)}
            self.delimiter = header.delimiter
            try:
                for record in records(header.body, header.delimiter, header.line + 1):
                    if record.empty:
                        self.skip(record.line, "empty row")
                    elif self.fits(record, len(header.names)):
                        self.row(Row(record, columns, names))
            except Unterminated as cut:
                self.issues.add("a quoted field opened here never closes: the file is cut off "
                                "or a '\"' is missing; export it again", cut.line, cut.column)
        return Imported(self.app, self.source, self.workouts(), tuple(self.skipped),
                        self.issues.done())

    def open(self, text: str) -> Header | None:
        if len(text) > MAX_BYTES:
            self.issues.add(too_big(self.source, len(text)).split(": ", 1)[1])
            return None
        if "\x00" in text:
            line = text.count("\n", 0, text.index("\x00")) + 1
            self.issues.add("the file holds NUL bytes: it is a binary file, not a CSV export",
                            line)
            return None
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: only from a caller's str
            line = text.count("\n", 0, error.start) + 1
            self.issues.add("the text holds a character that is not valid Unicode", line)
            return None
        header = read_header(text)
        have = set() if header is None else {fold(n) for n in header.names}
        missing = [name for name in self.required if name not in have]
        if missing:
            self.issues.add(wrong_header(self.app, header, self.expected, missing),
                            header.line if header else 1)
            return None
        return header

    def fits(self, record: Record, width: int) -> bool:
        cells = record.cells
        if len(cells) != width:
            at = cells[width] if len(cells) > width else cells[-1]
            self.issues.add(f"this row has {len(cells)} fields but the header has {width}; a "
                            f"value holding '{self.delimiter}' must be in double quotes",
                            at.line, at.column)
            return False
        return True

    def row(self, row: Row) -> None:
        raise NotImplementedError

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(Skipped(line, reason))

    def bad(self, row: Row, name: str, message: str) -> None:
        """An error about a cell: `Column 'text' message`."""
        cell = row.cell(name)
        label = row.names.get(name, name)
        if cell is None:
            self.issues.add(f"{label} {message}", row.line)
        else:
            self.issues.add(f"{label} {cell.text.strip()!r} {message}", cell.line, cell.column)

    def real(self, row: Row, name: str, *, low: float | None = 0.0,
             high: float | None = None) -> float | None:
        """The number in a column (None when empty); an error names the column."""
        text = row.text(name)
        if not text:
            return None
        value = number(text, decimal_comma=self.delimiter != ",")
        if value is None:
            self.bad(row, name, "is not a number")
        elif (low is not None and value < low) or (high is not None and value > high):
            span = f"from {low:g} to {high:g}" if low is not None and high is not None else (
                f"at least {low:g}" if low is not None else f"at most {high:g}")
            self.bad(row, name, f"is out of range: it must be {span}")
            return None
        return value

    def whole(self, row: Row, name: str) -> int | None:
        value = self.real(row, name, high=100_000)
        if value is None:
            return None
        if not value.is_integer():
            self.bad(row, name, "is not a whole number")
            return None
        return int(value)

    def exercise_id(self, name: str) -> str | None:
        if name not in self._ids:
            self._ids[name] = map_exercise(name, self.library)
        return self._ids[name]

    def draft(self, started: datetime, title: str, line: int) -> _Draft:
        """The workout that started at `started` (rows of one workout share the start)."""
        found = self.drafts.get(started)
        if found is None:
            found = self.drafts[started] = _Draft(started, title, line)
        return found

    def add(self, draft: _Draft, logged: ImportedSet) -> None:
        """A set; a run of rows with the same exercise is one exercise of the workout."""
        if logged.exercise != draft.exercise:
            draft.exercise, draft.index, draft.number = logged.exercise, draft.index + 1, 0
        draft.number += 1
        draft.sets.append(replace(logged, exercise_id=self.exercise_id(logged.exercise),
                                  exercise_index=draft.index, set_number=draft.number))

    def workouts(self) -> tuple[ImportedWorkout, ...]:
        return tuple(
            ImportedWorkout(d.started_at, d.title, tuple(d.sets), d.duration_seconds,
                            d.ended_at, d.notes, line=d.line)
            for d in sorted(self.drafts.values(), key=lambda d: d.started_at) if d.sets)
