"""Sessions played from the web: start or resume, log a set from a plan step, end.

The same rules as `Workout` in the terminal: a session stores the routine version it started
with, and a set takes its exercise, side and targets from the step of that version's plan, so
a client only says which step it did and how it went.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from strongstride import service
from strongstride.errors import NotFound
from strongstride.plan.session import SessionPlan
from strongstride.records import SessionInfo, SetLog
from strongstride.routine.format import format_routine
from strongstride.store import Store
from strongstride.web import routines
from strongstride.web.errors import FieldError
from strongstride.web.schemas import SessionStart, SetIn
from strongstride.workout import planned_sets


def start(store: Store, user_id: int, body: SessionStart, now: datetime,
          missing: frozenset[str] = frozenset()) -> tuple[SessionInfo, bool]:
    """(the session, True if it is new): a retry with the same id or the routine's active
    session come back as they are. A new session keeps the `missing` equipment: its steps
    are the library's variations for it."""
    loaded = routines.routine(body.routine)
    if body.id is not None:
        try:
            known = store.session(str(body.id), user_id=user_id)
        except NotFound:
            known = None
        if known is not None:
            if known.routine_slug != loaded.id:
                raise FieldError("id", f"session {body.id} is of routine {known.routine_slug}, "
                                       f"not {loaded.id}; make a new id")
            return known, False
    active = store.unfinished_session(user_id, loaded.id)
    if active is not None:
        return active, False
    text = format_routine(loaded.routine)
    version = store.save_routine(user_id, loaded.id, loaded.routine.title, text)
    info = store.start_session(
        user_id, version.id, session_id=str(body.id or uuid.uuid4()),
        started_at=body.started_at or now, planned_sets=planned_sets(routines.plan_of_text(text)),
        equipment=tuple(sorted(missing)))
    return info, True


def plan_for(store: Store, info: SessionInfo) -> SessionPlan:
    return routines.plan_of_text(store.routine_version(info.routine_version_id).text,
                                 frozenset(info.equipment))


def session_shape(store: Store, user_id: int, info: SessionInfo) -> dict[str, Any]:
    """The API's session shape: what was logged, in plan order, and what was done last time."""
    plan = plan_for(store, info)
    sets = store.sets_of(info.id, user_id=user_id)
    logged = {log.step_key for log in sets}
    last: dict[str, list[dict[str, Any]]] = {}
    for name in dict.fromkeys(exercise.name for exercise in plan.routine.exercises):
        earlier = store.last_sets(user_id, name, before_session=info.id)
        if earlier:
            last[name] = [service.set_dict(log) for log in earlier]
    return {**service.session_dict(info),
            "done_steps": [step.key for step in plan.steps if step.key in logged],
            "last_time": last, "sets": [service.set_dict(log) for log in sets],
            "substitutions": [service.substitution_dict(sub) for sub in service.substitutions(
                plan.routine, frozenset(info.equipment)).values()],
            "targets": targets_of(store, user_id, info, plan)}


def targets_of(store: Store, user_id: int, info: SessionInfo,
               plan: SessionPlan) -> dict[str, dict[str, Any]]:
    """Per exercise of the plan, today's target from the next-session suggestion (the
    session itself left out, so the target holds while its sets are logged)."""
    from strongstride.reports.targets import session_targets

    prescriptions = {e.name: e.prescription for e in plan.routine.exercises}
    found = session_targets(store, user_id, prescriptions, info.started_at.date(),
                            leave_out=info.id)
    return {name: target.as_dict() for name, target in found.items()}


def set_of(store: Store, user_id: int, session_id: str, body: SetIn, now: datetime) -> SetLog:
    """The set `body` logs in the user's session, built from the step it names; not stored
    yet. NotFound for a session of another user, a FieldError for a step not in its plan."""
    source = store.step_source(session_id, user_id=user_id)
    step = routines.plan_of_text(source.text, source.without).work_step(body.step_key)
    if step is None:
        raise FieldError("step_key", f"{body.step_key!r} is not a work step of this "
                                     "session's plan; GET /api/routines/{slug} lists them")
    return SetLog(
        key=str(body.key), session_id=session_id, step_key=step.key, exercise=step.name or "",
        section=step.section, exercise_index=step.exercise or 0,
        set_number=step.set_number or 1, side=step.side or "both",
        logged_at=body.logged_at or now,
        target_reps=(step.reps.lo, step.reps.hi) if step.reps else None,
        target_seconds=(step.hold_seconds.lo, step.hold_seconds.hi)
        if step.hold_seconds else None,
        reps=body.reps, seconds=body.seconds, load=body.load,
        unit=body.unit or ("kg" if body.load is not None else None), band=body.band,
        rpe=body.rpe, pain=body.pain, note=body.note, round=step.round, skipped=body.skipped,
        variation=body.variation or step.variation)


def end(store: Store, user_id: int, session_id: str, how: Literal["finish", "abandon"],
        ended_at: datetime) -> SessionInfo:
    info = store.session(session_id, user_id=user_id)
    if ended_at < info.started_at:
        raise FieldError("ended_at", "ended_at is before the session started "
                                     f"({info.started_at.isoformat()})")
    if how == "finish":
        return store.finish_session(info.id, ended_at)
    return store.abandon_session(info.id, ended_at)
