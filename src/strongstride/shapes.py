"""One JSON shape per record, the same for the API and the backup: a set, a session's summary,
a check-in, the running week and the profile.

Each model says how its record is written (`of`) and, where a file brings it back, how it is
read (`record` / `setup`); reading checks the record with `rules.validate`, so the rules are
not written again here. Times are written in UTC with an offset (`+00:00`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import (
    AliasChoices,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

from strongstride import rules
from strongstride.errors import Issue
from strongstride.records import CheckIn, EquipmentProfile, SessionInfo, SetLog
from strongstride.schedule.placing import Race
from strongstride.schedule.setup import ScheduleSetup, race_distance_issue
from strongstride.schedule.week import format_week, parse_week


def _utc(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


Instant = Annotated[AwareDatetime, PlainSerializer(_utc, return_type=str, when_used="json")]
Pair = tuple[int, int]
Side = Literal["left", "right", "both"]


def _refuse(issues: tuple[Issue, ...]) -> None:
    if issues:
        raise ValueError("; ".join(issue.message for issue in issues))


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SetShape(Shape):
    """A set as it was done (`records.SetLog` but its session, which holds it)."""

    key: str
    step_key: str
    exercise: str
    section: int
    exercise_index: int
    set_number: int
    round: int | None
    side: Side
    target_reps: Pair | None
    target_seconds: Pair | None
    reps: int | None
    seconds: float | None
    load: float | None
    unit: Literal["kg", "lb"] | None
    band: str | None
    rpe: float | None
    pain: int | None
    note: str
    skipped: bool
    logged_at: Instant
    variation: str | None = None

    @classmethod
    def of(cls, log: SetLog) -> SetShape:
        return cls(
            key=log.key, step_key=log.step_key, exercise=log.exercise, section=log.section,
            exercise_index=log.exercise_index, set_number=log.set_number, round=log.round,
            side=log.side, target_reps=log.target_reps, target_seconds=log.target_seconds,
            reps=log.reps, seconds=log.seconds, load=log.load, unit=log.unit, band=log.band,
            rpe=log.rpe, pain=log.pain, note=log.note, skipped=log.skipped,
            logged_at=log.logged_at, variation=log.variation)

    def record(self, session_id: str) -> SetLog:
        """The set, of the session `session_id`; checked by the store as it is written."""
        return SetLog(
            key=self.key, session_id=session_id, step_key=self.step_key,
            exercise=self.exercise, section=self.section, exercise_index=self.exercise_index,
            set_number=self.set_number, side=self.side, logged_at=self.logged_at,
            target_reps=self.target_reps, target_seconds=self.target_seconds, reps=self.reps,
            seconds=self.seconds, load=self.load, unit=self.unit, band=self.band,
            rpe=self.rpe, pain=self.pain, note=self.note, round=self.round,
            skipped=self.skipped, variation=self.variation)


class SessionSummary(Shape):
    id: str
    routine: str
    title: str | None
    status: Literal["active", "finished", "abandoned"]
    started_at: Instant
    ended_at: Instant | None
    duration_seconds: int | None
    sets_done: int
    planned_sets: int
    without: list[str] = Field(default_factory=list,
                               description="the equipment ids she was without when it started")

    @classmethod
    def of(cls, info: SessionInfo) -> SessionSummary:
        ended = info.ended_at
        return cls(
            id=info.id, routine=info.routine_slug, title=info.routine_title,
            status=info.status, started_at=info.started_at, ended_at=ended,
            duration_seconds=round((ended - info.started_at).total_seconds())
            if ended else None,
            sets_done=info.sets_done, planned_sets=info.planned_sets,
            without=list(info.equipment))


class CheckInShape(Shape):
    day: date
    exercise: str | None
    side: Side
    pain: int
    stiffness: int | None
    note: str

    @classmethod
    def of(cls, checkin: CheckIn) -> CheckInShape:
        return cls(day=checkin.day, exercise=checkin.exercise, side=checkin.side,
                   pain=checkin.pain, stiffness=checkin.stiffness, note=checkin.note)

    @model_validator(mode="after")
    def _follows_the_rules(self) -> CheckInShape:
        _refuse(rules.validate(self.record()))
        return self

    def record(self) -> CheckIn:
        return CheckIn(self.day, self.pain, self.stiffness, self.exercise, self.side, self.note)


class RaceShape(Shape):
    date: date
    distance: str

    @field_validator("distance")
    @classmethod
    def _a_distance(cls, text: str) -> str:
        found = race_distance_issue(text)
        _refuse(() if found is None else (found,))
        return text


class RunningWeekShape(Shape):
    """The running week as its text (`schedule.week.format_week`) and the plan's settings."""

    week: str
    start: date
    weeks: int
    sessions_per_week: int
    race: RaceShape | None
    alarm_minutes: int
    routine: str

    @classmethod
    def of(cls, setup: ScheduleSetup) -> RunningWeekShape:
        race = setup.race
        return cls(week=format_week(setup.week), start=setup.start, weeks=setup.weeks,
                   sessions_per_week=setup.sessions_per_week,
                   race=None if race is None else RaceShape(date=race.date,
                                                            distance=race.distance),
                   alarm_minutes=setup.alarm_minutes, routine=setup.routine)

    @field_validator("week")
    @classmethod
    def _reads(cls, text: str) -> str:
        issues = parse_week(text, "week").issues
        if issues:
            first = issues[0]
            where = f"column {first.span.column}: " if first.span else ""
            raise ValueError(f"{where}{first.message}")
        return text

    @model_validator(mode="after")
    def _follows_the_rules(self) -> RunningWeekShape:
        _refuse(rules.validate(self.setup()))
        return self

    def setup(self) -> ScheduleSetup:
        week = parse_week(self.week).week
        assert week is not None  # checked when read
        race = None if self.race is None else Race(self.race.date, self.race.distance)
        return ScheduleSetup(week, self.start, self.weeks, self.sessions_per_week, race,
                         self.alarm_minutes, self.routine)


class ProfileShape(Shape):
    """The equipment she is without (ids) and the side she marked as injured. `without`, as
    a session says it; backups before format 3 said `missing_equipment`, and still read."""

    without: list[str] = Field(default=[], validation_alias=AliasChoices(
        "without", "missing_equipment"))
    injured_side: Literal["left", "right"] | None = None

    @field_validator("without")
    @classmethod
    def _known_once(cls, ids: list[str]) -> list[str]:
        _refuse(rules.validate(EquipmentProfile(tuple(ids))))
        return ids
