"""The check-in page (/checkin): how the runner feels the next morning, and the injured side.

Forms post with the page's CSRF field (`FormViewer`); every read and write is the signed-in
user's. A wrong field shows the form again with a message next to it, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Annotated, cast

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from strongstride import rules
from strongstride.app import Strongstride
from strongstride.errors import Issue, StrongstrideError
from strongstride.records import CheckIn, InjuredSide, LogSide
from strongstride.web.auth import AppDep, FormViewer, PageViewer, now
from strongstride.web.templating import render
from strongstride.words import checkin_line

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form()]
FIELDS = ("day", "pain", "stiffness", "exercise", "side", "note")
RECENT_DAYS = 28


def _score(text: str, name: str, errors: dict[str, str], *, required: bool) -> int | None:
    """The number typed; its range is a rule of the check-in (`rules.validate_checkin`)."""
    text = text.strip()
    if not text:
        if required:
            errors[name] = "choose a number from 0 (none) to 10 (worst)"
        return None
    if not text.isdigit() or len(text) > 9:
        errors[name] = rules.SCORE_WORDS
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
        "injured": app.injured_side(user_id), "saved": saved,
        "note_max": rules.CHECKIN_NOTE_MAX},
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
    # A pain that did not read is refused above; 0 stands in so the other rules still speak.
    checkin = CheckIn(morning, 0 if pain_score is None else pain_score, stiffness_score,
                      exercise.strip() or None, cast("LogSide", side), note.strip())
    _by_field(rules.validate(checkin), errors)
    if not errors:
        try:
            app.record_checkin(viewer.id, checkin.day, checkin.pain,
                               stiffness=checkin.stiffness, exercise=checkin.exercise,
                               side=checkin.side, note=checkin.note)
        except StrongstrideError as exc:
            if not _by_field(exc.issues, errors):
                raise
    if errors:
        return _page(request, app, viewer.id, errors=errors, form=form, status_code=422)
    return RedirectResponse("/checkin?saved=checkin", status_code=303)


def _by_field(issues: Iterable[Issue], errors: dict[str, str]) -> bool:
    """Each issue's message next to the form's field of its name (the first one per field);
    False when an issue names no field of the form."""
    shown = True
    for issue in issues:
        if issue.field in FIELDS:
            errors.setdefault(issue.field, issue.message)
        else:
            shown = False
    return shown


@router.post("/checkin/injured", response_model=None)
def save_injured(request: Request, viewer: FormViewer, app: AppDep,
                 injured: FormText = "none") -> Response:
    if injured not in ("left", "right", "none"):
        return _page(request, app, viewer.id, errors={"injured": "left, right or none"},
                     status_code=422)
    app.set_injured_side(viewer.id, None if injured == "none" else cast("InjuredSide", injured))
    return RedirectResponse("/checkin?saved=injured", status_code=303)
