"""sessions.sets_done is kept by the database (migration 0006): every insert, retry, update
and delete of a set leaves it equal to a count of the session's sets not skipped, on SQLite
and PostgreSQL, whoever writes the set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from strongstride.store import Store
from strongstride.store.migrate import downgrade_url, upgrade_url
from tests.store.conftest import T0, Raw, a_set


def counts(raw: Raw) -> dict[str, tuple[int, int]]:
    """Per session: (sets_done as kept, sets not skipped as counted)."""
    rows = raw.rows("SELECT s.id, s.sets_done, (SELECT count(*) FROM set_logs l "
                    "WHERE l.session_id = s.id AND NOT l.skipped) FROM sessions s")
    return {sid: (kept, counted) for sid, kept, counted in rows}


def test_the_count_follows_every_write(store: Store, session_id: str, db_url: str,
                                       raw: Callable[[], Raw]) -> None:
    conn = raw()
    store.log_set(a_set(session_id, "k1"))
    store.log_set(a_set(session_id, "k1"))  # a retry stores nothing and counts nothing
    store.log_set(a_set(session_id, "k2", skipped=True, reps=None))
    store.log_set(a_set(session_id, "k3", side="right"))
    assert counts(conn)[session_id] == (2, 2)
    assert store.session(session_id).sets_done == 2
    conn.run("UPDATE set_logs SET skipped = ? WHERE idempotency_key = 'k3'", (True,))
    assert counts(conn)[session_id] == (1, 1)
    conn.run("UPDATE set_logs SET skipped = ? WHERE idempotency_key = 'k2'", (False,))
    assert counts(conn)[session_id] == (2, 2)
    user = store.ensure_user()
    other = store.start_session(user, store.session(session_id).routine_version_id,
                                session_id="other", started_at=T0 + timedelta(days=1))
    conn.run("UPDATE set_logs SET session_id = 'other' WHERE idempotency_key = 'k1'")
    assert counts(conn) == {session_id: (1, 1), other.id: (1, 1)}
    conn.run("DELETE FROM set_logs WHERE idempotency_key IN ('k1', 'k2')")
    assert counts(conn) == {session_id: (0, 0), other.id: (0, 0)}
    assert [s.sets_done for s in store.user_sessions(user)] == [0, 0]


def test_upgrading_counts_the_sets_already_there_and_downgrading_drops_the_count(
        db_url: str, raw: Callable[[], Raw]) -> None:
    upgrade_url(db_url, "0005_running_plans")
    with Store.open(db_url) as store:  # the newest schema, to write with the store
        user = store.ensure_user()
        version = store.save_routine(user, "glute", "Glute", "# Glute\n")
        store.start_session(user, version.id, session_id="s1", started_at=T0)
        for key in ("a", "b", "c"):
            store.log_set(a_set("s1", key, skipped=key == "c"))
    downgrade_url(db_url, "0005_running_plans")
    conn = raw()
    conn.run("INSERT INTO set_logs (session_id, idempotency_key, step_key, exercise, section, "
             "exercise_index, set_number, side, reps, note, logged_at) "
             "VALUES ('s1', 'd', 'x', 'lunge', 1, 0, 4, 'left', 10, '', ?)",
             (conn.instant(T0),))
    upgrade_url(db_url)
    assert counts(conn) == {"s1": (3, 3)}
    conn.run("DELETE FROM set_logs WHERE idempotency_key = 'a'")
    assert counts(conn) == {"s1": (2, 2)}
    downgrade_url(db_url, "0005_running_plans")
    conn.run("DELETE FROM set_logs WHERE idempotency_key = 'b'")  # no trigger left to fail
    assert conn.rows("SELECT count(*) FROM set_logs") == [(2,)]
