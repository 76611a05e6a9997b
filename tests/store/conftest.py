"""Fixtures for the store tests: every test that takes `db_url` runs on SQLite (a file in
tmp_path) and, when STRONGSTRIDE_TEST_PG holds a URL, on PostgreSQL in a schema of its own.

The tests look at the database through the plain drivers (sqlite3, psycopg), not SQLAlchemy:
that keeps SQLAlchemy inside the store package and checks the store against an outside view.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import event

from strongstride.records import SetLog
from strongstride.store import Store

PG_ENV = "STRONGSTRIDE_TEST_PG"
PG_URL = os.environ.get(PG_ENV, "").strip()
ENGINES = ["sqlite", *(["postgresql"] if PG_URL else [])]

T0 = datetime(2025, 3, 1, 7, 30, tzinfo=UTC)


def libpq_uri(url: str) -> str:
    """An SQLAlchemy URL as psycopg takes it."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else url


@contextmanager
def pg_schema() -> Iterator[str]:
    """A fresh schema on the test server; yields a URL whose search_path points at it."""
    import psycopg

    name = f"ss_test_{uuid.uuid4().hex[:12]}"
    admin = libpq_uri(PG_URL)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    joiner = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{joiner}options={quote(f'-csearch_path={name}', safe='')}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'strongstride.db'}"
    else:
        with pg_schema() as url:
            yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


class Raw:
    """SQL straight through the driver; write placeholders as `?`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self._conn: Any = sqlite3.connect(url.removeprefix("sqlite:///"))
        else:
            import psycopg

            self._conn = psycopg.connect(libpq_uri(url))

    def run(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        self._conn.execute(self._sql(sql), params)
        self._conn.commit()

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        found = list(self._conn.execute(self._sql(sql), params).fetchall())
        self._conn.commit()
        return found

    def instant(self, when: datetime) -> Any:
        """A timestamp the way strongstride writes it: naive UTC text on SQLite."""
        if self.is_sqlite:
            return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        return when

    def tables(self) -> list[str]:
        if self.is_sqlite:
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        else:
            sql = ("SELECT table_name FROM information_schema.tables "
                   "WHERE table_schema = current_schema() ORDER BY table_name")
        return [name for (name,) in self.rows(sql)]

    def snapshot(self) -> dict[str, list[str]]:
        """Every row of every table, to tell whether anything changed."""
        return {table: sorted(map(repr, self.rows(f'SELECT * FROM "{table}"')))
                for table in self.tables()}

    def close(self) -> None:
        self._conn.close()

    def _sql(self, sql: str) -> str:
        return sql if self.is_sqlite else sql.replace("?", "%s")


@pytest.fixture
def raw(db_url: str) -> Iterator[Callable[[], Raw]]:
    """Open a raw connection on demand (after the store made the database)."""
    opened: list[Raw] = []

    def connect() -> Raw:
        opened.append(Raw(db_url))
        return opened[-1]

    yield connect
    for conn in opened:
        conn.close()


def a_set(session_id: str, key: str, **changes: Any) -> SetLog:
    """A set of single-leg squats on the left leg; override any field by name. Each key is
    its own step (a session holds one set per step) unless the test names the step."""
    fields: dict[str, Any] = {
        "key": key, "session_id": session_id, "step_key": f"main/0/{key}/left",
        "exercise": "single-leg squat", "section": 1, "exercise_index": 0, "set_number": 1,
        "side": "left", "logged_at": T0, "target_reps": (10, 12), "reps": 10,
    }
    fields.update(changes)
    return SetLog(**fields)


@pytest.fixture
def session_id(store: Store) -> str:
    """An active session of the default user on routine `runner-glute`."""
    user = store.ensure_user()
    version = store.save_routine(user, "runner-glute", "Butt and Leg Workout", "# routine\n")
    sid = str(uuid.uuid4())
    store.start_session(user, version.id, session_id=sid, started_at=T0)
    return sid


def count_commits(store: Store) -> list[int]:
    """A counter, in a list, of the commits the store makes from now on."""
    commits = [0]

    @event.listens_for(store._engine, "commit")
    def _on_commit(_conn: object) -> None:
        commits[0] += 1

    return commits
