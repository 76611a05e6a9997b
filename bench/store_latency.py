"""Set-log write latency on SQLite and PostgreSQL (issue 3).

Run:  .venv/bin/python bench/store_latency.py [--sets 500] [--pg URL]

Each write is what the player does after a set: one `Store.log_set` in its own transaction,
committed (SQLite with WAL and synchronous=FULL). Prints median and p99 per engine. The
PostgreSQL URL defaults to $STRONGSTRIDE_TEST_PG, or the local server if it answers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from strongstride.errors import StrongstrideError
from strongstride.records import SetLog
from strongstride.store import Store

LOCAL_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def measure(url: str, sets: int) -> list[float]:
    with Store.open(url) as store:
        user = store.ensure_user(f"bench-{uuid.uuid4().hex[:8]}")
        version = store.save_routine(user, "bench", "Bench", "## main\nA: 1 set of 5 reps\n")
        session = store.start_session(user, version.id, session_id=str(uuid.uuid4()),
                                      started_at=datetime.now(UTC))
        times = []
        for n in range(sets):
            log = SetLog(key=str(uuid.uuid4()), session_id=session.id, step_key=f"s1.e1.set{n}",
                         exercise="A", section=0, exercise_index=0, set_number=n + 1,
                         side="left" if n % 2 else "right", logged_at=datetime.now(UTC),
                         target_reps=(10, 10), reps=10, load=12.5, unit="kg", rpe=8, pain=1)
            start = time.perf_counter()
            store.log_set(log)
            times.append((time.perf_counter() - start) * 1000)
        store.abandon_session(session.id, datetime.now(UTC))
        return times


def report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{name}: {len(times)} set logs, median {statistics.median(times):.2f} ms, "
          f"p99 {p99:.2f} ms, max {ordered[-1]:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=500)
    parser.add_argument("--pg", default=os.environ.get("STRONGSTRIDE_TEST_PG", LOCAL_PG))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report("SQLite (WAL, synchronous=FULL)",
               measure(f"sqlite:///{Path(folder) / 'latency.db'}", args.sets))
    try:
        report("PostgreSQL", measure(args.pg, args.sets))
    except StrongstrideError as exc:
        print(f"PostgreSQL: skipped ({exc.message})")


if __name__ == "__main__":
    main()
