"""Today's target in the session shape: the next-session suggestion per exercise, with its
words, the amounts the set form starts from, and the session itself left out."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from strongstride.app import Strongstride
from strongstride.store import Store
from tests.web.conftest import Visitor, work_steps


def test_a_session_carries_todays_target_per_exercise(visitor: Visitor, db_url: str) -> None:
    visitor.register("ana")
    with Store.open(db_url) as store:
        Strongstride(store).demo("ana", today=datetime.now(UTC).date())
    report = visitor.api("GET", "/api/report").json()
    suggested = {s["exercise"]: s for s in report["suggestions"]}
    session = visitor.api("POST", "/api/sessions", json={"routine": "runner-glute"}).json()
    targets: dict[str, Any] = session["targets"]
    assert set(targets) == set(suggested)
    goblet = targets["Goblet squat"]
    want = suggested["Goblet squat"]
    assert (goblet["action"], goblet["reps"], goblet["load"]) == (
        want["action"], want["target"]["reps"], want["target"]["load"])
    assert goblet["text"].startswith("Today: ") and want["reason"] in goblet["text"]
    assert goblet["prefill"] is (goblet["action"] not in ("start", "stop"))

    # Logging a set of this session does not move today's target.
    routine = visitor.client.get("/api/routines/runner-glute").json()
    step = next(s for s in work_steps(routine) if s["name"] == "Goblet squat")
    visitor.api("POST", f"/api/sessions/{session['id']}/sets",
                json={"key": str(uuid.uuid4()), "step_key": step["key"], "reps": 1,
                      "load": 2, "rpe": 10})
    again = visitor.api("GET", f"/api/sessions/{session['id']}").json()
    assert again["targets"]["Goblet squat"] == goblet

    # The set form starts from the target, and once a set is logged, from that set.
    where = f"{step['section']}:{step['exercise']}:"
    assert goblet["prefill"] and goblet["reps"] is not None  # the demo's history has one
    started = session["start_amounts"][where]
    assert started["reps"] == goblet["reps"]
    assert goblet["load"] is None or (started["load"], started["unit"]) == (
        goblet["load"], goblet["unit"])
    assert again["start_amounts"][where] == {"reps": 1, "load": 2, "unit": "kg"}


def test_each_side_starts_from_the_target_then_from_its_own_sets(visitor: Visitor) -> None:
    visitor.register("sides")
    routine = visitor.client.get("/api/routines/runner-glute").json()
    sided = [s for s in work_steps(routine) if s["side"] and s["reps"]]
    left, right = sided[0], sided[1]
    assert (left["side"], right["side"]) == ("left", "right") and left["name"] == right["name"]
    first = visitor.api("POST", "/api/sessions", json={"routine": "runner-glute"}).json()
    for step, reps in ((left, 8), (right, 7)):
        visitor.api("POST", f"/api/sessions/{first['id']}/sets",
                    json={"key": str(uuid.uuid4()), "step_key": step["key"], "reps": reps})
    visitor.api("POST", f"/api/sessions/{first['id']}/finish", json={})

    then = visitor.api("POST", "/api/sessions", json={"routine": "runner-glute"}).json()
    where = f"{left['section']}:{left['exercise']}"
    aim = then["targets"][left["name"]]
    assert aim["prefill"] and aim["reps"] is not None
    # "Today: ... reps" is for the exercise: both legs start there, whatever each did.
    amounts = then["start_amounts"]
    assert amounts[f"{where}:left"]["reps"] == amounts[f"{where}:right"]["reps"] == aim["reps"]
    # Once a leg has done a set today, its next set starts from that, the other leg's not.
    visitor.api("POST", f"/api/sessions/{then['id']}/sets",
                json={"key": str(uuid.uuid4()), "step_key": left["key"], "reps": 9})
    again = visitor.api("GET", f"/api/sessions/{then['id']}").json()["start_amounts"]
    assert again[f"{where}:left"]["reps"] == 9 and again[f"{where}:right"]["reps"] == aim["reps"]


def test_a_new_user_gets_start_targets_that_do_not_prefill(visitor: Visitor) -> None:
    visitor.register("newbie")
    session = visitor.api("POST", "/api/sessions", json={"routine": "runner-glute"}).json()
    first = session["targets"]["Squat to overhead reach"]
    assert first["action"] == "start" and first["prefill"] is False
    assert first["text"] == ("Today: 1 x 10 reps — No sets logged yet: start at the bottom of "
                             "the prescription.")
