"""The PDF's pages are filled: no near-empty page, no page that ends on a section's heading,
and every row of the calendar is labelled with its day (read back with pypdf)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from strongstride.app import Strongstride
from strongstride.player.machine import Actuals
from strongstride.reports.pdf import render
from strongstride.reports.svg import calendar_chart
from strongstride.reports.view import ReportView, view
from strongstride.store import Store
from tests.reports.conftest import TODAY

SVG = "{http://www.w3.org/2000/svg}"
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FOOTER = "Strength training report - page"
LEAST_FILL = 0.4
"""The lowest text on every page is at least this far down it (a share of its height)."""


def lines_by_page(data: bytes) -> list[list[tuple[float, str]]]:
    """Per page, its text lines as (distance from the top, as a share of the page; text),
    the footer left out."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        found: list[tuple[float, str]] = []

        def seen(text: str, cm: list[float], tm: list[float], _font: object, _size: object,
                 found: list[tuple[float, str]] = found, height: float = height) -> None:
            if text.strip() and not text.startswith(FOOTER):
                y = tm[5] * cm[3] + cm[5]
                found.append(((height - y) / height, text.strip()))

        page.extract_text(visitor_text=seen)
        pages.append(found)
    return pages


def one_full_session(store: Store) -> ReportView:
    """A new user's report after one whole session of the routine, every set done as asked
    (the case that left a page holding two table rows)."""
    app = Strongstride(store)
    user = store.ensure_user("first")
    routine = app.builtin_routine("runner-glute")
    plan = app.session_plan(routine)
    answers = [(s, Actuals(reps=s.reps.hi if s.reps else None,
                           seconds=float(s.hold_seconds.hi) if s.hold_seconds else None,
                           pain=2 if i % 7 == 0 else None))
               for i, s in enumerate(x for x in plan.steps if x.kind == "work")]
    app.log_past_session(user, routine, datetime.combine(TODAY - timedelta(days=2),
                                                         datetime.min.time(), UTC),
                         answers)
    return view(app.report(user, TODAY), weeks=12)


@pytest.fixture(params=["demo", "one session"])
def shown(request: pytest.FixtureRequest, demo_store: Store) -> ReportView:
    if request.param == "demo":
        return view(Strongstride(demo_store).report(demo_store.ensure_user("me"), TODAY),
                    weeks=12)
    return one_full_session(demo_store)


def test_no_page_is_near_empty_or_ends_on_a_heading(shown: ReportView) -> None:
    pages = lines_by_page(render(shown))
    assert len(pages) >= 3
    headings = {s.title for s in shown.sections} | {"Summary"}
    for number, lines in enumerate(pages, start=1):
        assert lines, f"page {number} is empty"
        lowest, text = max(lines)
        assert lowest >= LEAST_FILL, f"page {number} ends {lowest:.0%} down, on {text!r}"
        assert text not in headings, f"page {number} ends on the heading {text!r}"
        # Nor on a section's opening words, away from the chart or table they explain.
        opening = [line for s in shown.sections if s.charts or s.tables for line in s.lead]
        assert not (len(text) > 20 and any(text in line for line in opening)), (
            f"page {number} ends on a section's opening words: {text!r}")


def test_every_calendar_row_is_labelled() -> None:
    days = [(TODAY - timedelta(days=n), n % 3) for n in range(83, -1, -1)]
    chart = ET.fromstring(calendar_chart("Sessions by day", "desc", days))
    labels = [t.text for t in chart.iter(f"{SVG}text")]
    assert [d for d in labels if d in DAYS] == list(DAYS)
    # A year of weeks still names every row, in smaller letters.
    year = [(TODAY - timedelta(days=n), 1) for n in range(364, -1, -1)]
    texts = ET.fromstring(calendar_chart("Sessions by day", "desc", year)).iter(f"{SVG}text")
    named = {t.text: float(t.get("font-size", "0")) for t in texts if t.text in DAYS}
    assert list(named) == list(DAYS) and all(0 < size <= 11 for size in named.values())


def test_the_pdf_calendar_names_every_day(shown: ReportView) -> None:
    pages = lines_by_page(render(shown))
    page = next(p for p in pages if any(t == "Sessions by day" for _, t in p))
    words = {t for _, t in page}
    assert set(DAYS) <= words
