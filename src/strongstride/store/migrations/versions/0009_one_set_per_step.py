"""One set per step of a session: logging a step again edits its set.

Before, Back and then Done again stored a second set for the same step ("81 of 80 sets" in
history, and next time's target worked out from both). The index on (session, step) becomes
UNIQUE, so the database itself holds the rule whatever writes to it, and two requests for one
step racing cannot both insert.

Steps that hold several sets already are folded first: the set logged last is the one she
meant and stays (the highest id among sets logged at the same instant, the one written last);
the others go. The sets_done triggers of 0006 count the sets that go out.

Going back to 0008 makes the index plain again; the folded sets do not come back.

Revision ID: 0009_one_set_per_step
Revises: 0008_no_history_revision
Created: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0009_one_set_per_step"
down_revision = "0008_no_history_revision"
branch_labels = None
depends_on = None

_INDEX = "ix_set_logs_session_id_step_key"

# A set goes when a later one of its step is there: logged later, or at the same instant and
# written after it.
_FOLD = """DELETE FROM set_logs WHERE EXISTS (
    SELECT 1 FROM set_logs AS later
    WHERE later.session_id = set_logs.session_id AND later.step_key = set_logs.step_key
      AND (later.logged_at > set_logs.logged_at
           OR (later.logged_at = set_logs.logged_at AND later.id > set_logs.id)))"""


def upgrade() -> None:
    op.execute(_FOLD)
    op.drop_index(_INDEX, table_name="set_logs")
    op.create_index(_INDEX, "set_logs", ["session_id", "step_key"], unique=True)


def downgrade() -> None:
    op.drop_index(_INDEX, table_name="set_logs")
    op.create_index(_INDEX, "set_logs", ["session_id", "step_key"])
