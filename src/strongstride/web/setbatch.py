"""Logging sets on SQLite: the sets of one turn of the event loop share one commit.

On SQLite the app asks the store right on the event loop (see `auth.on_store`), so the
thread-based group commit of the store never sees two sets at once, and every set pays a
commit (an fsync) of its own. Here a request that logs a set puts it in a list and waits;
the first one also asks the loop to store the list once every request already under way has
had its turn. Under load that is many sets per commit; alone, a set waits for nothing.
Each request still answers only after its own set is committed, and a set that cannot be
stored fails alone. A database server keeps the store's own group commit, from threads.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from strongstride.records import SetLog
from strongstride.store import Store
from strongstride.web.auth import on_store


@dataclass
class SetBatcher:
    store: Store
    _waiting: list[tuple[SetLog, asyncio.Future[bool]]] = field(default_factory=list)

    async def log_set(self, log: SetLog) -> bool:
        """True once `log` is committed, False if its key was stored before."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[bool] = loop.create_future()
        self._waiting.append((log, answer))
        if len(self._waiting) == 1:
            loop.call_soon(self._store_waiting)
        return await answer

    def _store_waiting(self) -> None:
        batch, self._waiting = self._waiting, []
        try:
            answers = self.store.log_sets([log for log, _ in batch])
        except Exception as exc:  # the commit failed: none of the batch is stored
            for _, answer in batch:
                if not answer.done():
                    answer.set_exception(exc)
            return
        for (_, answer), stored in zip(batch, answers, strict=True):
            if answer.done():  # its request was cancelled; the set is stored all the same
                continue
            if isinstance(stored, BaseException):
                answer.set_exception(stored)
            else:
                answer.set_result(stored)


async def log_set(batcher: SetBatcher | None, store: Store, log: SetLog) -> bool:
    """Store `log` the fastest safe way for the database: batched on the loop for SQLite
    (`batcher`), the store's group commit from a worker thread for a database server."""
    if batcher is not None:
        return await batcher.log_set(log)
    return await on_store(store, store.log_set, log)
