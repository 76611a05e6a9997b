"""Storage of users, routines, sessions and sets in SQLite or PostgreSQL.

The only package that imports SQLAlchemy or Alembic; it takes and returns the plain records of
`strongstride.records`. See docs/storage.md.
"""

from strongstride.errors import NameTaken
from strongstride.records import Account, ApiToken, WebSession
from strongstride.store.db import ENV_VAR, default_url
from strongstride.store.repository import Store

__all__ = ["ENV_VAR", "Account", "ApiToken", "NameTaken", "Store", "WebSession", "default_url"]
