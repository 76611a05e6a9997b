"""Request and response bodies of the JSON API (docs/api.md), so /openapi.json is exact.

A record's shape (a set, a session's summary) is the one the backup writes too
(`strongstride.shapes`); the limits of a request's fields are those of `strongstride.rules`.

Every rule a request field must follow is declared here, once: the OpenAPI document shows it
and `RULES` words the message a client gets when it is broken.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from strongstride import rules
from strongstride.shapes import SessionSummary as SessionSummary  # api.py names it here
from strongstride.shapes import SetShape

Pair = Annotated[list[int], Field(min_length=2, max_length=2)]
Instant = Annotated[str, Field(json_schema_extra={"format": "date-time"})]
SessionStatus = Literal["active", "finished", "abandoned"]  # a query's filter

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)

# How a broken rule reads: "<field> must be <rule>".
RULES = {
    "reps": "a whole number from 0 to 300",
    "seconds": "a number from 0 to 3600",
    "load": "a number more than 0 and at most 1000",
    "unit": "kg or lb",
    "rpe": f"a number from {rules.RPE_MIN} to {rules.RPE_MAX}",
    "pain": rules.SCORE_WORDS,
    "band": f"text of at most {rules.BAND_MAX} characters, without control characters",
    "variation": f"text of at most {rules.VARIATION_MAX} characters, without control "
                 "characters",
    "note": f"text of at most {rules.SET_NOTE_MAX} characters, without control characters",
    "skipped": "true or false",
    "key": "a UUID made by the client, such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    "id": "a UUID made by the client, such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    "step_key": "the key of a work step of the session's plan, such as s1.e1.set1.work",
    "routine": "the slug of a routine, such as runner-glute",
    "name": f"a name of 1 to {rules.ID_MAX} characters, without control characters",
    "logged_at": "a time with a UTC offset, such as 2025-03-01T07:30:00+00:00, "
                 "between 1970 and 2100",
    "started_at": "a time with a UTC offset, such as 2025-03-01T07:30:00+00:00, "
                  "between 1970 and 2100",
    "ended_at": "a time with a UTC offset, such as 2025-03-01T08:30:00+00:00, "
                "between 1970 and 2100",
    "session_id": "a session id (a UUID)",
    "status": "active, finished or abandoned",
    "limit": "a whole number from 1 to 1000",
    "tz": "a time zone name such as Europe/London",
    "at": "a time of day as HH:MM, such as 07:30",
}


def _plain_text(value: str) -> str:
    issue = rules.text_issue("text", value)
    if issue is not None:  # the rule's own words; errors.py puts the field's name before them
        raise PydanticCustomError("text_rule", issue.message.removeprefix("text "))
    return value


def _in_range(value: datetime) -> datetime:
    try:
        utc = value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("is out of range") from None
    if not EARLIEST <= utc < LATEST:
        raise ValueError("is out of range")
    return utc


def _not_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be blank")
    return value


Text = Annotated[str, AfterValidator(_plain_text)]
Name = Annotated[str, AfterValidator(_plain_text), AfterValidator(_not_blank)]
When = Annotated[AwareDatetime, AfterValidator(_in_range)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# errors


class Problem(BaseModel):
    field: str | None
    message: str


class ErrorBody(BaseModel):
    detail: list[Problem]


# routines and plans


class RoutineSummary(BaseModel):
    slug: str
    title: str | None
    exercises: int
    estimated_seconds: Pair


class PlanStep(BaseModel):
    key: str
    kind: Literal["setup", "work", "switch", "rest"]
    section: int
    section_title: str
    exercise: int | None
    name: str | None
    set_number: int | None
    sets_total: int | None
    round: int | None
    side: Literal["left", "right"] | None
    reps: Pair | None
    hold_seconds: Pair | None
    max_reps: bool
    optional: bool
    seconds: Pair
    text: str | None
    variation: str | None = Field(
        default=None, description="what is done instead of `name` (a setup step: of `text`), "
                                  "for want of equipment")
    distance: str | None = Field(default=None, description="how far the set goes, as '400 m'")
    time_cap_seconds: int | None = Field(
        default=None, description="the time of the block done for a time (AMRAP) the step is "
                                  "in: the player ends the block when it is up")
    rep_hold_seconds: Pair | None = Field(
        default=None, description="how long each rep is held ('10 reps, hold 5 s each'); the "
                                  "set is counted in reps, not timed")


class Substitution(BaseModel):
    exercise: str = Field(description="the exercise as the routine names it")
    variation: str = Field(description="what is done instead (the library's variation)")
    without: list[str] = Field(description="the equipment ids lacked that it needs")
    how: str = Field(description="how to do the variation")
    steps: list[str] = Field(default_factory=list,
                             description="the exercise's steps, less the sentences that need "
                                         "what she lacks (they follow `how`)")
    cues: list[str] = Field(default_factory=list, description="its cues, likewise")
    mistakes: list[str] = Field(default_factory=list, description="its mistakes, likewise")


class SetupChange(BaseModel):
    section: int = Field(description="the section's index")
    instead: str = Field(description="what she reads instead of the section's setup")
    without: list[str] = Field(description="the equipment ids lacked that the setup names")


class HowTo(BaseModel):
    """An exercise of the library, as `strongstride exercise NAME --json` prints it."""

    id: str
    name: str
    aliases: list[str]
    primary_muscles: list[str]
    secondary_muscles: list[str]
    equipment: list[str]
    one_sided: bool
    steps: list[str]
    cues: list[str]
    mistakes: list[str]
    modifications: dict[str, str]


class Plan(BaseModel):
    total_seconds: Pair
    steps: list[PlanStep]


class Distance(BaseModel):
    amount: float
    unit: Literal["m", "km", "mi", "yd"]


class ExerciseOut(BaseModel):
    name: str
    sets: Pair | None
    reps: Pair | None
    seconds: Pair | None = Field(description="the length of a hold or a timed set; with reps, "
                                             "the hold of each rep")
    hold_seconds: Pair | None = Field(default=None, description="how long each rep is held "
                                                                "('10 reps, hold 5 s each')")
    distance: Distance | None = Field(default=None, description="how far each set goes")
    per_side: bool
    rest_seconds: Pair | None
    notes: str
    figure_url: str | None = Field(
        default=None, description="the exercise's figure (an SVG, one rep looping), as she does "
                                  "it with her equipment; add `side=left|right` for a set on "
                                  "one side, `still=true` for the key pose alone. Null when the "
                                  "library has no figure of it")


class SectionOut(BaseModel):
    title: str | None
    kind: Literal["warm-up", "activation", "main", "cool-down"]
    setup: str | None
    time_cap_seconds: int | None = Field(
        default=None, description="a block done for a time (AMRAP): its exercises round after "
                                  "round until this many seconds have gone")
    exercises: list[ExerciseOut]


class Estimate(BaseModel):
    total: Pair
    sections: list[Pair]


class RoutineDetail(BaseModel):
    id: str
    title: str | None
    sections: list[SectionOut]
    credit: str | None
    equipment: list[str]
    directions: str | None
    notes: str | None
    estimated_seconds: Estimate
    without: list[str] = Field(default_factory=list,
                               description="the equipment ids the user is without (her profile)")
    substitutions: list[Substitution] = Field(
        default_factory=list, description="the exercises done another way for want of it")
    setups: list[SetupChange] = Field(
        default_factory=list, description="the section setups that need what she lacks, "
                                          "changed")
    plan: Plan
    how_to: dict[str, HowTo]


# sessions and sets (SessionSummary and SetShape: strongstride.shapes)


class TargetOut(BaseModel):
    action: str = Field(description="the suggestion's action, such as 'add load' or 'hold'")
    sets: int | None
    reps: int | None
    load: float | None
    unit: Literal["kg", "lb"] | None
    seconds: int | None
    band: str | None
    reason: str
    text: str = Field(description="what the player shows, such as 'Today: 2 x 12 reps, "
                                  "10 kg — ...'")
    prefill: bool = Field(description="whether the set form starts from reps and load")


class AmountsOut(BaseModel):
    reps: int | None
    load: float | None
    unit: Literal["kg", "lb"] | None


class SessionOut(SessionSummary):
    done_steps: list[str] = Field(description="the plan's step keys that have a set logged")
    last_time: dict[str, list[SetShape]] = Field(
        description="per exercise name, the sets done in the latest earlier session")
    sets: list[SetShape]
    targets: dict[str, TargetOut] = Field(
        default_factory=dict,
        description="per exercise name, today's target from the next-session suggestion")
    substitutions: list[Substitution] = Field(
        default_factory=list, description="the exercises this session does another way, for "
                                          "want of the equipment in `without`")
    setups: list[SetupChange] = Field(
        default_factory=list, description="the section setups this session changes, for want "
                                          "of the equipment in `without`")
    start_amounts: dict[str, AmountsOut] = Field(
        default_factory=dict,
        description="per 'section:exercise:side' of the plan's work steps (side empty for a "
                    "move done on both legs), the reps and load the set form starts from: "
                    "today's target, its gaps filled from that side's last session")


class SessionStart(Strict):
    routine: Annotated[str, Field(min_length=1, max_length=rules.ID_MAX,
                                  pattern=r"^[a-z0-9][a-z0-9-]*$")]
    id: uuid.UUID | None = None
    started_at: When | None = None


class SessionEnd(Strict):
    ended_at: When | None = None


class SetIn(Strict):
    key: uuid.UUID = Field(description="made by the client; the same key again stores nothing")
    step_key: Annotated[Text, Field(min_length=1, max_length=rules.ID_MAX)]
    reps: Annotated[int, Field(ge=0, le=300)] | None = None
    seconds: Annotated[float, Field(ge=0, le=3600)] | None = None
    load: Annotated[float, Field(gt=0, le=1000)] | None = None
    unit: Literal["kg", "lb"] | None = None
    band: Annotated[Text, Field(max_length=rules.BAND_MAX)] | None = None
    rpe: Annotated[float, Field(ge=rules.RPE_MIN, le=rules.RPE_MAX)] | None = None
    pain: Annotated[int, Field(ge=0, le=rules.SCORE_MAX)] | None = None
    note: Annotated[Text, Field(max_length=rules.SET_NOTE_MAX)] = ""
    skipped: bool = False
    logged_at: When | None = None
    variation: Annotated[Text, Field(max_length=rules.VARIATION_MAX)] | None = Field(
        default=None, description="the form of the exercise, such as 'band above knees'")


class SetStored(BaseModel):
    stored: bool = Field(description="true when this set was stored: new, or replacing the "
                                     "step's set")
    outcome: Literal["new", "replaced", "retry", "superseded"] = Field(
        description="new: the step's first set; replaced: it edits the step's set; retry: a "
                    "set with this key was stored before; superseded: the step holds a set "
                    "logged later, which is kept")
    set: SetShape | None = Field(description="the set the step holds now")


# the finish summary (strongstride.reports.finish)


class SideOut(BaseModel):
    text: str = Field(description="the side's sets in words, such as '10, 9 reps at 12 kg'")
    reps: list[int]
    seconds: list[float]
    loads: list[float | None] = Field(description="each set's load in `unit` (null: none)")
    unit: Literal["kg", "lb"] | None
    band: str | None
    skipped: int


class SidesOut(BaseModel):
    exercise: str
    left: SideOut
    right: SideOut
    gap: str | None = Field(description="the gap between the sides in words, only where "
                                        "today's sets measure it")
    why_no_gap: str = Field(description="why there is no gap to tell ('' when there is one)")
    weaker: Literal["left", "right"] | None
    at_target: bool = Field(description="both sides stopped at the target on every set")


class PainOut(BaseModel):
    highest: int
    light: Literal["green", "amber", "red"]
    exercise: str
    side: Literal["left", "right", "both"]
    set_number: int
    sets: int = Field(description="sets with pain noted")
    text: str


class BestOut(BaseModel):
    exercise: str
    side: Literal["left", "right", "both"]
    kind: Literal["load", "reps", "seconds"]
    value: float
    before: float = Field(description="the best before this session")
    load: float | None
    unit: Literal["kg", "lb"] | None
    band: str | None
    text: str


class ChangeOut(BaseModel):
    exercise: str
    action: str
    target: str = Field(description="next time's target in words, such as '2 x 11 reps, 12 kg'")
    reason: str


class CheckinOut(BaseModel):
    day: str = Field(description="the morning after the session (ISO date)")
    due: bool = Field(description="false when that morning's check-in is stored already")
    why: str
    url: str
    text: str


class FinishSummaryOut(BaseModel):
    session_id: str
    routine: str
    status: SessionStatus
    started_at: Instant
    ended_at: Instant | None
    seconds: int | None = Field(description="time taken (to the last set while open)")
    took: str
    planned: int
    done: int
    skipped: int
    sets_text: str
    sides: list[SidesOut] = Field(description="each one-sided exercise, in routine order")
    pain: PainOut | None
    bests: list[BestOut]
    next_time: list[ChangeOut] = Field(description="what changes next time, and why")
    unchanged: int = Field(description="exercises that stay as they were")
    checkin: CheckinOut


# API tokens


class TokenIn(Strict):
    name: Annotated[Name, Field(min_length=1, max_length=rules.ID_MAX)]


class TokenOut(BaseModel):
    id: int
    name: str
    created_at: Instant
    token: str = Field(description="shown this once; keep it secret")
