"""Database failures become messages that name the file or URL and say what to do.

SQLite tells what went wrong by its error name (SQLITE_FULL, SQLITE_NOTADB, ...), PostgreSQL by
its SQLSTATE; only when neither is known do we fall back on the message text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from strongstride.errors import StrongstrideError, Unavailable
from strongstride.store.db import ENV_VAR, Target

_ELSEWHERE = f"or give another database with --db or {ENV_VAR}"


# What the database failing looks like, as opposed to a value it refused.
_UNAVAILABLE = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.InternalError,
                sa_exc.TimeoutError, sa_exc.DisconnectionError)


@contextmanager
def translated(target: Target) -> Iterator[None]:
    """Turn SQLAlchemy and driver errors raised inside the block into `StrongstrideError`
    (`Unavailable` when the database itself failed)."""
    try:
        yield
    except StrongstrideError:
        raise
    except sa_exc.DBAPIError as error:
        found = explain(error.orig if error.orig is not None else error, target)
        raise _classed(found, error) from error
    except sa_exc.SQLAlchemyError as error:
        found = StrongstrideError(f"{target.where}: database error: "
                                  f"{_first_line(str(error), target)}")
        raise _classed(found, error) from error


def _classed(found: StrongstrideError, error: BaseException) -> StrongstrideError:
    if isinstance(error, _UNAVAILABLE):
        return Unavailable(found.message, found.issues)
    return found


def explain(error: BaseException, target: Target) -> StrongstrideError:
    """The user's view of a driver (sqlite3 or psycopg) error."""
    if target.is_sqlite:
        return StrongstrideError(_sqlite_message(error, target))
    return StrongstrideError(_postgres_message(error, target))


def _sqlite_message(error: BaseException, target: Target) -> str:
    where = target.where
    name = str(getattr(error, "sqlite_errorname", "") or "")
    text = str(error).lower()
    detail = _first_line(str(error), target)
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        return (f"{where}: this file is not a SQLite database, so it is not strongstride's "
                f"(SQLite says: {detail}); nothing was changed; give the right file with --db or "
                f"{ENV_VAR}")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return (f"{where}: the database file is damaged (SQLite says: {detail}); restore it "
                f"from a backup, {_ELSEWHERE}")
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return (f"{where}: the disk is full (database or disk is full); nothing from this "
                "write was saved; free some space and try again")
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_PERM" or "readonly" in text:
        return (f"{where}: the database is read-only; make the file and its folder writable "
                f"(strongstride writes {where}-wal and {where}-shm next to it), {_ELSEWHERE}")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return (f"{where}: cannot open the database file; check that its folder exists and that "
                f"you may write to the file and its folder, {_ELSEWHERE}")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return (f"{where}: the database is busy (another program is writing to it); "
                "nothing from this write was saved; try again")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return (f"{where}: the disk reported an error (SQLite says: {detail}); nothing from "
                "this write was saved; check the disk and its free space, then try again")
    if name.startswith("SQLITE_CONSTRAINT"):
        return f"{where}: the database refused the write ({detail})"
    return f"{where}: database error: {detail}"


# SQLSTATE classes and codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
def _postgres_message(error: BaseException, target: Target) -> str:
    where = target.where
    state = str(getattr(error, "sqlstate", "") or "")
    detail = _first_line(str(error), target).removeprefix("connection failed: ")
    if state == "53100":
        return (f"{where}: the PostgreSQL server's disk is full ({detail}); nothing from this "
                "write was saved; free some space on the server and try again")
    if state in ("25006", "42501"):
        return (f"{where}: PostgreSQL refused to write ({detail}); use a database and user "
                f"that may create and write tables, {_ELSEWHERE}")
    if state.startswith("23"):
        return f"{where}: the database refused the write ({detail})"
    if not state or state.startswith(("08", "28", "3D", "57P")):
        return (f"{where}: cannot connect to PostgreSQL ({detail}); check that the server is "
                f"running and that the host, port, user, password and database are right, "
                f"{_ELSEWHERE}")
    return f"{where}: database error: {detail}"


def _first_line(text: str, target: Target) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[0] if lines else "unknown error"
    if target.secret:
        line = line.replace(target.secret, "***")
    return line
