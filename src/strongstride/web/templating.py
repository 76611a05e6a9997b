"""Rendering pages: the Jinja2 environment, its filters, and what every page is given."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from strongstride.errors import StrongstrideError
from strongstride.library.equipment import EQUIPMENT
from strongstride.records import SessionInfo
from strongstride.routine.format import time_cap_text
from strongstride.routine.model import Prescription
from strongstride.routine.prescription import write_prescription
from strongstride.web import auth, csrf
from strongstride.words import duration_text as duration

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
MANIFEST = HERE / "static" / "manifest.webmanifest"
ICON = HERE / "static" / "icon.svg"


def _when(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%a %-d %b %Y, %H:%M UTC")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _equipment_label(equipment_id: str) -> str:
    known = EQUIPMENT.get(equipment_id)
    return known.label if known else equipment_id


def _took(info: SessionInfo) -> str:
    if info.ended_at is None:
        return ""
    seconds = round((info.ended_at - info.started_at).total_seconds())
    return duration((seconds, seconds))


def _prescription(p: Prescription) -> str:
    """As the routine writes it; a stretch with no counts is done as long as she likes."""
    return write_prescription(p) or "as long as you like"


TEMPLATES.env.filters.update(duration=duration, when=_when, number=_number, took=_took,
                             prescription=_prescription, equipment=_equipment_label,
                             time_cap=time_cap_text)


def render(request: Request, name: str, context: dict[str, Any] | None = None, *,
           status_code: int = 200) -> HTMLResponse:
    """A page, given the signed-in account (or None) and the token its forms carry."""
    try:
        session = auth.web_session(request)
    except StrongstrideError:  # the database is down: still show the (error) page
        session = None
    fresh = None
    if session is not None:
        token = session.csrf
    else:
        token = csrf.anonymous_token(request) or csrf.new_token()
        fresh = None if csrf.anonymous_token(request) else token
    page = {"request": request, "account": session.account if session else None,
            "csrf_token": token, "signed_in": session is not None, "path": request.url.path,
            "manifest": MANIFEST.is_file(), "icon": ICON.is_file(),
            **(context or {})}
    response = TEMPLATES.TemplateResponse(request, name, page, status_code=status_code)
    if fresh is not None:
        csrf.set_anonymous_cookie(response, fresh,
                                  secure=auth.settings_of(request).secure_cookies)
    return response
