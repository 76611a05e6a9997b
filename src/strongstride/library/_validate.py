"""Read exercises.toml, check it, and build the Library, or say exactly what to fix.

Every problem becomes an Issue naming the exercise (number and id) and the field, with the
line it is on where that can be found; all of them are raised together in one
StrongstrideError, so the user fixes the file in one pass. Bad data never gives a traceback.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from strongstride.errors import Issue, NotFound, Span, StrongstrideError
from strongstride.library import _schema
from strongstride.library._schema import ExerciseModel
from strongstride.library.catalog import ExerciseInfo, Library, name_key
from strongstride.library.equipment import MAY_LACK

_HEADER = re.compile(r"\s*\[\[\s*exercise\s*\]\]")
_MODS_HEADER = re.compile(r"\s*\[\s*exercise\s*\.\s*modifications\s*\]|\s*modifications\s*[.=]")
_VARS_HEADER = re.compile(r"\s*\[\s*exercise\s*\.\s*variations\s*\]|\s*variations\s*[.=]")
_TABLES = {"modifications": _MODS_HEADER, "variations": _VARS_HEADER}
_TOML_WHERE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


class _TopModel(BaseModel):
    """The file around the exercises; each exercise is checked on its own after this."""

    model_config = ConfigDict(strict=True, extra="forbid")

    exercise: list[dict[str, Any]] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class _Problem:
    message: str
    index: int | None = None
    field: str | None = None
    detail: str | int | None = None


def read_library(path: Path) -> Library:
    """The checked library in `path`; raises StrongstrideError listing every problem."""
    source = str(path)
    text = _read_text(path)
    data = _parse_toml(text, source)
    infos, problems = _check(data)
    if problems:
        raise _error(source, text, data, problems)
    return Library(tuple(infos))


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file; check the path to the exercise library") from None
    except OSError as exc:
        raise StrongstrideError(f"{path}: cannot read the file ({exc.strerror})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        issue = Issue("the file is not UTF-8 text; save it as UTF-8", Span(line), source=str(path))
        raise StrongstrideError(f"{path}:{line}: {issue.message}", (issue,)) from None


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        where = _TOML_WHERE.search(detail)
        reason = detail[: where.start()] if where else detail
        if where and where.group(1):
            span = Span(int(where.group(1)), int(where.group(2)))
        else:  # at end of document: point just past the last character
            lines = text.splitlines() or [""]
            span = Span(len(lines), len(lines[-1]) + 1)
        hint = (
            "the key is set twice in one table; keep one"
            if reason.startswith("Cannot overwrite")
            else "check the quotes, brackets and commas here and on the line before"
        )
        message = f"TOML syntax error: {reason}; {hint}"
        issue = Issue(message, span, source=source)
        raise StrongstrideError(
            f"{source}:{span.line}:{span.column}: {message}", (issue,)
        ) from None


def _check(data: dict[str, Any]) -> tuple[list[ExerciseInfo], list[_Problem]]:
    try:
        raw = _TopModel.model_validate(data).exercise
    except ValidationError as exc:
        return [], [_top_problem(err["type"], err["loc"]) for err in exc.errors()]
    problems: list[_Problem] = []
    valid: list[tuple[int, ExerciseModel]] = []
    for index, table in enumerate(raw):
        try:
            model = ExerciseModel.model_validate(table)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else None
                detail = err["loc"][1] if len(err["loc"]) > 1 else None
                message = _schema.explain(err, field or "")
                problems.append(_Problem(message, index, field, _detail(detail)))
            continue
        problems.extend(_exercise_rules(index, model))
        valid.append((index, model))
    problems.extend(_unique(valid))
    problems.sort(key=lambda p: -1 if p.index is None else p.index)
    return [_info(model) for _, model in valid], problems


def _detail(part: str | int | None) -> str | int | None:
    return part + 1 if isinstance(part, int) else part


def _top_problem(kind: str, loc: tuple[str | int, ...]) -> _Problem:
    if loc and loc[0] != "exercise":
        return _Problem(f"unknown top-level key '{loc[0]}'; the file holds only [[exercise]]")
    if len(loc) > 1 and isinstance(loc[1], int):
        return _Problem("expected a table; write it as an [[exercise]] table", loc[1])
    if kind == "list_type":
        return _Problem("write each exercise as an [[exercise]] table, with double brackets")
    return _Problem("the file has no exercises; add one [[exercise]] table per exercise")


def _exercise_rules(index: int, ex: ExerciseModel) -> list[_Problem]:
    found: list[_Problem] = []

    def problem(message: str, field: str, detail: str | None = None) -> None:
        found.append(_Problem(message, index, field, detail))

    if ex.hold and ex.seconds_per_rep != 0:
        problem("a held stretch has no reps; set seconds_per_rep = 0", "seconds_per_rep")
    if not ex.hold and ex.seconds_per_rep == 0:
        problem(
            "give the seconds one rep takes (about 2 to 5), or set hold = true for a held stretch",
            "seconds_per_rep",
        )
    for field, values in (("aliases", [ex.name, *ex.aliases]), ("equipment", ex.equipment)):
        seen: set[str] = set()
        for value in values:
            if value in seen:
                problem(f"'{value}' is listed twice; keep it once", field)
            seen.add(value)
    for muscle in set(ex.primary_muscles) & set(ex.secondary_muscles):
        problem(f"'{muscle}' is also a primary muscle; list it in one place", "secondary_muscles")
    for item in ex.equipment:
        if item in MAY_LACK and item not in ex.modifications:
            problem(
                f"no modification for '{item}', which a user may not have; add "
                f'`{item} = "what to do instead"` under [exercise.modifications]',
                "modifications",
            )
    for key in ex.modifications:
        if key not in ex.equipment:
            problem(
                f"the exercise does not use '{key}'; add it to equipment or remove this line",
                "modifications",
                key,
            )
        elif key not in ex.variations:
            problem(
                f"no name for the exercise as done without '{key}'; add "
                f'`{key} = "name of the variation"` under [exercise.variations]',
                "variations",
            )
    for key in ex.variations:
        if key not in ex.modifications:
            problem(
                f"'{key}' has a variation name but no modification; add "
                f"`{key} = \"what to do instead\"` under [exercise.modifications]",
                "variations",
                key,
            )
    return found


def _unique(valid: list[tuple[int, ExerciseModel]]) -> list[_Problem]:
    """Ids, names and aliases must each lead to one exercise, as `Library.find` reads them."""
    found: list[_Problem] = []
    ids: dict[str, int] = {}
    owners: dict[str, tuple[int, str]] = {}
    for index, ex in valid:
        if ex.id in ids:
            found.append(
                _Problem(
                    f"'{ex.id}' is already the id of exercise {ids[ex.id] + 1}; "
                    "give each exercise its own id",
                    index,
                    "id",
                )
            )
            continue
        ids[ex.id] = index
        names = [("id", ex.id), ("name", ex.name)] + [("aliases", a) for a in ex.aliases]
        for field, text in names:
            key = name_key(text)
            owner = owners.setdefault(key, (index, ex.id))
            if owner[0] != index:
                found.append(
                    _Problem(
                        f"'{text}' already names exercise {owner[0] + 1} ('{owner[1]}') "
                        "(names are matched ignoring case, apostrophes and hyphens); "
                        "use another name or remove it",
                        index,
                        field,
                    )
                )
    return found


def _info(ex: ExerciseModel) -> ExerciseInfo:
    return ExerciseInfo(
        id=ex.id,
        name=ex.name,
        aliases=tuple(ex.aliases),
        primary_muscles=tuple(ex.primary_muscles),
        secondary_muscles=tuple(ex.secondary_muscles),
        equipment=tuple(ex.equipment),
        one_sided=ex.one_sided,
        seconds_per_rep=ex.seconds_per_rep,
        hold=ex.hold,
        steps=tuple(ex.steps),
        cues=tuple(ex.cues),
        mistakes=tuple(ex.mistakes),
        modifications=tuple(ex.modifications.items()),
        variations=tuple(ex.variations.items()),
    )


def _error(
    source: str, text: str, data: dict[str, Any], problems: list[_Problem]
) -> StrongstrideError:
    raw = data.get("exercise")
    tables = raw if isinstance(raw, list) else []
    locate = _Locator(text)
    issues: list[Issue] = []
    for p in problems:
        where: list[str] = []
        if p.index is not None:
            table = tables[p.index] if p.index < len(tables) else None
            ex_id = table.get("id") if isinstance(table, dict) else None
            named = f" ('{ex_id}')" if isinstance(ex_id, str) and ex_id else ""
            where.append(f"exercise {p.index + 1}{named}")
        if p.field is not None:
            field = f"field '{p.field}'"
            if isinstance(p.detail, int):
                field += f" item {p.detail}"
            elif p.detail is not None and p.detail != "[key]":
                field += f" key '{p.detail}'"
            where.append(field)
        prefix = ", ".join(where)
        message = f"{prefix}: {p.message}" if prefix else p.message
        issues.append(Issue(message, locate.span(p.index, p.field, p.detail), source=source))
    text_out = "\n".join(f"{source}: {issue.message}" for issue in issues)
    return StrongstrideError(text_out, tuple(issues))


class _Locator:
    """Finds the line of an exercise's field by reading the text: tomllib keeps no positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [n for n, line in enumerate(self.lines) if _HEADER.match(line)]

    def span(self, index: int | None, field: str | None, detail: str | int | None) -> Span | None:
        if index is None or index >= len(self.headers):
            return None
        start = self.headers[index]
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines)
        line = start
        if field is not None:
            line = self._find(_TABLES.get(field) or _key(field), start, end)
            if field in _TABLES and isinstance(detail, str) and line != start:
                line = self._find(_key(detail), line, end, fallback=line)
        found = self.lines[line]
        return Span(line + 1, len(found) - len(found.lstrip()) + 1)

    def _find(self, pattern: re.Pattern[str], start: int, end: int, fallback: int = -1) -> int:
        for n in range(start + 1, end):
            if pattern.match(self.lines[n]):
                return n
        return start if fallback < 0 else fallback


def _key(name: str) -> re.Pattern[str]:
    return re.compile(rf"\s*[\"']?{re.escape(name)}[\"']?\s*=")
