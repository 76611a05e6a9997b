"""The tables, as they are at the newest migration. Only the store sees these classes.

The migrations in `migrations/versions` build the same schema step by step; a test compares the
two, so a change here needs a new migration.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SESSION_STATUSES = ("active", "finished", "abandoned")
SIDES = ("left", "right", "both")
UNITS = ("kg", "lb")


class UTCDateTime(TypeDecorator[datetime]):
    """An instant: written as UTC, read back timezone-aware in UTC on every engine.

    SQLite has no time zones, so the value is stored as naive UTC text and marked UTC on the
    way out; PostgreSQL stores `timestamptz` and returns it in the session's zone.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{value!r} has no time zone; give an aware datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), str: String()}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    created_at: Mapped[datetime]
    # An argon2 hash; null for a user who cannot sign in to the web app (the CLI's "me").
    password_hash: Mapped[str | None]
    # A JSON list of the equipment ids the user does not have.
    missing_equipment: Mapped[str] = mapped_column(Text, server_default="[]")
    # The side the user marked as injured ("left" or "right"); symmetry is then involved /
    # uninvolved. Checked by the store, not the database, so the column drops cleanly.
    injured_side: Mapped[str | None]


class RoutineRow(Base):
    __tablename__ = "routines"
    __table_args__ = (UniqueConstraint("user_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    slug: Mapped[str]
    title: Mapped[str | None]
    created_at: Mapped[datetime]


class RoutineVersionRow(Base):
    __tablename__ = "routine_versions"
    __table_args__ = (
        UniqueConstraint("routine_id", "version"),
        UniqueConstraint("routine_id", "sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    routine_id: Mapped[int] = mapped_column(ForeignKey("routines.id"))
    version: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint(_one_of("status", SESSION_STATUSES), name="status"),
        Index(None, "user_id", "started_at"),
    )

    id: Mapped[str] = mapped_column(primary_key=True)  # a uuid made by the client
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    routine_version_id: Mapped[int] = mapped_column(ForeignKey("routine_versions.id"))
    equipment: Mapped[str] = mapped_column(Text, server_default="[]")  # a JSON list of names
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    status: Mapped[str]
    planned_sets: Mapped[int] = mapped_column(server_default="0")
    # The sets done (not skipped), kept by triggers on set_logs (migration 0006).
    sets_done: Mapped[int] = mapped_column(server_default="0")


class SetLogRow(Base):
    __tablename__ = "set_logs"
    __table_args__ = (
        CheckConstraint(_one_of("side", SIDES), name="side"),
        CheckConstraint(f"unit IS NULL OR {_one_of('unit', UNITS)}", name="unit"),
        CheckConstraint("rpe IS NULL OR (rpe >= 1 AND rpe <= 10)", name="rpe"),
        CheckConstraint("pain IS NULL OR (pain >= 0 AND pain <= 10)", name="pain"),
        # One set per step of a session: logging a step again edits its set (migration 0009).
        Index(None, "session_id", "step_key", unique=True),
        Index(None, "exercise"),
        Index(None, "session_id", "skipped"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"))
    idempotency_key: Mapped[str] = mapped_column(unique=True)
    step_key: Mapped[str]
    exercise: Mapped[str]
    section: Mapped[int]
    exercise_index: Mapped[int]
    set_number: Mapped[int]
    round: Mapped[int | None]
    side: Mapped[str]
    target_reps_lo: Mapped[int | None]
    target_reps_hi: Mapped[int | None]
    target_seconds_lo: Mapped[int | None]
    target_seconds_hi: Mapped[int | None]
    reps: Mapped[int | None]
    seconds: Mapped[float | None] = mapped_column(Float)
    load: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None]
    band: Mapped[str | None]
    rpe: Mapped[float | None] = mapped_column(Float)
    pain: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, server_default="")
    skipped: Mapped[bool] = mapped_column(server_default=false())
    logged_at: Mapped[datetime]
    variation: Mapped[str | None]


class CheckinRow(Base):
    """The next morning: pain overall (exercise '') or for one exercise and side."""

    __tablename__ = "checkins"
    __table_args__ = (
        UniqueConstraint("user_id", "day", "exercise", "side"),
        CheckConstraint(_one_of("side", SIDES), name="side"),
        CheckConstraint("pain >= 0 AND pain <= 10", name="pain"),
        CheckConstraint("stiffness IS NULL OR (stiffness >= 0 AND stiffness <= 10)",
                        name="stiffness"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    day: Mapped[date] = mapped_column(Date)
    exercise: Mapped[str] = mapped_column(server_default="")
    side: Mapped[str]
    pain: Mapped[int]
    stiffness: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, server_default="")
    recorded_at: Mapped[datetime]


class WebSessionRow(Base):
    """A signed-in browser. Only the sha256 of the cookie's token is kept."""

    __tablename__ = "web_sessions"
    __table_args__ = (Index(None, "user_id"), Index(None, "expires_at"))

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    csrf: Mapped[str]
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class ApiTokenRow(Base):
    """A token for API clients (`Authorization: Bearer`). Only its sha256 is kept."""

    __tablename__ = "api_tokens"
    __table_args__ = (UniqueConstraint("token_sha256"), Index(None, "user_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str]
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
