"""Reading a CSV export's set rows into workouts: what Strong and Hevy share.

The pieces live in smaller modules and are re-exported here, where the readers and their
tests have always found them: `imported` (what a history file holds once read, `read_text`,
`Issues`), `csvtext` (CSV records and the header line) and `csvvalues` (numbers, dates and
exercise names).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from strongstride.exchange.csvtext import (
    Cell,
    Header,
    Record,
    Unterminated,
    fold,
    looks_like,
    read_header,
    records,
    wrong_header,
)
from strongstride.exchange.csvvalues import (
    EARLIEST,
    LATEST,
    iso_time,
    make_time,
    map_exercise,
    number,
)
from strongstride.exchange.imported import (
    APP_NAMES,
    MAX_BYTES,
    MAX_ERRORS,
    App,
    Imported,
    ImportedSet,
    ImportedWorkout,
    Issues,
    SetKind,
    Skipped,
    read_text,
    too_big,
)
from strongstride.library import Library, default_library

__all__ = [
    "APP_NAMES", "EARLIEST", "LATEST", "MAX_BYTES", "MAX_ERRORS", "App", "Cell", "Header",
    "Imported", "ImportedSet", "ImportedWorkout", "Issues", "Record", "Row", "SetKind",
    "Skipped", "TableReader", "Unterminated", "fold", "iso_time", "looks_like", "make_time",
    "map_exercise", "number", "read_header", "read_text", "records", "too_big", "wrong_header",
]


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
