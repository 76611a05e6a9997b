"""Reports and check-ins: indexes for one user's report, the variation of a set, the next
morning check-in and the side the user marked as injured.

`sessions (user_id, started_at)` finds a user's sessions in a window without reading anyone
else's; `set_logs (session_id, skipped)` counts the sets done per session from the index alone.
`set_logs.variation` names the harder or easier form a set was done in ("band above knees"),
so sides are compared only in the same form. A check-in holds the pain felt the next morning,
overall (exercise '') or for one exercise and side, and the overall stiffness; one row per
user, day, exercise and side.

Revision ID: 0004_reports_checkins
Revises: 0003_accounts
Created: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_reports_checkins"
down_revision = "0003_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("set_logs", sa.Column("variation", sa.String(), nullable=True))
    op.add_column("users", sa.Column("injured_side", sa.String(), nullable=True))
    op.create_index("ix_sessions_user_id_started_at", "sessions", ["user_id", "started_at"])
    op.create_index("ix_set_logs_session_id_skipped", "set_logs", ["session_id", "skipped"])
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("exercise", sa.String(), server_default="", nullable=False),
        sa.Column("side", sa.String(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("stiffness", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checkins"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_checkins_user_id_users"),
        sa.UniqueConstraint("user_id", "day", "exercise", "side",
                            name="uq_checkins_user_id_day_exercise_side"),
        sa.CheckConstraint("side IN ('left', 'right', 'both')", name="ck_checkins_side"),
        sa.CheckConstraint("pain >= 0 AND pain <= 10", name="ck_checkins_pain"),
        sa.CheckConstraint("stiffness IS NULL OR (stiffness >= 0 AND stiffness <= 10)",
                           name="ck_checkins_stiffness"),
    )


def downgrade() -> None:
    # Plain DROP COLUMN, as in 0002: the dropped columns have no constraint or index.
    op.drop_table("checkins")
    op.drop_index("ix_set_logs_session_id_skipped", table_name="set_logs")
    op.drop_index("ix_sessions_user_id_started_at", table_name="sessions")
    op.drop_column("users", "injured_side")
    op.drop_column("set_logs", "variation")
