"""CSV text with every field's line and column, and the header line that names the app.

The CSV reader is our own so that every field knows its line and column (a record may span
lines when a note holds a newline; a record is reported at the line where it starts), and so
that a truncated file (an unterminated quote) is caught rather than silently swallowing the
rest of the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from strongstride.exchange.imported import APP_NAMES, App


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
