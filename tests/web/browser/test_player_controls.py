"""The player's controls with the page clock under control: rest time, pause, back, and the
sound and voice switches (kept across a reload)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# Counts what would have been spoken; headless Chromium has no voices to hear.
COUNT_SPEECH = """
window.__spoken = [];
if ('speechSynthesis' in window) {
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (u) => { window.__spoken.push(u.text); speak(u); };
}
"""


def freeze(page: Any) -> None:
    now_ms = page.evaluate("Date.now()")
    page.clock.pause_at(datetime.fromtimestamp(now_ms / 1000, tz=UTC) + timedelta(milliseconds=50))


def clock_text(page: Any) -> str:
    page.clock.run_for(20)  # one frame, so the display has caught up
    return str(page.inner_text("#clock"))


def test_rest_time_pause_and_back(runner: Any) -> None:
    page = runner.page
    page.clock.install()
    runner.register()
    runner.start_routine()
    freeze(page)
    runner.press("#done")
    runner.wait_step("s1.e1.set1.rest", "running")
    assert clock_text(page) == "0:15"

    page.clock.run_for(10_000)
    assert clock_text(page) == "0:05"
    page.click("#add-rest")  # +15 s
    assert clock_text(page) == "0:20"

    page.click("#pause")
    runner.wait_step("s1.e1.set1.rest", "paused")
    page.clock.run_for(60_000)  # a long pause: the rest does not run
    assert clock_text(page) == "0:20"
    assert page.get_attribute("#pause", "aria-pressed") == "true"
    page.click("#pause")  # now "Resume"
    runner.wait_step("s1.e1.set1.rest", "running")
    page.clock.run_for(17_000)
    assert clock_text(page) == "0:03"
    assert page.inner_text("#timer-live") == "3"
    page.clock.run_for(3_000)
    runner.wait_step("s1.e2.set1.work", "running")

    runner.press("#back")  # back to the last set: it can be done again
    assert runner.step() == "s1.e1.set1.work"
    assert page.input_value("#reps") == "10"
    assert runner.errors == []


def test_sound_and_voice_switches_are_remembered(runner: Any) -> None:
    page = runner.page
    page.add_init_script(COUNT_SPEECH)
    page.clock.install()
    runner.register()
    runner.start_routine()
    freeze(page)
    runner.press("#done")
    page.clock.run_for(15_000)  # the rest: "Next: ...", 3, 2, 1
    runner.wait_step("s1.e2.set1.work", "running")
    spoken = page.evaluate("window.__spoken")
    assert spoken[:4] == ["Next: Good morning", "3", "2", "1"]

    page.click(".pl-settings summary")
    page.uncheck(".pl-settings label:has-text('Spoken cues') input")
    page.uncheck(".pl-settings label:has-text('Beeps') input")
    assert page.evaluate("[localStorage.getItem('ss.voice'), localStorage.getItem('ss.sound')]") \
        == ["off", "off"]
    runner.press("#done")
    page.clock.run_for(15_000)
    runner.wait_step("s1.e3.set1.work", "running")
    assert page.evaluate("window.__spoken") == spoken  # nothing more was said
    assert page.evaluate("window.__cueLog.length") == 8  # the cues still came, silently

    page.reload()
    runner.wait_step("s1.e3.set1.work", "ready")
    page.click(".pl-settings summary")
    assert not page.is_checked(".pl-settings label:has-text('Spoken cues') input")
    assert not page.is_checked(".pl-settings label:has-text('Beeps') input")
    assert runner.errors == []


def test_last_time_fills_in_reps_and_load(runner: Any) -> None:
    page = runner.page
    runner.register()
    runner.start_routine()
    assert page.input_value("#reps") == "10" and page.input_value("#load") == ""
    page.click("button[aria-label='One rep fewer']")
    page.click("button[aria-label='One rep fewer']")
    page.click("button[aria-label='More load']")
    page.click("button[aria-label='More load']")
    runner.press("#done")
    page.click("#finish")
    page.click("#finish")
    page.wait_for_selector("#screen[data-status='finished']")
    runner.outbox_empty()

    runner.start_routine()
    assert page.inner_text(".pl-last") == "Last time: 8 x 5 kg"
    assert page.input_value("#reps") == "8" and page.input_value("#load") == "5"
    assert runner.errors == []


def test_any_load_she_owns_can_be_typed(runner: Any) -> None:
    """An 8 kg dumbbell, not a multiple of the 2.5 kg the buttons step by: stored as typed."""
    page = runner.page
    runner.register()
    runner.start_routine()
    page.fill("#load", "8")
    runner.press("#done")
    runner.outbox_empty()
    with runner.api() as api:
        [session] = api.get("/api/sessions?status=active").json()
        [stored] = api.get(f"/api/sessions/{session['id']}").json()["sets"]
    assert (stored["load"], stored["unit"]) == (8.0, "kg")
    assert runner.errors == []


def test_how_to_and_tap_targets(make_runner: Any) -> None:
    """The how-to of the exercise (the routine JSON's `how_to`, by exercise name), and every
    control at least 48 px square on a 390 px wide phone, with no sideways scrolling."""
    import json

    runner = make_runner(service_workers="block")
    page = runner.page

    def with_how_to(route: Any) -> None:
        response = route.fetch()
        routine = response.json()
        routine["how_to"] = {"Squat to overhead reach": {
            "steps": ["Stand tall.", "Squat, then reach up."], "cues": ["Chest up"],
            "mistakes": ["Knees caving in."]}}
        route.fulfill(response=response, body=json.dumps(routine))

    runner.context.route("**/api/routines/runner-glute", with_how_to)
    runner.register()
    runner.start_routine()
    page.click(".pl-how summary")
    how = page.inner_text(".pl-how")
    assert "How to do the squat to overhead reach" in how
    assert "Squat, then reach up." in how and "Chest up" in how

    for summary in page.query_selector_all("#player details:not([open]) summary"):
        summary.click()
    boxes = page.evaluate("""() => [...document.querySelectorAll(['button', 'input', 'select',
            'textarea', 'summary', 'a'].map((tag) => `#player ${tag}`).join(', '))]
        .map((el) => el.closest('label') ?? el)
        .filter((el) => el.getClientRects().length)
        .map((el) => { const r = el.getBoundingClientRect();
            return [el.id || el.textContent.trim().slice(0, 30), r.width, r.height]; })""")
    assert len(boxes) >= 15
    assert [b for b in boxes if min(b[1], b[2]) < 47.5] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert runner.errors == []


def test_rpe_and_pain_are_one_tap_each(runner: Any, shots: Path) -> None:
    """Chips for RPE (6-10) and pain (0-10, in the traffic light's colours), both optional:
    a set as prescribed is one tap (Done), with RPE and pain three; a second tap on a chip
    takes it back; RPE is explained the first time only."""
    page = runner.page
    runner.register()
    runner.start_routine()
    assert "how hard the set felt" in page.inner_text("#rpe-help")
    assert "pl-pain-green" in (page.get_attribute("button[aria-label='Pain 3']", "class") or "")
    assert "pl-pain-amber" in (page.get_attribute("button[aria-label='Pain 4']", "class") or "")
    assert "pl-pain-red" in (page.get_attribute("button[aria-label='Pain 6']", "class") or "")
    page.click("button[aria-label='RPE 8']")
    page.click("button[aria-label='Pain 4']")
    page.screenshot(path=str(shots / "player-rpe-pain.png"))
    runner.press("#done")  # three taps
    runner.press("#skip")  # the rest
    runner.wait_step("s1.e2.set1.work", "running")
    assert page.evaluate("window.scrollY") == 0  # the next set starts at its name
    assert page.query_selector("#rpe-help") is None  # explained once is enough
    page.click("button[aria-label='Pain 2']")
    page.click("button[aria-label='Pain 2']")  # taken back
    assert page.get_attribute("button[aria-label='Pain 2']", "aria-pressed") == "false"
    runner.press("#done")
    runner.press("#skip")
    runner.press("#done")  # one tap: as prescribed, no RPE, no pain
    runner.outbox_empty()
    with runner.api() as api:
        [session] = api.get("/api/sessions?status=active").json()
        stored = api.get(f"/api/sessions/{session['id']}").json()["sets"]
    got = [(s["step_key"], s["reps"], s["rpe"], s["pain"]) for s in stored]
    assert got == [("s1.e1.set1.work", 10, 8, 4), ("s1.e2.set1.work", 10, None, None),
                   ("s1.e3.set1.work", 10, None, None)]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert runner.errors == []


def test_the_load_buttons_step_by_her_own_increment(runner: Any) -> None:
    """1 or 2.5 kg, 2.5 or 5 lb, chosen in the player's settings and kept."""
    page = runner.page
    runner.register()
    runner.start_routine()
    page.fill("#load", "8")
    page.click("button[aria-label='More load']")
    assert page.input_value("#load") == "10.5"  # the usual 2.5 kg
    page.click(".pl-settings summary")
    page.select_option("#step-kg", "1")
    page.click("button[aria-label='More load']")
    assert page.input_value("#load") == "11.5"
    page.select_option("#unit", "lb")
    page.fill("#load", "12")
    page.click("button[aria-label='Less load']")
    assert page.input_value("#load") == "7"  # 5 lb
    page.select_option("#step-lb", "2.5")
    page.click("button[aria-label='More load']")
    assert page.input_value("#load") == "9.5"
    page.reload()
    runner.wait_step("s1.e1.set1.work")
    assert page.input_value("#step-kg") == "1" and page.input_value("#step-lb") == "2.5"
    assert runner.errors == []


def test_abandon_asks_first_and_leaves_no_stale_resume(runner: Any) -> None:
    page = runner.page
    runner.register()
    runner.start_routine()
    runner.press("#done")
    runner.outbox_empty()
    with runner.api() as api:
        [first] = api.get("/api/sessions?status=active").json()
    page.goto(f"/sessions/{first['id']}")
    page.click("text=Abandon this session…")  # a page that asks, not a one-tap button
    assert page.url.endswith(f"/sessions/{first['id']}/abandon")
    assert "stay in your history" in page.inner_text("main")
    page.click("text=Abandon it")
    assert "abandoned" in page.inner_text("main")

    page.goto("/play/runner-glute")
    page.wait_for_selector("#screen[data-status='start']")
    assert page.inner_text("#start") == "Start"  # not "Resume" of the abandoned session
    assert "ended on another page or phone" in page.inner_text("#ended-note")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")  # from the beginning, in a new session
    with runner.api() as api:
        [second] = api.get("/api/sessions?status=active").json()
    assert second["id"] != first["id"]
    assert runner.errors == []


def test_a_long_note_without_spaces_keeps_the_pages_phone_wide(runner: Any) -> None:
    import uuid

    page = runner.page
    runner.register()
    with runner.api() as api:  # the browser's cookie, and the page's CSRF token
        page.goto("/play/runner-glute")
        token = page.get_attribute('meta[name="csrf-token"]', "content")
        started = api.post("/api/sessions", json={"routine": "runner-glute"},
                           headers={"X-CSRF-Token": token or ""})
        assert started.status_code in (200, 201), started.text
        session = started.json()
        logged = api.post(f"/api/sessions/{session['id']}/sets",
                          headers={"X-CSRF-Token": token or ""},
                          json={"key": str(uuid.uuid4()), "step_key": "s1.e1.set1.work", "reps": 10,
                                "note": "x" * 2000})
        assert logged.status_code == 201, logged.text
    for path in (f"/sessions/{session['id']}", "/history"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    assert runner.errors == []


def test_each_leg_starts_from_its_own_last_set(runner: Any) -> None:
    """Left 8, right 7: the next left set starts at 8 and the next right set at 7."""
    page = runner.page
    runner.register()
    runner.start_routine()

    def go_to(key: str) -> None:
        while runner.step() != key:
            runner.press("#skip")

    go_to("s3.e1.set1.left.work")
    page.fill("#reps", "8")
    runner.press("#done")
    go_to("s3.e1.set1.right.work")
    page.fill("#reps", "7")
    runner.press("#done")
    go_to("s3.e1.set2.left.work")
    assert page.input_value("#reps") == "8"
    runner.press("#done")
    go_to("s3.e1.set2.right.work")
    assert page.input_value("#reps") == "7"
    assert runner.errors == []
