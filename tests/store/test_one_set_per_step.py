"""One set per step of a session: logging a step again edits its set, on SQLite and
PostgreSQL, and writers racing for one step (separate stores, as separate server processes
would be) leave one set, the one logged last."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest

from strongstride.errors import StrongstrideError
from strongstride.store import Store
from tests.store.conftest import T0, Raw, a_set

STEP = "main/0/1/left"


def _session(store: Store, sid: str = "s1") -> None:
    user = store.ensure_user()
    version = store.save_routine(user, "glute", "Glute", "# Glute\n## main\nBridge: 2x10\n")
    store.start_session(user, version.id, session_id=sid, started_at=T0)


def _at(minutes: float) -> object:
    return T0 + timedelta(minutes=minutes)


def test_a_step_logged_again_is_an_edit_of_its_set(store: Store,
                                                    raw: Callable[[], Raw]) -> None:
    _session(store)
    first = a_set("s1", "done", step_key=STEP, reps=8, logged_at=_at(1))
    assert store.write_set(first) == (first, "new")
    again = a_set("s1", "done-again", step_key=STEP, reps=10, load=12.0, unit="kg",
                  note="left knee wobbled", logged_at=_at(2))
    assert store.write_set(again) == (again, "replaced")
    [kept] = store.sets_of("s1")
    assert kept == again
    assert raw().rows("SELECT count(*) FROM set_logs") == [(1,)]
    assert store.session("s1").sets_done == 1
    assert store.logged_step_keys("s1") == {STEP}


def test_a_retry_stores_nothing_and_answers_the_stored_set(store: Store) -> None:
    _session(store)
    log = a_set("s1", "k1", step_key=STEP, reps=8, logged_at=_at(1))
    store.write_set(log)
    # The same key with other values (a client that changed its mind must use a new key).
    assert store.write_set(a_set("s1", "k1", step_key=STEP, reps=99, logged_at=_at(5))) == (
        log, "retry")
    assert [s.reps for s in store.sets_of("s1")] == [8]
    assert store.log_set(log) is False


def test_the_set_logged_last_is_kept_whichever_arrives_last(store: Store) -> None:
    """A phone's queue sent late must not undo the edit made since on another device."""
    _session(store)
    newer = a_set("s1", "from-the-laptop", step_key=STEP, reps=12, logged_at=_at(10))
    older = a_set("s1", "from-the-phone-queue", step_key=STEP, reps=9, logged_at=_at(4))
    assert store.write_set(newer)[1] == "new"
    assert store.write_set(older) == (newer, "superseded")
    assert store.log_set(older) is False
    assert store.sets_of("s1") == [newer]
    # The superseded key was not stored: sent again, it is superseded again, not a retry.
    assert store.write_set(older)[1] == "superseded"


def test_a_replaced_key_sent_again_does_not_bring_its_values_back(store: Store) -> None:
    _session(store)
    first = a_set("s1", "first", step_key=STEP, reps=8, logged_at=_at(1))
    second = a_set("s1", "second", step_key=STEP, reps=10, logged_at=_at(2))
    store.write_set(first)
    store.write_set(second)
    assert store.write_set(first) == (second, "superseded")
    assert store.sets_of("s1") == [second]


def test_skipped_then_done_counts_one_set_done(store: Store) -> None:
    _session(store)
    store.write_set(a_set("s1", "skip", step_key=STEP, skipped=True, reps=None,
                          logged_at=_at(1)))
    assert store.session("s1").sets_done == 0
    assert store.write_set(a_set("s1", "done", step_key=STEP, reps=10,
                                 logged_at=_at(2)))[1] == "replaced"
    assert store.session("s1").sets_done == 1
    assert store.write_set(a_set("s1", "skip-again", step_key=STEP, skipped=True, reps=None,
                                 logged_at=_at(3)))[1] == "replaced"
    assert store.session("s1").sets_done == 0
    assert [s.key for s in store.sets_of("s1")] == ["skip-again"]


def test_other_steps_and_sessions_are_left_alone(store: Store) -> None:
    _session(store, "s1")
    _session(store, "s2")
    store.write_set(a_set("s1", "a", step_key=STEP, reps=8, logged_at=_at(1)))
    store.write_set(a_set("s1", "b", step_key="main/0/1/right", reps=7, logged_at=_at(2)))
    store.write_set(a_set("s2", "c", step_key=STEP, reps=6, logged_at=_at(3)))
    store.write_set(a_set("s1", "a2", step_key=STEP, reps=9, logged_at=_at(4)))
    assert sorted((s.key, s.reps) for s in store.sets_of("s1")) == [("a2", 9), ("b", 7)]
    assert [(s.key, s.reps) for s in store.sets_of("s2")] == [("c", 6)]


def test_an_ended_session_takes_no_edit_but_a_retry_still_answers(store: Store) -> None:
    _session(store)
    log = a_set("s1", "k1", step_key=STEP, reps=8, logged_at=_at(1))
    store.write_set(log)
    store.finish_session("s1", T0 + timedelta(hours=1))
    assert store.write_set(log) == (log, "retry")
    with pytest.raises(StrongstrideError, match="finished"):
        store.write_set(a_set("s1", "k2", step_key=STEP, reps=9, logged_at=_at(2)))
    assert store.sets_of("s1") == [log]


def test_writers_racing_for_one_step_leave_one_set_the_latest(db_url: str) -> None:
    with Store.open(db_url) as store:
        _session(store)
    stores = [Store.open(db_url) for _ in range(6)]
    start = threading.Barrier(len(stores))
    results: list[object] = []

    def write(n: int, store: Store) -> None:
        start.wait()
        try:
            results.append(store.write_set(a_set("s1", f"device-{n}", step_key=STEP,
                                                 reps=n, logged_at=_at(n)))[1])
        except BaseException as error:  # reported by the assertion below
            results.append(error)

    threads = [threading.Thread(target=write, args=(n, store))
               for n, store in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for store in stores:
        store.close()

    assert all(isinstance(r, str) for r in results), results
    assert results.count("new") == 1
    with Store.open(db_url) as store:
        [kept] = store.sets_of("s1")
        assert (kept.key, kept.reps) == ("device-5", 5)
        assert store.session("s1").sets_done == 1
