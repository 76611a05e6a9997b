"""Where the data lives and how to reach it: URLs, engines and sessions.

SQLite is the default, one file per user; PostgreSQL is chosen by URL. Every connection is set
up here so that a committed set survives a crash: SQLite runs in WAL mode (set by `use_wal`
once the file is known to be ours) with `synchronous=FULL`, and a write transaction takes the
write lock when it begins (`BEGIN IMMEDIATE`) rather than half way through.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from strongstride.errors import StrongstrideError
from strongstride.paths import DB_ENV, DB_FILE_NAME, default_db_file

ENV_VAR = DB_ENV

FILE_NAME = DB_FILE_NAME
CONNECT_TIMEOUT_SECONDS = 5
BUSY_TIMEOUT_MS = 10_000
# The web app's handlers run in anyio's worker threads, 40 of them: a pool as large lets each
# thread hold a connection, where past the pool every request would open (and close) its own.
POOL_SIZE = 40

# An execution option of our own: a session bound with it starts a write transaction.
_WRITE = "strongstride_write"
_PG_DRIVERS = {"postgres", "postgresql", "postgresql+psycopg"}
_SQLITE_DRIVERS = {"sqlite", "sqlite+pysqlite"}


@dataclass(frozen=True, slots=True)
class Target:
    """A database to open: the URL to connect to and how to name it in messages."""

    url: URL
    where: str
    secret: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def in_memory(self) -> bool:
        return self.is_sqlite and self.url.database in (None, "", ":memory:")


def default_url() -> str:
    """`$STRONGSTRIDE_DB` if set, else `strongstride.db` in the user's data folder."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return configured
    file = Path(default_db_file())
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StrongstrideError(
            f"{file.parent}: cannot create the data folder ({exc.strerror}); "
            f"set {ENV_VAR} or use --db to keep the data elsewhere") from exc
    return f"sqlite:///{file}"


def resolve(url: str) -> Target:
    """Read a URL (or a plain file path, taken as SQLite) into a `Target`.

    `postgres://` and `postgresql://` become `postgresql+psycopg://`, the driver we ship.
    """
    text = url.strip()
    if not text:
        raise StrongstrideError("the database URL is empty; give a file name or a URL like "
                                "sqlite:///path/to/strongstride.db or postgresql://host/db")
    if "://" not in text:
        return _sqlite_target(URL.create("sqlite", database=text))
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError):
        raise StrongstrideError(f"{_scrub(text)}: not a database URL; give a file name or a URL "
                                "like sqlite:///path/to/strongstride.db or "
                                "postgresql://user@host/db") from None
    if parsed.drivername in _SQLITE_DRIVERS:
        return _sqlite_target(parsed.set(drivername="sqlite"))
    if parsed.drivername in _PG_DRIVERS:
        return _postgres_target(parsed.set(drivername="postgresql+psycopg"))
    where = parsed.render_as_string(hide_password=True)
    raise StrongstrideError(f"{where}: strongstride stores its data in SQLite "
                            "(sqlite:///FILE) or PostgreSQL (postgresql://...); "
                            f"'{parsed.drivername}' is not supported")


def _sqlite_target(url: URL) -> Target:
    database = url.database or ":memory:"
    return Target(url, database)


def _postgres_target(url: URL) -> Target:
    secret = url.password if isinstance(url.password, str) else None
    shown = url
    if "password" in url.query:  # libpq also takes the password as a query parameter
        query_secret = url.query["password"]
        secret = secret or (query_secret if isinstance(query_secret, str) else None)
        shown = url.update_query_dict({"password": "***"})
    return Target(url, shown.render_as_string(hide_password=True), secret or None)


def _scrub(text: str) -> str:
    """A URL that did not parse may still hold a password: keep only the scheme."""
    return text.split("://", 1)[0] + "://..." if "@" in text else text


def make_engine(target: Target) -> Engine:
    if target.is_sqlite:
        return _sqlite_engine(target)
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in target.url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    # Connections are opened as they are first needed, so a CLI command opens one.
    engine = create_engine(target.url, connect_args=connect_args, pool_pre_ping=True,
                           pool_size=POOL_SIZE, max_overflow=POOL_SIZE)

    @event.listens_for(engine, "connect")
    def _utc_session(dbapi_connection: Any, _record: Any) -> None:
        # Instants are UTC everywhere in strongstride. In a UTC session psycopg returns them
        # with `datetime.timezone.utc`, which the store takes as is; in the server's zone
        # (even Etc/UTC) each one goes through zoneinfo, a few microseconds apiece, which
        # adds up to milliseconds for a report's thousands of sets.
        dbapi_connection.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    return engine


def _sqlite_engine(target: Target) -> Engine:
    if target.in_memory:
        # One connection, or every checkout would see a new, empty database.
        engine = create_engine(target.url, poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
    else:
        # A pool as large as the web server's busiest moment: a connection opened past the
        # pool is closed again after one use, and opening one costs more than the query.
        engine = create_engine(target.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               pool_size=POOL_SIZE, max_overflow=POOL_SIZE)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over BEGIN from the sqlite3 module, which would not put DDL in a transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def use_wal(engine: Engine, target: Target) -> None:
    """Put a SQLite file in WAL mode (it stays so); call once the file is known to be ours."""
    if not target.is_sqlite or target.in_memory:
        return
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()
    finally:
        connection.close()


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions start as writes (SQLite: BEGIN IMMEDIATE)."""
    return engine.execution_options(**{_WRITE: True})


def session_makers(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(reads, writes): use each as `with maker.begin() as db:`, one transaction."""
    reads = sessionmaker(bind=engine, expire_on_commit=False)
    writes = sessionmaker(bind=writer(engine), expire_on_commit=False)
    return reads, writes


def upsert_into(db_dialect: str, table: Table) -> Any:
    """The dialect's INSERT for `table`, which has ON CONFLICT (PostgreSQL's or SQLite's).
    The dialect module is imported here, when a write needs it: opening a SQLite database
    never imports PostgreSQL's."""
    if db_dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)
