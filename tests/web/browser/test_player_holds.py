"""The web player shows the hold of each rep ('10 reps, hold 5 s each') under the reps and in
Up next, and the set stays one counted in reps: Done logs its reps, no timer runs."""

from __future__ import annotations

import json
from typing import Any


def test_a_held_rep_shows_its_hold_and_is_logged_in_reps(runner: Any) -> None:
    page = runner.page

    def with_held_reps(route: Any) -> None:
        # The seed's first two exercises as if written '10 reps, hold 5 s each'.
        response = route.fetch()
        routine = response.json()
        for step in routine["plan"]["steps"]:
            if step["kind"] == "work" and step["exercise"] in (0, 1) and step["section"] == 0:
                step["rep_hold_seconds"] = [5, 5]
        route.fulfill(response=response, body=json.dumps(routine))

    runner.context.route("**/api/routines/runner-glute", with_held_reps)
    runner.register()
    runner.start_routine()
    assert page.inner_text("#rep-hold") == "hold 5 s each"
    assert page.inner_text("#clock").split() == ["10", "reps", "hold", "5", "s", "each"]
    assert "10 reps · hold 5 s each" in page.inner_text("#up-next")  # the good morning
    page.wait_for_timeout(300)
    assert runner.step() == "s1.e1.set1.work"  # no timer ends the set
    runner.press("#done")
    assert page.locator("#rep-hold").count() == 0  # the rest after it
    runner.outbox_empty()
    with runner.api() as api:
        sessions = api.get("/api/sessions?status=active").json()
        logged = api.get(f"/api/sessions/{sessions[0]['id']}").json()["sets"]
    assert [(s["exercise"], s["reps"], s["seconds"]) for s in logged] == [
        ("Squat to overhead reach", 10, None)]
    assert runner.errors == []
