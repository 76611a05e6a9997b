from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.command import strongstride_command

ROOT = Path(__file__).resolve().parents[1]
COMMAND = strongstride_command()


class Run:
    """Runs the `strongstride` console script, the way a user does (tests/command.py).

    The old equipment profile file and the default database are looked for in folders of the
    test run's, never the home folder's (a test can pass its own).
    """

    def __init__(self, folder: Path) -> None:
        self.config = folder / "config"
        self.data = folder / "data"

    def __call__(self, *args: str, stdin: str | bytes | None = None,
                 cwd: Path | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        proc = subprocess.run(
            [*COMMAND, *args], input=data, capture_output=True, cwd=cwd,
            env={**os.environ, "COLUMNS": "100", "NO_COLOR": "1",
                 "STRONGSTRIDE_CONFIG": str(self.config), "XDG_DATA_HOME": str(self.data),
                 **(env or {})}, timeout=60,
        )
        return subprocess.CompletedProcess(
            proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture(scope="session")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return Run(tmp_path_factory.mktemp("cli"))
