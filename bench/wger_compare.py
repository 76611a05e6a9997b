"""Logging a set: strongstride and wger side by side, in one run (issue 10).

Run:  .venv/bin/python bench/wger_compare.py --wger-url http://127.0.0.1:8011 --wger-token KEY
      .venv/bin/python bench/wger_compare.py          (prints how to set wger up, from README)

wger (the open-source workout manager, a Django app) runs in a venv of its own, outside the
repository, served by gunicorn with one worker and DEBUG off; see "wger side by side" in
bench/README.md for the commands. Nothing of wger is imported here: it is only spoken to
over HTTP.

strongstride is started as bench/api_load.py starts it (`python -m strongstride.web`:
uvicorn, one worker, gc.freeze) on SQLite in a temporary folder, as wger is on SQLite. Both
are driven by the same wrk (one thread, keep-alive connections where the server keeps them)
at concurrency 1 and 16:
- strongstride: `POST /api/sessions/{id}/sets` (a new idempotency key each request) into a
  session of the seed routine;
- wger: `POST /api/v2/workoutlog/` (exercise, workout, reps, weight, date, RiR), its REST
  endpoint for logging a set, into a workout of the token's user.
Each round starts a fresh session and a fresh wger workout; the wger workout is deleted after
its round, which deletes its logs with it. That is wger's best case: every log it saves
first reads the user's logs sorted by date (its "last activity"), so it slows as a user's
history grows. The two servers take turns within each round so that the machine's noise
falls on both; each figure is the median over --rounds runs of --seconds, the ratio is
strongstride's requests/s over wger's. Target (issue 10): 5x or more.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from api_load import NEW_SETS_PER_SECOND, new_sets_script, runners, server, token_for, wrk_run

README = Path(__file__).with_name("README.md")
SETUP_HEADING = "## wger side by side"
TARGET = 5.0
# At concurrency 16 a request to wger waits behind 15 others for seconds on a busy machine:
# past wrk's own 2 s it would be counted as failed and left out of the latencies.
TIMEOUT = 60

WRK_WGER_LOG = """
wrk.method = "POST"
wrk.headers["Authorization"] = "Token TOKEN"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"exercise_base":EXERCISE,"workout":WORKOUT,"reps":10,"weight":"12.50",' ..
           '"date":"DATE","rir":"2"}'
request = function() return wrk.format(nil, "PREFIX/api/v2/workoutlog/") end
"""

Figures = tuple[float, float, float, float]  # as wrk_run returns them


def setup_notes() -> str:
    """The "wger side by side" section of bench/README.md: the one place it is written."""
    lines = README.read_text(encoding="utf-8").splitlines()
    try:
        start = lines.index(SETUP_HEADING)
    except ValueError:
        return f"(no '{SETUP_HEADING}' section in {README})"
    section = [lines[start]]
    for line in lines[start + 1:]:
        if line.startswith("## "):
            break
        section.append(line)
    return "\n".join(section).rstrip()


class Wger:
    """wger's REST API as the token's user sees it."""

    def __init__(self, url: str, token: str) -> None:
        parts = urlsplit(url)
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.prefix = parts.path.rstrip("/")
        self.token = token
        self.client = httpx.Client(base_url=self.base + self.prefix, timeout=30,
                                   headers={"Authorization": f"Token {token}"})

    def get(self, path: str) -> dict[str, Any]:
        answer = self.client.get(path)
        if answer.status_code in (401, 403):
            sys.exit(f"wger refused the token ({answer.status_code} on {path}): give the key "
                     "of a token of its user (see bench/README.md, 'wger side by side')")
        answer.raise_for_status()
        return dict(answer.json())

    def exercise(self) -> int:
        found = self.get("/api/v2/exercise-base/?limit=1")["results"]
        if not found:
            sys.exit("wger has no exercise to log a set of: add one (bench/README.md, "
                     "'wger side by side')")
        return int(found[0]["id"])

    def logs(self) -> int:
        return int(self.get("/api/v2/workoutlog/?limit=1")["count"])

    def new_workout(self) -> int:
        made = self.client.post("/api/v2/workout/", json={"name": "strongstride bench"})
        made.raise_for_status()
        return int(made.json()["id"])

    def drop_workout(self, workout: int) -> None:
        self.client.delete(f"/api/v2/workout/{workout}/").raise_for_status()


def strongstride_round(base: str, db_url: str, steps: list[str]
                       ) -> Callable[[int, int, float], Figures]:
    """Every request a new set, as in wger: the next step of a runner's open session."""
    def one(concurrency: int, n: int, seconds: float) -> Figures:
        writers = runners(db_url, int(seconds * NEW_SETS_PER_SECOND) // len(steps) + 1)
        script = new_sets_script(writers, steps, f"{concurrency:04d}{n:04d}")
        return wrk_run(base, script, concurrency, seconds, timeout=TIMEOUT)
    return one


def wger_round(wger: Wger, exercise: int) -> Callable[[int, int, float], Figures]:
    def one(concurrency: int, n: int, seconds: float) -> Figures:
        workout = wger.new_workout()
        script = (WRK_WGER_LOG.replace("TOKEN", wger.token).replace("EXERCISE", str(exercise))
                  .replace("WORKOUT", str(workout)).replace("PREFIX", wger.prefix)
                  .replace("DATE", datetime.date.today().isoformat()))
        try:
            return wrk_run(wger.base, script, concurrency, seconds, timeout=TIMEOUT)
        finally:
            wger.drop_workout(workout)
    return one


def compare(wger: Wger, seconds: float, rounds: int) -> None:
    exercise = wger.exercise()
    print(f"wger at {wger.base}{wger.prefix}: its user has {wger.logs()} logs before the run; "
          f"sets are logged of exercise {exercise}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'compare.db'}"
        with server(db_url) as base:
            compare_on(base, db_url, wger, exercise, seconds, rounds)


def compare_on(base: str, db_url: str, wger: Wger, exercise: int, seconds: float,
               rounds: int) -> None:
    token = token_for(base)
    plan = httpx.get(f"{base}/api/routines/runner-glute", timeout=30,
                     headers={"Authorization": f"Bearer {token}"}).json()["plan"]
    steps = [s["key"] for s in plan["steps"] if s["kind"] == "work"]
    sides = {"strongstride": strongstride_round(base, db_url, steps),
             "wger": wger_round(wger, exercise)}
    for one in sides.values():  # first requests of a fresh process: not counted
        one(1, 9999, 1)
    for concurrency in (1, 16):
        figures: dict[str, list[Figures]] = {name: [] for name in sides}
        for n in range(rounds):
            order = list(sides) if n % 2 == 0 else list(reversed(sides))
            for name in order:
                figures[name].append(sides[name](concurrency, n, seconds))
        rates = {}
        for name, runs in figures.items():
            rate, p50, p99 = (statistics.median(f[i] for f in runs) for i in range(3))
            rates[name] = rate
            print(f"{name:12} log a set  c={concurrency:<2}  {rate:7.1f} req/s  "
                  f"p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  (median of {rounds} runs of "
                  f"{seconds:g} s; load average {os.getloadavg()[0]:.2f})", flush=True)
        ratio = rates["strongstride"] / rates["wger"]
        verdict = "meets" if ratio >= TARGET else "MISSES"
        print(f"{'ratio':12} log a set  c={concurrency:<2}  strongstride/wger = "
              f"{ratio:.1f}x  ({verdict} the {TARGET:g}x target)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wger-url", help="where wger answers, e.g. http://127.0.0.1:8011")
    parser.add_argument("--wger-token", help="the key of a REST API token of a wger user")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.wger_url or not args.wger_token:
        print("No wger to compare with: give --wger-url and --wger-token.\n")
        print(setup_notes())
        sys.exit(2)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    compare(Wger(args.wger_url, args.wger_token), args.seconds, args.rounds)


if __name__ == "__main__":
    main()
