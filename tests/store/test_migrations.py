"""Migrations: an empty database and a database at every earlier revision reach the newest
schema with their rows intact; a newer or foreign database is refused and left as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError
from strongstride.store import Store
from strongstride.store.migrate import (
    downgrade_url,
    head,
    revisions,
    schema_drift,
    script_revisions,
    upgrade_url,
)
from tests.store.conftest import T0, Raw, a_set

TABLES = {"alembic_version", "users", "routines", "routine_versions", "sessions", "set_logs",
          "web_sessions", "api_tokens", "checkins", "running_plans"}


def _sample_0001(raw: Raw) -> None:
    """What strongstride wrote at 0001: no `skipped` flag, no `planned_sets`."""
    raw.run("INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)",
            (1, "me", raw.instant(T0)))
    raw.run("INSERT INTO routines (id, user_id, slug, title, created_at) VALUES (?, ?, ?, ?, ?)",
            (1, 1, "runner-glute", "Glute", raw.instant(T0)))
    raw.run("INSERT INTO routine_versions (id, routine_id, version, text, sha256, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (1, 1, 1, "# Glute\n", hashlib.sha256(b"# Glute\n").hexdigest(), raw.instant(T0)))
    raw.run("INSERT INTO sessions (id, user_id, routine_version_id, equipment, started_at, "
            "ended_at, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ("old-session", 1, 1, '["band"]', raw.instant(T0),
             raw.instant(T0 + timedelta(minutes=40)), "finished"))
    raw.run("INSERT INTO set_logs (session_id, idempotency_key, step_key, exercise, section, "
            "exercise_index, set_number, side, reps, load, unit, rpe, note, logged_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ("old-session", "old-key", "main/0/1/left", "lunge", 1, 0, 1, "left", 12, 8.5,
             "kg", 7.0, "felt fine", raw.instant(T0 + timedelta(minutes=5))))


def _sample_0002(raw: Raw) -> None:
    """What strongstride wrote at 0002: the rows of 0001, with a skipped set and the set count
    left at their defaults; users have no password and no equipment list."""
    _sample_0001(raw)


def _sample_0003(raw: Raw) -> None:
    """What strongstride wrote at 0003: the rows of 0002, and a password for the user; no
    variation on sets, no check-ins, no injured side."""
    _sample_0002(raw)
    raw.run("UPDATE users SET password_hash = ? WHERE id = 1", ("argon2-hash",))


def _sample_0004(raw: Raw) -> None:
    """What strongstride wrote at 0004: the rows of 0003; no running plan."""
    _sample_0003(raw)


def _sample_0005(raw: Raw) -> None:
    """What strongstride wrote at 0005: the rows of 0004, and a second, skipped set in the
    old session; sessions keep no count of their sets (0006 counts them once)."""
    _sample_0004(raw)
    raw.run("INSERT INTO set_logs (session_id, idempotency_key, step_key, exercise, section, "
            "exercise_index, set_number, side, skipped, note, logged_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ("old-session", "old-skipped", "main/0/2/left", "lunge", 1, 0, 2, "left", True, "",
             raw.instant(T0 + timedelta(minutes=6))))


# One entry for every revision but the newest: rows as strongstride wrote them at that revision.
def _sample_0006(raw: Raw) -> None:
    """What strongstride wrote at 0006: the rows of 0005 (sets_done kept by the database);
    users have no history revision yet."""
    _sample_0005(raw)


def _sample_0007(raw: Raw) -> None:
    """What strongstride wrote at 0007: the rows of 0006, with users' history revisions
    (kept by triggers, dropped again by 0008)."""
    _sample_0006(raw)
    raw.run("UPDATE users SET history_revision = 7 WHERE id = 1")


def _sample_0008(raw: Raw) -> None:
    """What strongstride wrote at 0008: the rows of 0006 (no history revision any more), and a
    step logged twice (Back, then Done again): an earlier set of the step of `old-key`, which
    0009 folds away."""
    _sample_0006(raw)
    raw.run("INSERT INTO set_logs (session_id, idempotency_key, step_key, exercise, section, "
            "exercise_index, set_number, side, reps, note, logged_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ("old-session", "old-first-try", "main/0/1/left", "lunge", 1, 0, 1, "left", 10, "",
             raw.instant(T0 + timedelta(minutes=4))))


SAMPLES: dict[str, Callable[[Raw], None]] = {"0001_initial": _sample_0001,
                                             "0002_skipped_planned_sets": _sample_0002,
                                             "0003_accounts": _sample_0003,
                                             "0004_reports_checkins": _sample_0004,
                                             "0005_running_plans": _sample_0005,
                                             "0006_sessions_sets_done": _sample_0006,
                                             "0007_history_revision": _sample_0007,
                                             "0008_no_history_revision": _sample_0008}


def test_the_revisions_form_one_line_starting_at_0001() -> None:
    found = script_revisions()
    assert found[0] == "0001_initial"
    assert len(found) >= 2
    # The list the store opens a database by is the migrations folder's, in its order.
    assert revisions() == found
    assert found[-1] == head()


def test_an_empty_database_is_upgraded_to_the_newest_revision(
        db_url: str, raw: Callable[[], Raw]) -> None:
    with Store.open(db_url):
        pass
    conn = raw()
    assert set(conn.tables()) == TABLES
    assert conn.rows("SELECT version_num FROM alembic_version") == [(head(),)]


def test_opening_again_changes_nothing(db_url: str, raw: Callable[[], Raw]) -> None:
    with Store.open(db_url) as store:
        store.ensure_user()
    before = raw().snapshot()
    with Store.open(db_url):
        pass
    assert raw().snapshot() == before


def test_the_newest_revision_builds_exactly_the_tables_of_tables_py(db_url: str) -> None:
    upgrade_url(db_url)
    assert schema_drift(db_url) == []


def test_the_schema_comparison_sees_a_missing_migration(db_url: str) -> None:
    upgrade_url(db_url, revisions()[0])
    drift = "\n".join(schema_drift(db_url))
    assert "skipped" in drift and "ix_set_logs_exercise" in drift


@pytest.mark.parametrize("revision", revisions()[:-1])
def test_a_database_at_every_earlier_revision_upgrades_with_its_rows(
        db_url: str, raw: Callable[[], Raw], revision: str) -> None:
    assert revision in SAMPLES, f"add a sample of the rows revision {revision} holds"
    upgrade_url(db_url, revision)
    conn = raw()
    assert conn.rows("SELECT version_num FROM alembic_version") == [(revision,)]
    SAMPLES[revision](conn)

    with Store.open(db_url) as store:
        assert conn.rows("SELECT version_num FROM alembic_version") == [(head(),)]
        old = store.session("old-session")
        assert (old.status, old.routine_slug, old.equipment) == ("finished", "runner-glute",
                                                                  ("band",))
        assert old.started_at == T0 and old.ended_at == T0 + timedelta(minutes=40)
        assert old.planned_sets == 0 and old.sets_done == 1
        [kept] = [log for log in store.sets_of("old-session") if not log.skipped]
        assert (kept.key, kept.exercise, kept.reps, kept.load, kept.unit, kept.rpe, kept.note,
                kept.skipped) == ("old-key", "lunge", 12, 8.5, "kg", 7.0, "felt fine", False)
        assert kept.variation is None
        assert store.routine_version(1).text == "# Glute\n"
        assert store.save_routine(1, "runner-glute", "Glute", "# Glute\n").version == 1
    assert schema_drift(db_url) == []


def test_a_database_from_a_newer_strongstride_is_refused_and_left_alone(
        db_url: str, raw: Callable[[], Raw]) -> None:
    with Store.open(db_url) as store:
        store.ensure_user("ana")
    conn = raw()
    conn.run("UPDATE alembic_version SET version_num = '0099_future'")
    conn.run("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
    conn.close()
    before = raw().snapshot()
    fingerprint = _file_fingerprint(db_url)

    with pytest.raises(StrongstrideError) as refused:
        Store.open(db_url)

    message = refused.value.message
    where = db_url.removeprefix("sqlite:///") if db_url.startswith("sqlite") else "postgresql"
    assert where in message
    assert "written by a newer strongstride (schema revision 0099_future)" in message
    assert message.endswith("upgrade strongstride")
    assert raw().snapshot() == before
    assert _file_fingerprint(db_url) == fingerprint


def _file_fingerprint(url: str) -> str | None:
    if not url.startswith("sqlite"):
        return None
    return hashlib.sha256(Path(url.removeprefix("sqlite:///")).read_bytes()).hexdigest()


def test_a_sqlite_database_of_another_program_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO photos (name) VALUES ('run.jpg')")
    conn.close()
    before = path.read_bytes()

    with pytest.raises(StrongstrideError) as refused:
        Store.open(f"sqlite:///{path}")

    assert str(path) in refused.value.message
    assert "not strongstride's (photos)" in refused.value.message
    assert path.read_bytes() == before


def test_downgrading_to_every_earlier_revision_keeps_the_rows_and_can_come_back(
        db_url: str, raw: Callable[[], Raw]) -> None:
    with Store.open(db_url) as store:
        user = store.ensure_user()
        version = store.save_routine(user, "runner-glute", "Glute", "# Glute\n")
        store.start_session(user, version.id, session_id="s1", started_at=T0, planned_sets=4)
        store.log_set(a_set("s1", "k1"))
    for revision in reversed(revisions()[:-1]):
        downgrade_url(db_url, revision)
        conn = raw()
        assert conn.rows("SELECT version_num FROM alembic_version") == [(revision,)]
        assert conn.rows("SELECT idempotency_key FROM set_logs") == [("k1",)]
        conn.close()
    assert "skipped" in "\n".join(schema_drift(db_url))
    with Store.open(db_url) as store:
        assert [log.key for log in store.sets_of("s1")] == ["k1"]
        assert store.session("s1").planned_sets == 0  # the column came back with its default
    assert schema_drift(db_url) == []


def test_0004_adds_the_variation_of_a_set_and_keeps_the_sets_before_it(
        db_url: str, raw: Callable[[], Raw]) -> None:
    upgrade_url(db_url, "0003_accounts")
    conn = raw()
    _sample_0003(conn)
    with Store.open(db_url) as store:
        store.start_session(1, 1, session_id="new-session", started_at=T0 + timedelta(days=2))
        store.log_set(a_set("new-session", "new-key", variation="band above knees"))
        assert [log.variation for log in store.sets_of("old-session")] == [None]
        assert [log.variation for log in store.sets_of("new-session")] == ["band above knees"]
    assert conn.rows("SELECT variation FROM set_logs WHERE idempotency_key = 'new-key'") == [
        ("band above knees",)]
    downgrade_url(db_url, "0003_accounts")
    assert "variation" in "\n".join(schema_drift(db_url))
    assert sorted(conn.rows("SELECT idempotency_key FROM set_logs")) == [("new-key",),
                                                                        ("old-key",)]


def _triggers(raw: Raw) -> set[str]:
    if raw.is_sqlite:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = ("SELECT DISTINCT trigger_name FROM information_schema.triggers "
               "WHERE trigger_schema = current_schema()")
    return {name for (name,) in raw.rows(sql)}


def test_0008_drops_the_history_revision_and_its_triggers_and_keeps_the_rows(
        db_url: str, raw: Callable[[], Raw]) -> None:
    upgrade_url(db_url, "0007_history_revision")
    conn = raw()
    _sample_0007(conn)
    assert any("history" in name for name in _triggers(conn))
    upgrade_url(db_url)
    assert conn.rows("SELECT version_num FROM alembic_version") == [(head(),)]
    assert not any("history" in name for name in _triggers(conn))
    assert _triggers(conn)  # the sets_done triggers of 0006 stay
    if not conn.is_sqlite:
        assert conn.rows("SELECT count(*) FROM pg_proc JOIN pg_namespace n "
                         "ON n.oid = pg_proc.pronamespace WHERE n.nspname = current_schema() "
                         "AND proname = 'strongstride_history_revision'") == [(0,)]
    with Store.open(db_url) as store:
        assert store.find_user("me") == 1
        [session] = store.history(1)
        assert (session.id, session.status, session.sets_done) == ("old-session", "finished", 1)
        assert sorted(log.key for log in store.sets_of("old-session")) == ["old-key",
                                                                           "old-skipped"]
        store.start_session(1, 1, session_id="new", started_at=T0 + timedelta(days=1))
        assert store.log_set(a_set("new", "new-key"))  # no trigger left to write a column
        assert [s.sets_done for s in store.history(1)] == [1, 1]
    assert schema_drift(db_url) == []


def _a_set_row(raw: Raw, session_id: str, key: str, step_key: str, minute: int, reps: int, *,
               skipped: bool = False) -> None:
    raw.run("INSERT INTO set_logs (session_id, idempotency_key, step_key, exercise, section, "
            "exercise_index, set_number, side, reps, skipped, note, logged_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, key, step_key, "lunge", 1, 0, 1, "left", reps, skipped, "",
             raw.instant(T0 + timedelta(minutes=minute))))


def test_0009_folds_a_step_logged_twice_into_its_latest_set(
        db_url: str, raw: Callable[[], Raw]) -> None:
    upgrade_url(db_url, "0008_no_history_revision")
    conn = raw()
    _sample_0001(conn)
    conn.run("INSERT INTO sessions (id, user_id, routine_version_id, started_at, status) "
             "VALUES (?, ?, ?, ?, ?)", ("again", 1, 1, conn.instant(T0), "active"))
    # Done, Back, Done again; a skip changed into a set; two sets written in one instant
    # (the one written last stays); and a step of another session with the same key.
    _a_set_row(conn, "again", "a-first", "main/0/1/left", 1, 8)
    _a_set_row(conn, "again", "a-second", "main/0/1/left", 3, 9)
    _a_set_row(conn, "again", "b-skipped", "main/0/2/left", 4, 0, skipped=True)
    _a_set_row(conn, "again", "b-done", "main/0/2/left", 5, 11)
    _a_set_row(conn, "again", "c-one", "main/0/3/left", 6, 5)
    _a_set_row(conn, "again", "c-two", "main/0/3/left", 6, 6)
    _a_set_row(conn, "again", "d-only", "main/0/4/left", 7, 7, skipped=True)
    conn.run("UPDATE sessions SET sets_done = (SELECT count(*) FROM set_logs "
             "WHERE session_id = sessions.id AND NOT skipped)")
    assert conn.rows("SELECT sets_done FROM sessions WHERE id = 'again'") == [(5,)]

    upgrade_url(db_url)
    assert sorted(conn.rows("SELECT idempotency_key, reps FROM set_logs "
                            "WHERE session_id = 'again'")) == [
        ("a-second", 9), ("b-done", 11), ("c-two", 6), ("d-only", 7)]
    assert conn.rows("SELECT idempotency_key FROM set_logs WHERE session_id = 'old-session'"
                     ) == [("old-key",)]
    with Store.open(db_url) as store:
        assert store.session("again").sets_done == 3  # the triggers counted what went out
        assert store.session("old-session").sets_done == 1
    assert schema_drift(db_url) == []
    # The database itself now refuses a second set of a step, whoever writes it.
    with pytest.raises(Exception, match=r"(?i)unique"):
        _a_set_row(conn, "again", "a-third", "main/0/1/left", 9, 10)


def test_0009_goes_back_to_a_plain_index(db_url: str, raw: Callable[[], Raw]) -> None:
    upgrade_url(db_url)
    downgrade_url(db_url, "0008_no_history_revision")
    conn = raw()
    _sample_0001(conn)
    _a_set_row(conn, "old-session", "twice", "main/0/1/left", 9, 10)  # allowed at 0008
    assert len(conn.rows("SELECT id FROM set_logs")) == 2
