"""Logging a set: one set, one transaction, one commit.

A set is the write that happens most, so its path is a few SQLAlchemy Core statements built
once per store rather than ORM objects; but it is still one request's own transaction. Each
call checks its set, writes it and commits before it returns, and fails or succeeds alone:
nothing one caller sends can fail another caller's set.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import SetLog
from strongstride.store import convert
from strongstride.store.db import Target, writer
from strongstride.store.failures import translated
from strongstride.store.tables import RoutineVersionRow, SessionRow, SetLogRow


@dataclass(frozen=True, slots=True)
class StepSource:
    """What a set of a session is built from (see `SetWriterMixin.step_source`)."""

    version_id: int
    text: str
    without: frozenset[str]


class SetWriterMixin:
    """The set-logging part of `Store` (mixed in there)."""

    _engine: Engine
    _target: Target
    _write_lock: AbstractContextManager[object]

    def _start_set_writer(self) -> None:
        self._statements = _Statements(self._engine.dialect.name)

    def log_set(self, log: SetLog) -> bool:
        """Store one set in its own transaction: True once it is committed, False if its key
        was stored before (a retry). The session must exist and be active, except for a retry
        that arrives after it ended, which is still a no-op."""
        convert.check_set(log)
        q = self._statements
        with self._write_lock, translated(self._target), writer(self._engine).begin() as conn:
            # FOR UPDATE (PostgreSQL): the session cannot end between this check and the insert.
            state = conn.execute(q.status, {"sid": log.session_id}).scalar()
            if state is None:
                raise NotFound(f"{self._target.where}: no session {log.session_id}; "
                               "start it first")
            if state != "active":
                if conn.execute(q.key, {"key": log.key}).first() is None:
                    raise StrongstrideError(f"session {log.session_id} is {state}; a set can "
                                            "only be logged in an active session")
                return False
            # The key's UNIQUE constraint decides between two racing writers of one key.
            return conn.execute(q.insert, convert.set_values(log)).first() is not None

    def step_source(self, session_id: str, *, user_id: int) -> StepSource:
        """What building a set of the user's session needs: its routine text and the equipment
        she was without when it started.

        NotFound for another user's db, as for one that does not exist.
        """
        with translated(self._target), self._engine.connect() as conn:
            found = conn.execute(self._statements.source,
                                 {"sid": session_id, "uid": user_id}).first()
        if found is None:
            raise NotFound(f"{self._target.where}: no session {session_id}")
        without = json.loads(found[2]) if found[2] else []
        return StepSource(int(found[0]), str(found[1]), frozenset(map(str, without)))


class _Statements:
    """The Core statements of the set path, compiled once and reused."""

    def __init__(self, dialect: str) -> None:
        table = SetLogRow.__table__
        self.status = (select(SessionRow.status).where(SessionRow.id == bindparam("sid"))
                       .with_for_update())
        self.key = select(SetLogRow.id).where(SetLogRow.idempotency_key == bindparam("key"))
        self.source = (select(SessionRow.routine_version_id, RoutineVersionRow.text,
                              SessionRow.equipment)
                       .join(RoutineVersionRow,
                             SessionRow.routine_version_id == RoutineVersionRow.id)
                       .where(SessionRow.id == bindparam("sid"),
                              SessionRow.user_id == bindparam("uid")))
        make: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
        self.insert = (make(table).on_conflict_do_nothing(index_elements=["idempotency_key"])
                       .returning(table.c.id))
