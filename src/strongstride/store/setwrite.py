"""Logging a set: one set, one transaction, one commit.

A set is the write that happens most, so its path is a few SQLAlchemy Core statements built
once per store rather than ORM objects; but it is still one request's own transaction. Each
call checks its set, writes it and commits before it returns, and fails or succeeds alone:
nothing one caller sends can fail another caller's set.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, and_, bindparam, insert, or_, select, update

from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import SetLog, SetOutcome
from strongstride.store import convert
from strongstride.store.db import Target, writer
from strongstride.store.failures import translated
from strongstride.store.tables import RoutineVersionRow, SessionRow, SetLogRow


@dataclass(frozen=True, slots=True)
class StepSource:
    """What a set of a session is built from (see `SetWriterMixin.write_step`)."""

    version_id: int
    text: str
    without: frozenset[str]


class SetWriterMixin:
    """The set-logging part of `Store` (mixed in there)."""

    _engine: Engine
    _target: Target
    _write_lock: AbstractContextManager[object]

    def _start_set_writer(self) -> None:
        self._statements = _Statements()

    def log_set(self, log: SetLog) -> bool:
        """`write_set`, answering only whether this call stored the set (new or replacing)."""
        return self.write_set(log)[1] in ("new", "replaced")

    def write_set(self, log: SetLog) -> tuple[SetLog, SetOutcome]:
        """Store one set in its own transaction, one set per step of a session: (the set the
        step holds now, what this call did; see `records.SetOutcome`).

        A key stored before is a retry: nothing changes and the stored set comes back (for a
        key held by another session, the set sent: that one is not the caller's to see). A
        step that holds a set already is an edit: the set logged later is kept, whichever
        arrives last, so a queue replayed late cannot undo a newer edit from another device.
        The session must exist and be active, except for a retry that arrives after it ended.
        """
        convert.check_set(log)
        q = self._statements
        with self._write_lock, translated(self._target), writer(self._engine).begin() as conn:
            state = conn.execute(q.status, {"sid": log.session_id}).scalar()
            if state is None:
                raise NotFound(f"{self._target.where}: no session {log.session_id}; "
                               "start it first")
            return self._store_set(conn, log, state)

    def write_step(self, session_id: str, *, user_id: int,
                   build: Callable[[StepSource], SetLog]) -> tuple[SetLog, SetOutcome]:
        """`write_set` for a set built from the session's own plan, in one transaction: the
        session's routine text and equipment are read under the same lock as the write, and
        `build` makes the set from them (a `StrongstrideError` it raises writes nothing).

        NotFound for another user's session, as for one that does not exist.
        """
        q = self._statements
        with self._write_lock, translated(self._target), writer(self._engine).begin() as conn:
            found = conn.execute(q.source, {"sid": session_id, "uid": user_id}).first()
            if found is None:
                raise NotFound(f"{self._target.where}: no session {session_id}")
            state, version_id, text, equipment = found
            without = frozenset(map(str, json.loads(equipment))) if equipment else frozenset()
            log = build(StepSource(int(version_id), str(text), without))
            convert.check_set(log)
            if log.session_id != session_id:
                raise StrongstrideError(f"a set of session {log.session_id} cannot be "
                                        f"logged in session {session_id}")
            return self._store_set(conn, log, state)

    def _store_set(self, conn: Connection, log: SetLog,
                   state: str) -> tuple[SetLog, SetOutcome]:
        # The session's row is locked (FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE
        # does the same): the writers of one session take turns, so the session cannot end,
        # nor another writer slip a set of the same step in, between this read and the write.
        current = None
        for held in conn.execute(self._statements.held, {"key": log.key,
                                                         "sid": log.session_id,
                                                         "step": log.step_key}):
            if held.idempotency_key == log.key:
                return (convert.to_set(held) if held.session_id == log.session_id
                        else log), "retry"
            current = held
        if state != "active":
            raise StrongstrideError(f"session {log.session_id} is {state}; a set can "
                                    "only be logged in an active session")
        if current is None:
            # The UNIQUE constraints (key; session and step) still decide should two
            # writers ever meet here.
            conn.execute(self._statements.insert, convert.set_values(log))
            return log, "new"
        if current.logged_at > log.logged_at:
            return convert.to_set(current), "superseded"
        conn.execute(self._statements.replace, {"set_id": current.id,
                                                **convert.set_values(log)})
        return log, "replaced"


class _Statements:
    """The Core statements of the set path, compiled once and reused."""

    def __init__(self) -> None:
        table = SetLogRow.__table__
        self.status = (select(SessionRow.status).where(SessionRow.id == bindparam("sid"))
                       .with_for_update())
        # The set held by this key, and the one held by this step (at most two rows).
        self.held = select(table).where(or_(
            table.c.idempotency_key == bindparam("key"),
            and_(table.c.session_id == bindparam("sid"),
                 table.c.step_key == bindparam("step"))))
        self.source = (select(SessionRow.status, SessionRow.routine_version_id,
                              RoutineVersionRow.text, SessionRow.equipment)
                       .join(RoutineVersionRow,
                             SessionRow.routine_version_id == RoutineVersionRow.id)
                       .where(SessionRow.id == bindparam("sid"),
                              SessionRow.user_id == bindparam("uid"))
                       .with_for_update(of=SessionRow.__table__))
        self.insert = insert(SetLogRow)
        # SET every column the values name: the edited set keeps its row and its id.
        self.replace = update(SetLogRow).where(SetLogRow.id == bindparam("set_id"))
