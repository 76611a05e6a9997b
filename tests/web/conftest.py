"""Fixtures for the web tests: an app on SQLite (and on PostgreSQL when STRONGSTRIDE_TEST_PG is
set, one schema per test, as in tests/store), browsers that sign in through the forms, and a
real uvicorn server on a free port (`live_server`, also used by tests/web/browser/).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from strongstride.web import create_app
from tests.store.conftest import ENGINES, pg_schema

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
FORM_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'web.db'}"
    else:
        with pg_schema() as url:
            yield url


@pytest.fixture
def app(db_url: str) -> Any:
    return create_app(db_url)


class Visitor:
    """A TestClient that signs in through the forms, like a person with a phone. (Not called
    `browser`: that is pytest-playwright's fixture in tests/web/browser/.)"""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf: str | None = None

    def form_token(self, path: str = "/login") -> str:
        page = self.client.get(path)
        found = FORM_CSRF.search(page.text)
        assert found, f"no csrf field on {path}"
        return found.group(1)

    def register(self, name: str, password: str = PASSWORD) -> httpx.Response:
        response = self.client.post("/register", data={
            "username": name, "password": password, "csrf": self.form_token("/register")})
        self.refresh()
        return response

    def login(self, name: str, password: str = PASSWORD, **extra: str) -> httpx.Response:
        response = self.client.post("/login", data={
            "username": name, "password": password, "csrf": self.form_token(), **extra})
        self.refresh()
        return response

    def refresh(self) -> None:
        page = self.client.get("/account")
        found = META_CSRF.search(page.text)
        self.csrf = found.group(1) if found and page.url.path == "/account" else None

    def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """An API call from the page: the cookie plus the X-CSRF-Token header."""
        headers = {"X-CSRF-Token": self.csrf or "", **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)

    def post_form(self, path: str, data: dict[str, Any] | None = None) -> httpx.Response:
        return self.client.post(path, data={"csrf": self.csrf or "", **(data or {})})

    def token(self, name: str = "phone") -> str:
        made = self.api("POST", "/api/tokens", json={"name": name})
        assert made.status_code == 201, made.text
        token: str = made.json()["token"]
        return token

    def start(self, routine: str = "runner-glute") -> dict[str, Any]:
        started = self.api("POST", "/api/sessions", json={"routine": routine})
        assert started.status_code in (200, 201), started.text
        session: dict[str, Any] = started.json()
        return session

    def log(self, session_id: str, step_key: str, **fields: Any) -> httpx.Response:
        body = {"key": str(uuid.uuid4()), "step_key": step_key, **fields}
        return self.api("POST", f"/api/sessions/{session_id}/sets", json=body)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=True) as opened:
        yield opened


@pytest.fixture
def visitor(client: TestClient) -> Visitor:
    return Visitor(client)


@pytest.fixture
def new_visitor(client: TestClient, app: Any) -> Iterator[Any]:
    """Make more visitors (other users, other phones) on the same running app."""
    opened: list[TestClient] = []

    def make() -> Visitor:
        opened.append(TestClient(app, follow_redirects=True))
        return Visitor(opened[-1])

    yield make
    for each in opened:
        each.close()


def work_steps(routine: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for step in routine["plan"]["steps"] if step["kind"] == "work"]


# The real server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session", params=ENGINES)
def live_db_url(request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}"
    else:
        with pg_schema() as url:
            yield url


@pytest.fixture(scope="session")
def live_server(live_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`uvicorn strongstride.web.app:make_app --factory` on 127.0.0.1 and a free port, polled
    until it answers; yields its base URL, such as http://127.0.0.1:8123."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("live-log") / "uvicorn.log"
    env = {**os.environ, "STRONGSTRIDE_DB": live_db_url}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "strongstride.web.app:make_app", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server stopped (exit {proc.returncode}):\n"
                                   + log_path.read_text(errors="replace"))
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not answer in 30 s:\n"
                                   + log_path.read_text(errors="replace"))
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
