"""Every way the database can fail becomes one message that names the file or URL and says
what to do; nothing is half-written, and nothing is changed when the database is refused."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError, Unavailable
from strongstride.rules import SET_NOTE_MAX
from strongstride.store import Store
from strongstride.store.db import CONNECT_TIMEOUT_SECONDS, resolve
from strongstride.store.failures import explain
from tests.store.conftest import T0, a_set


def _open_error(url: str) -> str:
    with pytest.raises(StrongstrideError) as refused:
        Store.open(url)
    return refused.value.message


def test_a_file_that_is_not_sqlite_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "workouts.csv"
    junk = b"date,exercise,reps\n2025-03-01,lunge,12\n" * 200
    path.write_bytes(junk)

    message = _open_error(f"sqlite:///{path}")

    assert message.startswith(f"{path}: this file is not a SQLite database")
    assert "--db" in message
    assert path.read_bytes() == junk


def test_a_plain_file_path_is_taken_as_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database at all, " * 100)
    assert _open_error(str(path)).startswith(f"{path}: this file is not a SQLite database")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "folder" / "strongstride.db"
    message = _open_error(f"sqlite:///{path}")
    assert message.startswith(f"{path}: cannot open the database file")
    assert not path.parent.exists()


def test_an_unreachable_postgresql_server_is_named_without_the_password() -> None:
    started = time.monotonic()
    message = _open_error("postgresql://runner:s3cret-Pa55@127.0.0.1:1/strongstride")
    assert time.monotonic() - started < CONNECT_TIMEOUT_SECONDS + 5
    assert message.startswith("postgresql+psycopg://runner:***@127.0.0.1:1/strongstride: "
                              "cannot connect to PostgreSQL")
    assert "s3cret-Pa55" not in message
    assert "check that the server is running" in message


def test_a_server_that_does_not_answer_is_unavailable() -> None:
    with pytest.raises(Unavailable, match="cannot connect to PostgreSQL"):
        Store.open("postgresql://runner@127.0.0.1:1/strongstride")


def test_a_postgres_url_with_the_password_in_the_query_hides_it_too() -> None:
    message = _open_error("postgres://runner@127.0.0.1:1/strongstride?password=s3cret-Pa55")
    assert "cannot connect to PostgreSQL" in message
    assert "s3cret-Pa55" not in message


def test_a_silent_host_gives_up_after_the_connect_timeout() -> None:
    # 192.0.2.0/24 is reserved for documentation: nothing answers there.
    started = time.monotonic()
    message = _open_error("postgresql://runner:s3cret-Pa55@192.0.2.1:5432/strongstride")
    assert time.monotonic() - started < CONNECT_TIMEOUT_SECONDS * 3 + 5
    assert "192.0.2.1" in message and "cannot connect to PostgreSQL" in message
    assert "s3cret-Pa55" not in message


def test_an_unsupported_url_is_refused_before_connecting() -> None:
    message = _open_error("mysql://runner:s3cret-Pa55@localhost/strongstride")
    assert "not supported" in message and "s3cret-Pa55" not in message


def test_a_url_that_does_not_parse_does_not_show_its_password() -> None:
    message = _open_error("postgresql://runner:s3cret@Pa55@host:port/db")
    assert "s3cret" not in message and "not a database URL" in message


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder read-only, even for root (who ignores the permission bits)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root without chattr: cannot make a file read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def _store_with_a_session(path: Path) -> None:
    with Store.open(f"sqlite:///{path}") as store:
        user = store.ensure_user()
        version = store.save_routine(user, "runner-glute", "Glute", "# Glute\n")
        store.start_session(user, version.id, session_id="s1", started_at=T0)
        assert store.log_set(a_set("s1", "k1"))


def test_a_read_only_file_can_be_read_and_a_write_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "strongstride.db"
    _store_with_a_session(path)

    with read_only(path), Store.open(f"sqlite:///{path}") as store:
        assert [log.key for log in store.sets_of("s1")] == ["k1"]
        with pytest.raises(StrongstrideError) as refused:
            store.log_set(a_set("s1", "k2", set_number=2))
        message = refused.value.message
        assert isinstance(refused.value, Unavailable)  # the server's problem: a 503 on the web
        assert message.startswith(f"{path}: the database is read-only")
        assert "writable" in message

    with Store.open(f"sqlite:///{path}") as store:
        assert [log.key for log in store.sets_of("s1")] == ["k1"]


def test_a_read_only_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "strongstride.db"
    _store_with_a_session(path)

    with read_only(folder):
        message = _open_error(f"sqlite:///{path}")
    assert message.startswith(f"{path}: ")
    assert "folder" in message and "write" in message


def test_sqlites_disk_full_error_becomes_a_message(tmp_path: Path) -> None:
    path = tmp_path / "tiny.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("PRAGMA max_page_count = 4")
    with pytest.raises(sqlite3.OperationalError) as full:
        conn.execute("INSERT INTO notes VALUES (?)", ("x" * 100_000,))
    conn.close()

    message = explain(full.value, resolve(f"sqlite:///{path}")).message

    assert message.startswith(f"{path}: the disk is full (database or disk is full)")
    assert "nothing from this write was saved" in message


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system (tmpfs): needs root; skipped elsewhere."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_full_disk_loses_no_saved_set_and_a_retry_works_once_there_is_room(
        small_disk: Path) -> None:
    path = small_disk / "strongstride.db"
    ballast = small_disk / "ballast"
    with Store.open(f"sqlite:///{path}") as store:
        user = store.ensure_user()
        version = store.save_routine(user, "runner-glute", "Glute", "# Glute\n")
        store.start_session(user, version.id, session_id="s1", started_at=T0)
        ballast.write_bytes(b"\0" * 200_000)
        saved: list[str] = []
        failed = None
        for number in range(1, 2000):
            log = a_set("s1", f"k{number}", set_number=number, note="n" * SET_NOTE_MAX)
            try:
                assert store.log_set(log)
            except StrongstrideError as error:
                failed = (log, error.message)
                break
            saved.append(log.key)
        assert failed is not None, "the small disk never filled up"
        log, message = failed
        assert message.startswith(f"{path}: the disk is full")
        assert [kept.key for kept in store.sets_of("s1")] == saved

        ballast.unlink()
        assert store.log_set(log)
        assert store.log_set(log) is False
        assert [kept.key for kept in store.sets_of("s1")] == [*saved, log.key]


def test_a_driver_message_that_repeats_the_password_is_scrubbed() -> None:
    target = resolve("postgresql://runner:s3cret-Pa55@db.example/strongstride")
    error = Exception('password "s3cret-Pa55" rejected for user "runner"\nsecond line')
    message = explain(error, target).message
    assert "s3cret-Pa55" not in message and "second line" not in message
    assert message.startswith("postgresql+psycopg://runner:***@db.example/strongstride: "
                              'cannot connect to PostgreSQL (password "***" rejected')
