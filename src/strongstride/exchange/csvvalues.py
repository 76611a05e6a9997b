"""The values in a history file's cells: numbers, dates and exercise names."""

from __future__ import annotations

import math
import re
from datetime import datetime

from strongstride.library import Library, default_library

EARLIEST, LATEST = 1970, 2100  # dates outside are typos (and would not convert to instants)
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
