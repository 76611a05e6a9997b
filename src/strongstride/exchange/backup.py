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

`import_json` reads a JSON backup back in one transaction. What is there already is kept
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
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from strongstride.errors import Issue, Span, StrongstrideError
from strongstride.exchange.csvread import read_text
from strongstride.library.equipment import EQUIPMENT
from strongstride.plan.schedule import Race
from strongstride.plan.setup import MAX_SESSIONS, MAX_WEEKS, PlanSetup
from strongstride.plan.week import format_week, parse_week
from strongstride.records import CheckIn, ImportSession, ImportVersion, Kept, Restored, SetLog
from strongstride.store import Store
from strongstride.store.checkins import NOTE_MAX, check_checkin
from strongstride.store.restore import restore

FORMAT = "strongstride-backup"
FORMAT_VERSION = 2
CSV_COLUMNS = (
    "kind", "routine", "version", "title", "created_at", "text",
    "session", "status", "started_at", "ended_at", "equipment", "planned_sets",
    "key", "step_key", "exercise", "section", "exercise_index", "set_number", "round", "side",
    "target_reps", "target_seconds", "reps", "seconds", "load", "unit", "band", "rpe", "pain",
    "note", "skipped", "logged_at", "variation", "day", "stiffness",
)
_ALL = 2**62
# About 600 bytes a set: 256 MB is some 400,000 sets, and takes about 1 GB of memory to read.
MAX_BACKUP_BYTES = 256 * 2**20
_MAX_ISSUES = 20


def export_json(store: Store, user_id: int) -> str:
    """All the user's data as JSON (the backup format)."""
    return json.dumps(_document(store, user_id), indent=2, ensure_ascii=False) + "\n"


def export_csv(store: Store, user_id: int) -> str:
    """The same data as CSV, a row per routine version, session, set and check-in (column
    `kind`), after one row for the profile; the running week is left out.

    A session's row comes right before the rows of its sets. The profile's row holds the
    equipment she is without in `equipment` and the injured side in `side`. Lists are written
    as JSON, ranges as `low-high`, booleans as true/false; an empty cell is no value.
    """
    doc = _document(store, user_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)

    def row(**cells: object) -> None:
        writer.writerow([_cell(cells.get(name)) for name in CSV_COLUMNS])

    row(kind="profile", equipment=doc["profile"]["missing_equipment"],
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


def import_json(store: Store, user_id: int, text: str, source: str = "<backup>", *,
                now: datetime | None = None) -> Restored:
    """Restore a JSON backup for the user, in one transaction, adding only what is missing.

    Raises StrongstrideError, with an issue per problem (the line for a syntax error, the
    field's path for a wrong value), before anything is written. `now` is when the check-ins
    and running week are noted as saved (the database keeps it; the backup does not).
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
    seen: dict[tuple[date, str, str], int] = {}
    for i, c in enumerate(doc.checkins):
        first = seen.setdefault((c.day, (c.exercise or "").strip(), c.side), i)
        if first != i:
            raise StrongstrideError(f"{source}: checkins[{i}] is for the same morning, "
                                    f"exercise and side as checkins[{first}]; keep one")
    profile = doc.profile or _Profile()
    kept = Kept(tuple(profile.missing_equipment), profile.injured_side,
                None if doc.running_week is None else doc.running_week.setup(),
                tuple(c.record() for c in doc.checkins))
    return restore(store, user_id, sessions, routines=versions, kept=kept,
                   now=now or datetime.now(UTC))


def import_file(store: Store, user_id: int, path: Path) -> Restored:
    """Read a JSON backup file and restore it (see `import_json`)."""
    text = read_text(path, MAX_BACKUP_BYTES, "backups")
    return import_json(store, user_id, text, str(path))


# Export --------------------------------------------------------------------------------------
def _document(store: Store, user_id: int) -> dict[str, Any]:
    setup = store.plan_setup(user_id)
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
            "profile": {"missing_equipment": list(store.account(user_id).missing_equipment),
                        "injured_side": store.injured_side(user_id)},
            "running_week": None if setup is None else _setup_dict(setup),
            "checkins": [_checkin_dict(c) for c in store.checkins(user_id)],
            "routines": [routines[slug] for slug in sorted(routines)], "sessions": sessions}


def _setup_dict(setup: PlanSetup) -> dict[str, Any]:
    race = setup.race
    return {"week": format_week(setup.week), "start": setup.start.isoformat(),
            "weeks": setup.weeks, "sessions_per_week": setup.sessions_per_week,
            "race": None if race is None else {"date": race.date.isoformat(),
                                               "distance": race.distance},
            "alarm_minutes": setup.alarm_minutes, "routine": setup.routine}


def _checkin_dict(checkin: CheckIn) -> dict[str, Any]:
    return {"day": checkin.day.isoformat(), "exercise": checkin.exercise, "side": checkin.side,
            "pain": checkin.pain, "stiffness": checkin.stiffness, "note": checkin.note}


def _set_dict(log: SetLog) -> dict[str, Any]:
    return {
        "key": log.key, "step_key": log.step_key, "exercise": log.exercise,
        "section": log.section, "exercise_index": log.exercise_index,
        "set_number": log.set_number, "round": log.round, "side": log.side,
        "target_reps": list(log.target_reps) if log.target_reps else None,
        "target_seconds": list(log.target_seconds) if log.target_seconds else None,
        "reps": log.reps, "seconds": log.seconds, "load": log.load, "unit": log.unit,
        "band": log.band, "rpe": log.rpe, "pain": log.pain, "note": log.note,
        "skipped": log.skipped, "logged_at": _time(log.logged_at), "variation": log.variation}


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
    variation: str | None = None


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


def _known_equipment(key: str) -> str:
    if key not in EQUIPMENT:
        raise ValueError(f"unknown equipment {key!r}; use ids from: {', '.join(EQUIPMENT)}")
    return key


def _once_each(keys: list[str]) -> list[str]:
    twice = next((key for i, key in enumerate(keys) if key in keys[:i]), None)
    if twice is not None:
        raise ValueError(f"{twice!r} is listed twice")
    return keys


class _Profile(_Model):
    missing_equipment: Annotated[list[Annotated[str, AfterValidator(_known_equipment)]],
                                 AfterValidator(_once_each)] = []
    injured_side: Literal["left", "right"] | None = None


def _race_distance(text: str) -> str:
    if Race(date(2000, 1, 1), text).km is None and "ultra" not in text.lower():
        raise ValueError(f"{text[:40]!r} is not a race distance; give 5k, 10k, half, "
                         "marathon or e.g. 50k")
    return text


class _Race(_Model):
    date: date
    distance: Annotated[str, Field(max_length=40), AfterValidator(_race_distance)]


def _week_text(text: str) -> str:
    issues = parse_week(text, "week").issues
    if issues:
        first = issues[0]
        where = f"column {first.span.column}: " if first.span else ""
        raise ValueError(f"{where}{first.message}")
    return text


class _RunningWeek(_Model):
    week: Annotated[str, AfterValidator(_week_text)]
    start: date
    weeks: int = Field(ge=1, le=MAX_WEEKS)
    sessions_per_week: int = Field(ge=1, le=MAX_SESSIONS)
    race: _Race | None
    alarm_minutes: int = Field(ge=0, le=1440)
    routine: str

    @model_validator(mode="after")
    def _race_after_start(self) -> _RunningWeek:
        if self.race is not None and self.race.date < self.start:
            raise ValueError(f"the race ({self.race.date}) is before the plan starts "
                             f"({self.start})")
        return self

    def setup(self) -> PlanSetup:
        week = parse_week(self.week).week
        assert week is not None  # checked when read
        race = None if self.race is None else Race(self.race.date, self.race.distance)
        return PlanSetup(week, self.start, self.weeks, self.sessions_per_week, race,
                         self.alarm_minutes, self.routine)


class _CheckIn(_Model):
    day: date
    exercise: str | None
    side: Literal["left", "right", "both"]
    pain: int = Field(ge=0, le=10)
    stiffness: int | None = Field(ge=0, le=10)
    note: str = Field(max_length=NOTE_MAX)

    @model_validator(mode="after")
    def _consistent(self) -> _CheckIn:
        try:
            check_checkin(self.record())
        except StrongstrideError as error:
            raise ValueError(error.message) from None
        return self

    def record(self) -> CheckIn:
        return CheckIn(self.day, self.pain, self.stiffness, self.exercise, self.side, self.note)


class _Backup(_Model):
    format: Literal["strongstride-backup"]
    format_version: Literal[1, 2]
    profile: _Profile | None = None
    running_week: _RunningWeek | None = None
    checkins: list[_CheckIn] = []
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
        round=log.round, skipped=log.skipped, variation=log.variation)
