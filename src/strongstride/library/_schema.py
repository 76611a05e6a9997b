"""The shape of exercises.toml as pydantic models, and pydantic's errors in the user's words.

Imported only by `_validate`, which the catalogue imports when it reads a file: importing
`strongstride.library` must not pay for pydantic.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import ErrorDetails, PydanticCustomError

from strongstride.library.equipment import EQUIPMENT

CUE_MAX = 60
TEXT_MAX = 240
SECONDS_PER_REP_MAX = 20.0
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# field -> (fewest, most, the word for one item): the counts the rules ask for.
COUNTS: dict[str, tuple[int, int | None, str]] = {
    "steps": (3, 6, "step"),
    "cues": (2, 4, "cue"),
    "mistakes": (1, 4, "mistake"),
    "primary_muscles": (1, None, "primary muscle"),
}


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise PydanticCustomError("blank", "is empty; write the text or remove the entry")
    return value


def _at_most(limit: int) -> AfterValidator:
    def check(value: str) -> str:
        if len(value) > limit:
            raise PydanticCustomError(
                "too_long_text",
                "is {length} characters long; keep it to {limit} so it fits on a phone screen",
                {"length": len(value), "limit": limit},
            )
        return value

    return AfterValidator(check)


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise PydanticCustomError(
            "slug",
            "'{value}' is not kebab-case; use lower-case letters, digits and single hyphens, "
            "like 'goblet-squat'",
            {"value": value},
        )
    return value


def _known_equipment(value: str) -> str:
    if value not in EQUIPMENT:
        close = difflib.get_close_matches(value, EQUIPMENT, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise PydanticCustomError(
            "unknown_equipment",
            "unknown equipment id '{value}'; {hint}use one of: {known}",
            {"value": value, "hint": hint, "known": ", ".join(EQUIPMENT)},
        )
    return value


Text = Annotated[str, AfterValidator(_text), _at_most(TEXT_MAX)]
Cue = Annotated[str, AfterValidator(_text), _at_most(CUE_MAX)]
Name = Annotated[str, AfterValidator(_text), _at_most(80)]
Slug = Annotated[str, AfterValidator(_slug)]
EquipmentId = Annotated[str, AfterValidator(_known_equipment)]


class ExerciseModel(BaseModel):
    """One [[exercise]] table. Counts are checked here; rules across fields in `_validate`."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: Slug
    name: Name
    aliases: list[Name] = []
    primary_muscles: list[Name] = Field(min_length=1)
    secondary_muscles: list[Name] = []
    equipment: list[EquipmentId] = []
    one_sided: bool
    seconds_per_rep: float = Field(ge=0.0, le=SECONDS_PER_REP_MAX)
    hold: bool = False
    steps: list[Text] = Field(min_length=3, max_length=6)
    cues: list[Cue] = Field(min_length=2, max_length=4)
    mistakes: list[Text] = Field(min_length=1, max_length=4)
    modifications: dict[EquipmentId, Text] = {}
    variations: dict[EquipmentId, Name] = {}


class LibraryModel(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    exercise: list[ExerciseModel] = Field(min_length=1)


FIELDS = tuple(ExerciseModel.model_fields)

_EXPECTED = {
    "string_type": "text in double quotes",
    "list_type": 'a list in square brackets, like ["first", "second"]',
    "bool_type": "true or false",
    "float_type": "a number, like 3.0",
    "dict_type": 'a table, like [exercise.modifications] with `band = "..."` lines',
    "model_type": "a table",
}


def toml_kind(value: object) -> str:
    """What a TOML value is, in the words of the TOML format."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.date | dt.time):
        return "a date or time"
    return type(value).__name__


def explain(error: ErrorDetails, field: str) -> str:
    """What is wrong and how to fix it, for one pydantic error on `field` of an exercise."""
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "missing":
        return f"required field is missing; add a `{field} = ...` line to this exercise"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, FIELDS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"the fields are: {', '.join(FIELDS)}"
        return f"unknown field; {hint}"
    if kind in ("too_short", "too_long") and field in COUNTS:
        lo, hi, noun = COUNTS[field]
        found = ctx.get("actual_length", "?")
        want = f"at least {lo} {noun}s" if hi is None else f"{lo} to {hi} {noun}s"
        return f"give {want} (found {found})"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"must be between 0 and {SECONDS_PER_REP_MAX:g} seconds (found {error['input']!r})"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {toml_kind(error['input'])}"
    return str(error["msg"])
