"""`strongstride export` through the console script, read back by the owners' libraries."""

from __future__ import annotations

from pathlib import Path

from garmin_fit_sdk import Decoder, Stream  # type: ignore[import-untyped]
from pypdf import PdfReader

from tests.conftest import Run


def test_export_fit_and_pdf(run: Run, tmp_path: Path) -> None:
    fit, pdf = tmp_path / "glute.fit", tmp_path / "glute.pdf"
    result = run("export", "--fit", str(fit), "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    assert Decoder(Stream.from_file(str(fit))).check_integrity()
    messages, errors = Decoder(Stream.from_file(str(fit))).read()
    assert errors == []
    assert messages["workout_mesgs"][0]["wkt_name"] == "Butt and Leg Workout for Runners"
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Eccentric heel raise" in text and "Lauren Wentz" in text


def test_export_needs_a_format(run: Run) -> None:
    result = run("export")
    assert result.returncode == 2
    assert "--fit FILE, --pdf FILE, --json FILE or --csv FILE" in result.stderr


def test_export_to_a_folder_that_does_not_exist_is_a_clear_error(run: Run,
                                                                  tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.fit"
    result = run("export", "--fit", str(target))
    assert result.returncode == 1
    assert "cannot write it" in result.stderr and "Traceback" not in result.stderr
    assert not target.parent.exists()


WEEK = ("long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri; strength: 18:00; "
        "tz: Europe/Paris\n")


def test_plan_places_sessions_and_writes_a_calendar(run: Run, tmp_path: Path) -> None:
    import json

    import icalendar  # type: ignore[import-untyped]
    import recurring_ical_events  # type: ignore[import-untyped]

    week = tmp_path / "week.txt"
    week.write_text(WEEK)
    ics = tmp_path / "plan.ics"
    result = run("plan", str(week), "--start", "2027-03-01", "--weeks", "4", "--json",
                 "--ical", str(ics))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["date"] for s in data["sessions"]][:2] == ["2027-03-02", "2027-03-04"]
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = recurring_ical_events.of(calendar).between((2027, 3, 1), (2027, 4, 1))
    assert len(events) == 8
    assert {e["DTSTART"].dt.hour for e in events} == {18}  # across the DST change of 28 March
    assert all(e.walk("VALARM") for e in events)
    again = tmp_path / "again.ics"
    run("plan", str(week), "--start", "2027-03-01", "--weeks", "4", "--ical", str(again))
    assert again.read_bytes() == ics.read_bytes()


def test_a_bad_running_week_points_at_the_column(run: Run) -> None:
    result = run("plan", "-", stdin="long: sun; quality: tue, fry\n")
    assert result.returncode == 1
    assert "<stdin>:1:26: error: 'fry' is not a day: did you mean 'fri'?" in result.stderr


def test_plan_without_a_week_and_none_saved_says_how_to_give_one(run: Run,
                                                                 tmp_path: Path) -> None:
    result = run("--db", f"sqlite:///{tmp_path / 'a.db'}", "plan")
    assert result.returncode == 2
    assert ("no running week is saved, so give one: strongstride plan WEEK, where WEEK is a "
            "file (or - to type it)") in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    refused = run("--db", f"sqlite:///{tmp_path / 'a.db'}", "plan", "--save")
    assert refused.returncode == 2 and "--save keeps a WEEK you give" in refused.stderr


def test_plan_without_a_week_uses_the_saved_one_and_its_settings(run: Run,
                                                                 tmp_path: Path) -> None:
    import json

    db = f"sqlite:///{tmp_path / 'a.db'}"
    given = ("--start", "2027-03-01", "--weeks", "6", "--sessions", "3", "--race-date",
             "2027-04-11", "--race-distance", "10k", "--alarm", "15")
    saved = run("--db", db, "plan", "-", *given, "--save", "--json", "--ical",
                str(tmp_path / "first.ics"), stdin=WEEK)
    assert saved.returncode == 0, saved.stderr
    assert "Saved as your running week" in saved.stderr
    again = run("--db", db, "plan", "--json", "--ical", str(tmp_path / "again.ics"))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == json.loads(saved.stdout)
    assert any("10k" in note for note in json.loads(again.stdout)["notes"])
    half = json.loads(run("--db", db, "plan", "--race-distance", "half", "--json").stdout)
    assert any("half" in note for note in half["notes"])
    assert not any("10k" in note for note in half["notes"])
    assert (tmp_path / "again.ics").read_bytes() == (tmp_path / "first.ics").read_bytes()
    shorter = json.loads(run("--db", db, "plan", "--weeks", "2", "--json").stdout)
    assert {s["week"] for s in shorter["sessions"]} == {1, 2}
    assert shorter["sessions"] == json.loads(saved.stdout)["sessions"][:len(shorter["sessions"])]
    text = run("--db", db, "plan")
    assert text.returncode == 0 and text.stdout.startswith("Tue 02 Mar 2027 18:00")


def test_the_running_week_comes_back_with_the_backup(run: Run, tmp_path: Path) -> None:
    db, other = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    saved = run("--db", db, "plan", "-", "--start", "2027-03-01", "--save", stdin=WEEK)
    assert saved.returncode == 0, saved.stderr
    assert run("--db", db, "checkin", "--pain", "2", "--date", "2027-03-03").returncode == 0
    assert run("--db", db, "injured", "left").returncode == 0
    backup = tmp_path / "backup.json"
    assert run("--db", db, "export", "--json", str(backup)).returncode == 0
    restored = run("--db", other, "import-data", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "1 check-ins added; 0 were there already." in restored.stdout
    assert "Restored: injured side, running week." in restored.stdout
    assert run("--db", other, "plan").stdout == run("--db", db, "plan").stdout
    second = tmp_path / "second.json"
    assert run("--db", other, "export", "--json", str(second)).returncode == 0
    assert second.read_bytes() == backup.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(backup.read_text().replace('"pain": 2', '"pain": 12'))
    refused = run("--db", other, "import-data", str(bad))
    assert refused.returncode == 1
    assert ("checkins[0]: Value error, pain must be a whole number from 0 to 10, not 12"
            in refused.stderr)


def test_history_from_strong_then_backup_and_restore(run: Run, tmp_path: Path) -> None:
    from tests.conftest import ROOT

    db = f"sqlite:///{tmp_path / 'a.db'}"
    strong = ROOT / "tests" / "exchange" / "data" / "strong_current.csv"
    first = run("--db", db, "import-history", "--strong", str(strong), "--unit", "kg")
    assert first.returncode == 0, first.stderr
    again = run("--db", db, "import-history", "--strong", str(strong), "--unit", "kg")
    assert again.returncode == 0
    backup = tmp_path / "backup.json"
    assert run("--db", db, "export", "--json", str(backup)).returncode == 0
    other = f"sqlite:///{tmp_path / 'b.db'}"
    restored = run("--db", other, "import-data", str(backup))
    assert restored.returncode == 0, restored.stderr
    second = tmp_path / "second.json"
    run("--db", other, "export", "--json", str(second))
    assert second.read_bytes() == backup.read_bytes()


def test_import_history_needs_the_app_and_refuses_the_wrong_one(run: Run, tmp_path: Path) -> None:
    from tests.conftest import ROOT

    db = f"sqlite:///{tmp_path / 'a.db'}"
    hevy = ROOT / "tests" / "exchange" / "data" / "hevy_kg.csv"
    assert run("--db", db, "import-history", str(hevy)).returncode == 2
    wrong = run("--db", db, "import-history", "--strong", str(hevy))
    assert wrong.returncode == 1
    assert "--hevy" in wrong.stderr and "Traceback" not in wrong.stderr
    history = run("--db", db, "history", "--json")
    assert history.stdout.strip() == "[]"
