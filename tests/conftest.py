from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "strongstride"


class Run:
    """Runs the installed `strongstride` console script, the way a user does.

    Answers that the launcher saves (see strongstride.launch) go to a folder of the test run's,
    and the equipment profile is read from an empty one (a test can pass its own).
    """

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.config = cache / "config"

    def __call__(self, *args: str, stdin: str | bytes | None = None,
                 cwd: Path | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        proc = subprocess.run(
            [str(SCRIPT), *args], input=data, capture_output=True, cwd=cwd,
            env={**os.environ, "COLUMNS": "100", "NO_COLOR": "1",
                 "STRONGSTRIDE_CACHE": str(self.cache), "STRONGSTRIDE_CONFIG": str(self.config),
                 **(env or {})}, timeout=60,
        )
        return subprocess.CompletedProcess(
            proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture(scope="session")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    assert SCRIPT.exists(), f"install the package first: {SCRIPT} is missing"
    return Run(tmp_path_factory.mktemp("output-cache"))
