"""Kill the real `strongstride start --autoplay` process at random moments and check the store.

Used by tests/durability/test_kill.py (50 kills) and bench/kill_test.py (500 kills).
Each run: work out from the database where the player must resume, start the program, kill it
with SIGKILL at a random moment, then check that it resumed there and that every set it had
acknowledged (printed after the commit) is stored exactly once.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from strongstride.plan.session import build_plan
from strongstride.player.machine import new_player
from strongstride.routines import load_routine
from strongstride.store import Store
from tests.command import strongstride_command

COMMAND = strongstride_command()


@dataclass
class Tally:
    runs: int = 0
    kills: int = 0
    finished_sessions: int = 0
    acknowledged: dict[str, str] = field(default_factory=dict)  # key -> step key
    problems: list[str] = field(default_factory=list)


def expected_resume(url: str) -> str | None:
    """The step the program must resume at, worked out from the database alone."""
    with Store.open(url) as store:
        user = store.ensure_user()
        unfinished = store.unfinished_session(user, "runner-glute")
        plan = build_plan(load_routine().routine)
        if unfinished is None:
            return plan.steps[0].key
        done = frozenset(store.logged_step_keys(unfinished.id))
    step = new_player(plan, done).step
    return step.key if step is not None else None  # all logged: it only has to finish


def one_run(url: str, rng: random.Random, tally: Tally, window: tuple[float, float],
            pace: float) -> None:
    expected = expected_resume(url)
    proc = subprocess.Popen([*COMMAND, "--db", url, "start", "--autoplay", "--pace",
                             str(pace)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + rng.uniform(*window)
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    tally.runs += 1
    tally.kills += killed
    events = [json.loads(line) for line in out.decode().splitlines() if line.endswith("}")]
    if events and events[0]["event"] == "resume" and events[0]["step"] != expected:
        tally.problems.append(f"run {tally.runs}: resumed at {events[0]['step']}, "
                              f"expected {expected}")
    for event in events:
        if event["event"] == "ack":
            tally.acknowledged[event["key"]] = event["step"]
        elif event["event"] == "finished":
            tally.finished_sessions += 1


def check_store(db_file: Path, tally: Tally) -> None:
    """Every acknowledged key is stored exactly once; no step is stored twice in a session."""
    with sqlite3.connect(db_file) as db:
        rows = db.execute("SELECT idempotency_key, session_id, step_key FROM set_logs").fetchall()
    keys = Counter(key for key, _, _ in rows)
    steps = Counter((session, step) for _, session, step in rows)
    for key, step in tally.acknowledged.items():
        if keys[key] != 1:
            tally.problems.append(f"acknowledged set {step} ({key}) stored {keys[key]} times")
    for (session, step), count in steps.items():
        if count > 1:
            tally.problems.append(f"step {step} stored {count} times in session {session}")


def measured_window(db_file: Path, pace: float) -> tuple[float, float]:
    """When to kill, from this machine's own speed: one whole session on a scratch database,
    timed to its first line (the program has started) and to its end. Kills then land from
    half the start-up time to the middle of a session, so some come before the player starts,
    most in the middle of a set, and a run resumed near the end can finish."""
    started = time.monotonic()
    proc = subprocess.Popen([*COMMAND, "--db", f"sqlite:///{db_file}", "start", "--autoplay",
                             "--pace", str(pace)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    proc.stdout.readline()
    first = time.monotonic() - started
    proc.communicate()
    whole = time.monotonic() - started
    return first / 2, first + (whole - first) / 2


def kill_many(db_file: Path, kills: int, seed: int = 2026,
              window: tuple[float, float] | None = None, pace: float = 0.004) -> Tally:
    """`kills` runs killed at random moments in `window` (seconds after the start; measured
    on this machine when not given: `measured_window`)."""
    url = f"sqlite:///{db_file}"
    if window is None:
        window = measured_window(db_file.with_name("timing.db"), pace)
    rng = random.Random(seed)
    tally = Tally()
    while tally.kills < kills:
        one_run(url, rng, tally, window, pace)
    check_store(db_file, tally)
    return tally
