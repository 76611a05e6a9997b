"""The CLI through its real entry point (the installed console script)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run


def test_show_prints_the_whole_seed_routine(run: Run) -> None:
    result = run("show")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Butt and Leg Workout for Runners" in out
    assert "Lauren Wentz, PT, CSCS, RRCA-certified running coach" in out
    for name in ("Squat to overhead reach", "Glute star", "Goblet squat",
                 "Eccentric heel raise", "Half-kneeling hip flexor stretch"):
        assert name in out
    assert "2-3 sets of 12-15 reps" in out
    assert "3 holds of 30 seconds on each leg" in out
    assert "Estimated time:" in out and " min" in out
    assert "sliders" in out


def test_show_json_has_the_import_shape_plus_the_routine_fields(run: Run) -> None:
    result = run("show", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert set(data) == {"id", "title", "sections", "credit", "equipment", "directions",
                         "notes", "estimated_seconds", "without", "substitutions",
                         "setups"}
    assert (data["without"], data["substitutions"]) == ([], [])  # the tests' empty profile
    assert [len(s["exercises"]) for s in data["sections"]] == [3, 6, 11, 4]
    goblet = data["sections"][2]["exercises"][6]
    assert goblet == {"name": "Goblet squat", "sets": [2, 3], "reps": [12, 15], "seconds": None,
                      "hold_seconds": None, "distance": None, "per_side": False,
                      "rest_seconds": None, "notes": ""}
    lo, hi = data["estimated_seconds"]["total"]
    assert 40 * 60 < lo <= hi < 100 * 60
    assert sum(s[0] for s in data["estimated_seconds"]["sections"]) == lo


def test_routines_lists_the_seed(run: Run) -> None:
    result = run("routines", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["id"] == "runner-glute"
    assert "runner-glute" in run("routines").stdout


def test_show_an_unknown_routine_is_a_clear_error(run: Run) -> None:
    result = run("show", "no-such-routine")
    assert result.returncode == 1
    assert "no routine called 'no-such-routine'" in result.stderr
    assert "Traceback" not in result.stderr


BAD = "## main\nSquat: 2 sets of 10 rpes\nLunge: 0 sets of 8 reps\n## warmup\nA: 1 set of 5 reps\n"


def test_check_reports_file_line_col_and_exits_1(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.routine"
    path.write_text(BAD)
    result = run("check", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{path}:2:21: error: cannot read 'rpes'; did you mean 'reps'?",
        f"{path}:3:8: error: 0 sets is too few; use at least 1",
        f"{path}:4:4: error: unknown section kind 'warmup'; did you mean 'warm-up'? "
        "use one of warm-up, activation, main, cool-down",
    ]


def test_check_json(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.routine"
    path.write_text(BAD)
    result = run("check", str(path), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert [(i["line"], i["column"]) for i in data["issues"]] == [(2, 21), (3, 8), (4, 4)]


IMPORTED = ("# Hip Routine\n\nStrong hips make for a steadier stride on the hills.\n\n"
            "Main\nSquat: 3 sets of 10 reps\nPlank 3x30 seconds\n")


def test_import_json_has_the_documented_shape_and_the_lines_kept_as_notes(
        run: Run, tmp_path: Path) -> None:
    path = tmp_path / "hips.txt"
    path.write_text(IMPORTED)
    result = run("import", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"title", "sections", "notes"}
    assert set(data["sections"][0]) == {"title", "kind", "setup", "time_cap_seconds",
                                        "exercises"}
    assert data["sections"][0]["exercises"][0] == {
        "name": "Squat", "sets": [3, 3], "reps": [10, 10], "seconds": None, "hold_seconds": None,
        "distance": None, "per_side": False, "rest_seconds": None, "notes": ""}
    assert data["notes"] == [
        {"line": 3, "text": "Strong hips make for a steadier stride on the hills."}]
    assert f"{path}:3:1: warning:" in result.stderr
    path.write_text("Squat: 3 sets of 10 reps\n")
    assert json.loads(run("import", str(path), "--json").stdout)["notes"] == []


def test_check_a_good_file_exits_0(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "ok.routine"
    path.write_text("## main\nSquat: 2 sets of 10 reps\n")
    result = run("check", str(path))
    assert result.returncode == 0
    assert result.stdout.strip() == f"{path}: ok"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", ":1:1: error: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ":3:1: error: this is a binary file"),
        (b"## main\nSquat: 2 sets of 10 reps \xff\xfe\n", ":2:26: error: this is not UTF-8"),
        (b"## main\nSquat: " + b"1" * 10_000_000 + b" reps\n", "limited to 1,000,000"),
        (b"## main\nSquat: " + b"1" * 500_000 + b" reps\n", ":2:2001: error: line is 500,012"),
        (b"# Just a title\nequipment: band\n", ":1:1: error: no sections"),
        (b"## main\nSquat: 0 sets of 10 reps\n", ":2:8: error: 0 sets is too few"),
        (b"## main\nSquat: 10000 reps\n", ":2:8: error: 10000 reps is more than the 300"),
    ],
    ids=["empty", "binary", "not-utf8", "10MB-line", "long-line", "no-exercises", "0-sets",
         "10000-reps"],
)
def test_bad_input_gets_a_clear_error_never_a_traceback(
    run: Run, tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "bad.routine"
    path.write_bytes(content)
    for command in ("check", "fmt", "show"):
        result = run(command, str(path))
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        assert fragment in result.stdout + result.stderr, (command, result)


def test_a_missing_file_is_a_clear_error(run: Run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.routine"))
    assert result.returncode == 1
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_fmt_prints_canonical_text_and_is_idempotent(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "messy.routine"
    path.write_text("#  Messy  \n\n\n## main\nSquat:3x12,rest 60 s\nLunge :  2 x 10 reps/leg\n")
    first = run("fmt", str(path))
    assert first.returncode == 0
    assert first.stdout == ("# Messy\n\n## main\nSquat: 3 sets of 12 reps, rest 60 s\n"
                            "Lunge: 2 sets of 10 reps on each leg\n")
    path.write_text(first.stdout)
    assert run("fmt", "--check", str(path)).returncode == 0
    assert run("fmt", str(path)).stdout == first.stdout


def test_fmt_write_and_check(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "r.routine"
    path.write_text("## main\nSquat: 3x12\n")
    assert run("fmt", "--check", str(path)).returncode == 1
    assert run("fmt", "-w", str(path)).returncode == 0
    assert path.read_text() == "## main\nSquat: 3 sets of 12 reps\n"
    assert run("fmt", "--check", str(path)).returncode == 0


def test_fmt_leaves_a_broken_file_alone(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "r.routine"
    path.write_text(BAD)
    result = run("fmt", "-w", str(path))
    assert result.returncode == 1
    assert path.read_text() == BAD
    assert ":2:21:" in result.stderr


def test_show_reads_a_routine_file(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.routine"
    path.write_text("# Mine\n## main, 3 rounds: Circuit\nSquat: 10 reps\nPlank: 30 seconds\n")
    result = run("show", str(path))
    assert result.returncode == 0, result.stderr
    assert "Circuit (3 rounds)" in result.stdout


def test_show_and_fmt_give_the_hold_in_each_rep(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "knee.routine"
    path.write_text("## activation\nQuad set: 10 reps, 5 second hold\nPlank: 30 second hold\n")
    shown = run("show", str(path))
    assert shown.returncode == 0, shown.stderr
    assert "10 reps, hold 5 s each" in shown.stdout
    data = json.loads(run("show", str(path), "--json").stdout)
    quad, plank = data["sections"][0]["exercises"]
    assert (quad["reps"], quad["seconds"], quad["hold_seconds"]) == ([10, 10], [5, 5], [5, 5])
    assert (plank["reps"], plank["seconds"], plank["hold_seconds"]) == (None, [30, 30], None)
    assert run("fmt", str(path)).stdout == (
        "## activation\nQuad set: 10 reps, hold 5 s each\nPlank: 30 seconds\n")
    path.write_text("## activation\nQuad set: 10 reps, hold 150 s each\n")
    checked = run("check", str(path))
    assert checked.returncode == 1
    assert f"{path}:2:20: error: a hold of 150 s in each rep is more than the 120 s" in (
        checked.stdout + checked.stderr)


def test_every_command_has_help(run: Run) -> None:
    top = run("--help")
    assert top.returncode == 0
    for command in ("routines", "show", "exercise", "check", "fmt", "import"):
        assert command in top.stdout
        result = run(command, "--help")
        assert result.returncode == 0
        assert "Usage:" in result.stdout


def test_exercise_prints_the_how_to(run: Run) -> None:
    result = run("exercise", "exercise-ball hamstring curl")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("How to do it", "Cues", "Common mistakes", "If you don't have"):
        assert heading in out
    assert "Exercise (stability) ball" in out


def test_exercise_json_and_alias_lookup(run: Run) -> None:
    result = run("exercise", "Runner’s gastrocnemius stretch", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["name"] == "Runner's gastrocnemius stretch"
    assert data["one_sided"] is True
    assert 3 <= len(data["steps"]) <= 6 and 2 <= len(data["cues"]) <= 4


def test_unknown_exercise_suggests_close_names(run: Run) -> None:
    result = run("exercise", "glut stra")
    assert result.returncode == 1
    assert "did you mean 'Glute star'" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_how_explains_every_exercise_of_the_seed(run: Run) -> None:
    result = run("show", "--how")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("How to do it") == 24
    assert "not in the exercise library" not in result.stdout


def test_her_text_prints_as_written_not_as_rich_markup(run: Run, tmp_path: Path) -> None:
    routine = tmp_path / "brackets.routine"
    routine.write_text("# Hips [/b]\nequipment: band [/], mat :smile:\n"
                       "directions: Slow [light] and [/bold] steady.\n\n"
                       "## main\nSquat [goblet]: 2 sets of 10 reps\n", encoding="utf-8")
    result = run("show", str(routine))
    assert result.returncode == 0, result.stderr
    for written in ("Hips [/b]", "band [/], mat :smile:", "Slow [light] and [/bold] steady.",
                    "Squat [goblet]"):
        assert written in result.stdout
    assert "Traceback" not in result.stderr
