"""A number per user that goes up whenever her history changes, kept by the database.

History is read on every visit to the history page and by every app that syncs, and it
changes far less often than that. `users.history_revision` lets a reader keep an answer and
know, with one tiny query, whether it still holds: triggers raise it when one of the user's
sessions goes in, changes (its status, end, sets done: the sets_done triggers of 0006 update
the session, which fires these) or goes out, and when one of her routines is renamed. Every
writer (the player, the API, imports, restores, SQL by hand) keeps it right without knowing.

Revision ID: 0007_history_revision
Revises: 0006_sessions_sets_done
Created: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_history_revision"
down_revision = "0006_sessions_sets_done"
branch_labels = None
depends_on = None

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
    op.add_column("users", sa.Column("history_revision", sa.Integer(), server_default="0",
                                     nullable=False))
    for statement in _PG if op.get_bind().dialect.name == "postgresql" else _SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER routines_history_revision ON routines")
        op.execute("DROP TRIGGER sessions_history_revision ON sessions")
        op.execute("DROP FUNCTION strongstride_history_revision()")
    else:
        for name in _SQLITE_DROP:
            op.execute(f"DROP TRIGGER {name}")
    # Plain DROP COLUMN, as in 0002 and 0006: the column has no constraint or index.
    op.drop_column("users", "history_revision")
