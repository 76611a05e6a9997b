"""What a played step leaves behind: the log of one set, and how many sets a plan asks for."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime

from strongstride.plan.session import SessionPlan, Step
from strongstride.player.machine import Actuals, Prefill, PrefillKey, prefill_key
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


def starting_amounts(plan: SessionPlan, last: Mapping[tuple[int, int], Sequence[SetLog]],
                     aims: Mapping[str, Prefill], today: Sequence[SetLog] = ()
                     ) -> dict[PrefillKey, Prefill]:
    """The amounts each side's set form starts from when the player opens a session: that
    side's latest set of this session (`today`: a session resumed), else today's target
    where one is shown (`aims`, by exercise name) with its gaps filled from that side's final
    set last session (`last`, by (section, exercise) of the plan). Exercises with none of
    these are left to the player's default, the bottom of the prescription. The target comes
    before last session so that the form never contradicts the "Today" line above it."""
    out: dict[PrefillKey, Prefill] = {}
    for step in plan.steps:
        if step.kind != "work" or step.exercise is None or step.reps is None:
            continue
        key = prefill_key(step)
        if key in out:
            continue
        latest = _final_on_side(step, [log for log in today if log.section == step.section
                                       and log.exercise_index == step.exercise])
        if latest is not None:
            out[key] = Prefill(reps=latest.reps, load=latest.load, unit=latest.unit)
            continue
        aim = aims.get(step.name or "")
        before = _final_on_side(step, last.get((step.section, step.exercise), ()))
        if aim is None and before is None:
            continue
        reps = aim.reps if aim is not None and aim.reps is not None else (
            before.reps if before is not None else None)
        amounts = aim if aim is not None and aim.load is not None else before
        out[key] = Prefill(reps=reps, load=amounts.load if amounts else None,
                           unit=amounts.unit if amounts else None)
    return out


def _final_on_side(step: Step, logs: Sequence[SetLog]) -> SetLog | None:
    done = [log for log in logs if not log.skipped and log.reps is not None
            and (step.side is None or log.side == step.side)]
    return max(done, key=lambda log: log.logged_at) if done else None
