"""On SQLite, the sets that requests log in one turn of the event loop share one commit.

Each test runs its coroutine on an event loop of its own in a thread: the browser tests'
Playwright keeps a loop running in the main thread for the whole test session.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from strongstride.web.setbatch import SetBatcher, log_set

from strongstride.errors import NotFound
from strongstride.store import Store
from tests.store.conftest import T0, a_set, count_commits


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'batch.db'}") as store:
        user = store.ensure_user("me")
        version = store.save_routine(user, "glute", "Glute",
                                     "# Glute\n## main\nBridge: 2x10\n")
        store.start_session(user, version.id, session_id="s1", started_at=T0)
        yield store


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def _sets_logged_together_share_one_commit_and_each_get_an_answer(
        sqlite_store: Store) -> None:
    batcher, commits = SetBatcher(sqlite_store), count_commits(sqlite_store)
    logs = [a_set("s1", f"k{n}", logged_at=T0 + timedelta(seconds=n)) for n in range(16)]
    answers = await asyncio.gather(*(batcher.log_set(log) for log in logs),
                                   batcher.log_set(logs[0]))
    assert answers == [True] * 16 + [False]  # the repeat of k0 was stored before
    assert commits[0] == 1
    assert [s.key for s in sqlite_store.sets_of("s1")] == [f"k{n}" for n in range(16)]


def test_sets_logged_together_share_one_commit_and_each_get_an_answer(
        sqlite_store: Store) -> None:
    run(_sets_logged_together_share_one_commit_and_each_get_an_answer(sqlite_store))


async def _a_set_that_cannot_be_stored_fails_alone(sqlite_store: Store) -> None:
    batcher = SetBatcher(sqlite_store)
    answers = await asyncio.gather(batcher.log_set(a_set("s1", "ok")),
                                   batcher.log_set(a_set("nowhere", "lost")),
                                   batcher.log_set(a_set("s1", "ok-too")),
                                   return_exceptions=True)
    assert answers[0] is True and answers[2] is True
    assert isinstance(answers[1], NotFound)
    assert {s.key for s in sqlite_store.sets_of("s1")} == {"ok", "ok-too"}


def test_a_set_that_cannot_be_stored_fails_alone(sqlite_store: Store) -> None:
    run(_a_set_that_cannot_be_stored_fails_alone(sqlite_store))


async def _a_set_alone_is_committed_before_its_answer(sqlite_store: Store) -> None:
    batcher, commits = SetBatcher(sqlite_store), count_commits(sqlite_store)
    assert await log_set(batcher, sqlite_store, a_set("s1", "one")) is True
    assert commits[0] == 1
    assert await log_set(batcher, sqlite_store, a_set("s1", "two")) is True
    assert commits[0] == 2
    assert [s.key for s in sqlite_store.sets_of("s1")] == ["one", "two"]


def test_a_set_alone_is_committed_before_its_answer(sqlite_store: Store) -> None:
    run(_a_set_alone_is_committed_before_its_answer(sqlite_store))


async def _a_failed_commit_fails_the_whole_batch_and_stores_none(
        sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    batcher = SetBatcher(sqlite_store)

    def broken(batch: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(sqlite_store, "_write_sets", broken)
    answers = await asyncio.gather(batcher.log_set(a_set("s1", "a")),
                                   batcher.log_set(a_set("s1", "b")), return_exceptions=True)
    assert all(isinstance(a, OSError) for a in answers)
    monkeypatch.undo()
    assert sqlite_store.sets_of("s1") == []
    assert await batcher.log_set(a_set("s1", "a")) is True  # and the next batch goes on


def test_a_failed_commit_fails_the_whole_batch_and_stores_none(
        sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    run(_a_failed_commit_fails_the_whole_batch_and_stores_none(sqlite_store, monkeypatch))


async def _without_a_batcher_the_set_goes_through_the_group_commit(
        sqlite_store: Store) -> None:
    assert await log_set(None, sqlite_store, a_set("s1", "solo")) is True
    assert await log_set(None, sqlite_store, a_set("s1", "solo")) is False



def test_without_a_batcher_the_set_goes_through_the_group_commit(
        sqlite_store: Store) -> None:
    run(_without_a_batcher_the_set_goes_through_the_group_commit(sqlite_store))
