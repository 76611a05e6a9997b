"""The plan page in a real phone-sized Chromium: she fills in her running week, the sessions
are placed, the calendar address answers. Also takes docs/screenshots/plan.png
(STRONGSTRIDE_SCREENSHOTS=docs/screenshots to keep it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx


def test_she_enters_her_week_and_sees_her_sessions(runner: Any, shots: Path) -> None:
    page = runner.page
    runner.register()
    page.goto("/plan")
    for day, role in (("mon", "easy"), ("tue", "quality"), ("wed", "easy"), ("thu", "quality"),
                      ("fri", "rest"), ("sat", "easy"), ("sun", "long")):
        page.select_option(f"#{day}", role)
    page.fill("#strength_time", "18:00")
    page.fill("#run_time", "07:00")
    page.fill("#timezone", "Europe/Paris")
    page.fill("#race_date", "2027-04-25")
    page.select_option("#race_distance", "half")
    page.fill("#start", "2027-03-01")
    page.fill("#weeks", "8")
    with page.expect_navigation():
        page.click("form[action='/plan'] [type=submit]")
    assert page.url.endswith("/plan?done=saved#plan")
    main = page.inner_text("main")
    assert "Tuesday is a quality day: lift after the run." in main
    assert "Not ideal: Thursday's quality run is 37 h later (48 h preferred)." in main
    assert "Taper, 5 days before the half marathon" in main
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "plan.png"))

    feed = page.input_value("#feed")
    assert feed.startswith(runner.base + "/calendar/") and feed.endswith(".ics")
    answer = httpx.get(feed, timeout=10)
    assert answer.status_code == 200 and answer.text.startswith("BEGIN:VCALENDAR")
    assert runner.errors == []
