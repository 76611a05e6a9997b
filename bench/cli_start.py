"""How fast the CLI starts: `strongstride show` and `strongstride exercise glute-star` against
Python importing the CLI's own libraries, `python -c "import click, rich.console, rich.table"`.

Run:  .venv/bin/python bench/cli_start.py [--runs 21]

Every run is a new process with nothing saved anywhere: HOME and the XDG folders point at a
fresh, empty folder, so no profile, database or cache of any kind is read. The three commands
take turns, run after run, so that a busy moment of the shared machine falls on all of them;
each figure is the median. Target (issue 10): each command at most 1.5x the baseline.
Then the same with her database there (made by a first `strongstride history`): `show` and
`history` as she runs them day to day, each command opening the database (no target; printed
against the same baseline).
The command is started the way the console script starts it (tests/command.py), with its
modules compiled as an installation has them (pip writes the .pyc files when it installs; a
PYTHONDONTWRITEBYTECODE in the environment is dropped here, so the first run writes them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.command import strongstride_command

BASELINE = [sys.executable, "-c", "import click, rich.console, rich.table"]


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    command = strongstride_command()
    cases = {"show": [*command, "show"],
             "exercise glute-star": [*command, "exercise", "glute-star"],
             BASELINE_NAME: BASELINE}
    print(f"CLI start, nothing saved, median of {args.runs} runs:")
    run(cases, args.runs)
    print(f"CLI start with her database, median of {args.runs} runs:")
    run({"show (database there)": [*command, "show"],
         "history (database there)": [*command, "history"],
         BASELINE_NAME: BASELINE}, args.runs, prepare=[*command, "history"])


def run(cases: dict[str, list[str]], runs: int, prepare: list[str] | None = None) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": f"{home}/config",
               "XDG_CACHE_HOME": f"{home}/cache", "XDG_DATA_HOME": f"{home}/data",
               "XDG_STATE_HOME": f"{home}/state", "COLUMNS": "100"}
        for name in ("STRONGSTRIDE_DB", "STRONGSTRIDE_CONFIG", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        if prepare:
            timed(prepare, env)
        for case in cases.values():  # once each first: the files are read from disk
            timed(case, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, case in cases.items():
                times[name].append(timed(case, env))
        left = sorted(str(p.relative_to(home)) for p in Path(home).rglob("*"))
    base = statistics.median(times[BASELINE_NAME])
    print(f"  (load average {os.getloadavg()[0]:.2f})")
    for name, found in times.items():
        median = statistics.median(found)
        ratio = "" if name == BASELINE_NAME else f"  {median / base:.2f}x the baseline"
        print(f"  {name:40s} {median * 1000:6.1f} ms{ratio}")
    print(f"  files left in the fresh home: {left or 'none'}")


BASELINE_NAME = "import click, rich.console, rich.table"

if __name__ == "__main__":
    main()
