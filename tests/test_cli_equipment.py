"""`show --without`, the saved equipment profile, and sets logged as the variation done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def config(tmp_path: Path) -> dict[str, str]:
    # wide enough that no table cell wraps
    return {"STRONGSTRIDE_CONFIG": str(tmp_path / "config"), "COLUMNS": "220"}


def test_show_without_puts_the_variations_in_place(run: Run, config: dict[str, str]) -> None:
    out = run("show", "--without", "ball", env=config)
    assert out.returncode == 0, out.stderr
    assert "Bridge walk-out" in out.stdout
    assert "substituted for Exercise-ball hamstring curl (no exercise ball)" in out.stdout
    assert "Supported single-leg wall squat" in out.stdout
    assert "2 exercises substituted" in out.stdout
    plain = run("show", env=config)
    assert "Bridge walk-out" not in plain.stdout and "substituted" not in plain.stdout


def test_show_json_lists_the_substitutions(run: Run, config: dict[str, str]) -> None:
    data = json.loads(run("show", "--json", "--without", "dumbbells", env=config).stdout)
    assert data["without"] == ["weights"]
    assert [(s["exercise"], s["variation"]) for s in data["substitutions"]] == [
        ("Single-leg deadlift", "Bodyweight single-leg deadlift"),
        ("Goblet squat", "Backpack or bodyweight squat")]
    assert data["substitutions"][0]["without"] == ["weights"]
    assert data["substitutions"][0]["how"].startswith("Use body weight")
    names = [e["name"] for s in data["sections"] for e in s["exercises"]]
    assert "Single-leg deadlift" in names  # the sections stay the routine as written
    bare = json.loads(run("show", "--json", env=config).stdout)
    assert bare["without"] == [] and bare["substitutions"] == []


def test_show_how_starts_with_the_variation(run: Run, config: dict[str, str]) -> None:
    out = run("show", "--how", "--without", "sliders", env=config)
    assert "Today's variation" in out.stdout
    assert "Reverse lunge (in place of Slider reverse lunge, for want of sliders)" in out.stdout


def test_an_unknown_piece_of_equipment_is_a_clear_error(run: Run,
                                                         config: dict[str, str]) -> None:
    out = run("show", "--without", "trampoline", env=config)
    assert out.returncode == 1
    assert out.stderr.startswith("error: unknown equipment 'trampoline'; use one of: band")
    assert "Traceback" not in out.stderr


def test_the_saved_profile_is_used_until_changed(run: Run, config: dict[str, str],
                                                 tmp_path: Path) -> None:
    # show once first, so that a saved answer exists that the profile must make stale
    assert "Bridge walk-out" not in run("show", env=config).stdout
    saved = run("equipment", "--without", "ball,dumbbells", env=config)
    assert saved.returncode == 0, saved.stderr
    assert "without  Exercise (stability) ball (exercise-ball)" in saved.stdout
    assert "have     Loop resistance bands (band)" in saved.stdout
    profile = tmp_path / "config" / "equipment.toml"
    assert 'without = ["exercise-ball", "weights"]' in profile.read_text()
    listed = json.loads(run("equipment", "--json", env=config).stdout)
    assert listed["without"] == ["exercise-ball", "weights"]
    assert "band" in listed["have"]
    assert "Bridge walk-out" in run("show", env=config).stdout
    assert "Bridge walk-out" not in run("show", "--without", "none", env=config).stdout
    assert "Reverse lunge" in run("show", "--without", "sliders", env=config).stdout
    run("equipment", "--have-all", env=config)
    assert json.loads(run("equipment", "--json", env=config).stdout)["without"] == []
    assert "Bridge walk-out" not in run("show", env=config).stdout


def test_a_broken_profile_names_its_file_and_line(run: Run, config: dict[str, str],
                                                  tmp_path: Path) -> None:
    profile = tmp_path / "config" / "equipment.toml"
    profile.parent.mkdir()
    profile.write_text('# mine\nwithout = ["ball"]\n')
    out = run("show", env=config)
    assert out.returncode == 1
    assert f"{profile}:2:1: error: unknown equipment 'ball'; use ids from: band" in out.stderr
    profile.write_text("without = [oops\n")
    out = run("equipment", env=config)
    assert out.returncode == 1 and str(profile) in out.stderr
    assert "strongstride equipment --without" in out.stderr


def test_sets_record_the_variation_done(run: Run, config: dict[str, str],
                                                             tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    played = run("--db", db, "start", "--autoplay", "--without", "ball", env=config)
    assert played.returncode == 0, played.stderr
    acks = [json.loads(line) for line in played.stdout.splitlines()]
    varied = {a["step"].split(".set")[0]: a.get("variation") for a in acks if a["event"] == "ack"}
    assert "Bridge walk-out" in varied.values()
    history = json.loads(run("--db", db, "history", "--json").stdout)
    assert history[0]["without"] == ["exercise-ball"]
    detail = json.loads(run("--db", db, "session", history[0]["id"][:8], "--json").stdout)
    by_name: dict[str, set[object]] = {}
    for s in detail["sets"]:
        by_name.setdefault(s["exercise"], set()).add(s["variation"])
    assert by_name["Exercise-ball hamstring curl"] == {"Bridge walk-out"}
    assert by_name["Single-leg exercise-ball squat"] == {"Supported single-leg wall squat"}
    assert by_name["Goblet squat"] == {None}
