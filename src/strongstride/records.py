"""What a session leaves behind: plain records shared by the player, the store and analysis.

No framework and no database here; the store maps these to tables and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

LogSide = Literal["left", "right", "both"]
SessionStatus = Literal["active", "finished", "abandoned"]
Unit = Literal["kg", "lb"]


@dataclass(frozen=True, slots=True)
class SetLog:
    """One set, on one side, as done. `key` is made by the client and makes a retry a no-op."""

    key: str
    session_id: str
    step_key: str
    exercise: str
    section: int
    exercise_index: int
    set_number: int
    side: LogSide
    logged_at: datetime
    target_reps: tuple[int, int] | None = None
    target_seconds: tuple[int, int] | None = None
    reps: int | None = None
    seconds: float | None = None
    load: float | None = None
    unit: Unit | None = None
    band: str | None = None
    rpe: float | None = None
    pain: int | None = None
    note: str = ""
    round: int | None = None
    skipped: bool = False
    variation: str | None = None


@dataclass(frozen=True, slots=True)
class RoutineVersion:
    id: int
    routine_id: int
    slug: str
    version: int
    title: str | None
    text: str
    sha256: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: str
    user_id: int
    routine_version_id: int
    routine_slug: str
    routine_title: str | None
    started_at: datetime
    status: SessionStatus
    ended_at: datetime | None = None
    equipment: tuple[str, ...] = ()
    planned_sets: int = 0
    sets_done: int = 0


@dataclass(frozen=True, slots=True)
class CheckIn:
    """How the user felt on the morning of `day`: pain 0-10 overall (`exercise` None, with
    morning stiffness 0-10 when given) or for one exercise on one side."""

    day: date
    pain: int
    stiffness: int | None = None
    exercise: str | None = None
    side: LogSide = "both"
    note: str = ""


@dataclass(frozen=True, slots=True)
class EquipmentProfile:
    """The equipment she is without, as equipment ids (`library.equipment`), in the order
    she gave them."""

    without: tuple[str, ...] = ()
