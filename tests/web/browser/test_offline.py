"""The player without a network: a reload offline, and a set sent twice."""

from __future__ import annotations

import time
from typing import Any

SHELL_KEPT = """async () => {
  const urls = ['/play/runner-glute', '/api/routines/runner-glute', '/static/player.js',
                '/static/machine.js', '/static/view.js', '/static/player.css'];
  const found = await Promise.all(urls.map((u) => caches.match(u)));
  return found.every(Boolean) && !!navigator.serviceWorker.controller;
}"""


def poll(page: Any, script: str, timeout: float = 10.0) -> None:
    """Evaluate an async script until it answers true (wait_for_function does not await)."""
    end = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < end, f"still false after {timeout} s: {script}"
        page.wait_for_timeout(100)


def test_a_reload_offline_resumes_at_the_same_step(runner: Any) -> None:
    page = runner.page
    runner.register()
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    runner.press("#done")
    runner.press("#skip")
    runner.press("#done")
    runner.press("#skip")
    runner.wait_step("s1.e3.set1.work", "running")
    poll(page, SHELL_KEPT)  # the service worker has the page, its code and the plan

    runner.context.set_offline(True)
    page.reload()
    runner.wait_step("s1.e3.set1.work", "ready")
    assert page.inner_text("#exercise") == "Lunge with knee to chest"
    assert page.inner_text("#start") == "Resume"
    page.click("#start")
    runner.wait_step("s1.e3.set1.work", "running")
    runner.press("#done")
    assert runner.step() == "s1.e3.set1.rest"
    assert "1 set waiting to be sent" in page.inner_text("#queue-status")

    page.reload()  # still offline: the set waits in IndexedDB, the rest goes on counting
    runner.wait_step("s1.e3.set1.rest", "running")
    page.wait_for_selector("#queue-status[data-waiting='1']")

    runner.context.set_offline(False)
    runner.outbox_empty()
    session_id = page.evaluate("window.__player.sessionId")
    with runner.api() as api:
        session = api.get(f"/api/sessions/{session_id}").json()
    assert [s["step_key"] for s in session["sets"]] == ["s1.e1.set1.work", "s1.e2.set1.work",
                                                     "s1.e3.set1.work"]
    assert runner.errors == []


def test_a_set_sent_twice_is_stored_once(make_runner: Any) -> None:
    # No service worker here, so the test's route sees every request the page makes.
    runner = make_runner(service_workers="block")
    page = runner.page
    runner.register()
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")

    # The first answer is lost on the way back: the server stored the set, the page never
    # heard. The set stays in the outbox and goes again a little later.
    answers: list[int] = []

    def lose_first_answer(route: Any) -> None:
        if answers:
            route.continue_()
            return
        response = route.fetch()
        answers.append(response.status)
        route.abort("connectionreset")

    runner.context.route("**/api/sessions/*/sets", lose_first_answer)
    runner.press("#done")
    page.wait_for_function("() => window.__player.outbox.sent.length === 1", timeout=15_000)
    runner.outbox_empty()
    assert answers == [201]
    sent = page.evaluate("window.__player.outbox.sent")
    assert [(s["status"], s["stored"]) for s in sent] == [(200, False)]

    # A replay of the same queued request, through the outbox again.
    page.evaluate("""async () => {
        const p = window.__player;
        await p.outbox.addSet(p.sessionId, p.outbox.sent[0].body);
        await p.outbox.drain();
    }""")
    runner.outbox_empty()
    sent = page.evaluate("window.__player.outbox.sent")
    assert [(s["status"], s["stored"]) for s in sent] == [(200, False), (200, False)]

    session_id = page.evaluate("window.__player.sessionId")
    with runner.api() as api:
        stored = api.get(f"/api/sessions/{session_id}").json()["sets"]
    assert [s["key"] for s in stored] == [sent[0]["key"]]
    assert stored[0]["step_key"] == "s1.e1.set1.work" and stored[0]["reps"] == 10
    assert runner.errors == []


def test_a_session_started_offline_reaches_the_server(runner: Any) -> None:
    """Started with no network: the player makes the session's id itself and tells the server
    when it can. Here the server already had a session of this routine going (begun on
    another phone), so the sets join that one."""
    page = runner.page
    runner.register()
    page.goto("/play/runner-glute")
    page.wait_for_selector("#start")
    poll(page, SHELL_KEPT)
    token = page.get_attribute("meta[name='csrf-token']", "content")
    with runner.api() as api:
        other = api.post("/api/sessions", json={"routine": "runner-glute"},
                         headers={"X-CSRF-Token": token})
        assert other.status_code == 201, other.text
        elsewhere = other.json()["id"]

    runner.context.set_offline(True)
    page.reload()
    page.wait_for_selector("#screen[data-status='start']")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    made_here = page.evaluate("window.__player.sessionId")
    assert made_here != elsewhere
    runner.press("#done")
    runner.expect_waiting(1)

    runner.context.set_offline(False)
    runner.outbox_empty()
    assert page.evaluate("window.__player.sessionId") == elsewhere
    with runner.api() as api:
        sets = api.get(f"/api/sessions/{elsewhere}").json()["sets"]
        assert api.get(f"/api/sessions/{made_here}").status_code == 404
    assert [s["step_key"] for s in sets] == ["s1.e1.set1.work"]
    assert runner.errors == []
