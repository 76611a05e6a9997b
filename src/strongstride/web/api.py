"""The JSON API under /api (docs/api.md). Each handler asks the application and shapes its
answer; errors are answered in `errors.py`.

The handlers are plain functions: FastAPI runs each in its thread pool, so a slow database
never holds up the event loop (docs/storage.md, "One threading model")."""

from __future__ import annotations

import hashlib
import secrets
from datetime import time
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request, Response

from strongstride import __version__
from strongstride.app import Strongstride
from strongstride.player.machine import Actuals
from strongstride.records import SessionInfo
from strongstride.routines import (
    detail_dict,
    setup_change_dict,
    substitution_dict,
    summary_dict,
)
from strongstride.web.auth import ApiViewer, AppDep
from strongstride.web.schemas import (
    ErrorBody,
    FinishSummaryOut,
    RoutineDetail,
    RoutineSummary,
    SessionEnd,
    SessionOut,
    SessionStart,
    SessionStatus,
    SessionSummary,
    SetIn,
    SetStored,
    TokenIn,
    TokenOut,
)
from strongstride.words import session_dict, set_dict

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "not signed in"},
    403: {"model": ErrorBody, "description": "a cookie request without the X-CSRF-Token header"},
    404: {"model": ErrorBody, "description": "not found, or not yours"},
    422: {"model": ErrorBody, "description": "a field is wrong; `field` names it"},
    503: {"model": ErrorBody, "description": "the database is not answering"},
}

router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

Slug = Annotated[str, Path(max_length=100, pattern=r"^[a-z0-9][a-z0-9-]*$")]
SessionId = Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]
Limit = Annotated[int, Query(ge=1, le=1000)]


@router.get("/routines", response_model=list[RoutineSummary])
def list_routines(viewer: ApiViewer, app: AppDep) -> list[dict[str, Any]]:
    return [summary_dict(loaded) for loaded in app.routines()]


@router.get("/routines/{slug}", response_model=RoutineDetail)
def show_routine(slug: Slug, viewer: ApiViewer, app: AppDep) -> dict[str, Any]:
    missing = frozenset(viewer.account.missing_equipment)
    detail = detail_dict(app.builtin_routine(slug), missing)
    for section in detail["sections"]:
        for exercise in section["exercises"]:
            exercise["figure_url"] = figure_url(app, exercise["name"], missing)
    return detail


def figure_url(app: Strongstride, name: str, missing: frozenset[str]) -> str | None:
    """The address of the figure of the exercise called `name`, as she does it without the
    `missing` equipment; None when it has none. A client adds `side` (and `still`)."""
    found = app.figure_for(name, missing)
    if found is None:
        return None
    exercise_id, variation = found
    query = f"?{urlencode({'variation': variation})}" if variation else ""
    return f"/api/exercises/{exercise_id}/figure.svg{query}"


ExerciseId = Annotated[str, Path(max_length=100, pattern=r"^[a-z0-9][a-z0-9-]*$",
                                 description="the exercise library's id of the exercise")]
Variation = Annotated[str, Query(max_length=40, pattern=r"^[a-z0-9][a-z0-9-]*$",
                                 description="the id of the equipment she is without: the "
                                             "exercise as done without it")]
# A figure changes only with the app: the browser keeps it a day, then asks again with its
# ETag (a 304 when unchanged). Private, as every answer of the API is to a signed-in user.
FIGURE_MAX_AGE = 24 * 3600


@router.get("/exercises/{exercise_id}/figure.svg", response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}},
                             "description": "the exercise's figure: one rep, looping"},
                       304: {"description": "the figure is the one named in If-None-Match"}})
def exercise_figure(exercise_id: ExerciseId, viewer: ApiViewer, app: AppDep, request: Request,
                    variation: Variation | None = None,
                    side: Literal["left", "right"] | None = None,
                    still: bool = False) -> Response:
    svg = app.exercise_figure(exercise_id, variation=variation, side=side, still=still)
    body = svg.encode()
    tag = f'"{__version__}-{hashlib.sha256(body).hexdigest()[:20]}"'
    headers = {"Cache-Control": f"private, max-age={FIGURE_MAX_AGE}", "ETag": tag}
    if tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="image/svg+xml", headers=headers)


@router.post("/sessions", status_code=201, response_model=SessionOut,
             responses={200: {"model": SessionOut, "description": "the session already there: "
                                                                  "same id, or the routine's "
                                                                  "active session"}})
def start_session(body: SessionStart, viewer: ApiViewer, app: AppDep,
                  response: Response) -> dict[str, Any]:
    info, created = app.start_session(
        viewer.id, app.builtin_routine(body.routine),
        missing=frozenset(viewer.account.missing_equipment),
        session_id=None if body.id is None else str(body.id), started_at=body.started_at)
    if not created:
        response.status_code = 200
    return session_shape(app, viewer.id, info)


@router.get("/sessions", response_model=list[SessionSummary])
def list_sessions(viewer: ApiViewer, app: AppDep, status: SessionStatus | None = None,
                  limit: Limit = 50) -> list[SessionSummary]:
    return [SessionSummary.of(info)
            for info in app.history(viewer.id, limit=limit, status=status)]


@router.get("/sessions/{session_id}", response_model=SessionOut)
def get_session(session_id: SessionId, viewer: ApiViewer, app: AppDep) -> dict[str, Any]:
    return session_shape(app, viewer.id, app.session(viewer.id, session_id))


@router.post("/sessions/{session_id}/sets", status_code=201, response_model=SetStored,
             responses={200: {"model": SetStored, "description": "the step's set was edited "
                                                                 "(replaced), or nothing new: "
                                                                 "a retry, or a set logged "
                                                                 "later is kept"}})
def log_set(session_id: SessionId, body: SetIn, viewer: ApiViewer, app: AppDep,
            response: Response) -> dict[str, Any]:
    done = Actuals(reps=body.reps, seconds=body.seconds, load=body.load, unit=body.unit,
                   band=body.band, rpe=body.rpe, pain=body.pain, note=body.note)
    log, outcome = app.log_set(viewer.id, session_id, body.step_key, done, key=str(body.key),
                               logged_at=body.logged_at, skipped=body.skipped,
                               variation=body.variation)
    if outcome != "new":
        response.status_code = 200
    return {"stored": outcome in ("new", "replaced"), "outcome": outcome, "set": set_dict(log)}


@router.post("/sessions/{session_id}/finish", response_model=SessionOut)
def finish_session(session_id: SessionId, viewer: ApiViewer, app: AppDep,
                   body: SessionEnd | None = None) -> dict[str, Any]:
    info = app.end_session(viewer.id, session_id, "finish", body.ended_at if body else None)
    return session_shape(app, viewer.id, info)


@router.post("/sessions/{session_id}/abandon", response_model=SessionOut)
def abandon_session(session_id: SessionId, viewer: ApiViewer, app: AppDep,
                    body: SessionEnd | None = None) -> dict[str, Any]:
    info = app.end_session(viewer.id, session_id, "abandon", body.ended_at if body else None)
    return session_shape(app, viewer.id, info)


@router.get("/sessions/{session_id}/summary", response_model=FinishSummaryOut)
def session_summary(session_id: SessionId, viewer: ApiViewer, app: AppDep) -> dict[str, Any]:
    from strongstride.reports.finish import finish_dict

    return finish_dict(app.session_summary(viewer.id, session_id))


Zone = Annotated[str, Query(max_length=64, pattern=r"^[A-Za-z0-9_+/-]+$",
                            description="an IANA time zone, such as Europe/London")]
Clock = Annotated[str, Query(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
                             description="the time of the reminder, HH:MM (default 08:00)")]


@router.get("/sessions/{session_id}/checkin.ics", response_class=Response,
            responses={200: {"content": {"text/calendar": {}},
                             "description": "the morning check-in with an alarm"}})
def checkin_reminder(session_id: SessionId, viewer: ApiViewer, app: AppDep, request: Request,
                     tz: Zone = "UTC", at: Clock = "08:00") -> Response:
    hours, minutes = (int(part) for part in at.split(":"))
    data = app.checkin_reminder(viewer.id, session_id, tz=tz, at=time(hours, minutes),
                                link=str(request.url_for("checkin_page")))
    return Response(data, media_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="morning-check-in.ics"'})


@router.get("/history", response_model=list[SessionSummary])
def history(viewer: ApiViewer, app: AppDep, limit: Limit = 50) -> list[SessionSummary]:
    return [SessionSummary.of(info) for info in app.history(viewer.id, limit=limit)]


@router.post("/tokens", status_code=201, response_model=TokenOut)
def make_token(body: TokenIn, viewer: ApiViewer, app: AppDep) -> dict[str, Any]:
    token = new_api_token()
    made = app.add_api_token(viewer.id, body.name.strip(), token)
    return {"id": made.id, "name": made.name, "created_at": made.created_at.isoformat(),
            "token": token}


def new_api_token() -> str:
    return "ss_" + secrets.token_urlsafe(32)


def session_shape(app: Strongstride, user_id: int, info: SessionInfo) -> dict[str, Any]:
    """The API's session: what was logged, in plan order, what was done last time, today's
    targets, and the exercises and setups done another way for want of equipment."""
    plan = app.plan_of(info)
    sets = app.sets(user_id, info.id)
    logged = {log.step_key for log in sets}
    before = app.last_time(user_id, plan, info.id)
    targets = app.targets(user_id, info, plan)
    amounts = app.starting_amounts(plan, before, targets, sets)
    missing = frozenset(info.equipment)
    changed = app.adaptation(plan.routine, missing)
    return {**session_dict(info),
            "done_steps": [step.key for step in plan.steps if step.key in logged],
            "last_time": {lt.exercise: [set_dict(log) for log in lt.sets]
                          for lt in before.values()},
            "sets": [set_dict(log) for log in sets],
            "substitutions": [substitution_dict(sub) for sub in changed.exercises.values()],
            "setups": [setup_change_dict(change) for change in changed.setups.values()],
            "targets": {name: target.as_dict() for name, target in targets.items()},
            "start_amounts": {f"{s}:{e}:{side}": {"reps": a.reps, "load": a.load, "unit": a.unit}
                              for (s, e, side), a in amounts.items()}}
