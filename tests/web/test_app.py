"""The app as a whole: its factory for uvicorn, its entry point, and the last-resort 500."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from strongstride.web import create_app, make_app
from tests.web.conftest import TestClient


def test_make_app_takes_the_database_and_cookie_setting_from_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("STRONGSTRIDE_DB", f"sqlite:///{path}")
    monkeypatch.setenv("STRONGSTRIDE_SECURE_COOKIES", "1")
    app = make_app()
    assert app.state.settings.secure_cookies is True
    assert not path.exists()  # the store is opened at startup, not before
    with TestClient(app) as client:
        assert client.get("/login").status_code == 200
        assert app.state.strongstride.store.where == str(path)
    assert path.exists()


def test_an_unexpected_error_is_a_500_in_the_right_shape(db_url: str) -> None:
    app = create_app(db_url)

    def boom() -> Any:
        raise RuntimeError("a bug")

    app.add_api_route("/api/boom", boom)
    app.add_api_route("/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        api = client.get("/api/boom")
        assert api.status_code == 500 and api.json() == {
            "detail": [{"field": None, "message": "something went wrong on the server"}]}
        page = client.get("/boom")
        assert page.status_code == 500 and "<h1>Something went wrong</h1>" in page.text
        assert "a bug" not in api.text + page.text


def test_the_entry_point_says_how_to_use_it() -> None:
    done = subprocess.run([sys.executable, "-m", "strongstride.web", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    for option in ("--host", "--port", "--db", "--secure-cookies", "--proxy-headers"):
        assert option in done.stdout


def test_serve_keeps_what_it_made_at_start_out_of_garbage_collections(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from strongstride.web.__main__ import serve

    seen: dict[str, Any] = {}

    def run(app: Any, **options: Any) -> None:  # instead of serving until interrupted
        seen["frozen"], seen["app"], seen["options"] = gc.get_freeze_count(), app, options

    monkeypatch.setattr(uvicorn, "run", run)
    try:
        serve("127.0.0.1", 8123, db=db_url)
    finally:
        gc.unfreeze()
    assert seen["frozen"] > 10_000  # the app and its libraries, frozen before serving
    assert seen["options"]["port"] == 8123
    with TestClient(seen["app"]) as client:  # the app it serves opens the database given
        assert client.get("/login").status_code == 200
        assert client.app.state.strongstride.where in db_url  # type: ignore[attr-defined]


def test_an_app_made_and_run_freezes_nothing(db_url: str) -> None:
    before = gc.get_freeze_count()
    with TestClient(create_app(db_url)) as client:
        assert client.get("/login").status_code == 200
        assert gc.get_freeze_count() == before  # tests make many apps; each must be freed
