"""What a session leaves behind: plain records shared by the player, the store and analysis.

No framework and no database here; the store maps these to tables and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from strongstride.schedule.setup import ScheduleSetup

LogSide = Literal["left", "right", "both"]
SessionStatus = Literal["active", "finished", "abandoned"]
Unit = Literal["kg", "lb"]
InjuredSide = Literal["left", "right"]
# What logging a set did (one set per step of a session): `new`, the step's first set; `replaced`,
# an edit of the step's set (Back, then Done again; the offline queue; a second device);
# `retry`, its key was stored before, nothing changed; `superseded`, the step holds a set logged
# later than this one, which is kept and this one is not stored.
SetOutcome = Literal["new", "replaced", "retry", "superseded"]


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
class BestMark:
    """The most reps and the longest hold done on one exercise and side at one load, band
    and variation: what a personal best is measured against (the store sums a whole history
    up into a few hundred of these)."""

    exercise: str
    side: LogSide
    load: float | None
    unit: Unit | None
    band: str | None
    variation: str | None
    reps: int | None
    seconds: float | None


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


# accounts of the web app ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    missing_equipment: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WebSession:
    account: Account
    csrf: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class ApiToken:
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


@dataclass(frozen=True, slots=True)
class ImportVersion:
    """A routine version to import: the routine (by slug) is made if the user has none."""

    slug: str
    title: str | None
    text: str
    created_at: datetime
    version: int | None = None
    """The number to give it when free; None (or taken) gives the next number."""


@dataclass(frozen=True, slots=True)
class ImportSession:
    id: str
    routine: ImportVersion
    started_at: datetime
    status: SessionStatus = "finished"
    ended_at: datetime | None = None
    equipment: tuple[str, ...] = ()
    planned_sets: int = 0
    sets: tuple[SetLog, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportCount:
    routines_added: int = 0
    versions_added: int = 0
    sessions_added: int = 0
    sessions_present: int = 0
    """Sessions that were stored already (left as they were)."""
    sets_added: int = 0
    sets_present: int = 0


@dataclass(frozen=True, slots=True)
class Kept:
    """What a user keeps besides her routines and sessions."""

    missing_equipment: tuple[str, ...] = ()
    injured_side: InjuredSide | None = None
    running_week: ScheduleSetup | None = None
    checkins: tuple[CheckIn, ...] = ()


@dataclass(frozen=True, slots=True)
class Restored:
    sessions: ImportCount = field(default_factory=ImportCount)
    checkins_added: int = 0
    checkins_present: int = 0
    """Check-ins the user had already for that morning, exercise and side (kept as they were)."""
    written: tuple[str, ...] = ()
    """Of "missing equipment", "injured side" and "running week": those this restore wrote."""
    kept: tuple[str, ...] = ()
    """Those the backup holds but the user had already (kept as they were)."""


@dataclass(frozen=True, slots=True)
class EquipmentProfile:
    """The equipment she is without, as equipment ids (`library.equipment`), in the order
    she gave them."""

    without: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionLogs:
    """A stored session with its routine version and its sets, in the order they were logged."""

    session: SessionInfo
    version: RoutineVersion
    sets: tuple[SetLog, ...]


@dataclass(frozen=True, slots=True)
class UserData:
    """Everything a user keeps, as a backup holds it: every routine version, every session
    with its sets, and the rest of what she keeps (`Kept`)."""

    versions: tuple[RoutineVersion, ...]
    sessions: tuple[SessionLogs, ...]
    kept: Kept
