"""A whole session in the browser: a new runner registers, plays the seed routine with the
page clock under control, loses the network for three sets, gets it back, finishes, and the
server holds every set exactly once.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

FIRST_HOLD = "s4.e1.set1.left.work"


def pause_clock(page: Any) -> None:
    """Stop the page's clock where it is now (timers fire only when the test moves it)."""
    now_ms = page.evaluate("Date.now()")
    page.clock.pause_at(datetime.fromtimestamp(now_ms / 1000, tz=UTC) + timedelta(milliseconds=50))


def cues(page: Any) -> list[dict[str, Any]]:
    return list(page.evaluate("window.__cueLog"))


def test_a_whole_session_with_three_sets_offline(runner: Any, shots: Path) -> None:
    """Also takes the phone screenshots (STRONGSTRIDE_SCREENSHOTS=docs/screenshots to keep
    them): the routine page, the player during a hold, the history page."""
    page = runner.page
    page.clock.install()  # before the first page, so performance.now() is the fake clock's
    runner.register()

    page.goto("/routines/runner-glute")
    page.screenshot(path=str(shots / "routine.png"))
    with page.expect_navigation():
        page.click("a[href='/play/runner-glute']")

    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    assert page.inner_text("#exercise") == "Squat to overhead reach"
    page.wait_for_function("() => window.__player.awake()")  # the screen stays on

    # The warm-up: three sets of 10, the first one adjusted to 9 reps with a little pain.
    page.click("button[aria-label='One rep fewer']")
    page.click("button[aria-label='Pain 2']")
    runner.press("#done")
    assert runner.step() == "s1.e1.set1.rest"
    assert "Rest 15 seconds" in page.inner_text("#timer-live")
    page.clock.fast_forward(15_000)  # the rest runs out: the next set comes by itself
    runner.wait_step("s1.e2.set1.work", "running")
    runner.press("#done")
    runner.press("#skip")  # skip the rest
    runner.press("#done")
    assert runner.step() == "s1.e3.set1.rest"

    # Skip forward (each skipped set is logged as skipped) to the first cool-down hold.
    while True:
        following = page.evaluate(
            "(() => { const s = window.__player.state; return s.steps[s.index + 1]?.key; })()")
        if following == FIRST_HOLD:
            break
        runner.press("#skip")
    pause_clock(page)
    runner.press("#skip")
    runner.wait_step(FIRST_HOLD, "running")
    assert page.inner_text("#clock") == "0:30"
    assert page.inner_text("#exercise") == "Half Pigeon pose"
    # A cool-down stretch asks about pain, not effort.
    assert page.query_selector("#pain-chips") and not page.query_selector("#rpe-chips")
    hold_start = cues(page)[-1]
    assert hold_start["kind"] == "go"

    # The display is redrawn once a frame (16 ms on the fake clock): look just after a frame.
    page.clock.run_for(12_020)
    assert page.inner_text("#clock") == "0:18"
    page.screenshot(path=str(shots / "player-hold.png"))
    page.clock.run_for(2_980)  # 15 s: halfway
    assert [c["kind"] for c in cues(page)][-1] == "halfway"
    page.clock.run_for(12_000)  # 27 s: "3"
    assert page.inner_text("#timer-live") == "3"
    page.clock.run_for(2_020)
    assert page.inner_text("#clock") == "0:01"
    page.clock.run_for(980)  # 30 s: the hold is over
    runner.wait_step("s4.e1.set1.right.switch", "running")
    assert "Switch sides" in page.inner_text("#timer-live")

    log = [c for c in cues(page) if c["due"] >= hold_start["due"]]
    assert [c["text"] for c in log] == ["Hold: Half Pigeon pose, left leg", "Halfway",
                                        "3", "2", "1", "Switch sides: right leg"]
    start = hold_start["due"]
    assert [round(c["due"] - start) for c in log] == [0, 15_000, 27_000, 28_000, 29_000, 30_000]
    # With the page's clock stopped between moves, a cue fires at its due time exactly; the
    # switch comes after the hold is in IndexedDB, and the switch still starts at the deadline.
    assert all(c["fired"] - c["due"] < 1 for c in log[:-1])

    # Three sets with no network: the right leg, then set 2 on both legs.
    runner.context.set_offline(True)
    page.clock.run_for(5_000)  # the switch
    runner.wait_step("s4.e1.set1.right.work", "running")
    page.clock.run_for(20_000)
    runner.press("#done")  # "End hold now", after 20 s
    assert runner.step() == "s4.e1.set1.rest"
    runner.press("#skip")
    runner.wait_step("s4.e1.set2.left.work", "running")
    page.click("#set-form summary")
    page.fill("#note", "tight hip today")
    page.clock.run_for(30_000)  # this hold runs to its end: the note goes with it
    runner.wait_step("s4.e1.set2.right.switch", "running")
    page.clock.run_for(5_000)
    runner.wait_step("s4.e1.set2.right.work", "running")
    runner.press("#skip")
    runner.expect_waiting(3)
    assert "3 sets waiting to be sent" in page.inner_text("#queue-status")

    # Back online: the outbox drains by itself.
    runner.context.set_offline(False)
    runner.outbox_empty()
    page.wait_for_selector("#queue-status", state="hidden")

    # Finish (a second tap confirms).
    page.click("#finish")
    page.click("#finish")
    page.wait_for_selector("#screen[data-status='finished']")
    assert "Session complete" in page.inner_text("#screen")
    page.wait_for_selector("#screen[data-summary]")  # the finish screen (finish.js)
    assert "6 of 80 sets done" in page.inner_text("#fin-sets")  # skipped ones not counted
    assert page.evaluate("window.__player.awake()") is False
    runner.outbox_empty()

    session_id = page.evaluate("window.__player.sessionId")
    with runner.api() as api:
        session = api.get(f"/api/sessions/{session_id}").json()
        history = api.get("/api/history").json()
    assert session["status"] == "finished"
    keys = [s["key"] for s in session["sets"]]
    steps = [s["step_key"] for s in session["sets"]]
    assert len(keys) == len(set(keys))
    assert len(steps) == len(set(steps)), Counter(steps).most_common(3)
    plan = page.evaluate("window.__player.state.steps.map((s) => [s.key, s.kind])")
    work = [key for key, kind in plan if kind == "work"]
    expected = work[:work.index("s4.e1.set2.right.work") + 1]
    assert sorted(steps) == sorted(expected)
    by_step = {s["step_key"]: s for s in session["sets"]}
    assert by_step["s1.e1.set1.work"]["reps"] == 9 and by_step["s1.e1.set1.work"]["pain"] == 2
    assert by_step["s1.e2.set1.work"]["reps"] == 10
    assert by_step["s2.e1.set1.work"]["skipped"] is True
    assert by_step[FIRST_HOLD]["seconds"] == 30 and not by_step[FIRST_HOLD]["skipped"]
    assert by_step["s4.e1.set1.right.work"]["seconds"] == 20
    assert by_step["s4.e1.set2.left.work"]["seconds"] == 30
    assert by_step["s4.e1.set2.left.work"]["note"] == "tight hip today"
    assert by_step["s4.e1.set2.right.work"]["skipped"] is True
    mine = [h for h in history if h["id"] == session_id]
    assert len(mine) == 1
    assert mine[0]["sets_done"] == sum(not s["skipped"] for s in session["sets"]) == 6

    page.goto("/history")
    assert "Butt and Leg Workout for Runners" in page.inner_text("main")
    page.screenshot(path=str(shots / "history.png"))
    assert runner.errors == []
