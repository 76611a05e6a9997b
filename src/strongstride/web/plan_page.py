"""The plan page: her running week in, the strength sessions placed around it out, and the
secret calendar address a calendar app subscribes to.

The rules live in `plan.schedule` (through `strongstride.planner`); the form is read by
`plan.setup.read_setup`. The calendar address needs no sign-in: its unguessable token is the
key, and making a new one shuts the old address at once.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from strongstride import planner
from strongstride.errors import NotFound
from strongstride.plan.schedule import ScheduledSession, SchedulePlan
from strongstride.plan.setup import (
    ALARM_CHOICES,
    RACE_DISTANCES,
    PlanSetup,
    form_values,
    read_setup,
)
from strongstride.plan.week import DAY_ABBR, DAY_NAMES
from strongstride.web import routines
from strongstride.web.auth import FormViewer, PageViewer, StoreDep, now
from strongstride.web.templating import render

router = APIRouter(include_in_schema=False)

CALENDAR_TYPE = "text/calendar; charset=utf-8"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")
_AREAS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/",
          "Europe/", "Indian/", "Pacific/")
ROLE_CHOICES = (("", "No run"), ("easy", "Easy run"), ("quality", "Quality run"),
                ("long", "Long run"), ("rest", "Rest day"))


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


@cache
def _zones() -> list[str]:
    """Time zones to offer: the IANA names of places, such as Europe/Paris."""
    return [*sorted(z for z in available_timezones() if z.startswith(_AREAS)), "UTC"]


def _alarm(minutes: int) -> str:
    if minutes == 0:
        return "When it starts"
    if minutes % 60:
        return f"{minutes} minutes before"
    return f"{minutes // 60} hour{'s' if minutes > 60 else ''} before"


@dataclass(frozen=True, slots=True)
class Said:
    """A reason as the page shows it: what was weighed, then the compromises apart."""

    text: str
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WeekView:
    number: int
    sessions: list[tuple[ScheduledSession, Said | None]]
    """Each session, with what it says beyond its usual day's reason (None: nothing)."""
    notes: list[str]


def said(reason: str, warnings: tuple[str, ...]) -> Said:
    """The reason without its compromises (`explain` joins them on with '; ')."""
    text = reason
    for warning in warnings:
        text = text.replace(f"; {warning}", "")
    return Said(text, warnings)


_WEEK_NOTE = re.compile(r"Week (\d+)(?: \(from [\d-]+\))?: (.+)")


def week_views(schedule: SchedulePlan) -> tuple[list[WeekView], list[str]]:
    """The plan week by week, with the notes about one week moved under it; the other notes."""
    usual = {p.weekday: p.reason for p in schedule.pattern}
    by_week: dict[int, list[str]] = {}
    general = []
    for note in schedule.notes:
        found = _WEEK_NOTE.fullmatch(note)
        if found:
            text = found.group(2)
            by_week.setdefault(int(found.group(1)), []).append(text[:1].upper() + text[1:])
        else:
            general.append(note)
    views = []
    for number in range(1, schedule.weeks + 1):
        rows: list[tuple[ScheduledSession, Said | None]] = []
        for s in (s for s in schedule.sessions if s.week == number):
            base = usual.get(s.date.weekday())
            if s.reason == base:
                rows.append((s, None))
            elif base is not None and s.reason.startswith(base):  # a deload or taper on its day
                extra = s.reason[len(base):].strip()
                # A deload week says so once, in its week's note.
                rows.append((s, None if s.kind == "deload" else Said(extra, ())))
            else:
                rows.append((s, said(s.reason, s.warnings)))
        views.append(WeekView(number, rows, by_week.get(number, [])))
    return views, general


def _page(request: Request, setup: PlanSetup | None, token: str | None, *,
          values: Mapping[str, str] | None = None, errors: Mapping[str, str] | None = None,
          notice: str | None = None, status_code: int = 200) -> HTMLResponse:
    schedule = planner.schedule(setup) if setup is not None else None
    feed = path = None
    if token is not None:
        path = request.app.url_path_for("calendar_feed", token=token)
        feed = str(request.url_for("calendar_feed", token=token))
    weeks, notes = week_views(schedule) if schedule else ([], [])
    return render(request, "plan.html", {
        "setup": setup, "schedule": schedule, "weeks": weeks, "notes": notes,
        "pattern": [(p, said(p.reason, p.warnings)) for p in schedule.pattern] if schedule
        else [],
        "values": values or form_values(setup, now().date()), "errors": errors or {},
        "days": list(zip(DAY_ABBR, DAY_NAMES, strict=True)), "roles": ROLE_CHOICES,
        "distances": RACE_DISTANCES, "alarm_options": [(str(m), _alarm(m)) for m in ALARM_CHOICES],
        "notice": notice, "zones": _zones(),
        "feed": feed, "feed_path": path,
        "webcal": re.sub(r"^https?:", "webcal:", feed) if feed else None,
        "routines": routines.all_routines(),
        "routine_options": [(r.id, r.routine.title or r.id) for r in routines.all_routines()]},
        status_code=status_code)


_NOTICES = {"saved": "Saved. Your strength sessions are placed below.",
            "calendar": "A new calendar address is made; the old one no longer works. "
                        "Subscribe to the new one in your calendar app."}


@router.get("/plan")
def plan_page(request: Request, viewer: PageViewer, store: StoreDep,
              done: str | None = None) -> HTMLResponse:
    return _page(request, store.plan_setup(viewer.id), store.calendar_token(viewer.id),
                 notice=_NOTICES.get(done or ""))


@router.post("/plan", response_model=None)
async def save_plan(request: Request, viewer: FormViewer, store: StoreDep) -> Response:
    form = await request.form()
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    slug = fields.get("routine") or "runner-glute"
    known = {loaded.id for loaded in routines.all_routines()}
    read = read_setup(fields, routine=slug if slug in known else "runner-glute")
    errors = dict(read.errors)
    if slug not in known:
        errors["routine"] = f"routine: choose one of {', '.join(sorted(known))}"
    if read.setup is None or errors:
        return _page(request, store.plan_setup(viewer.id), store.calendar_token(viewer.id),
                     values=fields, errors=errors, status_code=422)
    store.save_plan_setup(viewer.id, read.setup, now=now())
    if store.calendar_token(viewer.id) is None:
        store.set_calendar_token(viewer.id, new_calendar_token())
    return RedirectResponse("/plan?done=saved#plan", status_code=303)


@router.post("/plan/calendar")
def new_calendar_address(viewer: FormViewer, store: StoreDep) -> RedirectResponse:
    store.set_calendar_token(viewer.id, new_calendar_token())
    return RedirectResponse("/plan?done=calendar#calendar", status_code=303)


@router.get("/calendar/{token}.ics", name="calendar_feed")
def calendar_feed(token: str, store: StoreDep) -> Response:
    setup = store.plan_setup_by_calendar_token(token) if _TOKEN.fullmatch(token) else None
    if setup is None:
        raise NotFound("there is no calendar at this address: it was replaced by a new one, "
                       "or mistyped; copy the address again from the plan page")
    data = planner.calendar(setup, routines.routine(setup.routine))
    headers: dict[str, Any] = {"Content-Disposition": 'inline; filename="strength-plan.ics"'}
    return Response(data, media_type=CALENDAR_TYPE, headers=headers)
