"""Speed figures for issue 2: seed import time, import throughput, CLI cold start.

Run:  .venv/bin/python bench/routine_text.py [--runs N]

Prints medians. The machine is shared and noisy, so the cold start is a ratio against
`python -c pass` timed in the same run, interleaved run by run.
Targets: seed import < 2 ms; import >= 5 MB/s on >= 1 MB; cold start <= 2.5x.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from strongstride.routine.importer import import_text

from strongstride.routine.parse import parse_routine

ROOT = Path(__file__).resolve().parents[1]
SEED_LINES = ROOT / "tests" / "routine" / "data" / "import_seed_lines.txt"
SEED_ARTICLE = ROOT / "tests" / "routine" / "data" / "import_seed_article.txt"
SCRIPT = Path(sys.executable).parent / "strongstride"


def median_seconds(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def big_text(min_bytes: int) -> str:
    """Many pasted workouts, each the published article with its numbers varied."""
    article = SEED_ARTICLE.read_text("utf-8")
    parts = []
    size = 0
    n = 0
    while size < min_bytes:
        n += 1
        part = article.replace("2 sets", f"{2 + n % 3} sets")
        part = part.replace("10 reps", f"{8 + n % 7} reps")
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "\n\n".join(parts)


def cold_start(runs: int) -> tuple[float, float]:
    base, show = [], []
    for _ in range(runs):
        for argv, bucket in (([sys.executable, "-c", "pass"], base),
                             ([str(SCRIPT), "show"], show)):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
            bucket.append(time.perf_counter() - start)
    return statistics.median(base), statistics.median(show)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()

    lines = SEED_LINES.read_text("utf-8")
    article = SEED_ARTICLE.read_text("utf-8")
    import_text(lines)  # warm the regex cache, as a running process would have it
    seed_lines = median_seconds(lambda: import_text(lines), args.runs * 10)
    seed_article = median_seconds(lambda: import_text(article), args.runs * 10)
    shipped = (ROOT / "src/strongstride/data/routines/runner-glute.routine").read_text()
    parse = median_seconds(lambda: parse_routine(shipped), args.runs * 10)
    print(f"seed import (exercise lines, {len(lines.encode())} B): "
          f"{seed_lines * 1000:.3f} ms median  [target < 2 ms]")
    print(f"seed import (whole article, {len(article.encode())} B): "
          f"{seed_article * 1000:.3f} ms median")
    print(f"parse shipped routine text: {parse * 1000:.3f} ms median")

    text = big_text(int(args.megabytes * 1_000_000))
    size = len(text.encode("utf-8"))
    took = median_seconds(lambda: import_text(text), max(3, args.runs // 6))
    print(f"import throughput: {size / 1e6:.2f} MB in {took * 1000:.0f} ms median = "
          f"{size / 1e6 / took:.1f} MB/s  [target >= 5 MB/s]")

    base, show = cold_start(args.runs)
    print(f"cold start: python -c pass {base * 1000:.1f} ms, strongstride show "
          f"{show * 1000:.1f} ms (medians of {args.runs}, interleaved) = "
          f"{show / base:.2f}x  [target <= 2.5x]")


if __name__ == "__main__":
    main()
