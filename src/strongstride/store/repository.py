"""The store: what the rest of strongstride calls to keep and read sessions and sets.

It takes and returns the plain records of `strongstride.records`, never ORM objects. Every
write is one transaction; a set is committed before `log_set` returns, and its client-made key
makes a retry a no-op (the UNIQUE constraint decides, so two racing writers cannot both insert).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import Connection, Engine, Row, Select, bindparam, false, func, insert, select
from sqlalchemy.orm import Session

from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import (
    ImportCount,
    ImportSession,
    ImportVersion,
    RoutineVersion,
    SessionInfo,
    SessionStatus,
    SetLog,
)
from strongstride.store import convert
from strongstride.store.accounts import AccountsMixin
from strongstride.store.checkins import CheckinsMixin
from strongstride.store.db import (
    Target,
    default_url,
    make_engine,
    resolve,
    session_makers,
    upsert_into,
)
from strongstride.store.failures import translated
from strongstride.store.migrate import upgrade
from strongstride.store.plans import PlansMixin
from strongstride.store.reporting import ReportingMixin
from strongstride.store.setwrite import SetWriterMixin
from strongstride.store.tables import (
    Base,
    RoutineRow,
    RoutineVersionRow,
    SessionRow,
    SetLogRow,
    UserRow,
)


def _now() -> datetime:
    return datetime.now(UTC)


class Store(AccountsMixin, ReportingMixin, PlansMixin, SetWriterMixin, CheckinsMixin):
    """Open with `Store.open(url)`; use as a context manager or call `close()`.

    Methods that take a keyword `user_id` answer NotFound for another user's db, the same
    as for a session that does not exist, so a caller can scope every query to one user.
    """

    def __init__(self, engine: Engine, target: Target) -> None:
        self._engine = engine
        self._target = target
        self._reads, self._writes = session_makers(engine)
        self._write_lock: AbstractContextManager[object] = (
            threading.RLock() if target.is_sqlite else nullcontext())
        self._start_set_writer()

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating or upgrading as needed) the database at `url` or `default_url()`."""
        target = resolve(url if url is not None else default_url())
        with translated(target):
            engine = make_engine(target)
        try:
            upgrade(engine, target)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, target)

    @property
    def where(self) -> str:
        """The file or URL (password hidden) that messages name."""
        return self._target.where

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with translated(self._target), self._reads.begin() as db:
            yield db

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        """A plain connection, for the hot reads whose rows need no ORM objects."""
        with translated(self._target), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Session]:
        # SQLite lets one writer in at a time; threads of this process queue on a lock rather
        # than in SQLite's busy handler, whose growing sleeps make long tails under load.
        with self._write_lock, translated(self._target), self._writes.begin() as db:
            yield db

    def _insert_new(self, db: Session, entity: type[Base], values: Mapping[str, Any],
                    unique: list[str]) -> bool:
        """INSERT ... ON CONFLICT DO NOTHING: True if this call inserted the row."""
        table = Base.metadata.tables[entity.__tablename__]
        new = upsert_into(db.get_bind().dialect.name, table).values(values)
        inserted = db.execute(new.on_conflict_do_nothing(index_elements=unique)
                              .returning(table.c[unique[0]])).first()
        return inserted is not None

    # users and routines

    def ensure_user(self, name: str = "me") -> int:
        convert.check_text("user name", name, required=True)
        with self._write() as db:
            self._insert_new(db, UserRow, {"name": name, "created_at": _now()}, ["name"])
            return db.scalars(select(UserRow.id).where(UserRow.name == name)).one()

    def save_routine(self, user_id: int, slug: str, title: str | None,
                     text: str) -> RoutineVersion:
        """The version holding `text`: the existing one if this text was saved before."""
        convert.check_text("routine slug", slug, required=True)
        convert.check_text("routine title", title)
        convert.check_text(f"routine {slug}", text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self._write() as db:
            self._need_user(db, user_id)
            self._insert_new(db, RoutineRow, {"user_id": user_id, "slug": slug,
                                                   "title": title, "created_at": _now()},
                             ["user_id", "slug"])
            routine = db.scalars(
                select(RoutineRow).where(RoutineRow.user_id == user_id, RoutineRow.slug == slug)
                .with_for_update()).one()  # versions of one routine are numbered in turn
            routine.title = title
            row = db.scalars(select(RoutineVersionRow).where(
                RoutineVersionRow.routine_id == routine.id,
                RoutineVersionRow.sha256 == digest)).first()
            if row is None:
                latest = db.scalar(select(func.max(RoutineVersionRow.version)).where(
                    RoutineVersionRow.routine_id == routine.id))
                row = RoutineVersionRow(routine_id=routine.id, version=(latest or 0) + 1,
                                        text=text, sha256=digest, created_at=_now())
                db.add(row)
                db.flush()
            return convert.to_version(row, routine)

    def routine_version(self, version_id: int) -> RoutineVersion:
        with self._read() as db:
            found = db.execute(
                select(RoutineVersionRow, RoutineRow).join(
                    RoutineRow, RoutineVersionRow.routine_id == RoutineRow.id)
                .where(RoutineVersionRow.id == version_id)).first()
            if found is None:
                raise NotFound(f"{self.where}: no routine version {version_id}")
            return convert.to_version(found[0], found[1])

    # sessions

    def start_session(self, user_id: int, routine_version_id: int, *, session_id: str,
                      started_at: datetime, equipment: tuple[str, ...] = (),
                      planned_sets: int = 0) -> SessionInfo:
        """Start a session; starting it again with the same id returns it unchanged."""
        convert.check_text("session id", session_id, required=True)
        convert.check_instant(f"session {session_id}: started_at", started_at)
        if not 0 <= planned_sets < 2**31:
            raise StrongstrideError(f"session {session_id}: planned_sets {planned_sets} "
                                    "is out of range")
        values = {"id": session_id, "user_id": user_id, "routine_version_id": routine_version_id,
                  "equipment": convert.equipment_json(equipment), "started_at": started_at,
                  "status": "active", "planned_sets": planned_sets}
        with self._write() as db:
            self._need_user(db, user_id)
            owner = db.scalar(select(RoutineRow.user_id).join(
                RoutineVersionRow, RoutineVersionRow.routine_id == RoutineRow.id)
                .where(RoutineVersionRow.id == routine_version_id))
            if owner is None:
                raise NotFound(f"{self.where}: no routine version {routine_version_id}")
            if owner != user_id:
                raise StrongstrideError(f"routine version {routine_version_id} belongs to "
                                        f"another user than {user_id}")
            self._insert_new(db, SessionRow, values, ["id"])
            info = self._session_info(db, session_id)
            if (info.user_id, info.routine_version_id) != (user_id, routine_version_id):
                raise StrongstrideError(f"session {session_id} already exists for another "
                                        "user or routine; start the session with a new id")
            return info

    def finish_session(self, session_id: str, ended_at: datetime) -> SessionInfo:
        return self._end(session_id, ended_at, "finished")

    def abandon_session(self, session_id: str, ended_at: datetime) -> SessionInfo:
        return self._end(session_id, ended_at, "abandoned")

    def _end(self, session_id: str, ended_at: datetime,
             status: Literal["finished", "abandoned"]) -> SessionInfo:
        convert.check_instant(f"session {session_id}: ended_at", ended_at)
        with self._write() as db:
            row = db.scalars(select(SessionRow).where(SessionRow.id == session_id)
                                  .with_for_update()).first()
            if row is None:
                raise NotFound(f"{self.where}: no session {session_id}")
            if row.status == "active":
                row.status, row.ended_at = status, ended_at.astimezone(UTC)
                db.flush()
            elif row.status != status:  # ending it the same way again is a retry: no-op
                raise StrongstrideError(f"session {session_id} is already {row.status}; "
                                        f"it cannot be {status}")
            return self._session_info(db, session_id)

    def session(self, session_id: str, *, user_id: int | None = None) -> SessionInfo:
        with self._read() as db:
            return self._session_info(db, session_id, user_id)

    def unfinished_session(self, user_id: int, slug: str | None = None) -> SessionInfo | None:
        """The newest active session of the user (of routine `slug` if given), if any."""
        query = _info_query().where(SessionRow.user_id == user_id,
                                    SessionRow.status == "active")
        if slug is not None:
            query = query.where(RoutineRow.slug == slug)
        with self._read() as db:
            found = db.execute(query.order_by(*_newest_first()).limit(1)).first()
            return None if found is None else _info(found)

    def history(self, user_id: int, limit: int = 50, *,
                status: SessionStatus | None = None) -> list[SessionInfo]:
        """The user's sessions (with `status` if given), newest first; `sets_done` counts the
        sets not skipped."""
        # Read on a plain connection with a statement built once: history is asked on every
        # visit of the history page and by the API, and the ORM's result handling costs more
        # than the query.
        params: dict[str, Any] = {"uid": user_id, "limit": max(limit, 0)}
        if status is not None:
            params["status"] = status
        with self._connect() as conn:
            rows = conn.execute(_HISTORY[status is not None], params).all()  # one fetch
        return [_info(row) for row in rows]

    def _session_info(self, db: Session, session_id: str,
                      user_id: int | None = None) -> SessionInfo:
        query = _info_query().where(SessionRow.id == session_id)
        if user_id is not None:
            query = query.where(SessionRow.user_id == user_id)
        found = db.execute(query).first()
        if found is None:
            raise NotFound(f"{self.where}: no session {session_id}")
        return _info(found)

    def _need_user(self, db: Session, user_id: int) -> None:
        if db.get(UserRow, user_id) is None:
            raise NotFound(f"{self.where}: no user {user_id}")

    # sets

    def sets_of(self, session_id: str, *, user_id: int | None = None) -> list[SetLog]:
        """The session's sets, skipped ones included, in the order they were logged."""
        with self._read() as db:
            self._session_info(db, session_id, user_id)
            rows = db.scalars(select(SetLogRow).where(SetLogRow.session_id == session_id)
                                   .order_by(SetLogRow.logged_at, SetLogRow.id))
            return [convert.to_set(row) for row in rows]

    def logged_step_keys(self, session_id: str) -> set[str]:
        """The steps with a log (done or skipped): what a resumed session need not ask again."""
        with self._read() as db:
            keys = db.scalars(select(SetLogRow.step_key).distinct().where(
                SetLogRow.session_id == session_id))
            return set(keys)

    def last_sets(self, user_id: int, exercise: str,
                  before_session: str | None = None) -> list[SetLog]:
        """The sets done (not skipped) of `exercise` in the latest other session that has any.

        With `before_session`, only sessions that started before that one count.
        """
        with self._read() as db:
            query = (select(SessionRow.id).join(SetLogRow, SetLogRow.session_id == SessionRow.id)
                     .where(SessionRow.user_id == user_id, SetLogRow.exercise == exercise,
                            SetLogRow.skipped == false()))
            if before_session is not None:
                query = query.where(SessionRow.id != before_session)
                started = db.scalar(select(SessionRow.started_at).where(
                    SessionRow.id == before_session))
                if started is not None:
                    query = query.where(SessionRow.started_at < started)
            latest = db.scalar(query.order_by(*_newest_first()).limit(1))
            if latest is None:
                return []
            rows = db.scalars(select(SetLogRow).where(
                SetLogRow.session_id == latest, SetLogRow.exercise == exercise,
                SetLogRow.skipped == false()).order_by(SetLogRow.logged_at, SetLogRow.id))
            return [convert.to_set(row) for row in rows]

    # bulk import: histories from other apps, and backups

    def routine_versions(self, user_id: int) -> list[RoutineVersion]:
        """Every version of every routine of the user, by slug then version number."""
        with self._read() as db:
            self._need_user(db, user_id)
            found = db.execute(
                select(RoutineVersionRow, RoutineRow).join(
                    RoutineRow, RoutineVersionRow.routine_id == RoutineRow.id)
                .where(RoutineRow.user_id == user_id)
                .order_by(RoutineRow.slug, RoutineVersionRow.version))
            return [convert.to_version(version, routine) for version, routine in found]

    def import_sessions(self, user_id: int, sessions: Sequence[ImportSession], *,
                        routines: Sequence[ImportVersion] = ()) -> ImportCount:
        """Write routine versions, sessions and their sets in ONE transaction: all or nothing.

        What is stored already stays as it is, so importing the same data again adds nothing:
        a routine is found by its slug, a version by its text, a session by its id and a set
        by its key. A session holds one set per step: of a step sent more than once, the set
        logged last goes in, and a step that holds a set already keeps it (the sets left out
        count as present). A version keeps its number when the routine has it free, else it
        takes the next one. A session id or set key that belongs to another user or session
        is refused, and then nothing is written.
        """
        _check_import(sessions, routines)
        with self._write() as db:
            self._need_user(db, user_id)
            return self._import_sessions_in(db, user_id, sessions, routines)

    def _import_sessions_in(self, db: Session, user_id: int,
                            sessions: Sequence[ImportSession],
                            routines: Sequence[ImportVersion]) -> ImportCount:
        """`import_sessions` in the caller's transaction (the backup's restore uses it too);
        the values must have been checked with `_check_import`."""
        added = {"routines": 0, "versions": 0}
        version_ids: dict[tuple[str, str], int] = {}
        for version in (*routines, *(s.routine for s in sessions)):
            self._import_version(db, user_id, version, version_ids, added)
        owners = dict(_lookup(db, SessionRow.id, SessionRow.user_id,
                              [s.id for s in sessions]))
        new_sessions: dict[str, dict[str, Any]] = {}
        for item in sessions:
            owner = owners.get(item.id)
            if owner is not None and owner != user_id:
                raise StrongstrideError(f"session {item.id} already belongs to another user; "
                                        "nothing was imported")
            if owner is None and item.id not in new_sessions:
                new_sessions[item.id] = {
                    "id": item.id, "user_id": user_id, "status": item.status,
                    "routine_version_id": version_ids[_version_key(item.routine)],
                    "equipment": convert.equipment_json(item.equipment),
                    "started_at": item.started_at, "ended_at": item.ended_at,
                    "planned_sets": item.planned_sets}
        logs = [log for item in sessions for log in item.sets]
        holders = dict(_lookup(db, SetLogRow.idempotency_key, SetLogRow.session_id,
                               [log.key for log in logs]))
        # One set per step: of a step sent more than once (a file from before 0009), the set
        # logged last; a step that holds a set here already keeps it.
        latest: dict[tuple[str, str], SetLog] = {}
        for log in logs:
            step = (log.session_id, log.step_key)
            if step not in latest or log.logged_at >= latest[step].logged_at:
                latest[step] = log
        held_steps = set(_lookup(db, SetLogRow.session_id, SetLogRow.step_key,
                                 [sid for sid in {log.session_id for log in logs}
                                  if sid not in new_sessions]))
        new_sets: dict[str, dict[str, Any]] = {}
        for log in logs:
            holder = holders.get(log.key)
            if holder is not None and holder != log.session_id:
                raise StrongstrideError(f"set {log.key} is already stored in another "
                                        f"session ({holder}); nothing was imported")
            step = (log.session_id, log.step_key)
            if holder is None and latest[step] is log and step not in held_steps:
                new_sets.setdefault(log.key, convert.set_values(log))
        if new_sessions:
            db.execute(insert(SessionRow), list(new_sessions.values()))
        if new_sets:
            db.execute(insert(SetLogRow), list(new_sets.values()))
        return ImportCount(
            routines_added=added["routines"], versions_added=added["versions"],
            sessions_added=len(new_sessions),
            sessions_present=len({s.id for s in sessions}) - len(new_sessions),
            sets_added=len(new_sets),
            sets_present=len({log.key for log in logs}) - len(new_sets))

    def _import_version(self, db: Session, user_id: int, item: ImportVersion,
                        ids: dict[tuple[str, str], int], added: dict[str, int]) -> None:
        key = _version_key(item)
        if key in ids:
            return
        if self._insert_new(db, RoutineRow, {"user_id": user_id, "slug": item.slug,
                                                  "title": item.title,
                                                  "created_at": item.created_at},
                            ["user_id", "slug"]):
            added["routines"] += 1
        routine_id = db.scalars(select(RoutineRow.id).where(
            RoutineRow.user_id == user_id, RoutineRow.slug == item.slug)).one()
        found = db.scalar(select(RoutineVersionRow.id).where(
            RoutineVersionRow.routine_id == routine_id, RoutineVersionRow.sha256 == key[1]))
        if found is None:
            number = item.version
            if number is None or db.scalar(select(RoutineVersionRow.id).where(
                    RoutineVersionRow.routine_id == routine_id,
                    RoutineVersionRow.version == number)) is not None:
                latest = db.scalar(select(func.max(RoutineVersionRow.version)).where(
                    RoutineVersionRow.routine_id == routine_id))
                number = (latest or 0) + 1
            row = RoutineVersionRow(routine_id=routine_id, version=number, text=item.text,
                                    sha256=key[1], created_at=item.created_at)
            db.add(row)
            db.flush()
            found = row.id
            added["versions"] += 1
        ids[key] = found


def _newest_first() -> tuple[Any, ...]:
    return SessionRow.started_at.desc(), SessionRow.id.desc()


def _info(found: Row[Any]) -> SessionInfo:
    return convert.to_session(found)


def _info_query() -> Select[*tuple[Any, ...]]:
    """The sessions with their routine's slug and title and the count of sets done (kept by
    the database, migration 0006): plain columns, not ORM objects (history is read on every
    visit, and objects cost more than the query). Built once; callers add their WHERE,
    ORDER BY and LIMIT."""
    return _INFO_QUERY


def _build_info_query() -> Select[*tuple[Any, ...]]:
    return (select(SessionRow.id, SessionRow.user_id, SessionRow.routine_version_id,
                   convert.raw_column(SessionRow.started_at), SessionRow.status,
                   convert.raw_column(SessionRow.ended_at),
                   SessionRow.equipment, SessionRow.planned_sets, RoutineRow.slug,
                   RoutineRow.title, SessionRow.sets_done)
            .join(RoutineVersionRow, SessionRow.routine_version_id == RoutineVersionRow.id)
            .join(RoutineRow, RoutineVersionRow.routine_id == RoutineRow.id))


_INFO_QUERY = _build_info_query()
_HISTORY = tuple(  # [with a status?]: a user's sessions, newest first, up to a limit
    (_INFO_QUERY.where(SessionRow.user_id == bindparam("uid"), *where)
     .order_by(*_newest_first()).limit(bindparam("limit")))
    for where in ((), (SessionRow.status == bindparam("status"),)))


def _version_key(item: ImportVersion) -> tuple[str, str]:
    return item.slug, hashlib.sha256(item.text.encode("utf-8")).hexdigest()


def _lookup(db: Session, key: Any, value: Any, wanted: list[str]) -> list[tuple[Any, Any]]:
    """(key, value) of the rows whose `key` is in `wanted`, asked in chunks."""
    found: list[tuple[Any, Any]] = []
    unique = sorted(set(wanted))
    for at in range(0, len(unique), 500):
        rows = db.execute(select(key, value).where(key.in_(unique[at:at + 500])))
        found += [(row[0], row[1]) for row in rows]
    return found


def _check_import(sessions: Sequence[ImportSession], routines: Sequence[ImportVersion]) -> None:
    """Refuse what the database would refuse, naming the session, set or field."""
    for item in (*routines, *(s.routine for s in sessions)):
        convert.check_text("routine slug", item.slug, required=True)
        convert.check_text(f"routine {item.slug}: title", item.title)
        convert.check_text(f"routine {item.slug}", item.text)
        convert.check_instant(f"routine {item.slug}: created_at", item.created_at)
        if item.version is not None and not 1 <= item.version < 2**31:
            raise StrongstrideError(f"routine {item.slug}: version {item.version} is out of "
                                    "range")
    for s in sessions:
        convert.check_text("session id", s.id, required=True)
        convert.check_instant(f"session {s.id}: started_at", s.started_at)
        if s.ended_at is not None:
            convert.check_instant(f"session {s.id}: ended_at", s.ended_at)
        if s.status not in ("active", "finished", "abandoned"):
            raise StrongstrideError(f"session {s.id}: status must be active, finished or "
                                    f"abandoned, not {s.status!r}")
        if not 0 <= s.planned_sets < 2**31:
            raise StrongstrideError(f"session {s.id}: planned_sets {s.planned_sets} is out of "
                                    "range")
        convert.equipment_json(s.equipment)
        for log in s.sets:
            convert.check_set(log)
            if log.session_id != s.id:
                raise StrongstrideError(f"set {log.key!r} names session {log.session_id}, "
                                        f"but it is imported with session {s.id}")
