"""The docs' examples run and say what the program does."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from strongstride.routine.parse import parse_routine
from strongstride.routine.prescription import read_prescription
from tests.conftest import COMMAND, ROOT, Run

FORMAT_DOC = (ROOT / "docs" / "routine-format.md").read_text()
JSON_DOC = (ROOT / "docs" / "json.md").read_text()


def fenced(text: str, lang: str = "") -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_the_routine_example_in_the_format_doc_is_valid() -> None:
    examples = [block for block in fenced(FORMAT_DOC) if block.startswith("# ")]
    assert examples
    for block in examples:
        parsed = parse_routine(block)
        assert parsed.issues == ()


def _prescription_table() -> list[str]:
    table = FORMAT_DOC.split("## Prescriptions", 1)[1].split("### Limits", 1)[0]
    cells = [line.split("|")[1] for line in table.splitlines()
             if line.startswith("| `")]
    return [example for cell in cells for example in re.findall(r"`([^`]+)`", cell)]


@pytest.mark.parametrize("example", _prescription_table())
def test_every_prescription_example_reads(example: str) -> None:
    alone = read_prescription(example, counts_optional=True)  # as the routine format reads
    with_work = read_prescription("2 sets of 10 reps " + example)
    assert alone.ok or with_work.ok, (alone.problems, with_work.problems)


def test_the_error_example_is_what_check_prints(run: Run, tmp_path: Path) -> None:
    block = next(b for b in fenced(FORMAT_DOC) if b.startswith("$ strongstride check"))
    documented = block.strip().splitlines()[1:]
    (tmp_path / "hips.routine").write_text(
        "## main\nSquat: 2 sets of 10 rpes\nLunge: 0 sets of 8 reps\n"
        "## warmup\nA: 1 set of 5 reps\n")
    result = run("check", "hips.routine", cwd=tmp_path)
    assert result.stdout.splitlines() == documented


def test_the_json_examples_parse_and_name_the_documented_fields() -> None:
    blocks = fenced(JSON_DOC, "json")
    import_example = json.loads(blocks[0])
    assert set(import_example) == {"title", "sections", "notes"}
    assert set(import_example["notes"][0]) == {"line", "text"}
    assert set(import_example["sections"][0]) == {"title", "kind", "setup", "time_cap_seconds",
                                                  "exercises"}
    assert set(import_example["sections"][0]["exercises"][0]) == {
        "name", "sets", "reps", "seconds", "hold_seconds", "distance", "per_side", "rest_seconds",
        "notes"}
    check_example = json.loads(blocks[2])
    assert set(check_example) == {"file", "ok", "issues"}


def test_the_show_json_total_in_the_doc_is_current(run: Run) -> None:
    data = json.loads(run("show", "--json").stdout)
    documented = re.search(r'"estimated_seconds": (\{.*\})', JSON_DOC)
    assert documented is not None
    assert json.loads(documented.group(1)) == data["estimated_seconds"]


# The README's commands ---------------------------------------------------------------------
# Every line of its code blocks and every command it names in `code` is run here, as a new
# user runs it (an empty home, data and configuration folder), or, where running it is not
# possible inside a test, checked for what it relies on; a command added to the README that
# this file does not know fails `test_every_readme_command_is_run_or_checked`.

README = (ROOT / "README.md").read_text()
NAMED = re.compile(r"(?:strongstride|\./scripts/\w+|\.ci/run|node|python)(?:\s|$)")
# Words in capitals, brackets and bars make a synopsis (`strongstride show [ROUTINE] [--how]`)
# rather than a command to type as it stands.
SYNOPSIS = re.compile(r"[\[\]|]|\b(?:[A-Z]{1,}(?:-[A-Z]+)*)\b")


def readme_code_lines() -> list[str]:
    """Each line of the README's code blocks, indented or fenced: each is a shell command."""
    indented = re.findall(r"(?:\A|\n)\n((?:    \S.*\n)+)", README)
    lines = [line.strip() for block in indented + fenced(README) for line in block.splitlines()]
    return [line for line in lines if line]


def readme_commands() -> list[str]:
    spans = [span.replace("\\|", "|") for span in re.findall(r"`([^`\n]+)`", README)]
    return list(dict.fromkeys(readme_code_lines() + [s for s in spans if NAMED.match(s)]))


class NewUser:
    """Runs commands with nothing saved anywhere: no database, no equipment profile."""

    def __init__(self, home: Path) -> None:
        self.home = home
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("STRONGSTRIDE_", "XDG_")) and k != "HOME"}
        self.env = {**keep, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
                    "XDG_CONFIG_HOME": str(home / "config"), "COLUMNS": "100", "NO_COLOR": "1"}

    def argv(self, line: str) -> list[str]:
        words = shlex.split(line)
        if words[0] == "strongstride":
            return [*COMMAND, *words[1:]]
        if words[0] in ("python", "node"):
            found = sys.executable if words[0] == "python" else shutil.which("node")
            if found is None:
                pytest.skip(f"{words[0]} is not installed here")
            return [found, *words[1:]]
        return words

    def __call__(self, line: str, *, cwd: Path = ROOT, timeout: float = 120,
                 ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.argv(line), cwd=cwd, env=self.env, capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)

    @property
    def database(self) -> Path:
        return self.home / "data" / "strongstride" / "strongstride.db"


@pytest.fixture
def new_user(tmp_path: Path) -> NewUser:
    return NewUser(tmp_path / "home")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serves(argv: list[str], port: int, env: dict[str, str], cwd: Path = ROOT) -> str:
    """Starts a command that serves the web app, waits until the sign-in page answers on
    `port`, stops it, and returns what it printed."""
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"stopped with {proc.returncode}: {proc.communicate()[0]}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=1) as page:
                    assert page.status == 200
                    break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not answer in 60 s"
                time.sleep(0.2)
    finally:
        proc.terminate()
        output = proc.communicate(timeout=20)[0]
    return output


# Commands that are run as they stand, in a fresh data folder, in this order (demo before
# report, so the report has something to say). Each gives exit 0.
RUN = ["strongstride routines", "strongstride equipment --without bands,ball",
       "strongstride report", "strongstride demo", "strongstride report",
       "strongstride checkin --pain 2", "strongstride log --date 2026-12-01 --yes"]
# Commands that need more than a line in a shell; each has its own test below.
OWN_TEST = {
    "./scripts/run": "test_scripts_run_serves_the_app_from_a_fresh_data_folder",
    "./scripts/run show --how": "test_scripts_run_passes_its_arguments_on",
    "./scripts/run ARGS": "test_scripts_run_passes_its_arguments_on",
    "./scripts/test": "test_scripts_test_runs_the_checks_this_suite_is",
    ".ci/run": "test_scripts_test_runs_the_checks_this_suite_is",
    "strongstride serve": "test_serve_as_written_and_with_its_options",
    "strongstride serve [--host H] [--port P] [--db URL] [--secure-cookies]":
        "test_serve_as_written_and_with_its_options",
    "strongstride start": "test_start_is_the_terminal_player",
    "node --test tests/js": "test_the_player_rules_commands_run",
    "python tests/player/make_vectors.py --write": "test_the_player_rules_commands_run",
}


def test_every_readme_command_is_run_or_checked() -> None:
    commands = readme_commands()
    assert "./scripts/run" in commands and "./scripts/test" in commands
    for command in commands:
        known = command in RUN or command in OWN_TEST or (
            command.startswith("strongstride ") and SYNOPSIS.search(command))
        assert known, f"README names `{command}`: run it in tests/test_docs.py"
    assert set(RUN) | set(OWN_TEST) <= set(commands), "a command the README no longer names"


def test_the_readme_commands_run_for_a_new_user(new_user: NewUser) -> None:
    for line in RUN:
        done = new_user(line)
        assert done.returncode == 0, (line, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
    assert new_user.database.exists()  # the data folder's database, made on first use


@pytest.mark.parametrize("synopsis", [c for c in readme_commands()
                                      if c.startswith("strongstride ") and SYNOPSIS.search(c)])
def test_every_option_a_synopsis_names_exists(run: Run, synopsis: str) -> None:
    name = synopsis.split()[1]
    if name.startswith("-"):
        pytest.fail(f"`{synopsis}`: an option before the command's name")
    helped = run(name, "--help")
    assert helped.returncode == 0, (synopsis, helped.stderr)
    for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", synopsis):
        assert re.search(rf"(?<![\w-]){re.escape(option)}\b", helped.stdout), (synopsis, option)


def test_serve_as_written_and_with_its_options(new_user: NewUser, tmp_path: Path) -> None:
    # `strongstride serve` as written listens on port 8000, which a test cannot count on
    # having: the port is the one thing added.
    port = free_port()
    said = serves([*COMMAND, "serve", "--port", str(port)], port, new_user.env)
    assert f"http://127.0.0.1:{port}/" in said
    assert new_user.database.exists()
    # Each option of the synopsis, with the database after the command's name.
    chosen = tmp_path / "chosen.db"
    port = free_port()
    serves([*COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port),
            "--db", f"sqlite:///{chosen}", "--secure-cookies"], port, new_user.env)
    assert chosen.exists()


def script_copy(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """The script in a copy of the repository's layout whose .venv holds strongstride as
    this test run has it (making a real .venv needs the network and minutes). The copy's
    strongstride notes each call's arguments in calls.txt."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts" / name, repo / "scripts" / name)
    venv_bin = repo / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    calls = tmp_path / "calls.txt"
    real = " ".join(shlex.quote(word) for word in COMMAND)
    (venv_bin / "strongstride").write_text(
        f'#!/bin/sh\necho "$*" >> {shlex.quote(str(calls))}\n'
        f'exec {real} "$@" ${{EXTRA_ARGS:-}}\n')
    (venv_bin / "strongstride").chmod(0o755)
    return repo, calls


def test_scripts_run_serves_the_app_from_a_fresh_data_folder(new_user: NewUser,
                                                             tmp_path: Path) -> None:
    repo, calls = script_copy(tmp_path, "run")
    port = free_port()
    # As the README says it (no arguments); the copy's strongstride adds the free port.
    said = serves([str(repo / "scripts" / "run")], port,
                  {**new_user.env, "EXTRA_ARGS": f"--port {port}"}, cwd=tmp_path)
    assert calls.read_text().splitlines() == ["serve"]
    assert "strongstride is on" in said
    assert new_user.database.exists()
    # The first run's setup: `pip install -e .` of this folder gives the `strongstride` the
    # script runs.
    with open(ROOT / "pyproject.toml", "rb") as fh:
        project = tomllib.load(fh)["project"]
    assert project["scripts"]["strongstride"] == "strongstride.cli:main"


def test_scripts_run_passes_its_arguments_on(new_user: NewUser, tmp_path: Path) -> None:
    repo, calls = script_copy(tmp_path, "run")
    done = new_user(f"{repo / 'scripts' / 'run'} show --how", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert calls.read_text().splitlines() == ["show --how"]
    assert "Butt and Leg Workout for Runners" in done.stdout and "Squat to overhead" in done.stdout


def test_scripts_test_runs_the_checks_this_suite_is(new_user: NewUser) -> None:
    """`./scripts/test` installs the test extra, then runs ruff, mypy and pytest: this run is
    its pytest; ruff is run here as the script runs it; mypy and every tool are checked to be
    in the extra it installs. `.ci/run` is `./scripts/test` with PostgreSQL."""
    script = (ROOT / "scripts" / "test").read_text()
    with open(ROOT / "pyproject.toml", "rb") as fh:
        config = tomllib.load(fh)
    extra = " ".join(config["project"]["optional-dependencies"]["test"])
    for tool in ("ruff", "mypy", "pytest"):
        assert f".venv/bin/{tool}" in script and tool in extra, tool
    assert config["tool"]["mypy"]["files"] == ["src/strongstride"]
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed here")
    line = re.search(r"\.venv/bin/ruff (.*)", script)
    assert line is not None
    done = subprocess.run([ruff, *line.group(1).split()], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    ci = (ROOT / ".ci" / "run").read_text()
    assert "exec ./scripts/test" in ci and "STRONGSTRIDE_TEST_PG" in ci


def test_start_is_the_terminal_player(new_user: NewUser) -> None:
    """`strongstride start` takes over the terminal (tests/tui plays it, key by key); here it
    answers its help and knows the routine it starts by default."""
    helped = new_user("strongstride start --help")
    assert helped.returncode == 0 and "ROUTINE" in helped.stdout
    assert new_user("strongstride show runner-glute").returncode == 0


def test_the_player_rules_commands_run(new_user: NewUser) -> None:
    # Without --write the generator says whether the file is what it would write: --write
    # would then change nothing, and the test suite is not the place to rewrite it.
    checked = new_user("python tests/player/make_vectors.py")
    assert checked.returncode == 0 and "is up to date" in checked.stdout, checked.stderr
    played = new_user("node --test tests/js")
    assert played.returncode == 0, played.stdout
