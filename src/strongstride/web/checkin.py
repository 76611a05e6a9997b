"""The check-in page (/checkin): how the runner feels the next morning, and the injured side.

Forms post with the page's CSRF field (`FormViewer`); every read and write is the signed-in
user's. A wrong field shows the form again with a message next to it, never a traceback.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, cast

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from strongstride.app import Strongstride
from strongstride.errors import StrongstrideError
from strongstride.records import InjuredSide, LogSide
from strongstride.reports.words import checkin_line
from strongstride.web.auth import AppDep, FormViewer, PageViewer, now
from strongstride.web.templating import render

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form()]
SIDES = ("both", "left", "right")
RECENT_DAYS = 28


def _score(text: str, name: str, errors: dict[str, str], *, required: bool) -> int | None:
    text = text.strip()
    if not text:
        if required:
            errors[name] = "choose a number from 0 (none) to 10 (worst)"
        return None
    if not text.isdigit() or not 0 <= int(text) <= 10:
        errors[name] = "a whole number from 0 to 10"
        return None
    return int(text)


def _day(text: str, today: date, errors: dict[str, str]) -> date:
    try:
        day = date.fromisoformat(text.strip()) if text.strip() else today
    except ValueError:
        errors["day"] = "a date such as 2026-04-08"
        return today
    if day > today:
        errors["day"] = "a morning that has come: today or before"
    return day


def _page(request: Request, app: Strongstride, user_id: int, *,
          errors: dict[str, str] | None = None, form: dict[str, str] | None = None,
          saved: str | None = None,
          status_code: int = 200) -> HTMLResponse:
    today = now().date()
    recent = app.checkins(user_id, since=today - timedelta(days=RECENT_DAYS), until=today)
    return render(request, "checkin.html", {
        "errors": errors or {}, "form": {"day": today.isoformat(), **(form or {})},
        "today": today.isoformat(), "exercises": app.checkin_exercises(user_id),
        "recent": [checkin_line(c) for c in reversed(recent)],
        "injured": app.injured_side(user_id), "saved": saved},
        status_code=status_code)


@router.get("/checkin")
def checkin_page(request: Request, viewer: PageViewer, app: AppDep,
                 saved: str | None = None) -> HTMLResponse:
    return _page(request, app, viewer.id,
                 saved=saved if saved in ("checkin", "injured") else None)


@router.post("/checkin", response_model=None)
def save_checkin(request: Request, viewer: FormViewer, app: AppDep, day: FormText = "",
                 pain: FormText = "", stiffness: FormText = "", exercise: FormText = "",
                 side: FormText = "both", note: FormText = "") -> Response:
    errors: dict[str, str] = {}
    form = {"day": day, "pain": pain, "stiffness": stiffness, "exercise": exercise,
            "side": side, "note": note}
    morning = _day(day, now().date(), errors)
    pain_score = _score(pain, "pain", errors, required=True)
    stiffness_score = _score(stiffness, "stiffness", errors, required=False)
    if side not in SIDES:
        errors["side"] = "left, right or both"
    if exercise.strip() and stiffness_score is not None:
        errors["stiffness"] = "stiffness is for how you feel overall: leave the exercise empty"
    if not exercise.strip() and side != "both":
        errors["side"] = "a side goes with an exercise"
    if len(note) > 500:
        errors["note"] = "at most 500 characters"
    if not errors and pain_score is not None:
        try:
            app.record_checkin(viewer.id, morning, pain_score, stiffness=stiffness_score,
                               exercise=exercise.strip() or None,
                               side=cast("LogSide", side), note=note)
        except StrongstrideError as exc:
            errors["exercise" if "exercise" in exc.message else "note"] = exc.message
    if errors:
        return _page(request, app, viewer.id, errors=errors, form=form, status_code=422)
    return RedirectResponse("/checkin?saved=checkin", status_code=303)


@router.post("/checkin/injured", response_model=None)
def save_injured(request: Request, viewer: FormViewer, app: AppDep,
                 injured: FormText = "none") -> Response:
    if injured not in ("left", "right", "none"):
        return _page(request, app, viewer.id, errors={"injured": "left, right or none"},
                     status_code=422)
    app.set_injured_side(viewer.id, None if injured == "none" else cast("InjuredSide", injured))
    return RedirectResponse("/checkin?saved=injured", status_code=303)
