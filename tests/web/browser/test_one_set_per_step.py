"""One set per step in the player, at 390 x 844 against the real server: Back, then Done
again, edits the step's set online and offline, and two phones logging the same step end with
one set holding the values logged last."""

from __future__ import annotations

from typing import Any

FIRST = "s1.e1.set1.work"


def _session_sets(runner: Any) -> list[dict[str, Any]]:
    session_id = runner.page.evaluate("window.__player.sessionId")
    with runner.api() as api:
        session = api.get(f"/api/sessions/{session_id}").json()
    assert session["sets_done"] == len([s for s in session["sets"] if not s["skipped"]])
    sets: list[dict[str, Any]] = session["sets"]
    return sets


def _done_with(runner: Any, reps: int) -> None:
    runner.page.fill("#reps", str(reps))
    runner.press("#done")


def _back_to(runner: Any, key: str) -> None:
    """Tap Back until the player shows the step `key`."""
    for _ in range(5):
        if runner.step() == key:
            return
        runner.page.click("#back")
        runner.page.wait_for_function(
            "() => document.querySelector('#screen').dataset.status === 'running'")
    assert runner.step() == key


def _start(runner: Any) -> None:
    page = runner.page
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step(FIRST, "running")


def _player_done_steps(runner: Any) -> list[str]:
    done: list[str] = runner.page.evaluate("window.__player.state.done")
    return done


def test_back_then_done_online_stores_one_set_with_the_new_values(runner: Any) -> None:
    runner.register()
    _start(runner)
    _done_with(runner, 9)
    assert runner.step() == "s1.e1.set1.rest"
    _back_to(runner, FIRST)
    assert runner.page.input_value("#reps") != ""
    _done_with(runner, 12)
    runner.outbox_empty()
    sent = runner.page.evaluate("window.__player.outbox.sent")
    assert [(s["status"], s["stored"]) for s in sent] == [(201, True), (200, True)]
    [stored] = _session_sets(runner)
    assert (stored["step_key"], stored["reps"]) == (FIRST, 12)
    assert _player_done_steps(runner) == [FIRST]
    assert runner.errors == []


def test_back_then_done_offline_stores_one_set_once_back_online(runner: Any) -> None:
    page = runner.page
    runner.register()
    _start(runner)
    runner.context.set_offline(True)
    _done_with(runner, 8)
    _back_to(runner, FIRST)
    _done_with(runner, 11)
    assert runner.step() == "s1.e1.set1.rest"
    # Two sends wait for one step: that is one set for her.
    runner.expect_waiting(1)
    assert "1 set waiting to be sent" in page.inner_text("#queue-status")
    assert _player_done_steps(runner) == [FIRST]

    runner.context.set_offline(False)
    runner.outbox_empty()
    sent = page.evaluate("window.__player.outbox.sent")
    assert [s["status"] for s in sent] == [201, 200]
    [stored] = _session_sets(runner)
    assert (stored["step_key"], stored["reps"]) == (FIRST, 11)
    assert runner.errors == []


def test_two_phones_logging_the_same_step_keep_the_later_values(
        runner: Any, make_runner: Any) -> None:
    runner.register()
    _start(runner)
    _done_with(runner, 8)
    runner.outbox_empty()

    # Her second phone, signed in as her, carries on the same session.
    other = make_runner(storage_state=runner.context.storage_state())
    other.page.goto("/play/runner-glute")
    other.page.click("#start")
    other.page.wait_for_selector("#screen[data-status='running']")
    assert other.page.evaluate("window.__player.sessionId") == runner.page.evaluate(
        "window.__player.sessionId")
    _back_to(other, FIRST)
    _done_with(other, 12)
    other.outbox_empty()
    [stored] = _session_sets(runner)
    assert stored["reps"] == 12

    # The first phone logs the step again, offline; the second logs it after that, online;
    # the first phone's queue reaches the server last, but the set logged last stays.
    runner.context.set_offline(True)
    _back_to(runner, FIRST)
    _done_with(runner, 6)
    runner.page.wait_for_timeout(20)  # the phones' clocks tell the two sets apart
    _back_to(other, FIRST)
    _done_with(other, 14)
    other.outbox_empty()
    runner.context.set_offline(False)
    runner.outbox_empty()
    answers = runner.page.evaluate("window.__player.outbox.sent")
    assert [(a["status"], a["stored"]) for a in answers][-1] == (200, False)

    [stored] = _session_sets(runner)
    assert (stored["step_key"], stored["reps"]) == (FIRST, 14)
    assert runner.errors == [] and other.errors == []
