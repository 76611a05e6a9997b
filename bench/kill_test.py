"""The SIGKILL test at scale (issue 3): kill `strongstride start --autoplay` N times.

Run:  .venv/bin/python bench/kill_test.py [--kills 500]

Prints the tally: runs, kills, sets acknowledged, finished sessions and every problem found
(an acknowledged set missing or stored twice, or a wrong resume point). Target: no problems.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.durability.harness import kill_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        tally = kill_many(Path(folder) / "kill.db", kills=args.kills, seed=args.seed)
    took = time.monotonic() - started
    print(f"runs {tally.runs}, SIGKILLs {tally.kills}, sets acknowledged "
          f"{len(tally.acknowledged)}, sessions finished {tally.finished_sessions}, "
          f"in {took:.0f} s")
    print(f"problems: {len(tally.problems)}")
    for problem in tally.problems[:20]:
        print(f"  {problem}")


if __name__ == "__main__":
    main()
