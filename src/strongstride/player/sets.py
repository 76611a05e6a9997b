"""What a played step leaves behind: the log of one set, and how many sets a plan asks for."""

from __future__ import annotations

import uuid
from datetime import datetime

from strongstride.plan.session import SessionPlan, Step
from strongstride.player.machine import Actuals
from strongstride.records import SetLog


def planned_sets(plan: SessionPlan) -> int:
    return sum(1 for s in plan.steps if s.kind == "work" and not s.optional)


def set_log(step: Step, actuals: Actuals, *, session_id: str, logged_at: datetime,
            key: str | None = None, skipped: bool = False,
            variation: str | None = None) -> SetLog:
    """The log of one set: the plan step says what was asked, the actuals what was done. A
    load without a unit is in kg; the variation is the one named, else the step's."""
    s, a = step, actuals
    return SetLog(
        key=key or str(uuid.uuid4()), session_id=session_id, step_key=s.key,
        exercise=s.name or "", section=s.section, exercise_index=s.exercise or 0,
        set_number=s.set_number or 1, side=s.side or "both", logged_at=logged_at,
        target_reps=(s.reps.lo, s.reps.hi) if s.reps else None,
        target_seconds=(s.hold_seconds.lo, s.hold_seconds.hi) if s.hold_seconds else None,
        reps=a.reps, seconds=a.seconds, load=a.load,
        unit=a.unit or ("kg" if a.load is not None else None), band=a.band, rpe=a.rpe,
        pain=a.pain, note=a.note, round=s.round, skipped=skipped,
        variation=variation or s.variation,
    )
