"""What a workout-history file holds once read, and the checks every reader shares.

The readers (Strong, Hevy) are pure: text in, an `Imported` out, never an exception. Every
problem is an `Issue` with the line and column where it is; `Issues` collects them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from strongstride.errors import Issue, Span, StrongstrideError
from strongstride.records import Unit

App = Literal["strong", "hevy"]
SetKind = Literal["normal", "warm-up", "drop", "failure"]
APP_NAMES: dict[App, str] = {"strong": "Strong", "hevy": "Hevy"}

# Ten years of daily sessions exported from Strong is about 10 MB; a file much larger than
# that is almost surely the wrong file, and reading it whole would take a lot of memory.
MAX_BYTES = 32 * 1024 * 1024
MAX_ERRORS = 100


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
