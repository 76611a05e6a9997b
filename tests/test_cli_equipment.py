"""`show --without`, the saved equipment profile (in the database, per user, moved there from
the old profile file), and sets logged as the variation done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def config(tmp_path: Path) -> dict[str, str]:
    # its own folders, and wide enough that no table cell wraps
    return {"STRONGSTRIDE_CONFIG": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"), "COLUMNS": "220"}


def default_db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "strongstride" / "strongstride.db"


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
    assert "Bridge walk-out" not in run("show", env=config).stdout
    assert not default_db(tmp_path).exists()  # showing a routine makes no database
    saved = run("equipment", "--without", "ball,dumbbells", env=config)
    assert saved.returncode == 0, saved.stderr
    assert "without  Exercise (stability) ball (exercise-ball)" in saved.stdout
    assert "have     Loop resistance bands (band)" in saved.stdout
    assert f"Saved in {default_db(tmp_path)}." in saved.stdout
    assert not (tmp_path / "config" / "equipment.toml").exists()
    listed = json.loads(run("equipment", "--json", env=config).stdout)
    assert listed["without"] == ["exercise-ball", "weights"]
    assert "band" in listed["have"]
    assert "Bridge walk-out" in run("show", env=config).stdout
    assert "Bridge walk-out" not in run("show", "--without", "none", env=config).stdout
    assert "Reverse lunge" in run("show", "--without", "sliders", env=config).stdout
    run("equipment", "--have-all", env=config)
    assert json.loads(run("equipment", "--json", env=config).stdout)["without"] == []
    assert "Bridge walk-out" not in run("show", env=config).stdout


def test_the_profile_is_the_users_in_the_database_and_in_her_backup(
        run: Run, config: dict[str, str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'mine.db'}"
    assert run("--db", db, "equipment", "--without", "bands", env=config).returncode == 0
    from strongstride.app import Strongstride

    with Strongstride.open(db) as app:
        assert app.account(app.user()).missing_equipment == ("band",)
        assert app.account(app.user("someone else")).missing_equipment == ()
    backup = tmp_path / "backup.json"
    assert run("--db", db, "export", "--json", str(backup), env=config).returncode == 0
    profile = json.loads(backup.read_text())["profile"]
    assert profile["without"] == ["band"]
    # the backup brings it back into an empty database
    other = f"sqlite:///{tmp_path / 'other.db'}"
    restored = run("--db", other, "import-data", str(backup), env=config)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(run("--db", other, "equipment", "--json", env=config).stdout)[
        "without"] == ["band"]
    # another database, another profile
    assert json.loads(run("equipment", "--json", env=config).stdout)["without"] == []


def test_the_old_profile_file_is_moved_into_the_database_once(
        run: Run, config: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "config" / "equipment.toml"
    profile.parent.mkdir()
    profile.write_text('# mine\nwithout = ["exercise-ball", "band"]\n')
    shown = run("show", env=config)
    assert shown.returncode == 0, shown.stderr
    assert "Bridge walk-out" in shown.stdout and "Monster walk, no band" in shown.stdout
    assert f"{profile} was moved there" in shown.stderr
    assert str(default_db(tmp_path)) in shown.stderr
    assert not profile.exists()
    assert (tmp_path / "config" / "equipment.toml.moved-to-database").read_text() == \
        '# mine\nwithout = ["exercise-ball", "band"]\n'
    again = run("show", env=config)
    assert again.stderr == "" and "Bridge walk-out" in again.stdout
    listed = json.loads(run("equipment", "--json", env=config).stdout)
    assert listed["without"] == ["band", "exercise-ball"]


def test_a_broken_profile_file_names_its_file_and_line_and_is_not_moved(
        run: Run, config: dict[str, str], tmp_path: Path) -> None:
    profile = tmp_path / "config" / "equipment.toml"
    profile.parent.mkdir()
    profile.write_text('# mine\nwithout = ["ball"]\n')
    out = run("show", env=config)
    assert out.returncode == 1
    assert f"{profile}:2:1: error: unknown equipment 'ball'; use ids from: band" in out.stderr
    assert profile.exists()
    profile.write_text("without = [oops\n")
    out = run("equipment", env=config)
    assert out.returncode == 1 and str(profile) in out.stderr
    assert "Traceback" not in out.stderr
    assert profile.exists()
    assert json.loads(run("--db", f"sqlite:///{tmp_path / 'x.db'}", "show", "--json",
                          "--without", "none", env=config).stdout)["without"] == []


def test_show_without_bands_leaves_out_the_band_setup(run: Run,
                                                      config: dict[str, str]) -> None:
    out = run("show", "--without", "bands", env=config)
    assert out.returncode == 0, out.stderr
    assert "around your ankles" not in out.stdout
    assert "Setup, substituted: Nothing to set up: you have no band" in " ".join(
        out.stdout.replace("│", " ").split())
    assert "Monster walk, no band" in out.stdout
    assert "loop resistance bands, a looser one and a tighter (heavier) one (you have " \
           "none)" in out.stdout
    data = json.loads(run("show", "--json", "--without", "bands", env=config).stdout)
    assert data["setups"] == [{
        "section": 1, "without": ["band"],
        "instead": "Nothing to set up: you have no band, and the exercises below are done "
                   "another way."}]
    assert "around your ankles" in run("show", env=config).stdout


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


def test_show_how_without_bands_leaves_the_band_out_of_the_steps(
        run: Run, config: dict[str, str]) -> None:
    out = run("show", "--how", "--without", "bands", env=config).stdout
    clamshell = out.split("Today's variation", 1)[1].split("One exercise at a time")[0]
    assert "Standing clamshell, no band (in place of Standing clamshell" in clamshell
    assert "Put the looser band around your ankles" not in out
    assert "Stand with your feet a little wider than your hips." in clamshell


def test_export_writes_the_card_and_the_watch_file_with_her_equipment(
        run: Run, config: dict[str, str], tmp_path: Path) -> None:
    from garmin_fit_sdk import Decoder, Stream
    from pypdf import PdfReader

    assert run("equipment", "--without", "bands", env=config).returncode == 0
    fit, pdf = tmp_path / "glute.fit", tmp_path / "glute.pdf"
    out = run("export", "--fit", str(fit), "--pdf", str(pdf), env=config)
    assert out.returncode == 0, out.stderr
    assert "8 exercises done another way for the equipment you don't have" in out.stdout
    messages, errors = Decoder(Stream.from_byte_array(bytearray(fit.read_bytes()))).read()
    assert errors == []
    names = [s.get("wkt_step_name") for s in messages["workout_step_mesgs"]]
    assert "Glute star, no band" in names and "Glute star" not in names
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Glute star, no band substituted for Glute star (no band)" in text
    assert "around your ankles" not in text
    plain = run("export", "--pdf", str(pdf), "--without", "none", env=config)
    assert plain.returncode == 0 and "done another way" not in plain.stdout
    assert "around your ankles" in " ".join(
        " ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
