"""Read a Strong (strong.app) CSV export: one row per set, rests and notes mixed in.

Two dialects are read, told apart by the header:

- current: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,
  Notes,Workout Notes,RPE`. The file does not say whether weights are kg or lb (Strong writes
  the user's unit), so the caller says (`unit=`); without it kg is assumed and a warning says so.
- older: `;`-separated with `Weight Unit` and `Distance Unit` columns, kg and lbs mixed in one
  file, and decimal commas where the phone's language uses them.

`Set Order` is the set's number, or `W` (warm-up), `D` (drop set), `F` (failure), or
`Rest Timer` for a row that only logs a rest (skipped). Strong writes 0 for a field the
exercise does not use, so a 0 weight, time or distance is read as "not logged".
"""

from __future__ import annotations

import re

from strongstride.exchange.csvread import (
    Imported,
    ImportedSet,
    Row,
    SetKind,
    TableReader,
    iso_time,
)
from strongstride.library import Library
from strongstride.records import Unit

EXPECTED = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
            "Notes,Workout Notes,RPE")
_KINDS: dict[str, SetKind] = {"w": "warm-up", "d": "drop", "f": "failure"}
_UNITS: dict[str, Unit] = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
_HEADER_UNITS: dict[str, Unit] = {"weight (kg)": "kg", "weight (kgs)": "kg",
                                  "weight (lb)": "lb", "weight (lbs)": "lb"}
_DURATION = re.compile(r"(?:(\d{1,4})\s*h)?\s*(?:(\d{1,5})\s*m(?:in)?)?\s*(?:(\d{1,6})\s*s)?",
                       re.ASCII | re.IGNORECASE)


def read_strong(text: str, source: str = "<strong.csv>", *, unit: Unit | None = None,
                library: Library | None = None) -> Imported:
    """Read a Strong CSV export. Never raises: problems are the result's issues.

    `unit` is the unit of the weights in a current-format file (Strong's setting); files with
    a `Weight Unit` column say it on every row and `unit` only fills empty cells.
    """
    return _StrongReader(source, library, unit).read(text)


class _StrongReader(TableReader):
    app = "strong"
    expected = EXPECTED
    required = ("date", "workout name", "exercise name", "set order")

    def __init__(self, source: str, library: Library | None, unit: Unit | None) -> None:
        super().__init__(source, library)
        self.unit = unit
        self.assumed_at: int | None = None

    def read(self, text: str) -> Imported:
        result = super().read(text)
        if self.assumed_at is None:
            return result
        self.issues.add("the file does not say whether weights are kg or lb (Strong's current "
                        "export leaves the unit out); they were read as kg. If Strong is set to "
                        "lbs, import again giving the unit lb", self.assumed_at,
                        severity="warning")
        return Imported(result.app, result.source, result.workouts, result.skipped,
                        self.issues.done())

    def row(self, row: Row) -> None:
        order = row.text("set order")
        if order.casefold() == "rest timer":
            self.skip(row.line, "rest timer (Strong logs each rest as a row of its own)")
            return
        kind: SetKind | None = (
            "normal" if re.fullmatch(r"[0-9]{1,6}", order) else _KINDS.get(order.casefold()))
        if kind is None:
            self.skip(row.line, f"Set Order {order!r} is not a set number, W, D, F or "
                                "Rest Timer")
            return
        errors = self.issues.errors
        started = iso_time(row.text("date"))
        if started is None:
            self.bad(row, "date", "is not a date and time like 2024-01-15 18:30:00")
        exercise = row.text("exercise name")
        if not exercise:
            self.bad(row, "exercise name", "is empty; every set needs its exercise")
        column = next((n for n in ("weight", *_HEADER_UNITS) if n in row.columns), "weight")
        weight = self.real(row, column, low=None) or None
        seconds = self.real(row, "seconds") or None
        distance = self.real(row, "distance") or None
        reps = self.whole(row, "reps")
        logged = ImportedSet(
            exercise, None, 0, 0, kind, weight=weight,
            unit=self.weight_unit(row, column) if weight is not None else None,
            reps=None if reps == 0 and (seconds or distance) else reps,
            seconds=seconds, distance=distance,
            distance_unit=(row.text("distance unit").casefold() or None) if distance else None,
            rpe=self.real(row, "rpe", low=1, high=10), note=row.text("notes"), line=row.line)
        duration = self.duration(row)
        if started is None or self.issues.errors > errors:
            return
        draft = self.draft(started, row.text("workout name"), row.line)
        if not draft.sets:
            draft.duration_seconds, draft.notes = duration, row.text("workout notes")
        self.add(draft, logged)

    def weight_unit(self, row: Row, column: str) -> Unit | None:
        written = row.text("weight unit").casefold()
        if written:
            unit = _UNITS.get(written)
            if unit is None:
                self.bad(row, "weight unit", "is not kg or lbs")
            return unit
        if column in _HEADER_UNITS:
            return _HEADER_UNITS[column]
        if self.unit is None and self.assumed_at is None:
            self.assumed_at = row.line
        return self.unit or "kg"

    def duration(self, row: Row) -> int | None:
        name = "duration" if "duration" in row.columns else "workout duration"
        text = row.text(name)
        if not text:
            return None
        if re.fullmatch(r"[0-9]{1,7}", text):
            return int(text)
        m = _DURATION.fullmatch(text)
        if m is None or not any(m.groups()):
            self.bad(row, name, "is not a duration like 1h 5m")
            return None
        hours, minutes, seconds = (int(g or 0) for g in m.groups())
        return hours * 3600 + minutes * 60 + seconds

