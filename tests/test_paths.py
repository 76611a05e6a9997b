"""Where the default database is: the same folder platformdirs names, read without it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
import pytest

from strongstride.paths import default_db_file, sqlite_file


@pytest.mark.parametrize("data_home", [None, "", "  ", "/srv/her data"])
def test_the_default_database_is_in_platformdirs_data_folder(
        data_home: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    if data_home is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", data_home)
    expected = os.path.join(platformdirs.user_data_dir("strongstride"), "strongstride.db")
    assert default_db_file() == expected
    if sys.platform.startswith("linux") and data_home is None:
        assert expected == str(tmp_path / ".local/share/strongstride/strongstride.db")


@pytest.mark.parametrize(("url", "file"), [
    ("sqlite:///mine.db", "mine.db"),
    ("sqlite:////srv/data/mine.db", "/srv/data/mine.db"),
    ("sqlite+pysqlite:///mine.db?timeout=5", "mine.db"),
    ("plain/file.db", "plain/file.db"),
    ("sqlite://", None),
    ("sqlite:///:memory:", None),
    ("postgresql+psycopg://postgres@127.0.0.1/test", None),
])
def test_the_sqlite_file_of_a_database_url(url: str, file: str | None) -> None:
    assert sqlite_file(url) == file


def test_without_a_url_the_variable_then_the_default_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRONGSTRIDE_DB", "sqlite:////tmp/x.db")
    assert sqlite_file(None) == "/tmp/x.db"
    monkeypatch.setenv("STRONGSTRIDE_DB", " ")
    assert sqlite_file(None) == default_db_file()
