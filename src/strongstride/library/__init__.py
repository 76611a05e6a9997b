"""The exercise library: what each exercise works, needs, and how to do it.

Importing this package is cheap; the data file is read (and pydantic imported) only on the
first `load_library()` or `default_library()` call, and the shipped library once per process.
"""

from pathlib import Path

from strongstride.library.catalog import (
    DEFAULT_PATH,
    ExerciseInfo,
    Library,
    default_library,
    name_key,
)
from strongstride.library.equipment import EQUIPMENT, MAY_LACK, Equipment, equipment


def load_library(path: Path | None = None) -> Library:
    """Read and check a library file; without a path, the shipped library (read once).

    Raises StrongstrideError, whose message and issues say where the file is wrong and how to
    fix it, for a missing file, a TOML syntax error or data that breaks the rules (a file she
    gives is checked in full, with pydantic; the shipped one is checked by the tests).
    """
    if path is None:
        return default_library()
    from strongstride.library._validate import read_library

    return read_library(path)


__all__ = [
    "DEFAULT_PATH",
    "EQUIPMENT",
    "MAY_LACK",
    "Equipment",
    "ExerciseInfo",
    "Library",
    "default_library",
    "equipment",
    "load_library",
    "name_key",
]
