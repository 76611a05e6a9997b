"""Where the data lives, which URLs are accepted, and how SQLite connections are set up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError
from strongstride.store import ENV_VAR, Store, default_url
from strongstride.store.db import resolve


def test_the_environment_variable_chooses_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "postgresql://me@db.example/strongstride")
    assert default_url() == "postgresql://me@db.example/strongstride"


def test_without_it_the_data_lives_in_the_users_data_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'strongstride' / 'strongstride.db'}"
    assert (tmp_path / "data" / "strongstride").is_dir()
    with Store.open() as store:
        assert store.where == str(tmp_path / "data" / "strongstride" / "strongstride.db")
    assert (tmp_path / "data" / "strongstride" / "strongstride.db").is_file()


@pytest.mark.parametrize("url", [
    "postgres://runner:pw@db.example:5433/strongstride",
    "postgresql://runner:pw@db.example:5433/strongstride",
    "postgresql+psycopg://runner:pw@db.example:5433/strongstride",
])
def test_postgresql_urls_use_psycopg_and_hide_the_password(url: str) -> None:
    target = resolve(url)
    assert target.url.drivername == "postgresql+psycopg"
    assert (target.url.host, target.url.port, target.url.password) == ("db.example", 5433, "pw")
    assert target.where == "postgresql+psycopg://runner:***@db.example:5433/strongstride"


@pytest.mark.parametrize(("url", "where"), [
    ("sqlite:////var/lib/strongstride.db", "/var/lib/strongstride.db"),
    ("sqlite:///relative.db", "relative.db"),
    ("./my data/strongstride.db", "./my data/strongstride.db"),
])
def test_sqlite_urls_and_plain_paths_name_the_file(url: str, where: str) -> None:
    target = resolve(url)
    assert target.is_sqlite and target.where == where


def test_a_new_sqlite_file_is_in_wal_mode_with_foreign_keys_and_full_sync(
        tmp_path: Path) -> None:
    path = tmp_path / "strongstride.db"
    with Store.open(f"sqlite:///{path}") as store:
        with store._engine.connect() as connection:  # the store's own connection settings
            settings = {pragma: connection.exec_driver_sql(f"PRAGMA {pragma}").scalar()
                        for pragma in ("foreign_keys", "synchronous", "busy_timeout")}
        assert settings == {"foreign_keys": 1, "synchronous": 2, "busy_timeout": 10_000}
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def test_an_in_memory_database_works_for_quick_tries() -> None:
    with Store.open("sqlite://") as store:
        user = store.ensure_user()
        assert store.save_routine(user, "glute", None, "x").version == 1
        assert store.history(user) == []


def test_an_empty_url_is_refused() -> None:
    with pytest.raises(StrongstrideError, match="the database URL is empty"):
        Store.open("  ")
