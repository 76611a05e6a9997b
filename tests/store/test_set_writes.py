"""Logging sets: each call is its own transaction, fails or succeeds alone, and a retry is a
no-op, however many threads write at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import CheckIn, SetLog
from strongstride.store import Store
from strongstride.store.setwrite import StepSource
from tests.store.conftest import T0, Raw, a_set, count_commits


def _session(store: Store, name: str = "me", sid: str = "s1") -> tuple[int, int]:
    user = store.ensure_user(name)
    version = store.save_routine(user, "glute", "Glute", "# Glute\n## main\nBridge: 2x10\n")
    store.start_session(user, version.id, session_id=sid, started_at=T0)
    return user, version.id


def test_many_threads_store_every_set_once(store: Store, raw: Callable[[], Raw]) -> None:
    _session(store)
    threads, each = 16, 25
    start = threading.Barrier(threads)

    def worker(n: int) -> list[bool]:
        start.wait()
        answers = []
        for i in range(each):
            log = a_set("s1", f"k{n}-{i}", logged_at=T0 + timedelta(seconds=i))
            answers.append(store.log_set(log))
            answers.append(store.log_set(log))  # a retry: stored before
        return answers

    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(worker, range(threads)))
    for answers in results:
        assert answers == [True, False] * each
    rows = raw().rows("SELECT idempotency_key FROM set_logs")
    assert sorted(key for (key,) in rows) == sorted(
        f"k{n}-{i}" for n in range(threads) for i in range(each))
    assert store.session("s1").sets_done == threads * each


def test_threads_racing_with_one_key_store_it_once(store: Store,
                                                   raw: Callable[[], Raw]) -> None:
    _session(store)
    threads = 12
    start = threading.Barrier(threads)

    def worker(_: int) -> bool:
        start.wait()
        return store.log_set(a_set("s1", "the-same-key"))

    with ThreadPoolExecutor(threads) as pool:
        answers = list(pool.map(worker, range(threads)))
    assert sorted(answers) == [False] * (threads - 1) + [True]
    assert raw().rows("SELECT count(*) FROM set_logs") == [(1,)]
    assert store.session("s1").sets_done == 1


def test_each_set_is_committed_before_its_answer(store: Store) -> None:
    _session(store)
    commits = count_commits(store)
    assert store.log_set(a_set("s1", "one")) is True
    assert commits[0] == 1
    assert store.log_set(a_set("s1", "one")) is False
    assert store.log_set(a_set("s1", "two")) is True
    assert commits[0] == 3
    assert [s.key for s in store.sets_of("s1")] == ["one", "two"]


def test_sets_that_cannot_be_stored_fail_alone_while_others_write(
        store: Store, raw: Callable[[], Raw]) -> None:
    user, version = _session(store, sid="open")
    store.start_session(user, version, session_id="done", started_at=T0)
    store.finish_session("done", T0 + timedelta(hours=1))
    bad = [a_set("missing", "lost"), a_set("done", "late"), a_set("open", "odd", side="middle"),
           a_set("open", "surrogate", note="left knee \ud800")]
    good = [a_set("open", f"ok-{n}", logged_at=T0 + timedelta(seconds=n)) for n in range(40)]
    start = threading.Barrier(2)

    def write_bad() -> list[BaseException]:
        start.wait()
        refused: list[BaseException] = []
        for _ in range(10):
            for log in bad:
                with pytest.raises(StrongstrideError) as caught:
                    store.log_set(log)
                refused.append(caught.value)
        return refused

    def write_good() -> list[bool]:
        start.wait()
        return [store.log_set(log) for log in good]

    with ThreadPoolExecutor(2) as pool:
        refusals, stored = pool.submit(write_bad), pool.submit(write_good)
        assert stored.result() == [True] * len(good)
        refused = refusals.result()
    assert isinstance(refused[0], NotFound) and "no session missing" in str(refused[0])
    assert "is finished" in str(refused[1])
    assert "side must be left, right or both" in str(refused[2])
    assert "note" in str(refused[3]) and "surrogate" in str(refused[3])
    keys = {key for (key,) in raw().rows("SELECT idempotency_key FROM set_logs")}
    assert keys == {log.key for log in good}


def test_a_retry_after_the_session_ended_is_still_a_no_op(store: Store) -> None:
    _session(store)
    assert store.log_set(a_set("s1", "k1"))
    store.finish_session("s1", T0 + timedelta(hours=1))
    assert store.log_set(a_set("s1", "k1")) is False
    with pytest.raises(StrongstrideError, match="is finished"):
        store.log_set(a_set("s1", "k2"))


@pytest.mark.parametrize("field", ["note", "band", "variation", "exercise", "step_key"])
def test_a_lone_surrogate_is_refused_naming_the_field(store: Store, field: str) -> None:
    _session(store)
    with pytest.raises(StrongstrideError) as refused:
        store.log_set(a_set("s1", "k1", **{field: "hip \udc80 drop"}))
    assert f"set 'k1': {field} contains a lone UTF-16 surrogate (U+DC80 at character 5)" in str(
        refused.value)
    assert store.sets_of("s1") == []
    whole = "hip 😀 drop"  # a character outside the BMP, whole: stored as it is
    assert store.log_set(a_set("s1", "k2", **{field: whole}))
    assert getattr(store.sets_of("s1")[0], field) == whole


def test_other_text_the_store_writes_refuses_a_lone_surrogate(store: Store) -> None:
    user, _ = _session(store)
    with pytest.raises(StrongstrideError, match="user name contains a lone UTF-16 surrogate"):
        store.ensure_user("an\ud800")
    with pytest.raises(StrongstrideError, match="routine title contains a lone UTF-16"):
        store.save_routine(user, "hips", "Hips \ud800", "# Hips\n")
    with pytest.raises(StrongstrideError, match="note contains a lone UTF-16 surrogate"):
        store.save_checkin(user, CheckIn(day=T0.date(), pain=2, note="\ud83d"), now=T0)


def test_a_set_built_from_its_session_is_scoped_to_the_user(store: Store) -> None:
    user, version = _session(store)
    other = store.ensure_user("ana")
    store.start_session(user, version, session_id="s2", started_at=T0,
                        equipment=("exercise-ball", "band"))
    seen: list[StepSource] = []

    def build(session: str) -> Callable[[StepSource], SetLog]:
        def made(source: StepSource) -> SetLog:
            seen.append(source)
            return a_set(session, f"k-{session}")
        return made

    assert store.write_step("s1", user_id=user, build=build("s1"))[1] == "new"
    assert store.write_step("s2", user_id=user, build=build("s2"))[1] == "new"
    assert [(s.version_id, s.text, s.without) for s in seen] == [
        (version, store.routine_version(version).text, frozenset()),
        (version, store.routine_version(version).text, frozenset({"exercise-ball", "band"}))]
    for session, who in (("s1", other), ("nope", user)):
        with pytest.raises(NotFound, match=f"no session {session}"):
            store.write_step(session, user_id=who, build=build(session))
    assert len(seen) == 2  # nothing is built for a session she cannot see
    assert [s.key for s in store.sets_of("s1")] == ["k-s1"]


def test_a_set_that_fails_to_build_writes_nothing(store: Store) -> None:
    user, _ = _session(store)

    def broken(source: StepSource) -> SetLog:
        raise StrongstrideError("no such step")

    with pytest.raises(StrongstrideError, match="no such step"):
        store.write_step("s1", user_id=user, build=broken)
    with pytest.raises(StrongstrideError, match="cannot be logged in session s1"):
        store.write_step("s1", user_id=user, build=lambda _: a_set("s2", "elsewhere"))
    assert store.sets_of("s1") == []
    assert store.write_step("s1", user_id=user, build=lambda _: a_set("s1", "k1"))[1] == "new"
