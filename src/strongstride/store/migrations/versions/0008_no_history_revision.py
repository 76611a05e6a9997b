"""The history revision of 0007 goes: its triggers, its function and `users.history_revision`.

The revision served only a cache of the API's history answers, and that cache is gone: history
is read from the sessions every time it is asked (one indexed query). Dropping the triggers
also takes a write off every change to a session, a set included (the sets_done triggers of
0006 update the session, which fired these).

Going back to 0007 puts them back as 0007 made them; the revisions start again at 0, which is
all a reader of 0007 needs (it compares a revision with the one it read before).

Revision ID: 0008_no_history_revision
Revises: 0007_history_revision
Created: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_no_history_revision"
down_revision = "0007_history_revision"
branch_labels = None
depends_on = None

# A copy of 0007's statements: a migration keeps what it did, whatever later ones change.
_BUMP = "UPDATE users SET history_revision = history_revision + 1 WHERE id"

_SQLITE = (
    f"""CREATE TRIGGER sessions_history_insert AFTER INSERT ON sessions
    BEGIN {_BUMP} = NEW.user_id; END""",
    f"""CREATE TRIGGER sessions_history_update AFTER UPDATE ON sessions
    BEGIN {_BUMP} IN (OLD.user_id, NEW.user_id); END""",
    f"""CREATE TRIGGER sessions_history_delete AFTER DELETE ON sessions
    BEGIN {_BUMP} = OLD.user_id; END""",
    f"""CREATE TRIGGER routines_history_update AFTER UPDATE OF slug, title, user_id ON routines
    BEGIN {_BUMP} IN (OLD.user_id, NEW.user_id); END""",
)
_SQLITE_DROP = ("sessions_history_insert", "sessions_history_update", "sessions_history_delete",
                "routines_history_update")

_PG = (
    f"""CREATE FUNCTION strongstride_history_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        {_BUMP} = OLD.user_id;
      END IF;
      IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.user_id <> OLD.user_id) THEN
        {_BUMP} = NEW.user_id;
      END IF;
      RETURN NULL;
    END $$""",
    """CREATE TRIGGER sessions_history_revision AFTER INSERT OR UPDATE OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION strongstride_history_revision()""",
    """CREATE TRIGGER routines_history_revision AFTER UPDATE OF slug, title, user_id
    ON routines FOR EACH ROW EXECUTE FUNCTION strongstride_history_revision()""",
)


def upgrade() -> None:
    # The triggers first: they write the column.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS routines_history_revision ON routines")
        op.execute("DROP TRIGGER IF EXISTS sessions_history_revision ON sessions")
        op.execute("DROP FUNCTION IF EXISTS strongstride_history_revision()")
    else:
        for name in _SQLITE_DROP:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # Plain DROP COLUMN, as in the downgrades of 0002, 0006 and 0007: no constraint or index.
    op.drop_column("users", "history_revision")


def downgrade() -> None:
    op.add_column("users", sa.Column("history_revision", sa.Integer(), server_default="0",
                                     nullable=False))
    for statement in _PG if op.get_bind().dialect.name == "postgresql" else _SQLITE:
        op.execute(statement)
