"""The finish screen at 390x844: a session played to the end, finished offline (the page says
what it knows), then back online (the full summary: left and right, pain, personal bests,
next time, and tomorrow morning's check-in with a reminder)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

SPLIT = "s3.e2.set{n}.{side}.work"  # Banded split squat: 2 sets on each leg
FIRST_SPLIT = SPLIT.format(n=1, side="left")


def _earlier_session(runner: Any) -> None:
    """A session three days ago through the API: the split squat at 12 kg, 7 and 9 reps."""
    started = datetime.now(UTC) - timedelta(days=3)
    with runner.api() as api:
        csrf = api.get("/play/runner-glute").text.split('name="csrf-token" content="')[1]
        headers = {"X-CSRF-Token": csrf.split('"')[0]}
        sid = api.post("/api/sessions", headers=headers, json={
            "routine": "runner-glute", "started_at": started.isoformat()}).json()["id"]
        for n in (1, 2):
            for side, reps in (("left", 7), ("right", 9)):
                done = api.post(f"/api/sessions/{sid}/sets", headers=headers, json={
                    "key": str(uuid.uuid4()), "step_key": SPLIT.format(n=n, side=side),
                    "reps": reps, "load": 12, "logged_at": started.isoformat()})
                assert done.status_code == 201, done.text
        assert api.post(f"/api/sessions/{sid}/finish", headers=headers, json={
            "ended_at": (started + timedelta(minutes=30)).isoformat()}).status_code == 200


def _log(runner: Any, reps: int, load: float, pain: int | None = None) -> None:
    page = runner.page
    page.fill("#reps", str(reps))
    page.fill("#load", str(load))
    if pain is not None:
        # Pain is one tap on a chip where the player has them (issue 11, point 3), else
        # a choice under "Pain or a note".
        if page.query_selector("#pain-chips"):
            page.click(f"#pain-chips [data-value='{pain}']")
        else:
            page.click("#set-form summary")
            page.select_option("#pain", str(pain))
    runner.press("#done")


def _skip_to(runner: Any, key: str) -> None:
    while runner.step() != key:
        runner.press("#skip")


def test_the_finish_summary_offline_then_online(runner: Any, shots: Path) -> None:
    page = runner.page
    runner.register()
    _earlier_session(runner)
    runner.context.grant_permissions(["notifications"])
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    _skip_to(runner, FIRST_SPLIT)
    for n in (1, 2):
        _skip_to(runner, SPLIT.format(n=n, side="left"))
        _log(runner, 8, 12)
        _skip_to(runner, SPLIT.format(n=n, side="right"))
        _log(runner, 10, 12, pain=3 if n == 2 else None)
    runner.outbox_empty()

    # Finish with no network: the page says what it knows.
    runner.context.set_offline(True)
    page.click("#finish")
    page.click("#finish")
    page.wait_for_selector("#screen[data-status='finished'][data-summary='known']")
    skipped = page.evaluate(
        "window.__player.state.steps.filter((s) => s.kind === 'work')"
        ".findIndex((s) => s.key === 's3.e2.set1.left.work')")
    assert page.inner_text("#fin-sets") == (
        f"Well done! 4 of 80 sets done, {skipped} skipped.")
    assert "comes when you are back online" in page.inner_text("#fin-wait")
    assert "Check in tomorrow morning" in page.inner_text("#fin-checkin")
    assert page.locator("#fin-sides").count() == 0

    # Back online: the outbox sends the finish, then the summary fills in.
    runner.context.set_offline(False)
    page.wait_for_selector("#screen[data-summary='full']", timeout=20_000)
    assert page.inner_text("#fin-sets") == f"Well done! 4 of 80 sets done, {skipped} skipped."
    assert page.inner_text("#fin-took").startswith("Time taken: ")
    sides = page.inner_text("#fin-sides")
    assert "Banded split squat" in sides
    assert "8, 8 reps at 12 kg" in sides and "10, 10 reps at 12 kg" in sides
    assert "Left 8, right 10 reps a set at 12 kg: 20% fewer reps on the left." in sides
    assert "Highest pain 3/10 (green): Banded split squat, right side, set 2." in \
        page.inner_text("#fin-pain")
    assert page.locator("#fin-pain .fin-green").count() == 1
    bests = page.inner_text("#fin-bests")
    assert "Most reps on the left at 12 kg: 8 (best before: 7)." in bests
    assert "Most reps on the right at 12 kg: 10 (best before: 9)." in bests
    assert "Banded split squat" in page.inner_text("#fin-next")
    checkin = page.inner_text("#fin-checkin")
    assert "Check in tomorrow morning" in checkin

    # Every part fits the phone's width: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(shots / "finish-summary.png"), full_page=True)

    # The reminder: a calendar file with an alarm tomorrow morning, in the phone's zone...
    page.fill("#fin-remind-at", "07:15")
    page.dispatch_event("#fin-remind-at", "change")
    href = page.get_attribute("#fin-calendar", "href")
    assert href is not None and "at=07%3A15" in href and "tz=" in href
    with runner.api() as api:
        answer = api.get(href)
    assert answer.status_code == 200
    [event] = icalendar.Calendar.from_ical(answer.content).walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.hour, start.minute) == (7, 15)
    assert len(event.walk("VALARM")) == 1
    # ...and, with notifications allowed, one on this phone while the page stays open.
    page.click("#fin-notify")
    assert "notify you at 07:15 tomorrow" in page.inner_text("#fin-remind-status")
    assert "as long as this page stays open" in page.inner_text("#fin-remind-status")
    assert runner.errors == []
