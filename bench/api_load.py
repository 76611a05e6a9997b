"""Throughput and latency of the JSON API on a real server (issue 4).

Run:  .venv/bin/python bench/api_load.py [--seconds 8] [--rounds 3] [--pg URL]
      .venv/bin/python bench/api_load.py --client python   (no wrk: Python threads, slower)

Starts the server as `strongstride serve` does (`python -m strongstride.web`: uvicorn, one
worker, gc.freeze) on a free port, signs a user up, makes an API token, then times two
operations at concurrency 1 and 16, each from its own keep-alive connection: logging a set
(`POST /api/sessions/{id}/sets`, every request a new set: the next step of a runner's open
session, runners made beforehand through the application, each request its own
transaction) and reading history (`GET /api/history`: the 50 newest of a second user's 60
finished sessions of the seed routine, 80 sets each, made through the API first; every
request reads it from the database). "history+sets" reads the same history while
a second wrk logs sets into her open session on one connection (the line prints how many sets
per second that second wrk logged).
SQLite always; PostgreSQL too, in a schema of its own, when a server answers. Target
(issue 10): every p99 at most 2x the baseline's p99 at the same concurrency, printed as that
ratio on each line.

The load comes from wrk (Debian's `wrk` package), a C client that takes little of the CPU
the server needs; each figure is the median over --rounds runs of --seconds each. The
baseline, measured in the same run, is the server's floor: a static file (GET
/static/player.css) through the same uvicorn, Starlette and middleware, no database. Client and
server share the machine, so the figures include the client's own work, and anything else
running at the time: the machine's load average is printed with each run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

LOCAL_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
FORM_CSRF = re.compile(r'name="csrf" value="([^"]+)"')
META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(db_url: str) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "STRONGSTRIDE_DB": db_url}
    proc = subprocess.Popen([sys.executable, "-m", "strongstride.web", "--host", "127.0.0.1",
                             "--port", str(port), "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    import psycopg

    name = f"ss_bench_{uuid.uuid4().hex[:10]}"
    admin = "postgresql://" + url.split("://", 1)[1]
    with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"{url}?options={quote(f'-csearch_path={name}', safe='')}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


def token_for(base: str) -> str:
    with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as web:
        form = FORM_CSRF.search(web.get("/register").text)
        assert form is not None
        home = web.post("/register", data={"username": f"bench{uuid.uuid4().hex[:8]}",
                                           "password": "correct horse battery",
                                           "csrf": form.group(1)})
        meta = META_CSRF.search(home.text)
        assert meta is not None
        made = web.post("/api/tokens", json={"name": "bench"},
                        headers={"X-CSRF-Token": meta.group(1)})
        made.raise_for_status()
        return str(made.json()["token"])


def run(concurrency: int, total: int, make: Callable[[httpx.Client, int], httpx.Response],
        base: str, token: str) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    local = threading.local()

    def one(n: int) -> None:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(
                base_url=base, timeout=30, headers={"Authorization": f"Bearer {token}"})
        start = time.perf_counter()
        answer = make(client, n)
        took = (time.perf_counter() - start) * 1000
        if answer.status_code >= 400:
            raise RuntimeError(f"{answer.status_code}: {answer.text[:200]}")
        with lock:
            latencies.append(took)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(total)))
    return total / (time.perf_counter() - began), latencies


# New sets, as runners log them: one set per step, so each request takes the next step of a
# runner's open session, and the next runner once a session's steps are used up. WRITERS is
# a Lua list of {token, session}, STEPS of the plan's work-step keys.
WRK_NEW_SETS = """
local counter = 0
local thread_no = 0
local writers = WRITERS
local steps = STEPS
setup = function(thread) thread_no = thread_no + 1; thread:set("tid", thread_no) end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local n = counter
  counter = counter + 1
  local who = writers[(math.floor(n / #steps) % #writers) + 1]
  local key = string.format("ROUND-%04d-4000-8000-%012d", tid, counter)
  local body = '{"key":"' .. key .. '","step_key":"' .. steps[(n % #steps) + 1] ..
               '","reps":10,"load":12.5,"unit":"kg","rpe":7}'
  wrk.headers["Authorization"] = "Bearer " .. who[1]
  return wrk.format(nil, "/api/sessions/" .. who[2] .. "/sets", nil, body)
end
"""


def runners(db_url: str, count: int) -> list[tuple[str, str]]:
    """`count` runners made through the application on the server's database (the web's
    sign-up limits are for people, not for a benchmark), each with an API token and a session
    of the seed routine open: (token, session id)."""
    import secrets

    from strongstride.app import Strongstride

    app = Strongstride.open(db_url)
    try:
        routine = app.builtin_routine("runner-glute")
        made = []
        for _ in range(count):
            account = app.create_account(f"bench{uuid.uuid4().hex[:12]}", "!")
            token = "ss_" + secrets.token_urlsafe(32)
            app.add_api_token(account.id, "bench", token)
            info, _ = app.start_session(account.id, routine)
            made.append((token, info.id))
        return made
    finally:
        app.close()


def new_sets_script(writers: list[tuple[str, str]], steps: list[str], round_no: str) -> str:
    lua = "{" + ", ".join(f'{{"{t}", "{s}"}}' for t, s in writers) + "}"
    keys = "{" + ", ".join(f'"{k}"' for k in steps) + "}"
    return (WRK_NEW_SETS.replace("WRITERS", lua).replace("STEPS", keys)
            .replace("ROUND", round_no))


# Sets into one step of one session: after the first, each is an edit of that set (one set
# per step). Used alongside the history reads, where her history changing is what counts.
WRK_LOG_SET = """
local counter = 0
local thread_no = 0
setup = function(thread) thread_no = thread_no + 1; thread:set("tid", thread_no) end
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer TOKEN"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local key = string.format("ROUND-%04d-4000-8000-%012d", tid, counter)
  local body = '{"key":"' .. key .. '","step_key":"STEP","reps":10,"load":12.5,' ..
               '"unit":"kg","rpe":7}'
  return wrk.format(nil, "/api/sessions/SESSION/sets", nil, body)
end
"""
# The floor of the server itself: a small static file (no database, no sign-in) through the
# same uvicorn, Starlette and middleware as the API.
WRK_STATIC = """
request = function() return wrk.format("GET", "/static/player.css") end
"""
WRK_HISTORY = """
wrk.headers["Authorization"] = "Bearer TOKEN"
request = function() return wrk.format("GET", "/api/history") end
"""
# More than the server logs in a second: the runners made for a run are never used up.
NEW_SETS_PER_SECOND = 1500
WRK_LINE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk_run(base: str, script: str, concurrency: int, seconds: float,
            alongside: str | None = None, timeout: float = 2) -> tuple[float, float, float, float]:
    """(requests per second, p50 ms, p99 ms, the second wrk's requests per second) of one wrk
    run; fails on any non-2xx answer or any request unanswered after `timeout` seconds (wrk's
    own default). `alongside`: a script that a second wrk runs at the same time on one
    connection (it must not fail either)."""
    scripts = []
    for text in (script, alongside):
        if text is not None:
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
                fh.write(text)
            scripts.append(fh.name)
    try:
        other = None if alongside is None else subprocess.Popen(
            ["wrk", "-t1", "-c1", f"-d{seconds:g}s", "-s", scripts[1], base],
            stdout=subprocess.PIPE, text=True)
        out = subprocess.run(["wrk", "-t1", f"-c{concurrency}", f"-d{seconds:g}s", "--latency",
                              f"--timeout={timeout:g}s", "-s", scripts[0], base],
                             capture_output=True, text=True, check=True).stdout
        side_rate = 0.0
        if other is not None:
            side, _ = other.communicate()
            if "Non-2xx" in side or "Socket errors" in side:
                raise RuntimeError(f"the second wrk saw failed requests:\n{side}")
            found_rate = re.search(r"Requests/sec:\s+([\d.]+)", side)
            side_rate = float(found_rate.group(1)) if found_rate else 0.0
    finally:
        for name in scripts:
            os.unlink(name)
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk saw failed requests:\n{out}")
    found = {m.group(1): float(m.group(2)) * UNITS[m.group(3)] for m in WRK_LINE.finditer(out)}
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert rate is not None and "50" in found and "99" in found, out
    return float(rate.group(1)), found["50"], found["99"], side_rate


HISTORY_SESSIONS = 60  # about 7 months of twice-a-week sessions


def history_of(base: str, token: str, plan: dict[str, Any], sessions: int) -> None:
    """Give the user behind `token` a history as she would have it: finished sessions of the
    routine, every work step logged. (The set-logging user instead has one session holding
    all the sets the load made, which says nothing about reading a history.)"""
    steps = [s["key"] for s in plan["steps"] if s["kind"] == "work" and not s["optional"]]
    with httpx.Client(base_url=base, timeout=30,
                      headers={"Authorization": f"Bearer {token}"}) as client:
        for n in range(sessions):
            began = f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}T07:00:00Z"
            made = client.post("/api/sessions", json={"routine": "runner-glute",
                                                      "started_at": began}).json()
            for key in steps:
                client.post(f"/api/sessions/{made['id']}/sets", json={
                    "key": str(uuid.uuid4()), "step_key": key, "reps": 10}).raise_for_status()
            client.post(f"/api/sessions/{made['id']}/finish",
                        json={"ended_at": began.replace("T07", "T08")}).raise_for_status()


def load_users(base: str) -> tuple[str, str, dict[str, Any], str]:
    """(the token of the user who logs sets, her open session, the seed routine's plan, the
    token of the user whose history is read, given `HISTORY_SESSIONS` sessions)."""
    token = token_for(base)
    auth = {"Authorization": f"Bearer {token}"}
    session = httpx.post(f"{base}/api/sessions", json={"routine": "runner-glute"},
                         headers=auth, timeout=30).json()
    plan = httpx.get(f"{base}/api/routines/runner-glute", headers=auth).json()["plan"]
    reader = token_for(base)
    history_of(base, reader, plan, HISTORY_SESSIONS)
    return token, str(session["id"]), plan, reader


def open_session(base: str, token: str) -> str:
    """A session of the user behind `token` left active (the newest of her history)."""
    made = httpx.post(f"{base}/api/sessions", json={"routine": "runner-glute"},
                      headers={"Authorization": f"Bearer {token}"}, timeout=30)
    made.raise_for_status()
    return str(made.json()["id"])


def measure_wrk(name: str, db_url: str, seconds: float, rounds: int) -> None:
    with server(db_url) as base:
        _token, _session, plan, reader = load_users(base)
        work = [s["key"] for s in plan["steps"] if s["kind"] == "work"]
        step = work[0]
        reader_session = open_session(base, reader)
        baseline: dict[int, tuple[float, float, float]] = {}
        for label in ("baseline", "log a set", "read history", "history+sets"):
            for concurrency in (1, 16):
                figures = []
                for n in range(rounds):
                    if label == "baseline":
                        script = WRK_STATIC
                    elif label == "log a set":
                        # Enough runners that every request is a new set on a step of its own.
                        writers = runners(db_url, max(2, int(seconds * NEW_SETS_PER_SECOND)
                                                      // len(work) + 1))
                        script = new_sets_script(writers, work, f"{concurrency:04d}{n:04d}")
                    else:
                        script = WRK_HISTORY.replace("TOKEN", reader)
                    alongside = None
                    if label == "history+sets":  # her history changes all the time
                        alongside = (WRK_LOG_SET.replace("TOKEN", reader)
                                     .replace("STEP", step).replace("SESSION", reader_session)
                                     .replace("ROUND", f"9{concurrency:03d}{n:04d}"))
                    figures.append(wrk_run(base, script, concurrency, seconds, alongside))
                rate, p50, p99, sets = (statistics.median(f[i] for f in figures)
                                        for i in range(4))
                if label == "baseline":
                    baseline[concurrency] = (rate, p50, p99)
                    ratio = ""
                else:
                    ratio = f"  = {p99 / baseline[concurrency][2]:.2f}x the baseline's p99"
                if label == "history+sets":
                    ratio += f", {sets:.0f} sets/s logged alongside"
                print(f"{name:10} {label:12} c={concurrency:<2}  {rate:7.0f} req/s  "
                      f"p50 {p50:6.2f} ms  p99 {p99:6.2f} ms{ratio}  (median of {rounds} runs"
                      f" of {seconds:g} s; load average {os.getloadavg()[0]:.2f})", flush=True)


def measure(name: str, db_url: str, total: int) -> None:
    with server(db_url) as base:
        token, _session, plan, reader = load_users(base)
        steps = [s["key"] for s in plan["steps"] if s["kind"] == "work"]
        # Each request a new set on a step of its own (see WRK_NEW_SETS).
        writers: list[tuple[str, str]] = []

        def log_set(client: httpx.Client, n: int) -> httpx.Response:
            who, session_id = writers[n // len(steps) % len(writers)]
            body = {"key": str(uuid.uuid4()), "step_key": steps[n % len(steps)], "reps": 10,
                    "load": 12.5, "unit": "kg", "rpe": 7}
            return client.post(f"/api/sessions/{session_id}/sets", json=body,
                               headers={"Authorization": f"Bearer {who}"})

        def history(client: httpx.Client, n: int) -> httpx.Response:
            return client.get("/api/history")

        for label, make, who in (("log a set", log_set, token),
                                 ("read history", history, reader)):
            for concurrency in (1, 16):
                if make is log_set:  # runners of its own for each run
                    writers[:] = runners(db_url, total // len(steps) + 1)
                rate, lat = run(concurrency, total, make, base, who)
                lat.sort()
                p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
                print(f"{name:10} {label:12} c={concurrency:<2}  {rate:7.0f} req/s  "
                      f"p50 {statistics.median(lat):6.2f} ms  p99 {p99:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--client", choices=["wrk", "python"], default="wrk")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=800, help="per run, --client python")
    parser.add_argument("--pg", default=os.environ.get("STRONGSTRIDE_TEST_PG", LOCAL_PG))
    args = parser.parse_args()
    if args.client == "wrk" and shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk), or use --client python")

    def one(name: str, url: str) -> None:
        if args.client == "wrk":
            measure_wrk(name, url, args.seconds, args.rounds)
        else:
            measure(name, url, args.requests)

    with tempfile.TemporaryDirectory() as folder:
        one("SQLite", f"sqlite:///{Path(folder) / 'api.db'}")
    try:
        with pg_schema(args.pg) as url:
            one("PostgreSQL", url)
    except Exception as exc:  # a missing server is not the bench's failure
        print(f"PostgreSQL: skipped ({type(exc).__name__}: {exc})")


if __name__ == "__main__":
    main()
