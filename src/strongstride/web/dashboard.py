"""The dashboard (/dashboard) and its JSON (/api/report): the signed-in user's report.

Both are scoped to the signed-in user: the report is built from that user's sessions only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from markupsafe import Markup
from starlette.responses import HTMLResponse

from strongstride.analysis import report_dict
from strongstride.reports import html as report_html
from strongstride.reports.build import DEFAULT_WEEKS
from strongstride.reports.glance import glance
from strongstride.reports.view import view
from strongstride.web.auth import ApiViewer, AppDep, PageViewer, now
from strongstride.web.templating import render

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])


def _today() -> date:
    return now().date()


@router.get("/dashboard")
def dashboard(request: Request, viewer: PageViewer, app: AppDep) -> HTMLResponse:
    today = _today()
    report = app.report(viewer.id, today)
    shown = view(report, weeks=DEFAULT_WEEKS)
    # The top card is the dashboard's summary: the body below goes without its own.
    return render(request, "dashboard.html", {
        "view": shown, "body": Markup(report_html.body(shown, summary=False)),
        "glance": glance(report, app.planned_this_week(viewer.id, today)),
        "injured": report.involved_side})


@api_router.get("/report", response_model=None, responses={
    200: {"description": "the report of `strongstride report --json` (docs/analysis.md), "
                         "for the last 12 weeks up to today (UTC)"}})
def report(viewer: ApiViewer, app: AppDep) -> dict[str, Any]:
    return report_dict(app.report(viewer.id, _today()))
