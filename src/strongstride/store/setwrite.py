"""Logging sets fast: one lean lookup, and many sets committed by one commit.

A set is the write that happens most, and under load most of its cost is the commit (an fsync)
and the ORM's bookkeeping, not the row. So sets go through `GroupCommit`: a thread that wants
a set stored queues it; the first thread to find no commit under way takes every set queued so
far, writes them in ONE transaction and commits once, then hands each thread its own answer.
Each caller still returns only after its set is committed, so nothing is acknowledged early,
and a set that cannot be stored (session not found or ended) fails alone, not its batch.
The statements are SQLAlchemy Core, built once per store.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import SetLog
from strongstride.store import convert
from strongstride.store.db import Target, writer
from strongstride.store.failures import translated
from strongstride.store.tables import RoutineVersionRow, SessionRow, SetLogRow

SOURCES_KEPT = 1024  # sessions whose routine text is kept in memory


@dataclass(frozen=True, slots=True)
class StepSource:
    """What a set of a session is built from (see `SetWriterMixin.step_source`)."""

    version_id: int
    text: str
    without: frozenset[str]


@dataclass
class _Waiting:
    log: SetLog
    done: bool = False
    stored: bool = False
    error: BaseException | None = None


@dataclass
class GroupCommit:
    """Runs `write(batch)` for queued items, one batch at a time; see the module's text."""

    write: Callable[[list[_Waiting]], None]
    max_batch: int = 256
    _queue: list[_Waiting] = field(default_factory=list)
    _busy: bool = False
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def submit(self, log: SetLog) -> bool:
        mine = _Waiting(log)
        with self._changed:
            self._queue.append(mine)
        while True:
            with self._changed:
                while not mine.done and self._busy:
                    self._changed.wait()
                if mine.done:
                    return _answer(mine)
                self._busy = True  # this thread writes the next batch (maybe not with its own)
                batch = self._queue[:self.max_batch]
                del self._queue[:self.max_batch]
            try:
                self.write(batch)
            except BaseException as exc:  # the transaction failed: none of its sets is stored
                for item in batch:
                    item.error, item.done = exc, True
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()


def _settled(item: _Waiting) -> bool | StrongstrideError:
    """The answer of a written set: whether it was stored, or why not."""
    if item.error is None:
        return item.stored
    assert isinstance(item.error, StrongstrideError), item.error  # _write_one makes only these
    return item.error


def _answer(item: _Waiting) -> bool:
    if item.error is not None:
        raise item.error
    return item.stored


class SetWriterMixin:
    """The set-logging part of `Store` (mixed in there)."""

    _engine: Engine
    _target: Target
    _write_lock: AbstractContextManager[object]

    def _start_set_writer(self) -> None:
        self._group_commit = GroupCommit(self._write_sets)
        self._statements = _Statements(self._engine.dialect.name)
        self._sources: dict[tuple[str, int], StepSource] = {}

    def log_set(self, log: SetLog) -> bool:
        """Store one set: True once it is committed, False if its key was stored before."""
        convert.check_set(log)
        return self._group_commit.submit(log)

    def log_sets(self, logs: Sequence[SetLog]) -> list[bool | StrongstrideError]:
        """Store many sets in one transaction with one commit, for a caller that gathers
        them itself (the web app on SQLite does, on its event loop). For each set: True once
        stored, False if its key was stored before, or the error that kept it out; one set's
        error does not keep the others out. A failed commit raises: then none is stored."""
        answers: list[bool | StrongstrideError] = []
        todo: list[_Waiting] = []
        for log in logs:
            try:
                convert.check_set(log)
            except StrongstrideError as refused:
                answers.append(refused)
                continue
            todo.append(_Waiting(log))
            answers.append(False)  # a place for its answer
        if todo:
            self._write_sets(todo)
        written = iter(todo)
        return [answer if isinstance(answer, StrongstrideError) else _settled(next(written))
                for answer in answers]

    def step_source(self, session_id: str, *, user_id: int) -> StepSource:
        """What building a set of the user's session needs: its routine text and the equipment
        she was without when it started.

        NotFound for another user's session, as for one that does not exist.
        """
        # A session never changes hands, routine version or equipment, and sessions are
        # never deleted, so what was found once stays true: the player's sets skip this query
        # after the first.
        known = self._sources.get((session_id, user_id))
        if known is not None:
            return known
        with translated(self._target), self._engine.connect() as conn:
            found = conn.execute(self._statements.source,
                                 {"sid": session_id, "uid": user_id}).first()
        if found is None:
            raise NotFound(f"{self._target.where}: no session {session_id}")
        without = json.loads(found[2]) if found[2] else []
        answer = StepSource(int(found[0]), str(found[1]), frozenset(map(str, without)))
        if len(self._sources) >= SOURCES_KEPT:
            self._sources.clear()
        self._sources[(session_id, user_id)] = answer
        return answer

    def _write_sets(self, batch: list[_Waiting]) -> None:
        with self._write_lock, translated(self._target), writer(self._engine).begin() as conn:
            status: dict[str, str | None] = {}
            for item in batch:
                self._write_one(conn, item, status)
        for item in batch:
            item.done = True

    def _write_one(self, conn: Connection, item: _Waiting, status: dict[str, str | None]
                   ) -> None:
        log, q = item.log, self._statements
        if log.session_id not in status:
            status[log.session_id] = conn.execute(q.status, {"sid": log.session_id}).scalar()
        state = status[log.session_id]
        if state is None:
            item.error = NotFound(f"{self._target.where}: no session {log.session_id}; "
                                  "start it first")
        elif state != "active":
            if conn.execute(q.key, {"key": log.key}).first() is None:
                item.error = StrongstrideError(f"session {log.session_id} is {state}; a set "
                                               "can only be logged in an active session")
            # else: a retry that arrives after the session ended, stored before
        else:
            item.stored = conn.execute(q.insert, convert.set_values(log)).first() is not None


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

