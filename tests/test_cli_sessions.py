"""start / history / session / log through the console script, and bad databases."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def events(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_autoplay_stores_every_set_and_history_lists_the_session(run: Run, db: str) -> None:
    played = run("--db", db, "start", "--autoplay")
    assert played.returncode == 0, played.stderr
    evs = events(played.stdout)
    assert evs[0]["event"] == "resume" and evs[0]["step"] == "s1.e1.set1.work"
    acks = [e for e in evs if e["event"] == "ack"]
    assert len(acks) == 81  # every set of the seed, the optional third goblet squat set too
    assert evs[-1] == {"event": "finished"}
    history = json.loads(run("--db", db, "history", "--json").stdout)
    assert len(history) == 1
    assert history[0]["status"] == "finished"
    assert (history[0]["sets_done"], history[0]["planned_sets"]) == (81, 80)
    detail = json.loads(run("--db", db, "session", history[0]["id"][:8], "--json").stdout)
    assert len(detail["sets"]) == 81
    pigeon = [s for s in detail["sets"] if s["exercise"] == "Half Pigeon pose"]
    assert [s["side"] for s in pigeon] == ["left", "right"] * 3
    assert all(s["seconds"] == 30 for s in pigeon)
    text = run("--db", db, "session", history[0]["id"][:8])
    assert "Half Pigeon pose" in text.stdout and "30 s" in text.stdout


def test_log_a_past_session_from_answers(run: Run, db: str) -> None:
    answers = "\n".join(["12", "", "-", "abc", "9"] + [""] * 200) + "\n"
    result = run("--db", db, "log", "--date", "2026-11-20 18:30", "--json", stdin=answers)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    sets = data["sets"]
    assert [(s["exercise"], s["reps"], s["skipped"]) for s in sets[:4]] == [
        ("Squat to overhead reach", 12, False), ("Good morning", 10, False),
        ("Lunge with knee to chest", None, True), ("Standing clamshell", 9, False)]
    assert "cannot read 'abc'" in result.stderr
    assert data["started_at"].startswith("2026-11-20")
    assert data["status"] == "finished"


def test_log_reps_by_load(run: Run, db: str) -> None:
    result = run("--db", db, "log", "--date", "2026-11-21", "--json",
                 stdin="\n".join(["10x12.5"] + [""] * 200) + "\n")
    first = json.loads(result.stdout)["sets"][0]
    assert (first["reps"], first["load"], first["unit"]) == (10, 12.5, "kg")


def test_history_is_empty_at_first(run: Run, db: str) -> None:
    result = run("--db", db, "history")
    assert result.returncode == 0
    assert "No sessions yet" in result.stdout


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_history_limit_below_1_is_a_usage_error(run: Run, db: str, limit: str) -> None:
    run("--db", db, "start", "--autoplay")
    for extra in ((), ("--json",)):
        result = run("--db", db, "history", "--limit", limit, *extra)
        assert result.returncode == 2
        assert "Invalid value for '--limit'" in result.stderr
        assert f"{limit} is not in the range x>=1" in result.stderr
        assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(json.loads(run("--db", db, "history", "--limit", "1", "--json").stdout)) == 1


def test_an_unknown_session_is_a_clear_error(run: Run, db: str) -> None:
    result = run("--db", db, "session", "abcdef")
    assert result.returncode == 1
    assert "no session with id 'abcdef'" in result.stderr


def test_a_file_that_is_not_sqlite_is_named_and_left_alone(run: Run, tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are my running notes, not a database\n" * 100)
    before = junk.read_bytes()
    result = run("--db", f"sqlite:///{junk}", "history")
    assert result.returncode == 1
    assert str(junk) in result.stderr
    assert "Traceback" not in result.stderr
    assert junk.read_bytes() == before


def test_an_unreachable_postgresql_is_named_without_its_password(run: Run) -> None:
    url = "postgresql+psycopg://runner:secret@127.0.0.1:1/strong"
    result = run("--db", url, "history")
    assert result.returncode == 1
    assert "127.0.0.1:1" in result.stderr
    assert "secret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_the_database_comes_from_the_environment(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    os.environ["STRONGSTRIDE_DB"] = f"sqlite:///{path}"
    try:
        assert run("history").returncode == 0
    finally:
        del os.environ["STRONGSTRIDE_DB"]
    assert path.exists()


def test_a_note_in_brackets_prints_as_written(run: Run, db: str) -> None:
    from strongstride.app import Strongstride
    from strongstride.player.machine import Actuals

    app = Strongstride.open(db)
    user = app.user()
    routine = app.builtin_routine("runner-glute")
    info, _ = app.start_session(user, routine)
    step = app.plan_of(info).steps[0]
    app.log_set(user, info.id, step.key, Actuals(reps=10, note="[/] :smile: [red]"))
    app.close()
    result = run("--db", db, "session", info.id[:8])
    assert result.returncode == 0, result.stderr
    assert "[/]" in result.stdout and ":smile:" in result.stdout and "[red]" in result.stdout


def _answers(by_step: dict[str, str]) -> str:
    """What `log` reads: an answer for each work step (Enter keeps the target)."""
    from strongstride import routines

    plan = routines.plan(routines.load_routine("runner-glute").routine)
    return "\n".join(by_step.get(s.key, "") for s in plan.steps if s.kind == "work") + "\n"


def _split(left: int, right: int) -> dict[str, str]:
    return {f"s3.e2.set{n}.{side}.work": str(reps)
            for n in (1, 2) for side, reps in (("left", left), ("right", right))}


def test_the_session_command_is_headed_by_its_summary(run: Run, db: str) -> None:
    first = run("--db", db, "log", "--date", "2026-11-16 18:30", "--json",
                stdin=_answers(_split(7, 9)))
    assert first.returncode == 0, first.stderr
    second = run("--db", db, "log", "--date", "2026-11-19 18:30", "--json",
                 stdin=_answers({**_split(8, 10), "s1.e3.set1.work": "-"}))
    sid = json.loads(second.stdout)["id"]
    shown = run("--db", db, "session", sid[:8])
    assert shown.returncode == 0, shown.stderr
    lines = [line.strip() for line in shown.stdout.splitlines()]
    head = lines[:lines.index("Tomorrow morning") + 2]
    assert head[0] == "Butt and Leg Workout for Runners"
    assert "79 of 80 sets done, 2 skipped" in head  # and the optional goblet squat set
    assert any(line.startswith("Time taken: ") for line in head)
    assert ("Banded split squat: left 8, 8 reps; right 10, 10 reps" in head)
    assert "Left 8, right 10 reps a set: 20% fewer reps on the left." in head
    assert "Banded split squat: Most reps on the left: 8 (best before: 7)." in head
    assert "Banded split squat: Most reps on the right: 10 (best before: 9)." in head
    assert "No pain noted." in head
    assert "Next time" in head
    assert head[-1].startswith("Check in tomorrow morning (Friday 20 November)")
    # then every set, as before
    assert "Half Pigeon pose" in "\n".join(lines[len(head):])


TIMED = """\
# Track and mobility
## main, AMRAP 3 min: Burner
Run: 200 m
Squat: 10 reps
## cool-down
Child's pose
"""


def test_autoplay_lets_a_block_done_for_a_time_run_out(run: Run, db: str, tmp_path: Path
                                                        ) -> None:
    path = tmp_path / "timed.routine"
    path.write_text(TIMED)
    played = run("--db", db, "start", str(path), "--autoplay")
    assert played.returncode == 0, played.stderr
    acks = [e["step"] for e in events(played.stdout) if e["event"] == "ack"]
    # Each set takes its estimate (the run 77 s, the squats 35 s): one round fits in 3 min,
    # the second run does not; then the stretch.
    assert acks == ["s1.e1.r1.set1.work", "s1.e2.r1.set1.work", "s2.e1.set1.work"]


def test_log_answers_done_for_a_set_with_nothing_to_count(run: Run, db: str, tmp_path: Path
                                                          ) -> None:
    path = tmp_path / "timed.routine"
    path.write_text(TIMED)
    answers = "\n".join(["done", "12", "-"] + [""] * 200) + "\n"
    result = run("--db", db, "log", str(path), "--date", "2026-11-21", "--json", stdin=answers)
    assert result.returncode == 0, result.stderr
    sets = json.loads(result.stdout)["sets"]
    assert [(s["exercise"], s["reps"], s["seconds"], s["skipped"]) for s in sets[:4]] == [
        ("Run", None, None, False), ("Squat", 12, None, False), ("Run", None, None, True),
        ("Squat", 10, None, False)]
    stretch = sets[-1]
    assert (stretch["exercise"], stretch["reps"], stretch["skipped"]) == (
        "Child's pose", None, False)  # Enter: 'done', the default
