"""Without some equipment the web app shows and plays the library's variations, and a
session keeps the equipment she started with."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from tests.web.conftest import Visitor, work_steps
from tests.web.test_downloads import CARD, FIT, decode_fit


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


# no bands: the setup, the page, the plan, the session and the files -----------------------

BAND_SETUP = "around your ankles"
NO_BAND_SETUP = ("Nothing to set up: you have no band, and the exercises below are done "
                 "another way.")


def test_the_routine_page_without_bands_has_no_band_setup_and_marks_the_variations(
        ana: Visitor) -> None:
    assert BAND_SETUP in ana.client.get("/routines/runner-glute").text
    lack(ana, "band")
    page = ana.client.get("/routines/runner-glute").text
    assert BAND_SETUP not in page
    flat = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert f"Setup substituted {NO_BAND_SETUP}" in flat
    assert '<p class="setup substituted"' in page
    assert '<h3>Monster walk, no band <span class="badge">substituted</span></h3>' in page
    assert "loop resistance bands, a looser one and a tighter (heavier) one (you have none)" \
        in flat
    assert "both with the variations for the equipment you don't have" in flat


def test_the_plan_and_the_session_without_bands_carry_the_changed_setup(ana: Visitor) -> None:
    lack(ana, "band")
    routine = ana.api("GET", "/api/routines/runner-glute").json()
    assert routine["setups"] == [{"section": 1, "instead": NO_BAND_SETUP, "without": ["band"]}]
    [setup] = [s for s in routine["plan"]["steps"] if s["kind"] == "setup"]
    assert setup["variation"] == NO_BAND_SETUP
    assert BAND_SETUP in setup["text"]  # the routine as written, beside what she does
    assert {s["variation"] for s in steps_of(routine, "Monster walk")} == {
        "Monster walk, no band"}
    session = ana.start()
    assert session["setups"] == routine["setups"]
    lack(ana)  # bands found: the session keeps what it started with
    assert ana.api("GET", "/api/routines/runner-glute").json()["setups"] == []
    shape = ana.api("GET", f"/api/sessions/{session['id']}").json()
    assert shape["setups"] == routine["setups"]


def test_the_files_without_bands_are_done_with_her_equipment(ana: Visitor) -> None:
    lack(ana, "band")
    fit = decode_fit(ana.client.get(FIT).content)
    names = [s.get("wkt_step_name") for s in fit["workout_step_mesgs"]]
    assert "Monster walk, no band" in names and "Monster walk" not in names
    notes = " ".join(s.get("notes", "") for s in fit["workout_step_mesgs"])
    assert BAND_SETUP not in notes and NO_BAND_SETUP in notes
    reader = PdfReader(io.BytesIO(ana.client.get(CARD).content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Monster walk, no band" in text
    assert "substituted for Monster walk (no band)" in text
    assert BAND_SETUP not in text
    lack(ana)
    assert "Monster walk, no band" not in [
        s.get("wkt_step_name")
        for s in decode_fit(ana.client.get(FIT).content)["workout_step_mesgs"]]
