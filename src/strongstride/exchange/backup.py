"""Your own data out and back in: a JSON backup, and the same data as CSV for spreadsheets.

The backup holds everything one user keeps: her profile (the equipment she is without, the
injured side), her running week, her morning check-ins, and every routine version, session
and set. The secret calendar address is left out: it is a key, not data, and the plan page
makes a new one. Everything comes in a fixed order (routines by slug, versions by number,
sessions by start then id, sets by time then key, check-ins by morning, exercise and side)
with no time of export, so the same data always gives the same bytes: export, import into a
new database, export again, and the two files are identical. Database row ids are left out
(they differ between databases); a session names its routine version by slug and version
number. The CSV holds the same but the running week, a setting rather than a record.

`read_json` reads a JSON backup back, checked, and the application stores it in one
transaction (`Strongstride.restore_backup`). What is there already is kept
(sessions by id, sets by key, versions by text, check-ins by morning, exercise and side; the
profile's values and the running week when the user has them), so importing a backup twice
adds nothing. Backups of format version 1, from before the profile, running week, check-ins
and variations were kept, read as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    AliasChoices,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from strongstride import rules
from strongstride.errors import Issue, Span, StrongstrideError
from strongstride.exchange.csvread import read_text
from strongstride.records import ImportSession, ImportVersion, Kept, UserData
from strongstride.shapes import CheckInShape, ProfileShape, RunningWeekShape, SetShape

FORMAT = "strongstride-backup"
FORMAT_VERSION = 3  # 3: a session's and the profile's equipment is `without`, as in the API
CSV_COLUMNS = (
    "kind", "routine", "version", "title", "created_at", "text",
    "session", "status", "started_at", "ended_at", "without", "planned_sets",
    "key", "step_key", "exercise", "section", "exercise_index", "set_number", "round", "side",
    "target_reps", "target_seconds", "reps", "seconds", "load", "unit", "band", "rpe", "pain",
    "note", "skipped", "logged_at", "variation", "day", "stiffness",
)
# About 600 bytes a set: 256 MB is some 400,000 sets, and takes about 1 GB of memory to read.
MAX_BACKUP_BYTES = 256 * 2**20
_MAX_ISSUES = 20


@dataclass(frozen=True, slots=True)
class Backup:
    """What a backup file brings, checked and ready to store in one transaction."""

    versions: tuple[ImportVersion, ...]
    sessions: tuple[ImportSession, ...]
    kept: Kept


def export_json(data: UserData) -> str:
    """All the user's data as JSON (the backup format)."""
    return json.dumps(_document(data), indent=2, ensure_ascii=False) + "\n"


def export_csv(data: UserData) -> str:
    """The same data as CSV, a row per routine version, session, set and check-in (column
    `kind`), after one row for the profile; the running week is left out.

    A session's row comes right before the rows of its sets. The profile's row holds the
    equipment she is without in `without` and the injured side in `side`. Lists are written
    as JSON, ranges as `low-high`, booleans as true/false; an empty cell is no value.
    """
    doc = _document(data)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)

    def row(**cells: object) -> None:
        writer.writerow([_cell(cells.get(name)) for name in CSV_COLUMNS])

    row(kind="profile", without=doc["profile"]["without"],
        side=doc["profile"]["injured_side"])
    for routine in doc["routines"]:
        for v in routine["versions"]:
            row(kind="routine_version", routine=routine["slug"], title=routine["title"], **v)
    for s in doc["sessions"]:
        row(kind="session", session=s["id"], version=s["routine_version"],
            **{k: v for k, v in s.items() if k not in ("id", "routine_version", "sets")})
        for log in s["sets"]:
            row(kind="set", session=s["id"], **log)
    for checkin in doc["checkins"]:
        row(kind="checkin", **checkin)
    return out.getvalue()


def read_json(text: str, source: str = "<backup>") -> Backup:
    """A JSON backup as read and checked: what the application then stores.

    Raises StrongstrideError, with an issue per problem (the line for a syntax error, the
    field's path for a wrong value).
    """
    if len(text) > MAX_BACKUP_BYTES:
        raise StrongstrideError(f"{source}: the file is {len(text) / 2**20:.1f} MB; backups are "
                                f"limited to {MAX_BACKUP_BYTES // 2**20} MB")
    doc = _parse(text, source)
    versions: list[ImportVersion] = []
    known: dict[tuple[str, int], ImportVersion] = {}
    for routine in doc.routines:
        for v in routine.versions:
            version = ImportVersion(routine.slug, routine.title, v.text, v.created_at, v.version)
            versions.append(version)
            known[routine.slug, v.version] = version
    sessions = []
    for i, s in enumerate(doc.sessions):
        wanted = known.get((s.routine, s.routine_version))
        if wanted is None:
            raise StrongstrideError(
                f"{source}: sessions[{i}] is of routine {s.routine!r} version "
                f"{s.routine_version}, which the file's routines do not hold")
        sessions.append(ImportSession(
            s.id, wanted, s.started_at, s.status, s.ended_at, tuple(s.without),
            s.planned_sets, tuple(log.record(s.id) for log in s.sets)))
    seen: dict[tuple[date, str, str], int] = {}
    for i, c in enumerate(doc.checkins):
        first = seen.setdefault((c.day, (c.exercise or "").strip(), c.side), i)
        if first != i:
            raise StrongstrideError(f"{source}: checkins[{i}] is for the same morning, "
                                    f"exercise and side as checkins[{first}]; keep one")
    profile = doc.profile or ProfileShape()
    kept = Kept(tuple(profile.without), profile.injured_side,
                None if doc.running_week is None else doc.running_week.setup(),
                tuple(c.record() for c in doc.checkins))
    return Backup(tuple(versions), tuple(sessions), kept)


def read_file(path: Path) -> Backup:
    """A JSON backup file as read and checked (see `read_json`)."""
    return read_json(read_text(path, MAX_BACKUP_BYTES, "backups"), str(path))


# Export --------------------------------------------------------------------------------------
def _document(data: UserData) -> dict[str, Any]:
    routines: dict[str, dict[str, Any]] = {}
    for v in sorted(data.versions, key=lambda v: (v.slug, v.version)):
        routine = routines.setdefault(v.slug, {"slug": v.slug, "title": v.title,
                                               "versions": []})
        routine["versions"].append({"version": v.version, "created_at": _time(v.created_at),
                                    "text": v.text})
    sessions = []
    for done in sorted(data.sessions, key=lambda s: (s.session.started_at, s.session.id)):
        info, version = done.session, done.version
        sets = sorted(done.sets, key=lambda s: (s.logged_at, s.key))
        sessions.append({
            "id": info.id, "routine": version.slug, "routine_version": version.version,
            "status": info.status, "started_at": _time(info.started_at),
            "ended_at": _time(info.ended_at) if info.ended_at else None,
            "without": list(info.equipment), "planned_sets": info.planned_sets,
            "sets": [SetShape.of(log).model_dump(mode="json") for log in sets]})
    kept = data.kept
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "profile": ProfileShape(
                without=list(kept.missing_equipment),
                injured_side=kept.injured_side).model_dump(mode="json"),
            "running_week": None if kept.running_week is None
            else RunningWeekShape.of(kept.running_week).model_dump(mode="json"),
            "checkins": [CheckInShape.of(c).model_dump(mode="json") for c in kept.checkins],
            "routines": [routines[slug] for slug in sorted(routines)], "sessions": sessions}


def _time(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(v, int) for v in value):
            return f"{value[0]}-{value[1]}"
        return json.dumps(value, ensure_ascii=False)
    return repr(value) if isinstance(value, float) else str(value)


# Import --------------------------------------------------------------------------------------
class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Version(_Model):
    version: int = Field(ge=1, lt=2**31)
    created_at: AwareDatetime
    text: str


class _Routine(_Model):
    slug: str = Field(min_length=1)
    title: str | None
    versions: list[_Version]


class _Session(_Model):
    id: str = Field(min_length=1)
    routine: str
    routine_version: int
    status: Literal["active", "finished", "abandoned"]
    started_at: AwareDatetime
    ended_at: AwareDatetime | None
    without: list[str] = Field(validation_alias=AliasChoices("without", "equipment"))
    planned_sets: int
    sets: list[SetShape]

    @model_validator(mode="after")
    def _sets_follow_the_rules(self) -> _Session:
        for n, log in enumerate(self.sets):
            issues = rules.validate(log.record(self.id))
            if issues:
                raise ValueError(f"sets[{n}]: " + "; ".join(i.message for i in issues))
        return self


class _Backup(_Model):
    format: Literal["strongstride-backup"]
    format_version: Literal[1, 2, 3]
    profile: ProfileShape | None = None
    running_week: RunningWeekShape | None = None
    checkins: list[CheckInShape] = []
    routines: list[_Routine]
    sessions: list[_Session]


def _parse(text: str, source: str) -> _Backup:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        issue = Issue(f"not valid JSON: {error.msg}", Span(error.lineno, error.colno),
                      source=source)
        raise StrongstrideError(f"{source}: this is not a strongstride backup (not JSON)",
                                (issue,)) from error
    except RecursionError as error:
        raise StrongstrideError(f"{source}: the JSON nests too deeply to be a backup") from error
    try:
        return _Backup.model_validate_json(text, strict=True)
    except ValidationError as error:
        issues = tuple(Issue(f"{_path(e['loc'])}: {e['msg']}", source=source)
                       for e in error.errors()[:_MAX_ISSUES])
        first = issues[0].message if issues else "unknown problem"
        raise StrongstrideError(f"{source}: not a strongstride backup this version can read "
                                f"({len(error.errors())} problems; first: {first})",
                                issues) from error


def _path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(the whole file)"
