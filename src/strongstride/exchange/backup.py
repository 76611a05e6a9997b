"""Your own data out and back in: a JSON backup, and the same data as CSV for spreadsheets.

Both hold every routine version, session and set of one user, in a fixed order (routines by
slug, versions by number, sessions by start then id, sets by time then key) with no time of
export, so the same data always gives the same bytes: export, import into a new database,
export again, and the two files are identical. Database row ids are left out (they differ
between databases); a session names its routine version by slug and version number.

`import_json` reads a JSON backup back in one transaction. What is there already is kept
(sessions by id, sets by key, versions by text), so importing a backup twice adds nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from strongstride.errors import Issue, Span, StrongstrideError
from strongstride.exchange.csvread import read_text
from strongstride.records import SetLog
from strongstride.store import Store
from strongstride.store.repository import ImportCount, ImportSession, ImportVersion

FORMAT = "strongstride-backup"
FORMAT_VERSION = 1
CSV_COLUMNS = (
    "kind", "routine", "version", "title", "created_at", "text",
    "session", "status", "started_at", "ended_at", "equipment", "planned_sets",
    "key", "step_key", "exercise", "section", "exercise_index", "set_number", "round", "side",
    "target_reps", "target_seconds", "reps", "seconds", "load", "unit", "band", "rpe", "pain",
    "note", "skipped", "logged_at",
)
_ALL = 2**62
# About 600 bytes a set: 256 MB is some 400,000 sets, and takes about 1 GB of memory to read.
MAX_BACKUP_BYTES = 256 * 2**20
_MAX_ISSUES = 20


def export_json(store: Store, user_id: int) -> str:
    """Every routine version, session and set of the user as JSON (the backup format)."""
    return json.dumps(_document(store, user_id), indent=2, ensure_ascii=False) + "\n"


def export_csv(store: Store, user_id: int) -> str:
    """The same data as CSV, one row per routine version, session and set (column `kind`).

    A session's row comes right before the rows of its sets. Lists are written as JSON,
    ranges as `low-high`, booleans as true/false; an empty cell is no value.
    """
    doc = _document(store, user_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)

    def row(**cells: object) -> None:
        writer.writerow([_cell(cells.get(name)) for name in CSV_COLUMNS])

    for routine in doc["routines"]:
        for v in routine["versions"]:
            row(kind="routine_version", routine=routine["slug"], title=routine["title"], **v)
    for s in doc["sessions"]:
        row(kind="session", session=s["id"], version=s["routine_version"],
            **{k: v for k, v in s.items() if k not in ("id", "routine_version", "sets")})
        for log in s["sets"]:
            row(kind="set", session=s["id"], **log)
    return out.getvalue()


def import_json(store: Store, user_id: int, text: str, source: str = "<backup>") -> ImportCount:
    """Restore a JSON backup for the user, in one transaction, adding only what is missing.

    Raises StrongstrideError, with an issue per problem (the line for a syntax error, the
    field's path for a wrong value), before anything is written.
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
            s.id, wanted, s.started_at, s.status, s.ended_at, tuple(s.equipment),
            s.planned_sets, tuple(_set(s.id, log) for log in s.sets)))
    return store.import_sessions(user_id, sessions, routines=versions)


def import_file(store: Store, user_id: int, path: Path) -> ImportCount:
    """Read a JSON backup file and restore it (see `import_json`)."""
    text = read_text(path, MAX_BACKUP_BYTES, "backups")
    return import_json(store, user_id, text, str(path))


# Export --------------------------------------------------------------------------------------
def _document(store: Store, user_id: int) -> dict[str, Any]:
    versions = store.routine_versions(user_id)
    by_id = {v.id: v for v in versions}
    routines: dict[str, dict[str, Any]] = {}
    for v in versions:
        routine = routines.setdefault(v.slug, {"slug": v.slug, "title": v.title,
                                               "versions": []})
        routine["versions"].append({"version": v.version, "created_at": _time(v.created_at),
                                    "text": v.text})
    sessions = []
    for info in sorted(store.history(user_id, limit=_ALL), key=lambda s: (s.started_at, s.id)):
        version = by_id[info.routine_version_id]
        sets = sorted(store.sets_of(info.id, user_id=user_id), key=lambda s: (s.logged_at, s.key))
        sessions.append({
            "id": info.id, "routine": version.slug, "routine_version": version.version,
            "status": info.status, "started_at": _time(info.started_at),
            "ended_at": _time(info.ended_at) if info.ended_at else None,
            "equipment": list(info.equipment), "planned_sets": info.planned_sets,
            "sets": [_set_dict(log) for log in sets]})
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "routines": [routines[slug] for slug in sorted(routines)], "sessions": sessions}


def _set_dict(log: SetLog) -> dict[str, Any]:
    return {
        "key": log.key, "step_key": log.step_key, "exercise": log.exercise,
        "section": log.section, "exercise_index": log.exercise_index,
        "set_number": log.set_number, "round": log.round, "side": log.side,
        "target_reps": list(log.target_reps) if log.target_reps else None,
        "target_seconds": list(log.target_seconds) if log.target_seconds else None,
        "reps": log.reps, "seconds": log.seconds, "load": log.load, "unit": log.unit,
        "band": log.band, "rpe": log.rpe, "pain": log.pain, "note": log.note,
        "skipped": log.skipped, "logged_at": _time(log.logged_at)}


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
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Version(_Model):
    version: int = Field(ge=1, lt=2**31)
    created_at: AwareDatetime
    text: str


class _Routine(_Model):
    slug: str = Field(min_length=1)
    title: str | None
    versions: list[_Version]


class _Set(_Model):
    key: str = Field(min_length=1)
    step_key: str
    exercise: str
    section: int
    exercise_index: int
    set_number: int
    round: int | None
    side: Literal["left", "right", "both"]
    target_reps: tuple[int, int] | None
    target_seconds: tuple[int, int] | None
    reps: int | None
    seconds: float | None
    load: float | None
    unit: Literal["kg", "lb"] | None
    band: str | None
    rpe: float | None
    pain: int | None
    note: str
    skipped: bool
    logged_at: AwareDatetime


class _Session(_Model):
    id: str = Field(min_length=1)
    routine: str
    routine_version: int
    status: Literal["active", "finished", "abandoned"]
    started_at: AwareDatetime
    ended_at: AwareDatetime | None
    equipment: list[str]
    planned_sets: int
    sets: list[_Set]


class _Backup(_Model):
    format: Literal["strongstride-backup"]
    format_version: Literal[1]
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
        return _Backup.model_validate_json(text)
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


def _set(session_id: str, log: _Set) -> SetLog:
    return SetLog(
        key=log.key, session_id=session_id, step_key=log.step_key, exercise=log.exercise,
        section=log.section, exercise_index=log.exercise_index, set_number=log.set_number,
        side=log.side, logged_at=log.logged_at, target_reps=log.target_reps,
        target_seconds=log.target_seconds, reps=log.reps, seconds=log.seconds, load=log.load,
        unit=log.unit, band=log.band, rpe=log.rpe, pain=log.pain, note=log.note,
        round=log.round, skipped=log.skipped)
