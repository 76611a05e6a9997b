"""Today's target in the web player: the next-session suggestion shown above "last time",
and the set form filled in from it (reps and load) when the target says so."""

from __future__ import annotations

import json
from typing import Any

AIM = {"action": "add load", "sets": 1, "reps": 11, "load": 7.5, "unit": "kg", "seconds": None,
       "band": None, "reason": "Both sides reached 10 reps at RPE 7 twice: add 2.5 kg.",
       "text": "Today: 1 x 11 reps, 7.5 kg — Both sides reached 10 reps at RPE 7 twice: "
               "add 2.5 kg.", "prefill": True}


def with_targets(targets: dict[str, Any], amounts: dict[str, Any] | None = None) -> Any:
    """The server's answer with these targets and, as the server would give with them, the
    amounts the set forms start from."""
    def handle(route: Any) -> None:
        response = route.fetch()
        body = response.json()
        body["targets"] = targets
        if amounts is not None:
            body["start_amounts"] = amounts
        route.fulfill(response=response, body=json.dumps(body))
    return handle


def test_the_target_is_shown_and_fills_in_the_set_form(make_runner: Any) -> None:
    runner = make_runner(service_workers="block")
    page = runner.page
    stop = {**AIM, "action": "stop", "prefill": False, "reps": 99,
            "text": "Stop Good morning and see your physio: you noted swelling."}
    runner.context.route("**/api/sessions", with_targets(
        {"Squat to overhead reach": AIM, "Good morning": stop},
        {"0:0:": {"reps": AIM["reps"], "load": AIM["load"], "unit": AIM["unit"]}}))
    runner.register()
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    assert page.inner_text("#today") == AIM["text"]
    assert page.input_value("#reps") == "11" and page.input_value("#load") == "7.5"
    runner.press("#done")
    runner.press("#skip")  # the rest
    runner.wait_step("s1.e2.set1.work", "running")
    assert page.inner_text("#today").startswith("Stop Good morning")
    assert "pl-stop" in (page.get_attribute("#today", "class") or "")
    assert page.input_value("#reps") == "10"  # a stop target fills in nothing
    assert runner.errors == []


def test_the_server_s_target_reaches_the_screen_and_survives_a_reload(runner: Any) -> None:
    page = runner.page
    runner.register()
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    answer = runner.api().get("/api/sessions?status=active").json()[0]
    session = runner.api().get(f"/api/sessions/{answer['id']}").json()
    first = session["targets"]["Squat to overhead reach"]
    assert first["action"] == "start" and first["prefill"] is False
    assert page.inner_text("#today") == first["text"]
    assert page.input_value("#reps") == "10"
    page.reload()
    runner.wait_step("s1.e1.set1.work")
    assert page.inner_text("#today") == first["text"]
    assert runner.errors == []
