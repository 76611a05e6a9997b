"""The pages of a signed-in runner: routines, the player, equipment, history and sessions."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse

from strongstride.app import Strongstride
from strongstride.errors import NotFound
from strongstride.library.equipment import EQUIPMENT
from strongstride.records import SessionInfo, SetLog
from strongstride.web.api import figure_url
from strongstride.web.auth import AppDep, FormViewer, PageViewer, web_session
from strongstride.web.templating import render

router = APIRouter(include_in_schema=False)

_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")

SetRow = tuple[int | None, int, dict[str, SetLog]]


def owned_session(app: Strongstride, user_id: int, session_id: str) -> SessionInfo:
    if not _SESSION_ID.fullmatch(session_id):
        raise NotFound(f"no session {session_id!r}")
    return app.session(user_id, session_id)


def set_table(sets: list[SetLog]) -> list[tuple[str, bool, list[SetRow]]]:
    """Per exercise in routine order: its name, whether it is done per side, and its sets as
    rows of (round, set number, log per side)."""
    groups: dict[tuple[int, int, str], dict[tuple[int, int], dict[str, SetLog]]] = {}
    for log in sets:
        rows = groups.setdefault((log.section, log.exercise_index, log.exercise), {})
        rows.setdefault((log.round or 0, log.set_number), {})[log.side] = log
    return [(name, any(side != "both" for sides in rows.values() for side in sides),
             [(r or None, n, sides) for (r, n), sides in sorted(rows.items())])
            for (_s, _e, name), rows in sorted(groups.items())]


@router.get("/")
def home(request: Request, app: AppDep) -> HTMLResponse:
    signed_in = web_session(request)
    if signed_in is None:  # a visitor: what strongstride is, then sign in or register
        return render(request, "landing.html")
    active = {s.routine_slug: s for s in app.history(signed_in.account.id, limit=20,
                                                     status="active")}
    items = [(loaded, app.session_plan(loaded).total_seconds(), active.get(loaded.id))
             for loaded in app.routines()]
    return render(request, "home.html", {"items": items})


@router.get("/routines/{slug}")
def routine_page(request: Request, slug: str, viewer: PageViewer, app: AppDep) -> HTMLResponse:
    loaded = app.builtin_routine(slug)
    missing = frozenset(viewer.account.missing_equipment)
    plan = app.session_plan(loaded, missing)
    adapted = app.adaptation(loaded.routine, missing)
    changed = adapted.exercises
    sections = [(section, plan.section_seconds(index), adapted.setups.get(index),
                 [(exercise, app.describe(exercise.name), changed.get(exercise.name),
                   figure_url(app, exercise.name, missing))
                  for exercise in section.exercises])
                for index, section in enumerate(loaded.routine.sections)]
    equipment = [(item, bool(adapted.equipment and adapted.equipment[index]))
                 for index, item in enumerate(loaded.routine.equipment)]
    return render(request, "routine.html", {
        "loaded": loaded, "total": plan.total_seconds(), "sections": sections,
        "equipment": equipment, "missing": missing, "changed": changed})


@router.get("/play/{slug}")
def player(request: Request, slug: str, viewer: PageViewer, app: AppDep) -> HTMLResponse:
    return render(request, "player.html", {"loaded": app.builtin_routine(slug)})


@router.get("/equipment")
def equipment_page(request: Request, viewer: PageViewer, saved: bool = False) -> HTMLResponse:
    choices = [item for item in EQUIPMENT.values() if item.may_lack]
    return render(request, "equipment.html", {
        "choices": choices, "missing": set(viewer.account.missing_equipment), "saved": saved})


@router.post("/equipment")
def save_equipment(viewer: FormViewer, app: AppDep,
                   have: Annotated[list[str] | None, Form()] = None) -> RedirectResponse:
    owned = set(have or ())
    app.set_missing_equipment(viewer.id, [item.id for item in EQUIPMENT.values()
                                          if item.may_lack and item.id not in owned])
    return RedirectResponse("/equipment?saved=true", status_code=303)


@router.get("/history")
def history_page(request: Request, viewer: PageViewer, app: AppDep) -> HTMLResponse:
    return render(request, "history.html", {"sessions": app.history(viewer.id, limit=200)})


@router.get("/sessions/{session_id}")
def session_page(request: Request, session_id: str, viewer: PageViewer,
                 app: AppDep) -> HTMLResponse:
    from strongstride.reports.finish import finish_parts

    info = owned_session(app, viewer.id, session_id)
    sets = app.sets(viewer.id, info.id)
    parts = finish_parts(app.session_summary(viewer.id, info.id)) if sets else ()
    return render(request, "session.html", {"info": info, "table": set_table(sets),
                                            "summary": parts})


@router.get("/sessions/{session_id}/abandon")
def abandon_page(request: Request, session_id: str, viewer: PageViewer,
                 app: AppDep) -> HTMLResponse:
    """Abandoning asks first: what happens to her sets, and the way back to the session."""
    info = owned_session(app, viewer.id, session_id)
    return render(request, "abandon.html", {"info": info})


@router.post("/sessions/{session_id}/abandon")
def abandon(session_id: str, viewer: FormViewer, app: AppDep,
            confirm: Annotated[str, Form()] = "") -> RedirectResponse:
    """Only the confirmation page's button abandons (it sends `confirm=abandon`); any other
    post of this form is taken to that page."""
    info = owned_session(app, viewer.id, session_id)
    if confirm != "abandon":
        return RedirectResponse(f"/sessions/{info.id}/abandon", status_code=303)
    app.end_session(viewer.id, info.id, "abandon")
    return RedirectResponse(f"/sessions/{info.id}", status_code=303)
