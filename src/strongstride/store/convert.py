"""Records to rows and back, and the checks a set must pass before it is written.

The checks are `strongstride.rules`: a bad value gets a message that names the field, the same
on SQLite and PostgreSQL, instead of a driver error.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Row, type_coerce
from sqlalchemy.types import NullType

from strongstride import rules
from strongstride.errors import Invalid, StrongstrideError
from strongstride.records import LogSide, RoutineVersion, SessionInfo, SessionStatus, SetLog, Unit
from strongstride.store.tables import RoutineRow, RoutineVersionRow, SetLogRow


def check_instant(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise StrongstrideError(f"{name} {value.isoformat()} has no time zone; "
                                "strongstride stores instants, give an aware datetime")


def check_text(name: str, value: str | None, *, required: bool = False) -> None:
    """Refuse text the database could not keep or a page could not show (`rules.text_issue`)."""
    issue = rules.text_issue(name, value, required=required)
    if issue is not None:
        raise Invalid((issue,))


def check_set(log: SetLog) -> None:
    """Refuse a set that breaks a rule of `rules.validate_set`, naming the field and value."""
    rules.check(log, f"set {log.key!r}")


def set_values(log: SetLog) -> dict[str, Any]:
    reps_lo, reps_hi = log.target_reps or (None, None)
    seconds_lo, seconds_hi = log.target_seconds or (None, None)
    return {
        "session_id": log.session_id, "idempotency_key": log.key, "step_key": log.step_key,
        "exercise": log.exercise, "section": log.section, "exercise_index": log.exercise_index,
        "set_number": log.set_number, "round": log.round, "side": log.side,
        "target_reps_lo": reps_lo, "target_reps_hi": reps_hi,
        "target_seconds_lo": seconds_lo, "target_seconds_hi": seconds_hi,
        "reps": log.reps, "seconds": _real(log.seconds), "load": _real(log.load),
        "unit": log.unit, "band": log.band, "rpe": _real(log.rpe), "pain": log.pain,
        "note": log.note, "skipped": log.skipped, "logged_at": log.logged_at,
        "variation": log.variation,
    }


def _real(value: float | None) -> float | None:
    return None if value is None else float(value)


def _pair(lo: int | None, hi: int | None) -> tuple[int, int] | None:
    return None if lo is None or hi is None else (lo, hi)


def to_set(row: SetLogRow | Row[Any]) -> SetLog:
    """A set from its ORM row or from a Core row of all its columns."""
    return SetLog(
        key=row.idempotency_key, session_id=row.session_id, step_key=row.step_key,
        exercise=row.exercise, section=row.section, exercise_index=row.exercise_index,
        set_number=row.set_number, side=cast(LogSide, row.side), logged_at=row.logged_at,
        target_reps=_pair(row.target_reps_lo, row.target_reps_hi),
        target_seconds=_pair(row.target_seconds_lo, row.target_seconds_hi),
        reps=row.reps, seconds=row.seconds, load=row.load, unit=cast(Unit | None, row.unit),
        band=row.band, rpe=row.rpe, pain=row.pain, note=row.note, round=row.round,
        skipped=bool(row.skipped), variation=row.variation,
    )


def to_version(row: RoutineVersionRow, routine: RoutineRow) -> RoutineVersion:
    return RoutineVersion(id=row.id, routine_id=row.routine_id, slug=routine.slug,
                          version=row.version, title=routine.title, text=row.text,
                          sha256=row.sha256, created_at=row.created_at)


def equipment_json(equipment: tuple[str, ...]) -> str:
    """A session's equipment (free text, kept as it came) as the JSON the column holds."""
    for name in equipment:
        check_text("equipment", name, required=True)
    return json.dumps(list(equipment), ensure_ascii=False)


def to_session(row: Any) -> SessionInfo:
    """A session from the columns of the store's session query (see `repository._info_query`):
    the session's own, then its routine's slug and title and the count of sets done."""
    (session_id, user_id, version_id, started_at, status, ended_at, equipment, planned_sets,
     slug, title, sets_done) = row
    return SessionInfo(
        id=session_id, user_id=user_id, routine_version_id=version_id, routine_slug=slug,
        routine_title=title, started_at=instant(started_at),
        status=cast(SessionStatus, status),
        ended_at=None if ended_at is None else instant(ended_at), planned_sets=planned_sets,
        sets_done=sets_done,
        # most sessions had all the equipment: "[]" needs no JSON parser
        equipment=tuple(map(str, json.loads(equipment)))
        if equipment and equipment != "[]" else (),
    )


def raw_column(column: Any) -> Any:
    """A column as the driver returns it, without SQLAlchemy's result processing."""
    return type_coerce(column, NullType()).label(column.key)


def instant(value: datetime | str) -> datetime:
    """An instant from the driver, as `UTCDateTime` returns it (aware, in UTC): SQLite gives
    the naive UTC text the store wrote, PostgreSQL an aware datetime. For thousands of rows
    this is several times faster than SQLAlchemy's own parsing of SQLite's text."""
    if isinstance(value, str):
        return datetime.fromisoformat(value + "+00:00")  # 7x faster than .replace(tzinfo=)
    if value.tzinfo is UTC:  # PostgreSQL in a UTC session (store.db)
        return value
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
