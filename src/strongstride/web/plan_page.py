"""The plan page: her running week in, the strength sessions placed around it out, and the
secret calendar address a calendar app subscribes to.

The rules live in `schedule.placing` (through the application); the form is read by
`schedule.setup.read_setup`. The calendar address needs no sign-in: its unguessable token is the
key, and making a new one shuts the old address at once.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from strongstride.app import Strongstride
from strongstride.errors import NotFound
from strongstride.schedule.setup import ScheduleSetup, form_values, read_setup
from strongstride.web import plan_view
from strongstride.web.auth import AppDep, FormViewer, PageViewer, PostedForm, now
from strongstride.web.templating import render

router = APIRouter(include_in_schema=False)

CALENDAR_TYPE = "text/calendar; charset=utf-8"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


def _page(request: Request, app: Strongstride, setup: ScheduleSetup | None, token: str | None, *,
          values: Mapping[str, str] | None = None, errors: Mapping[str, str] | None = None,
          notice: str | None = None, status_code: int = 200) -> HTMLResponse:
    feed = path = None
    if token is not None:
        path = request.app.url_path_for("calendar_feed", token=token)
        feed = str(request.url_for("calendar_feed", token=token))
    return render(request, "plan.html", {
        **plan_view.shown(app.schedule(setup) if setup is not None else None),
        **plan_view.choices(app.routines()),
        "setup": setup, "values": values or form_values(setup, now().date()),
        "errors": errors or {}, "notice": notice, "feed": feed, "feed_path": path,
        "webcal": re.sub(r"^https?:", "webcal:", feed) if feed else None},
        status_code=status_code)


_NOTICES = {"saved": "Saved. Your strength sessions are placed below.",
            "calendar": "A new calendar address is made; the old one no longer works. "
                        "Subscribe to the new one in your calendar app."}


@router.get("/plan")
def plan_page(request: Request, viewer: PageViewer, app: AppDep,
              done: str | None = None) -> HTMLResponse:
    return _page(request, app, app.running_week(viewer.id), app.calendar_token(viewer.id),
                 notice=_NOTICES.get(done or ""))


@router.post("/plan", response_model=None)
def save_plan(request: Request, viewer: FormViewer, app: AppDep, form: PostedForm) -> Response:
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    slug = fields.get("routine") or "runner-glute"
    known = {loaded.id for loaded in app.routines()}
    read = read_setup(fields, routine=slug if slug in known else "runner-glute")
    errors = dict(read.errors)
    if slug not in known:
        errors["routine"] = f"routine: choose one of {', '.join(sorted(known))}"
    if read.setup is None or errors:
        return _page(request, app, app.running_week(viewer.id),
                     app.calendar_token(viewer.id), values=fields, errors=errors,
                     status_code=422)
    app.save_running_week(viewer.id, read.setup)
    if app.calendar_token(viewer.id) is None:
        app.set_calendar_token(viewer.id, new_calendar_token())
    return RedirectResponse("/plan?done=saved#plan", status_code=303)


@router.post("/plan/calendar")
def new_calendar_address(viewer: FormViewer, app: AppDep) -> RedirectResponse:
    app.set_calendar_token(viewer.id, new_calendar_token())
    return RedirectResponse("/plan?done=calendar#calendar", status_code=303)


@router.api_route("/calendar/{token}.ics", methods=["GET", "HEAD"], name="calendar_feed")
def calendar_feed(request: Request, token: str, app: AppDep) -> Response:
    setup = app.running_week_by_calendar(token) if _TOKEN.fullmatch(token) else None
    if setup is None:
        raise NotFound("there is no calendar at this address: it was replaced by a new one, "
                       "or mistyped; copy the address again from the plan page")
    data = app.calendar(setup, routine=app.builtin_routine(setup.routine))
    # Calendar apps poll: an unchanged plan is a 304 of a few bytes. Weak, as gzip may
    # change the bytes on the wire.
    etag = f'W/"{hashlib.sha256(data).hexdigest()[:32]}"'
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers={"ETag": etag})
    headers: dict[str, Any] = {"Content-Disposition": 'inline; filename="strength-plan.ics"',
                               "ETag": etag}
    return Response(data, media_type=CALENDAR_TYPE, headers=headers)
