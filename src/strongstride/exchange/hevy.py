"""Read a Hevy (hevyapp.com) CSV export: one row per set.

Header: `title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe`; users on imperial units
get `weight_lbs` and `distance_miles` instead. Times are written like `7 Apr 2026, 10:14`
(local time, no zone); notes may hold newlines, quoted. `set_type` is `normal`, `warmup`,
`dropset` or `failure`; exercises with the same `superset_id` in a workout are a superset.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TypeVar

from strongstride.exchange.csvread import (
    Imported,
    ImportedSet,
    Row,
    SetKind,
    TableReader,
    iso_time,
    make_time,
)
from strongstride.library import Library
from strongstride.records import Unit

EXPECTED = ("title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
            "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe")
_KINDS: dict[str, SetKind] = {"normal": "normal", "warmup": "warm-up", "warm up": "warm-up",
                              "dropset": "drop", "drop set": "drop", "failure": "failure"}
_WEIGHTS: tuple[tuple[str, Unit], ...] = (("weight kg", "kg"), ("weight lbs", "lb"),
                                          ("weight lb", "lb"))
_DISTANCES: tuple[tuple[str, str], ...] = (("distance km", "km"), ("distance miles", "mi"),
                                           ("distance mi", "mi"))
U = TypeVar("U", bound=str)
_MONTHS = {name: i for i, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"),
    start=1) for name in names.split()}
_TIME = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?",
                   re.ASCII)


def read_hevy(text: str, source: str = "<hevy.csv>", *,
              library: Library | None = None) -> Imported:
    """Read a Hevy CSV export. Never raises: problems are the result's issues."""
    return _HevyReader(source, library).read(text)


def hevy_time(text: str) -> datetime | None:
    """`7 Apr 2026, 10:14` (Hevy's form) or `2026-04-07 10:14:00`, as written."""
    m = _TIME.fullmatch(text.strip())
    if m is None:
        return iso_time(text)
    month = _MONTHS.get(m[2].casefold())
    if month is None:
        return None
    return make_time(int(m[3]), month, int(m[1]), int(m[4]), int(m[5]), int(m[6] or 0))


class _HevyReader(TableReader):
    app = "hevy"
    expected = EXPECTED
    required = ("title", "start time", "exercise title", "set type")

    def row(self, row: Row) -> None:
        written = row.text("set type")
        kind = _KINDS.get(" ".join(written.casefold().replace("_", " ").split()))
        if kind is None:
            self.skip(row.line, f"set_type {written!r} is not normal, warmup, dropset or "
                                "failure")
            return
        errors = self.issues.errors
        started = self.time(row, "start time")
        ended = self.time(row, "end time") if row.text("end time") else None
        exercise = row.text("exercise title")
        if not exercise:
            self.bad(row, "exercise title", "is empty; every set needs its exercise")
        if row.text("set index"):
            self.whole(row, "set index")
        weight, unit = self.measure(row, _WEIGHTS)
        distance, distance_unit = self.measure(row, _DISTANCES)
        logged = ImportedSet(
            exercise, None, 0, 0, kind, weight=weight, unit=unit if weight is not None else None,
            reps=self.whole(row, "reps"), seconds=self.real(row, "duration seconds") or None,
            distance=distance, distance_unit=distance_unit if distance is not None else None,
            rpe=self.real(row, "rpe", low=1, high=10), note=_note(row.text("exercise notes")),
            superset=row.text("superset id") or None, line=row.line)
        if started is None or self.issues.errors > errors:
            return
        draft = self.draft(started, row.text("title"), row.line)
        if not draft.sets:
            draft.notes = _note(row.text("description"))
            if ended is not None and ended < started:
                self.issues.add(f"the workout ends ({ended:%Y-%m-%d %H:%M}) before it starts; "
                                "its end is left out", row.line, severity="warning")
            else:
                draft.ended_at = ended
        self.add(draft, logged)

    def time(self, row: Row, name: str) -> datetime | None:
        found = hevy_time(row.text(name))
        if found is None:
            self.bad(row, name, "is not a time like 7 Apr 2026, 10:14")
        return found

    def measure(self, row: Row,
                columns: tuple[tuple[str, U], ...]) -> tuple[float | None, U | None]:
        """The value of the first unit column with one (weight_kg or weight_lbs, ...)."""
        for name, unit in columns:
            if row.text(name):
                return self.real(row, name, low=None if "weight" in name else 0) or None, unit
        return None, None


def _note(text: str) -> str:
    """Notes keep their lines (without Windows line ends or trailing blanks)."""
    return "\n".join(line.rstrip() for line in text.replace("\r", "").split("\n")).strip()
