"""checkin and injured through the console script: stored, listed, refused with a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_a_check_in_is_saved_replaced_and_listed(run: Run, db: str) -> None:
    saved = run("--db", db, "checkin", "--pain", "2", "--stiffness", "3", "--note",
                "stiff calves", "--date", "2026-04-08")
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout == ("Saved: 2026-04-08 overall: pain 2/10, stiffness 3/10 "
                            "(stiff calves)\n")
    about = run("--db", db, "checkin", "--pain", "5", "--exercise", "single leg deadlift",
                "--side", "left", "--date", "2026-04-08", "--json")
    assert json.loads(about.stdout) == {"day": "2026-04-08", "exercise": "Single-leg deadlift",
                                        "side": "left", "pain": 5, "stiffness": None,
                                        "note": ""}
    run("--db", db, "checkin", "--pain", "1", "--stiffness", "3", "--date", "2026-04-08")
    listed = run("--db", db, "checkin", "--list")
    assert listed.stdout.splitlines() == [
        "2026-04-08 overall: pain 1/10, stiffness 3/10",
        "2026-04-08 Single-leg deadlift, left side: pain 5/10"]
    assert len(json.loads(run("--db", db, "checkin", "--list", "--json").stdout)) == 2


@pytest.mark.parametrize(("args", "message"), [
    (("--pain", "11"), "error: pain must be a whole number from 0 to 10, not 11"),
    (("--pain", "2", "--stiffness", "-1", "--note", "a\x01b"),
     "error: stiffness must be a whole number from 0 to 10, not -1; note holds a control "
     "character"),
    ((), "give --pain 0-10"),
    (("--pain", "2", "--side", "left"), "error: a side goes with an exercise"),
    (("--pain", "2", "--exercise", "moonwalk"), "error: no exercise called 'moonwalk' in your "
                                                "routines or the library"),
    (("--pain", "2", "--exercise", "Monster walk", "--stiffness", "2"),
     "error: morning stiffness is for how you feel overall"),
    (("--pain", "2", "--date", "8 April"), "Invalid value for '--date'"),
])
def test_a_wrong_check_in_gets_a_message_not_a_traceback(run: Run, db: str,
                                                         args: tuple[str, ...],
                                                         message: str) -> None:
    result = run("--db", db, "checkin", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert run("--db", db, "checkin", "--list").stdout.startswith("No check-ins yet")


def test_the_injured_side_is_marked_shown_cleared_and_read_by_the_report(run: Run,
                                                                          db: str) -> None:
    assert run("--db", db, "injured").stdout.startswith("No injured side marked")
    assert run("--db", db, "injured", "left").stdout == "Injured side: left\n"
    assert run("--db", db, "injured").stdout == "Injured side: left\n"
    report = json.loads(run("--db", db, "report", "--json").stdout)
    assert report["involved_side"] == "left"
    assert run("--db", db, "injured", "none").stdout.startswith("No injured side marked")
    wrong = run("--db", db, "injured", "both")
    assert wrong.returncode == 2 and "'both' is not one of" in wrong.stderr
