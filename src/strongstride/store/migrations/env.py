"""Alembic's entry point. strongstride runs migrations itself (see `store/migrate.py`), on a
connection it has opened and put in a transaction; there is no alembic.ini and no offline mode.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from strongstride.store.tables import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection) or context.is_offline_mode():
    raise RuntimeError("strongstride runs its own migrations: call "
                       "strongstride.store.migrate.upgrade() rather than the alembic command")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
