"""Where the web app asks the store: on the event loop for SQLite, on a few threads for a
database server."""

from __future__ import annotations

import asyncio
import threading
import time
from types import SimpleNamespace
from typing import Any

from strongstride.web.auth import STORE_THREADS, on_store
from tests.web.test_setbatch import run


def asked_at_once(embedded: bool, calls: int) -> tuple[int, set[int], int]:
    """(the most calls running at once, the threads they ran on, the event loop's thread)."""
    running, most, lock = [0], [0], threading.Lock()

    def work() -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.01)
        with lock:
            running[0] -= 1
        return threading.get_ident()

    async def main() -> tuple[list[int], int]:
        store: Any = SimpleNamespace(embedded=embedded)
        threads = await asyncio.gather(*(on_store(store, work) for _ in range(calls)))
        return list(threads), threading.get_ident()

    threads, loop_thread = run(main())
    return most[0], set(threads), loop_thread


def test_a_database_server_is_asked_from_at_most_a_few_threads() -> None:
    most, threads, loop_thread = asked_at_once(embedded=False, calls=3 * STORE_THREADS)
    assert most == STORE_THREADS
    assert loop_thread not in threads


def test_sqlite_is_asked_on_the_event_loop_itself() -> None:
    most, threads, loop_thread = asked_at_once(embedded=True, calls=5)
    assert most == 1 and threads == {loop_thread}
