"""Running plans: each user's running week and plan settings, and her calendar address.

One row per user (the user id is the key): the week as its canonical text, the first day and
number of weeks, strength sessions a week, an optional race, the reminder and the routine,
and the token of the calendar subscription address (unique; null until one is made).

Revision ID: 0005_running_plans
Revises: 0004_reports_checkins
Created: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_running_plans"
down_revision = "0004_reports_checkins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "running_plans",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.Text(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("sessions_per_week", sa.Integer(), nullable=False),
        sa.Column("race_date", sa.Date(), nullable=True),
        sa.Column("race_distance", sa.String(), nullable=True),
        sa.Column("alarm_minutes", sa.Integer(), nullable=False),
        sa.Column("routine", sa.String(), nullable=False),
        sa.Column("calendar_token", sa.String(100), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_running_plans"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name="fk_running_plans_user_id_users"),
        sa.UniqueConstraint("calendar_token", name="uq_running_plans_calendar_token"),
    )


def downgrade() -> None:
    op.drop_table("running_plans")
