"""Sets logged at the same moment share a commit, and still each get their own answer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from strongstride.errors import NotFound, StrongstrideError
from strongstride.store import Store
from strongstride.store.setwrite import GroupCommit
from tests.store.conftest import T0, Raw, a_set, count_commits


def _session(store: Store, name: str = "me", sid: str = "s1") -> tuple[int, int]:
    user = store.ensure_user(name)
    version = store.save_routine(user, "glute", "Glute", "# Glute\n## main\nBridge: 2x10\n")
    store.start_session(user, version.id, session_id=sid, started_at=T0)
    return user, version.id


def test_many_threads_store_every_set_once_in_fewer_commits(
        store: Store, raw: Callable[[], Raw]) -> None:
    _session(store)
    commits = count_commits(store)
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
    # 800 calls; one commit each would be 800. Threads that arrive while a commit is under
    # way wait and go in the next one together.
    assert commits[0] < threads * each * 2


def test_a_set_that_cannot_be_stored_fails_alone(store: Store,
                                                  raw: Callable[[], Raw]) -> None:
    _session(store, sid="open")
    user, version = store.ensure_user("me"), None
    version = store.save_routine(user, "hips", None, "# Hips\n## main\nBridge: 2x10\n").id
    store.start_session(user, version, session_id="done", started_at=T0)
    store.finish_session("done", T0 + timedelta(hours=1))
    logs = [a_set("open", "ok-1"), a_set("missing", "lost"), a_set("done", "late"),
            a_set("open", "ok-2")]
    gate = threading.Event()
    batches: list[int] = []
    writes = store._group_commit.write

    def slow_write(batch: list) -> None:  # type: ignore[type-arg]
        batches.append(len(batch))
        gate.wait(5)
        writes(batch)

    store._group_commit.write = slow_write
    outcomes: dict[str, object] = {}

    def log(item: object) -> None:
        try:
            outcomes[item.key] = store.log_set(item)  # type: ignore[attr-defined]
        except StrongstrideError as exc:
            outcomes[item.key] = exc  # type: ignore[attr-defined]

    first = threading.Thread(target=log, args=(a_set("open", "ok-0"),))
    first.start()
    while not batches:
        threading.Event().wait(0.01)
    rest = [threading.Thread(target=log, args=(item,)) for item in logs]
    for t in rest:
        t.start()
    while len(store._group_commit._queue) < len(logs):
        threading.Event().wait(0.01)
    gate.set()
    for t in [first, *rest]:
        t.join(10)
    assert batches == [1, 4]  # the four queued behind the first went in one transaction
    assert outcomes["ok-0"] is True and outcomes["ok-1"] is True and outcomes["ok-2"] is True
    assert isinstance(outcomes["lost"], NotFound)
    assert "no session missing" in str(outcomes["lost"])
    assert isinstance(outcomes["late"], StrongstrideError)
    assert "is finished" in str(outcomes["late"])
    keys = {key for (key,) in raw().rows("SELECT idempotency_key FROM set_logs")}
    assert keys == {"ok-0", "ok-1", "ok-2"}


def test_a_failed_transaction_fails_every_set_in_it() -> None:
    failures: list[int] = []

    def write(batch: list) -> None:  # type: ignore[type-arg]
        failures.append(len(batch))
        raise StrongstrideError("disk full")

    group = GroupCommit(write)
    with pytest.raises(StrongstrideError, match="disk full"):
        group.submit(a_set("s1", "a"))
    assert failures == [1]
    assert group._queue == [] and not group._busy  # the next caller is not stuck


def test_a_batch_never_grows_past_its_limit() -> None:
    seen: list[list[str]] = []
    hold = threading.Event()

    def write(batch: list) -> None:  # type: ignore[type-arg]
        seen.append([item.log.key for item in batch])
        if len(seen) == 1:
            hold.wait(5)
        for item in batch:
            item.stored = True
            item.done = True

    group = GroupCommit(write, max_batch=3)
    first = threading.Thread(target=group.submit, args=(a_set("s", "first"),))
    first.start()
    while not seen:
        threading.Event().wait(0.01)
    others = [threading.Thread(target=group.submit, args=(a_set("s", f"k{i}"),))
              for i in range(7)]
    for t in others:
        t.start()
    while len(group._queue) < 7:
        threading.Event().wait(0.01)
    hold.set()
    for t in [first, *others]:
        t.join(10)
        assert not t.is_alive()
    assert [len(b) for b in seen] == [1, 3, 3, 1]
    assert sorted(k for b in seen[1:] for k in b) == sorted(f"k{i}" for i in range(7))


def test_step_source_is_scoped_to_the_user(store: Store) -> None:
    user, version = _session(store)
    other = store.ensure_user("ana")
    source = store.step_source("s1", user_id=user)
    assert (source.version_id, source.text, source.without) == (
        version, store.routine_version(version).text, frozenset())
    store.start_session(user, version, session_id="s2", started_at=T0,
                        equipment=("exercise-ball", "band"))
    assert store.step_source("s2", user_id=user).without == {"exercise-ball", "band"}
    with pytest.raises(NotFound, match="no session s1"):
        store.step_source("s1", user_id=other)
    with pytest.raises(NotFound, match="no session nope"):
        store.step_source("nope", user_id=user)


def test_log_sets_stores_a_batch_in_one_commit_and_answers_each_set(
        store: Store, raw: Callable[[], Raw]) -> None:
    _session(store, sid="open")
    user = store.ensure_user("me")
    version = store.save_routine(user, "hips", None, "# Hips\n## main\nBridge: 2x10\n").id
    store.start_session(user, version, session_id="done", started_at=T0)
    store.finish_session("done", T0 + timedelta(hours=1))
    assert store.log_set(a_set("open", "before"))
    commits = count_commits(store)
    answers = store.log_sets([
        a_set("open", "a"), a_set("open", "before"), a_set("missing", "lost"),
        a_set("done", "late"), a_set("open", "bad", side="middle"), a_set("open", "a"),
        a_set("open", "b")])
    assert answers[:2] == [True, False]
    assert isinstance(answers[2], NotFound) and "no session missing" in str(answers[2])
    assert isinstance(answers[3], StrongstrideError) and "finished" in str(answers[3])
    assert isinstance(answers[4], StrongstrideError) and "side" in str(answers[4])
    assert answers[5:] == [False, True]  # the same key twice in one batch is stored once
    assert commits[0] == 1
    rows = raw().rows("SELECT idempotency_key FROM set_logs ORDER BY idempotency_key")
    assert [key for (key,) in rows] == ["a", "b", "before"]
