"""The first schema: users, routines and their versions, sessions and set logs.

Revision ID: 0001_initial
Revises:
Created: 2025-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision: str | None = None
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "routines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_routines"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_routines_user_id_users"),
        sa.UniqueConstraint("user_id", "slug", name="uq_routines_user_id_slug"),
    )
    op.create_table(
        "routine_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("routine_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_routine_versions"),
        sa.ForeignKeyConstraint(["routine_id"], ["routines.id"],
                                name="fk_routine_versions_routine_id_routines"),
        sa.UniqueConstraint("routine_id", "version", name="uq_routine_versions_routine_id_version"),
        sa.UniqueConstraint("routine_id", "sha256", name="uq_routine_versions_routine_id_sha256"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("routine_version_id", sa.Integer(), nullable=False),
        sa.Column("equipment", sa.Text(), server_default="[]", nullable=False),
        _when("started_at"),
        _when("ended_at", nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_sessions_user_id_users"),
        sa.ForeignKeyConstraint(["routine_version_id"], ["routine_versions.id"],
                                name="fk_sessions_routine_version_id_routine_versions"),
        sa.CheckConstraint("status IN ('active', 'finished', 'abandoned')",
                           name=op.f("ck_sessions_status")),
    )
    op.create_table(
        "set_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("idempotency_key", sa.String(), nullable=False),
        sa.Column("step_key", sa.String(), nullable=False),
        sa.Column("exercise", sa.String(), nullable=False),
        sa.Column("section", sa.Integer(), nullable=False),
        sa.Column("exercise_index", sa.Integer(), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(), nullable=False),
        sa.Column("target_reps_lo", sa.Integer(), nullable=True),
        sa.Column("target_reps_hi", sa.Integer(), nullable=True),
        sa.Column("target_seconds_lo", sa.Integer(), nullable=True),
        sa.Column("target_seconds_hi", sa.Integer(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("load", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(), nullable=True),
        sa.Column("band", sa.String(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        _when("logged_at"),
        sa.PrimaryKeyConstraint("id", name="pk_set_logs"),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"],
                                name="fk_set_logs_session_id_sessions"),
        sa.UniqueConstraint("idempotency_key", name="uq_set_logs_idempotency_key"),
        sa.CheckConstraint("side IN ('left', 'right', 'both')", name=op.f("ck_set_logs_side")),
        sa.CheckConstraint("unit IS NULL OR unit IN ('kg', 'lb')", name=op.f("ck_set_logs_unit")),
        sa.CheckConstraint("rpe IS NULL OR (rpe >= 1 AND rpe <= 10)", name=op.f("ck_set_logs_rpe")),
        sa.CheckConstraint("pain IS NULL OR (pain >= 0 AND pain <= 10)",
                           name=op.f("ck_set_logs_pain")),
    )
    op.create_index("ix_set_logs_session_id_step_key", "set_logs", ["session_id", "step_key"])


def downgrade() -> None:
    op.drop_index("ix_set_logs_session_id_step_key", table_name="set_logs")
    for table in ("set_logs", "sessions", "routine_versions", "routines", "users"):
        op.drop_table(table)
