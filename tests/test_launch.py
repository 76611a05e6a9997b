"""The launcher replays saved answers to read-only commands: byte for byte, and never stale."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from strongstride import launch
from tests.conftest import SCRIPT, Run

SEED = Path(launch.__file__).parent / "data" / "routines" / "runner-glute.routine"


def saved(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.out")) if cache.exists() else []


@pytest.fixture
def fresh(tmp_path: Path) -> Run:
    return Run(tmp_path / "cache")


@pytest.mark.parametrize("args", [
    ("show",), ("show", "--how"), ("show", "--json"), ("routines",), ("routines", "--json"),
    ("exercise", "standing clamshell"), ("exercise", "glute star", "--json"),
])
def test_a_replayed_answer_is_the_answer(fresh: Run, args: tuple[str, ...]) -> None:
    uncached = fresh(*args, env={"STRONGSTRIDE_NO_CACHE": "1"})
    assert uncached.returncode == 0, uncached.stderr
    assert saved(fresh.cache) == []
    first = fresh(*args)
    assert len(saved(fresh.cache)) == 1
    second = fresh(*args)
    assert first.returncode == second.returncode == 0
    assert uncached.stdout == first.stdout == second.stdout
    assert second.stderr == ""


def test_a_saved_answer_is_really_used(fresh: Run) -> None:
    fresh("show")
    (entry,) = saved(fresh.cache)
    key, _, body = entry.read_bytes().partition(b"\0")
    entry.write_bytes(key + b"\0" + body.replace(b"Butt and Leg", b"Replayed"))
    assert fresh("show").stdout.startswith("Replayed Workout for Runners")


def test_another_key_in_the_file_is_not_replayed(fresh: Run) -> None:
    fresh("show")
    (entry,) = saved(fresh.cache)
    entry.write_bytes(b"some other key\0not this")
    out = fresh("show")
    assert out.stdout.startswith("Butt and Leg Workout for Runners")


def test_a_changed_routine_file_gives_a_new_answer(fresh: Run, tmp_path: Path) -> None:
    routine = tmp_path / "mine.routine"
    text = SEED.read_text("utf-8")
    routine.write_text(text, "utf-8")
    before = fresh("show", str(routine))
    assert "Butt and Leg Workout" in before.stdout
    routine.write_text(text.replace("# Butt and Leg Workout for Runners", "# Tuesday legs"),
                       "utf-8")
    after = fresh("show", str(routine))
    assert after.returncode == 0
    assert after.stdout.startswith("Tuesday legs\n")


def test_terminal_width_and_colour_are_part_of_the_key(fresh: Run) -> None:
    narrow = fresh("show", env={"COLUMNS": "60"})
    wide = fresh("show", env={"COLUMNS": "140"})
    assert len(saved(fresh.cache)) == 2
    assert max(map(len, narrow.stdout.splitlines())) <= 60
    assert max(map(len, wide.stdout.splitlines())) > 60
    assert fresh("show", env={"COLUMNS": "60"}).stdout == narrow.stdout


def test_errors_are_never_saved(fresh: Run) -> None:
    for _ in range(2):
        out = fresh("show", "no-such-routine")
        assert out.returncode == 1
        assert "no routine called 'no-such-routine'" in out.stderr
    assert saved(fresh.cache) == []


@pytest.mark.parametrize("args", [("show", "-"), ("show", "--help"), ("start", "--help"),
                                  ("--db", "sqlite:///x.db", "routines"), ("--version",)])
def test_input_and_database_commands_are_not_saved(fresh: Run, args: tuple[str, ...]) -> None:
    fresh(*args, stdin=SEED.read_text("utf-8"))
    assert saved(fresh.cache) == []


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = Run(blocker / "cache")("show", env={"STRONGSTRIDE_CONFIG": str(tmp_path / "config")})
    assert out.returncode == 0
    assert out.stdout.startswith("Butt and Leg Workout for Runners")


def run_in_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run the console script with a pseudo-terminal as its output, as in a real shell."""
    main, child = pty.openpty()
    proc = subprocess.Popen([str(SCRIPT), *args], stdout=child, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(60)
    os.close(main)
    assert proc.returncode == 0
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_terminal_gets_the_same_colours_replayed(tmp_path: Path) -> None:
    env = {**os.environ, "STRONGSTRIDE_CACHE": str(tmp_path), "TERM": "xterm-256color",
           "COLUMNS": "90"}
    env.pop("NO_COLOR", None)
    plain = run_in_terminal(["show", "--how"], {**env, "STRONGSTRIDE_NO_CACHE": "1"})
    first = run_in_terminal(["show", "--how"], env)
    second = run_in_terminal(["show", "--how"], env)
    assert b"\x1b[" in plain  # Rich drew colours for the terminal
    assert plain == first == second
    assert len(saved(tmp_path)) == 1


def test_the_key_follows_the_package_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    shipped = package / "data" / "a.routine"
    shipped.write_text("one")
    before = launch._tree_text(str(package))
    shipped.write_text("one, changed")
    assert launch._tree_text(str(package)) != before
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_text("bytecode")
    after = launch._tree_text(str(package))
    (package / "__pycache__" / "x.pyc").write_text("other bytecode")
    assert launch._tree_text(str(package)) == after


def test_the_cli_loads_no_heavy_library_until_a_command_needs_it() -> None:
    # `show` without a saved answer must not pay for the store, the web app or the TUI.
    code = ("import sys, strongstride.cli\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', "
            "'pydantic', 'textual', 'rich', 'fastapi', 'psycopg', 'fpdf'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
