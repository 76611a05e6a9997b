"""Schema migrations with Alembic, run from code: no alembic.ini, no command line.

`upgrade()` brings a database to the newest schema in one transaction, so a crash leaves it at
the old revision or the new one, never in between. A database from a newer strongstride, or one
that holds someone else's tables, is refused before anything is written. A database at the
newest schema (every open but the first after an upgrade of strongstride) is told by reading
its one row of `alembic_version`: Alembic is imported only when there is something to do.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from strongstride.errors import StrongstrideError
from strongstride.store.db import Target, make_engine, resolve, use_wal, writer
from strongstride.store.failures import translated
from strongstride.store.tables import Base

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# Every revision in migrations/versions, oldest first. A test holds this to the folder, so a
# new migration that is not added here fails it.
REVISIONS = (
    "0001_initial",
    "0002_skipped_planned_sets",
    "0003_accounts",
    "0004_reports_checkins",
    "0005_running_plans",
    "0006_sessions_sets_done",
    "0007_history_revision",
    "0008_no_history_revision",
    "0009_one_set_per_step",
)
VERSION_TABLE = "alembic_version"
# Any fixed number: concurrent upgrades of one PostgreSQL database take turns on it.
_PG_LOCK = 0x5757_7274


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_revisions() -> tuple[str, ...]:
    """Every revision of the migrations folder, oldest first, as Alembic reads them."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return tuple(rev.revision for rev in reversed(list(script.walk_revisions())))


def revisions() -> tuple[str, ...]:
    """Every revision we know, oldest first."""
    return REVISIONS


def head() -> str:
    return REVISIONS[-1]


def current(connection: Connection) -> tuple[str, ...]:
    """The database's revisions (none for a new database), read without Alembic."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return ()
    found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
    return tuple(str(rev) for rev in found)


def upgrade(engine: Engine, target: Target, revision: str = "head") -> None:
    """Bring the database to `revision`; do nothing when it is there already."""
    with translated(target):
        wanted = head() if revision == "head" else revision
        with engine.connect() as connection, connection.begin():
            found = _check(connection, target)
        use_wal(engine, target)
        if found == (wanted,):
            return  # the usual case, and the only one that works on a read-only file
        with writer(engine).begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
            _check(connection, target)
            from alembic import command

            command.upgrade(alembic_config(connection), revision)


def _check(connection: Connection, target: Target) -> tuple[str, ...]:
    """The database's revisions, after refusing what we must not touch."""
    found = current(connection)
    known = set(revisions())
    newer = [rev for rev in found if rev not in known]
    if newer:
        raise StrongstrideError(
            f"{target.where}: this database was written by a newer strongstride (schema "
            f"revision {', '.join(newer)}); upgrade strongstride")
    if not found:
        others = sorted(set(inspect(connection).get_table_names()) - {VERSION_TABLE})
        if others:
            shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
            raise StrongstrideError(
                f"{target.where}: this database holds tables that are not strongstride's "
                f"({shown}); give strongstride a database of its own with --db or "
                "STRONGSTRIDE_DB")
    return found


def upgrade_url(url: str, revision: str = "head") -> None:
    """Open the database at `url`, migrate it to `revision`, close it (for tools and tests)."""
    target = resolve(url)
    engine = make_engine(target)
    try:
        upgrade(engine, target, revision)
    finally:
        engine.dispose()


def downgrade_url(url: str, revision: str) -> None:
    """Take the database at `url` back to an earlier `revision` (columns added since are lost)."""
    target = resolve(url)
    engine = make_engine(target)
    try:
        with translated(target), writer(engine).begin() as connection:
            _check(connection, target)
            from alembic import command

            command.downgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()


def schema_drift(url: str) -> list[str]:
    """How the database at `url` differs from `tables.py`: empty when migrations are complete."""
    from alembic.autogenerate import compare_metadata  # a heavy import, for tests and tools
    from alembic.runtime.migration import MigrationContext

    target = resolve(url)
    engine = make_engine(target)
    try:
        with translated(target), engine.connect() as connection:
            context = MigrationContext.configure(connection)
            return [repr(diff) for diff in compare_metadata(context, Base.metadata)]
    finally:
        engine.dispose()
