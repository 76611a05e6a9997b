"""The number of sets done per session, kept by the database.

A report reads every session of a user with its sets done (adherence and the deload rule need
them); counting them each time reads every set the user ever logged. `sessions.sets_done` is
kept by triggers on `set_logs` instead: +1 when a set that is not skipped goes in, -1 when one
goes out, and both when a set changes session or its skipped flag. Every writer (the player,
the API, imports, restores, SQL by hand) keeps it right without knowing about it; a retry
that inserts nothing (ON CONFLICT DO NOTHING) fires nothing. Existing sessions are counted
once here.

Revision ID: 0006_sessions_sets_done
Revises: 0005_running_plans
Created: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_sessions_sets_done"
down_revision = "0005_running_plans"
branch_labels = None
depends_on = None

_SQLITE = (
    """CREATE TRIGGER set_logs_done_insert AFTER INSERT ON set_logs WHEN NOT NEW.skipped
    BEGIN UPDATE sessions SET sets_done = sets_done + 1 WHERE id = NEW.session_id; END""",
    """CREATE TRIGGER set_logs_done_delete AFTER DELETE ON set_logs WHEN NOT OLD.skipped
    BEGIN UPDATE sessions SET sets_done = sets_done - 1 WHERE id = OLD.session_id; END""",
    """CREATE TRIGGER set_logs_done_update AFTER UPDATE OF skipped, session_id ON set_logs
    BEGIN
      UPDATE sessions SET sets_done = sets_done - 1 WHERE id = OLD.session_id AND NOT OLD.skipped;
      UPDATE sessions SET sets_done = sets_done + 1 WHERE id = NEW.session_id AND NOT NEW.skipped;
    END""",
)
_SQLITE_DROP = ("set_logs_done_insert", "set_logs_done_delete", "set_logs_done_update")

_PG = (
    """CREATE FUNCTION strongstride_sets_done() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.skipped THEN
        UPDATE sessions SET sets_done = sets_done - 1 WHERE id = OLD.session_id;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.skipped THEN
        UPDATE sessions SET sets_done = sets_done + 1 WHERE id = NEW.session_id;
      END IF;
      RETURN NULL;
    END $$""",
    """CREATE TRIGGER set_logs_sets_done AFTER INSERT OR DELETE OR UPDATE OF skipped, session_id
    ON set_logs FOR EACH ROW EXECUTE FUNCTION strongstride_sets_done()""",
)


def upgrade() -> None:
    op.add_column("sessions", sa.Column("sets_done", sa.Integer(), server_default="0",
                                        nullable=False))
    op.execute("UPDATE sessions SET sets_done = (SELECT count(*) FROM set_logs "
               "WHERE set_logs.session_id = sessions.id AND NOT set_logs.skipped)")
    for statement in _PG if op.get_bind().dialect.name == "postgresql" else _SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER set_logs_sets_done ON set_logs")
        op.execute("DROP FUNCTION strongstride_sets_done()")
    else:
        for name in _SQLITE_DROP:
            op.execute(f"DROP TRIGGER {name}")
    # Plain DROP COLUMN, as in 0002: the column has no constraint or index.
    op.drop_column("sessions", "sets_done")
