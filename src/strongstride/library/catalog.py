"""The exercise catalogue: frozen values and lookups by name, id or alias.

This module is imported at CLI start-up, so it imports nothing heavy. The shipped library is
read with the TOML reader alone (`read_shipped`): the tests check that file against every rule
and hold the two readings equal. A library file the user gives goes through `_validate`, which
checks it with pydantic and says where it is wrong.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("exercises.toml")

# Typographic apostrophes and dashes, as pasted from web pages, fold to their plain forms.
_FOLD = str.maketrans(
    "\u2018\u2019\u02bc`\u00b4\u2010\u2011\u2012\u2013\u2014_\u00a0\u2009\u202f",
    "'''''------   ",
)


def name_key(text: str) -> str:
    """The form names are compared in: case, apostrophes, hyphens and spacing do not count.

    "Runner’s  gastrocnemius-stretch" and "runners gastrocnemius stretch" give the same key.
    """
    folded = text.translate(_FOLD).casefold().replace("'", "").replace("-", " ")
    return " ".join(folded.split())


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseInfo:
    """One exercise of the library: what it works, what it needs and how to do it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    one_sided: bool
    seconds_per_rep: float
    hold: bool = False
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    modifications: tuple[tuple[str, str], ...] = ()
    """(equipment id, what to do without it) pairs."""
    variations: tuple[tuple[str, str], ...] = ()
    """(equipment id, the name of the exercise as done without it) pairs."""

    @property
    def muscles(self) -> tuple[str, ...]:
        """Primary then secondary muscles."""
        return self.primary_muscles + self.secondary_muscles

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then every alias."""
        return (self.name, *self.aliases)

    def modification(self, equipment_id: str) -> str | None:
        """What to do instead when the user lacks this equipment, if the library says."""
        for key, text in self.modifications:
            if key == equipment_id:
                return text
        return None

    def variation(self, equipment_id: str) -> str | None:
        """The name of the exercise as done without this equipment, if the library says."""
        return dict(self.variations).get(equipment_id)

    def modifications_for(self, missing: frozenset[str] | set[str]) -> tuple[tuple[str, str], ...]:
        """The modifications for the equipment this exercise uses and the user lacks."""
        return tuple((key, text) for key, text in self.modifications if key in missing)


@dataclass(frozen=True, slots=True)
class Library:
    """The exercises in file order, found by name, id or alias (see `name_key`)."""

    exercises: tuple[ExerciseInfo, ...]
    _by_key: dict[str, ExerciseInfo] = field(init=False, repr=False, compare=False)
    _by_id: dict[str, ExerciseInfo] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, ExerciseInfo] = {}
        by_id: dict[str, ExerciseInfo] = {}
        for info in self.exercises:
            if info.id in by_id:
                raise ValueError(f"two exercises have the id {info.id!r}")
            by_id[info.id] = info
            for text in (info.id, *info.names):
                owner = by_key.setdefault(name_key(text), info)
                if owner is not info:
                    raise ValueError(
                        f"{text!r} of exercise {info.id!r} also names exercise {owner.id!r}"
                    )
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_id", by_id)

    def __iter__(self) -> Iterator[ExerciseInfo]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def find(self, name: str) -> ExerciseInfo | None:
        """The exercise with this name, id or alias, or None."""
        return self._by_key.get(name_key(name))

    def get(self, exercise_id: str) -> ExerciseInfo:
        """The exercise with exactly this id; raises NotFound with suggestions otherwise."""
        info = self._by_id.get(exercise_id)
        if info is not None:
            return info
        from strongstride.errors import NotFound

        close = self.search(exercise_id, limit=3)
        hint = f"; did you mean {', '.join(repr(c.id) for c in close)}?" if close else ""
        raise NotFound(f"no exercise has the id {exercise_id!r}{hint}")

    def search(self, text: str, limit: int = 5) -> tuple[ExerciseInfo, ...]:
        """Exercises whose names come close to `text`, best first, for "did you mean".

        Names that contain every word of `text` come first, then difflib's close matches.
        """
        import difflib

        query = name_key(text)
        if not query:
            return ()
        words = query.split()
        found: dict[str, ExerciseInfo] = {}

        def add(info: ExerciseInfo) -> None:
            found.setdefault(info.id, info)

        for key, info in self._by_key.items():
            tokens = key.split()
            if all(any(token.startswith(word) for token in tokens) for word in words):
                add(info)
        for key in difflib.get_close_matches(query, self._by_key, n=limit * 3, cutoff=0.6):
            add(self._by_key[key])
        return tuple(found.values())[:limit]


@functools.cache
def default_library() -> Library:
    """The library shipped with strongstride, read once per process."""
    return read_shipped(DEFAULT_PATH)


def read_shipped(path: Path) -> Library:
    """A library file known to be right, read without checking it: for the shipped file only,
    which tests/library/test_library_shipped.py checks with `_validate` and holds equal to
    this reading. (Importing pydantic for the check took longer than the rest of a command.)"""
    import tomllib

    with open(path, "rb") as fh:
        tables = tomllib.load(fh)["exercise"]
    return Library(tuple(_info(table) for table in tables))


def _info(table: dict[str, object]) -> ExerciseInfo:
    def texts(name: str) -> tuple[str, ...]:
        return tuple(str(item) for item in _list(table.get(name)))

    def pairs(name: str) -> tuple[tuple[str, str], ...]:
        found = table.get(name)
        return tuple((str(k), str(v)) for k, v in found.items()) if isinstance(found, dict) \
            else ()

    seconds = table["seconds_per_rep"]
    assert isinstance(seconds, int | float)
    return ExerciseInfo(
        id=str(table["id"]), name=str(table["name"]), aliases=texts("aliases"),
        primary_muscles=texts("primary_muscles"), secondary_muscles=texts("secondary_muscles"),
        equipment=texts("equipment"), one_sided=bool(table["one_sided"]),
        seconds_per_rep=float(seconds), hold=bool(table.get("hold", False)),
        steps=texts("steps"), cues=texts("cues"), mistakes=texts("mistakes"),
        modifications=pairs("modifications"), variations=pairs("variations"))


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []
