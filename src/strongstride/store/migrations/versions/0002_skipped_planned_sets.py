"""Skipped sets, the planned number of sets of a session, and "last time" by exercise.

A set the runner skipped is logged (so a resumed session does not ask for it again) but does
not count as done; `planned_sets` lets history show "14 of 16 sets"; the index on
`set_logs.exercise` serves the "last time you did this" lookup.

Revision ID: 0002_skipped_planned_sets
Revises: 0001_initial
Created: 2025-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_skipped_planned_sets"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("set_logs", sa.Column("skipped", sa.Boolean(), server_default=sa.false(),
                                        nullable=False))
    op.add_column("sessions", sa.Column("planned_sets", sa.Integer(), server_default="0",
                                        nullable=False))
    op.create_index("ix_set_logs_exercise", "set_logs", ["exercise"])


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 or newer): copying the tables, as batch
    # mode would, cannot run in the migration's transaction while foreign keys are enforced.
    op.drop_index("ix_set_logs_exercise", table_name="set_logs")
    op.drop_column("sessions", "planned_sets")
    op.drop_column("set_logs", "skipped")
