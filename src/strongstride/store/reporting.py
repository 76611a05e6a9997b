"""Reads for reports: everything one user's report needs, in a few queries.

`Store` takes these methods from `ReportingMixin`. They read plain columns (no ORM objects) and
build the records directly, because a report reads thousands of sets at a time: a set costs
about 1 microsecond here against about 10 through the ORM. Every query is scoped to one user
and walks that user's sessions, so its time does not grow with other users' data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session

from strongstride.records import (
    BestMark,
    CheckIn,
    InjuredSide,
    RoutineVersion,
    SessionInfo,
    SetLog,
)
from strongstride.store.checkins import read_checkins, read_injured_side
from strongstride.store.convert import instant, raw_column
from strongstride.store.parts import StorePart
from strongstride.store.tables import (
    RoutineRow,
    RoutineVersionRow,
    SessionRow,
    SetLogRow,
    UserRow,
)

_SET_COLUMNS = (
    SetLogRow.idempotency_key, SetLogRow.session_id, SetLogRow.step_key, SetLogRow.exercise,
    SetLogRow.section, SetLogRow.exercise_index, SetLogRow.set_number, SetLogRow.side,
    raw_column(SetLogRow.logged_at), SetLogRow.target_reps_lo, SetLogRow.target_reps_hi,
    SetLogRow.target_seconds_lo, SetLogRow.target_seconds_hi, SetLogRow.reps,
    SetLogRow.seconds, SetLogRow.load, SetLogRow.unit, SetLogRow.band, SetLogRow.rpe,
    SetLogRow.pain, SetLogRow.note, SetLogRow.round, SetLogRow.skipped, SetLogRow.variation,
)

# More session ids than this in one user_sets read go in as a subquery, not as values.
_MANY_SESSIONS = 500


def _set(row: Sequence[Any]) -> SetLog:
    (key, session_id, step_key, exercise, section, exercise_index, set_number, side, logged_at,
     reps_lo, reps_hi, seconds_lo, seconds_hi, reps, seconds, load, unit, band, rpe, pain, note,
     round_, skipped, variation) = row
    return SetLog(
        key=key, session_id=session_id, step_key=step_key, exercise=exercise, section=section,
        exercise_index=exercise_index, set_number=set_number, side=side,
        logged_at=instant(logged_at),
        target_reps=None if reps_lo is None or reps_hi is None else (reps_lo, reps_hi),
        target_seconds=None if seconds_lo is None or seconds_hi is None
        else (seconds_lo, seconds_hi),
        reps=reps, seconds=seconds, load=load, unit=unit, band=band, rpe=rpe, pain=pain,
        note=note or "", round=round_, skipped=bool(skipped), variation=variation)


class ReportingMixin(StorePart):
    """The reporting reads of `Store`; the store provides the transactions."""

    def find_user(self, name: str) -> int | None:
        """The id of the user called `name`, or None (nothing is made)."""
        with self._read() as db:
            found: int | None = db.scalar(select(UserRow.id).where(UserRow.name == name))
            return found

    def user_sessions(self, user_id: int, *, since: datetime | None = None,
                      until: datetime | None = None) -> list[SessionInfo]:
        """Every session of the user (started in [`since`, `until`), where given), oldest
        first, with `sets_done` (the sets not skipped)."""
        with self._read() as db:
            return _read_sessions(db, user_id, until, since)

    def user_sets(self, user_id: int, *, since: datetime | None = None,
                  until: datetime | None = None) -> list[SetLog]:
        """Every set (skipped ones too) of the user's sessions that started in
        [`since`, `until`), in one query, in the order they were logged. A session's sets are
        never split: the window is on the session's start."""
        with self._read() as db:
            return _read_sets(db, user_id, since, until)

    def best_marks(self, user_id: int, *, until: datetime) -> list[BestMark]:
        """Per exercise, side, load, unit, band and variation, the most reps and the longest
        hold of the sets done in the user's sessions that started before `until`: a finish
        summary's personal bests need these few hundred rows, not every set of her history."""
        with self._read() as db:
            rows: Sequence[Any] = db.connection().execute(
                _BEST_MARKS, {"uid": user_id, "until": until}).all()
        return [BestMark(*row) for row in rows]

    def versions_played(self, user_id: int,
                        version_ids: Iterable[int] | None = None) -> list[RoutineVersion]:
        """The routine versions the user's sessions played (or those of `version_ids` that
        are the user's), the most recently played first."""
        with self._read() as db:
            return _read_versions(db, user_id, version_ids)

    def session_weeks(self, user_id: int, *, before: datetime) -> list[WeekRow]:
        """The user's sessions that count (finished, or with a set done) that started before
        `before`, summed up per ISO week (in UTC) in SQL, oldest week first: (the week's
        Monday, sessions, the first and the last session's day, whether every session did
        at most half its planned sets)."""
        with self._read() as db:
            return _read_weeks(db, user_id, before)

    def report_reads(self, user_id: int, *, since: datetime | None, until: datetime,
                     checkins_since: date | None, today: date) -> ReportReads:
        """What one user's report reads in one transaction: one snapshot, so a set logged
        meanwhile is in every part or in none, and one begin and end where six reads paid
        theirs. The sessions that started in [`since`, `until`) and their sets
        (`user_sets(since=, until=)`, in no particular order); the sessions before `since`
        only summed up per week (`session_weeks(before=since)`), as adherence and the deload
        rule read them; `versions_played`, `checkins(since=checkins_since, until=today)` and
        `injured_side`."""
        with self._read() as db:
            sessions = _read_sessions(db, user_id, until, since)
            return ReportReads(
                sessions,
                # The analysis puts the sets in its own order: no sort in SQL.
                _read_sets(db, user_id, since, until, [s.id for s in sessions],
                           ordered=False),
                _read_versions(db, user_id, None),
                read_checkins(db, user_id, checkins_since, today),
                read_injured_side(db, user_id),
                [] if since is None else _read_weeks(db, user_id, since))


@dataclass(frozen=True, slots=True)
class ReportReads:
    sessions: list[SessionInfo]
    sets: list[SetLog]
    versions: list[RoutineVersion]
    checkins: list[CheckIn]
    injured_side: InjuredSide | None
    weeks: list[WeekRow]
    """The sessions before `since`, per week (`session_weeks`)."""


def _window(since: bool, until: bool) -> tuple[ColumnElement[bool], ...]:
    """The user's sessions (bound as uid) that started in [since, until), where given."""
    return (SessionRow.user_id == bindparam("uid"),
            *((SessionRow.started_at >= bindparam("since"),) if since else ()),
            *((SessionRow.started_at < bindparam("until"),) if until else ()))


def _params(user_id: int, since: datetime | None, until: datetime | None) -> dict[str, Any]:
    params: dict[str, Any] = {"uid": user_id}
    if since is not None:
        params["since"] = since
    if until is not None:
        params["until"] = until
    return params


# The statements are built once (per kind of window): a report runs them all each time, and
# building and caching a select of 24 columns cost about as much as SQLite's reading them.
@cache
def _sessions_query(since: bool, until: bool) -> Select[*tuple[Any, ...]]:
    # sets_done is kept by the database (triggers on set_logs, migration 0006): reading it
    # costs nothing, where counting read every set the user ever logged.
    return (select(SessionRow.id, SessionRow.routine_version_id, SessionRow.equipment,
                   raw_column(SessionRow.started_at), raw_column(SessionRow.ended_at),
                   SessionRow.status, SessionRow.planned_sets, RoutineRow.slug,
                   RoutineRow.title, SessionRow.sets_done)
            .join(RoutineVersionRow, SessionRow.routine_version_id == RoutineVersionRow.id)
            .join(RoutineRow, RoutineVersionRow.routine_id == RoutineRow.id)
            .where(*_window(since, until))
            .order_by(SessionRow.started_at, SessionRow.id))


@cache
def _session_ids(since: bool, until: bool) -> Select[*tuple[Any, ...]]:
    return select(SessionRow.id).where(*_window(since, until))


@cache
def _sets_query(subquery: tuple[bool, bool] | None,
                ordered: bool) -> Select[*tuple[Any, ...]]:
    """The sets of the sessions bound as `ids`, or, given a window, of the sessions in it;
    in the order they were logged, if `ordered`."""
    within = (SetLogRow.session_id.in_(bindparam("ids", expanding=True)) if subquery is None
              else SetLogRow.session_id.in_(_session_ids(*subquery)))
    query = select(*_SET_COLUMNS).where(within)
    return query.order_by(SetLogRow.logged_at, SetLogRow.id) if ordered else query


_MARK_KEYS = (SetLogRow.exercise, SetLogRow.side, SetLogRow.load, SetLogRow.unit,
              SetLogRow.band, SetLogRow.variation)
_BEST_MARKS = (select(*_MARK_KEYS, func.max(SetLogRow.reps), func.max(SetLogRow.seconds))
               .where(SetLogRow.session_id.in_(_session_ids(False, True)),
                      SetLogRow.skipped.is_(False),
                      or_(SetLogRow.reps.is_not(None), SetLogRow.seconds.is_not(None)))
               .group_by(*_MARK_KEYS))


def _read_sessions(db: Session, user_id: int, until: datetime | None,
                   since: datetime | None = None) -> list[SessionInfo]:
    rows = db.connection().execute(
        _sessions_query(since is not None, until is not None),
        _params(user_id, since, until)).all()  # all(): one fetchall, not a fetch per row
    return [SessionInfo(id=sid, user_id=user_id, routine_version_id=version_id,
                        routine_slug=slug, routine_title=title, started_at=instant(started),
                        status=status, ended_at=None if ended is None else instant(ended),
                        equipment=_equipment(equipment), planned_sets=planned,
                        sets_done=int(sets_done or 0))
            for (sid, version_id, equipment, started, ended, status, planned, slug, title,
                 sets_done) in rows]


def _read_sets(db: Session, user_id: int, since: datetime | None,
               until: datetime | None, ids: Sequence[str] | None = None, *,
               ordered: bool = True) -> list[SetLog]:
    """`user_sets`; `ids` are the ids of the window's sessions when they were read already.
    Unless `ordered`, the sets come in no particular order (SQLite sorting 1,840 rows of 24
    columns costs half a millisecond)."""
    connection = db.connection()
    params = _params(user_id, since, until)
    if ids is None:
        ids = list(connection.execute(_session_ids(since is not None, until is not None),
                                      params).scalars())
    if not ids:
        return []
    # The window's session ids as values, not as a subquery: PostgreSQL then plans with the
    # number of sessions and reads their sets through the session_id index, where for the
    # subquery it guesses a hash join over every set of the table. Past `_MANY_SESSIONS` (a
    # report of everything) the subquery does as well.
    if len(ids) <= _MANY_SESSIONS:
        rows = connection.execute(_sets_query(None, ordered), {"ids": ids}).all()
    else:
        rows = connection.execute(
            _sets_query((since is not None, until is not None), ordered), params).all()
    return [_set(row) for row in rows]


# A week of sessions: its Monday, the sessions that count, the first and the last one's day,
# and whether every one of them was light (at most half its planned sets done).
WeekRow = tuple[date, int, date, date, bool]


def _read_weeks(db: Session, user_id: int, before: datetime) -> list[WeekRow]:
    # Where a report covers recent weeks, adherence and the deload rule still read every
    # session the user ever did: summed up here per week, a few hundred small rows instead
    # of a SessionInfo per session.
    query = _weeks_query(db.get_bind().dialect.name)
    return [(_day(week), sessions, _day(first_day), _day(last_day), bool(all_light))
            for week, sessions, first_day, last_day, all_light
            in db.connection().execute(query, {"uid": user_id, "before": before}).all()]


@cache
def _weeks_query(dialect: str) -> Select[*tuple[Any, ...]]:
    # The rules repeat `counts` and `is_light` of strongstride.analysis.adherence
    # (tests/reports/test_build.py holds them equal).
    started = SessionRow.started_at
    first: Any
    last: Any
    if dialect == "postgresql":
        utc = func.timezone(literal_column("'UTC'"), started)
        monday: Any = sa.cast(func.date_trunc(literal_column("'week'"), utc), Date)
        first, last = func.min(sa.cast(utc, Date)), func.max(sa.cast(utc, Date))
    else:  # SQLite keeps naive UTC text; 'weekday 0' moves on to the Sunday of the week
        monday = func.date(started, literal_column("'weekday 0'"), literal_column("'-6 days'"))
        first, last = func.date(func.min(started)), func.date(func.max(started))
    light = func.min(case((and_(SessionRow.planned_sets > 0,
                                SessionRow.sets_done * 2 <= SessionRow.planned_sets), 1),
                          else_=0))
    return (select(monday, func.count(), first, last, light)
            .where(SessionRow.user_id == bindparam("uid"), started < bindparam("before"),
                   or_(SessionRow.status == "finished", SessionRow.sets_done > 0))
            .group_by(monday).order_by(monday))


def _day(value: date | str) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _read_versions(db: Session, user_id: int,
                   version_ids: Iterable[int] | None) -> list[RoutineVersion]:
    params: dict[str, Any] = {"uid": user_id}
    if version_ids is not None:
        params["ids"] = sorted(set(version_ids))
    rows = db.connection().execute(_versions_query(version_ids is not None), params).all()
    return [RoutineVersion(*row) for row in rows]


@cache
def _versions_query(some: bool) -> Select[*tuple[Any, ...]]:
    """The routine versions the user (bound as uid) played, or those of them bound as ids."""
    last = (select(SessionRow.routine_version_id, func.max(SessionRow.started_at).label("last"))
            .where(SessionRow.user_id == bindparam("uid"))
            .group_by(SessionRow.routine_version_id).subquery())
    # Plain columns, not ORM objects: this runs with every report.
    query: Select[*tuple[Any, ...]] = (
        select(RoutineVersionRow.id, RoutineVersionRow.routine_id, RoutineRow.slug,
               RoutineVersionRow.version, RoutineRow.title, RoutineVersionRow.text,
               RoutineVersionRow.sha256, RoutineVersionRow.created_at)
        .join(RoutineRow, RoutineVersionRow.routine_id == RoutineRow.id)
        .join(last, and_(last.c.routine_version_id == RoutineVersionRow.id))
        .where(RoutineRow.user_id == bindparam("uid"))
        .order_by(last.c.last.desc(), RoutineVersionRow.id.desc()))
    if some:
        query = query.where(RoutineVersionRow.id.in_(bindparam("ids", expanding=True)))
    return query


@lru_cache(maxsize=256)
def _equipment(text: str | None) -> tuple[str, ...]:
    # A user's sessions share a handful of equipment lists: parse each once.
    return tuple(str(name) for name in json.loads(text)) if text else ()
