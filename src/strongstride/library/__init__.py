"""The exercise library: what each exercise works, needs, and how to do it.

Importing this package is cheap; the data file is read (and pydantic imported) only on the
first `load_library()` or `default_library()` call, and the shipped library once per process.
"""

from strongstride.library.catalog import (
    DEFAULT_PATH,
    ExerciseInfo,
    Library,
    default_library,
    load_library,
    name_key,
)
from strongstride.library.equipment import EQUIPMENT, MAY_LACK, Equipment, equipment

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
