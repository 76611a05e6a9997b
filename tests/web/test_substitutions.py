"""Without some equipment the web app shows and plays the library's variations, and a
session keeps the equipment she started with."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import Visitor, work_steps


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


def lack(visitor: Visitor, *missing: str) -> None:
    have = [key for key in ("band", "exercise-ball", "weights", "sliders", "step", "small-ball")
            if key not in missing]
    saved = visitor.post_form("/equipment", {"have": have})
    assert saved.status_code == 200 and saved.url.path == "/equipment"


def steps_of(routine: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [s for s in work_steps(routine) if s["name"] == name]


def test_the_api_routine_has_the_variations_of_her_profile(ana: Visitor) -> None:
    lack(ana, "exercise-ball")
    routine = ana.api("GET", "/api/routines/runner-glute").json()
    assert routine["without"] == ["exercise-ball"]
    assert [(s["exercise"], s["variation"]) for s in routine["substitutions"]] == [
        ("Exercise-ball hamstring curl", "Bridge walk-out"),
        ("Single-leg exercise-ball squat", "Supported single-leg wall squat")]
    curl = steps_of(routine, "Exercise-ball hamstring curl")
    assert curl and all(s["variation"] == "Bridge walk-out" for s in curl)
    assert all(s["variation"] is None for s in steps_of(routine, "Goblet squat"))
    lack(ana)
    plain = ana.api("GET", "/api/routines/runner-glute").json()
    assert plain["without"] == [] and plain["substitutions"] == []
    assert all(s["variation"] is None for s in work_steps(plain))


def test_a_session_logs_the_variation_and_keeps_it_when_the_profile_changes(
        ana: Visitor) -> None:
    lack(ana, "exercise-ball", "weights")
    routine = ana.api("GET", "/api/routines/runner-glute").json()
    session = ana.start()
    assert session["without"] == ["exercise-ball", "weights"]
    assert {s["variation"] for s in session["substitutions"]} == {
        "Bridge walk-out", "Supported single-leg wall squat",
        "Bodyweight single-leg deadlift", "Backpack or bodyweight squat"}
    curl = steps_of(routine, "Exercise-ball hamstring curl")
    logged = ana.log(session["id"], curl[0]["key"], reps=12)
    assert logged.status_code == 201, logged.text
    assert logged.json()["set"]["variation"] == "Bridge walk-out"
    lunge = steps_of(routine, "Lateral lunge")[0]
    assert ana.log(session["id"], lunge["key"], reps=12).json()["set"]["variation"] is None
    # what she says she did wins over the plan
    told = ana.log(session["id"], curl[1]["key"], reps=10, variation="towel walk-out")
    assert told.json()["set"]["variation"] == "towel walk-out"
    # she finds a ball: new routines show the curl, but this session keeps its walk-outs
    lack(ana)
    assert all(s["variation"] is None
               for s in ana.api("GET", "/api/routines/runner-glute").json()["plan"]["steps"])
    again = ana.log(session["id"], curl[2]["key"], reps=12)
    assert again.json()["set"]["variation"] == "Bridge walk-out"
    shape = ana.api("GET", f"/api/sessions/{session['id']}").json()
    assert shape["without"] == ["exercise-ball", "weights"]
    assert len(shape["substitutions"]) == 4
    assert [s["variation"] for s in shape["sets"]] == [
        "Bridge walk-out", None, "towel walk-out", "Bridge walk-out"]


def test_the_history_lists_what_she_was_without(ana: Visitor) -> None:
    lack(ana, "sliders")
    session = ana.start()
    history = ana.api("GET", "/api/history").json()
    assert [(h["id"], h["without"]) for h in history] == [(session["id"], ["sliders"])]
