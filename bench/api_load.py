"""Throughput and latency of the JSON API on a real server (issue 4).

Run:  .venv/bin/python bench/api_load.py [--requests 800] [--pg URL]

Starts `uvicorn strongstride.web.app:make_app` on a free port (one worker), signs a user
up, makes an API token, then times two operations at concurrency 1 and 16, each from its
own keep-alive connection: logging a set (`POST /api/sessions/{id}/sets`) and reading
history (`GET /api/history`). SQLite always; PostgreSQL too, in a schema of its own, when a
server answers. Target on this 2-core machine: p99 under 20 ms at concurrency 16 on SQLite.
Client and server share the machine, so the figures include the client's own work.
"""

from __future__ import annotations

import argparse
import os
import re
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
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "strongstride.web.app:make_app",
                             "--factory", "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warning"], env=env)
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


def measure(name: str, db_url: str, total: int) -> None:
    with server(db_url) as base:
        token = token_for(base)
        auth = {"Authorization": f"Bearer {token}"}
        session = httpx.post(f"{base}/api/sessions", json={"routine": "runner-glute"},
                             headers=auth, timeout=30).json()
        plan = httpx.get(f"{base}/api/routines/runner-glute", headers=auth).json()["plan"]
        steps = [s["key"] for s in plan["steps"] if s["kind"] == "work"]

        def log_set(client: httpx.Client, n: int) -> httpx.Response:
            body = {"key": str(uuid.uuid4()), "step_key": steps[n % len(steps)], "reps": 10,
                    "load": 12.5, "unit": "kg", "rpe": 7}
            return client.post(f"/api/sessions/{session['id']}/sets", json=body)

        def history(client: httpx.Client, n: int) -> httpx.Response:
            return client.get("/api/history")

        for label, make in (("log a set", log_set), ("read history", history)):
            for concurrency in (1, 16):
                rate, lat = run(concurrency, total, make, base, token)
                lat.sort()
                p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
                print(f"{name:10} {label:12} c={concurrency:<2}  {rate:7.0f} req/s  "
                      f"p50 {statistics.median(lat):6.2f} ms  p99 {p99:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=800)
    parser.add_argument("--pg", default=os.environ.get("STRONGSTRIDE_TEST_PG", LOCAL_PG))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        measure("SQLite", f"sqlite:///{Path(folder) / 'api.db'}", args.requests)
    try:
        with pg_schema(args.pg) as url:
            measure("PostgreSQL", url, args.requests)
    except Exception as exc:  # a missing server is not the bench's failure
        print(f"PostgreSQL: skipped ({type(exc).__name__}: {exc})")


if __name__ == "__main__":
    main()
