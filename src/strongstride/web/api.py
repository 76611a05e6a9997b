"""The JSON API under /api (docs/api.md). Each handler asks the facade or the store and answers;
errors are answered in `errors.py`."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from strongstride import service
from strongstride.web import play, routines
from strongstride.web.auth import ApiViewer, StoreDep, now
from strongstride.web.schemas import (
    ErrorBody,
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
def list_routines(viewer: ApiViewer) -> list[dict[str, Any]]:
    return [routines.summary_dict(loaded) for loaded in routines.all_routines()]


@router.get("/routines/{slug}", response_model=RoutineDetail)
def show_routine(slug: Slug, viewer: ApiViewer) -> dict[str, Any]:
    return routines.detail_dict(routines.routine(slug),
                                frozenset(viewer.account.missing_equipment))


@router.post("/sessions", status_code=201, response_model=SessionOut,
             responses={200: {"model": SessionOut, "description": "the session already there: "
                                                                  "same id, or the routine's "
                                                                  "active session"}})
def start_session(body: SessionStart, viewer: ApiViewer, store: StoreDep,
                  response: Response) -> dict[str, Any]:
    info, created = play.start(store, viewer.id, body, now(),
                               frozenset(viewer.account.missing_equipment))
    if not created:
        response.status_code = 200
    return play.session_shape(store, viewer.id, info)


@router.get("/sessions", response_model=list[SessionSummary])
def list_sessions(viewer: ApiViewer, store: StoreDep, status: SessionStatus | None = None,
                  limit: Limit = 50) -> list[dict[str, Any]]:
    return [service.session_dict(info)
            for info in store.history(viewer.id, limit=limit, status=status)]


@router.get("/sessions/{session_id}", response_model=SessionOut)
def get_session(session_id: SessionId, viewer: ApiViewer, store: StoreDep) -> dict[str, Any]:
    return play.session_shape(store, viewer.id, store.session(session_id, user_id=viewer.id))


@router.post("/sessions/{session_id}/sets", status_code=201, response_model=SetStored,
             responses={200: {"model": SetStored, "description": "a set with this key was "
                                                                 "stored before: nothing new"}})
def log_set(session_id: SessionId, body: SetIn, viewer: ApiViewer, store: StoreDep,
            response: Response) -> dict[str, Any]:
    log = play.set_of(store, viewer.id, session_id, body, now())
    stored = store.log_set(log)  # its own transaction: this request fails or succeeds alone
    if not stored:
        response.status_code = 200
        return {"stored": False, "set": None}
    return {"stored": True, "set": service.set_dict(log)}


@router.post("/sessions/{session_id}/finish", response_model=SessionOut)
def finish_session(session_id: SessionId, viewer: ApiViewer, store: StoreDep,
                   body: SessionEnd | None = None) -> dict[str, Any]:
    ended = (body.ended_at if body else None) or now()
    info = play.end(store, viewer.id, session_id, "finish", ended)
    return play.session_shape(store, viewer.id, info)


@router.post("/sessions/{session_id}/abandon", response_model=SessionOut)
def abandon_session(session_id: SessionId, viewer: ApiViewer, store: StoreDep,
                    body: SessionEnd | None = None) -> dict[str, Any]:
    ended = (body.ended_at if body else None) or now()
    info = play.end(store, viewer.id, session_id, "abandon", ended)
    return play.session_shape(store, viewer.id, info)


@router.get("/history", response_model=list[SessionSummary])
def history(viewer: ApiViewer, store: StoreDep, limit: Limit = 50) -> list[dict[str, Any]]:
    return [service.session_dict(info) for info in store.history(viewer.id, limit=limit)]


@router.post("/tokens", status_code=201, response_model=TokenOut)
def make_token(body: TokenIn, viewer: ApiViewer, store: StoreDep) -> dict[str, Any]:
    token = new_api_token()
    made = store.add_api_token(viewer.id, body.name.strip(), token, now=now())
    return {"id": made.id, "name": made.name, "created_at": made.created_at.isoformat(),
            "token": token}


def new_api_token() -> str:
    return "ss_" + secrets.token_urlsafe(32)
