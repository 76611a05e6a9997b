"""The dashboard's top card on a phone (390 x 844) in real Chromium: the three lines in plain
words fit the first screen, before any chart. Also takes docs/screenshots/dashboard-top.png
(STRONGSTRIDE_SCREENSHOTS=docs/screenshots to keep it)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from strongstride.app import Strongstride
from strongstride.store import Store


def test_the_top_card_fits_the_first_screen(runner: Any, live_db_url: str,
                                            shots: Path) -> None:
    page = runner.page
    runner.register()
    today = datetime.now(UTC).date()
    monday = today - timedelta(days=today.weekday())
    page.goto("/plan")
    for day, role in (("mon", "easy"), ("tue", "quality"), ("wed", "easy"), ("thu", "quality"),
                      ("fri", "rest"), ("sat", "easy"), ("sun", "long")):
        page.select_option(f"#{day}", role)
    page.fill("#timezone", "UTC")
    page.fill("#start", monday.isoformat())
    page.fill("#weeks", "4")
    with page.expect_navigation():
        page.click("form[action='/plan'] [type=submit]")
    with Store.open(live_db_url) as store:
        Strongstride(store).demo(runner.name, today=today)

    page.goto("/dashboard")
    card = page.locator("section.glance")
    labels = page.locator(".glance-label").all_inner_texts()
    assert [label.strip().lower() for label in labels] == ["this week", "work on", "pain"]
    week = page.inner_text("#glance-week")
    # Her running week plans this week (which words follow depends on the weekday).
    assert re.search(r"\d+ of \d+ sessions? done|sessions? done, \d+ planned", week), week
    assert "Plan your week around your runs" not in week
    assert "Start each set with your left side." in page.inner_text("#glance-focus")
    # The whole card is on the first screen, before any chart, and nothing is wider than
    # the phone.
    box = card.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844
    first_chart = page.locator("main svg").first.bounding_box()
    assert first_chart is not None and first_chart["y"] > box["y"] + box["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert runner.errors == []
    page.screenshot(path=str(shots / "dashboard-top.png"))
