"""Storage of users, routines, sessions and sets in SQLite or PostgreSQL.

The only package that imports SQLAlchemy or Alembic; it takes and returns the plain records of
`strongstride.records`. See docs/storage.md.
"""

from strongstride.store.db import ENV_VAR, default_url
from strongstride.store.repository import Store

__all__ = ["ENV_VAR", "Store", "default_url"]
