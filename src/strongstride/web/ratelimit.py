"""A sliding-window counter of failures, in memory: enough for one server process.

Each key (a user name, an address) keeps the times of its recent failures; a key with `limit`
failures inside the last `window` seconds is blocked until the oldest of them leaves the
window. Time is injected so tests need not sleep.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable


class SlidingWindow:
    def __init__(self, limit: int, window: float, *,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._max_keys = max_keys
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key)
        if hits is None:
            return deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if not hits:
            del self._hits[key]
        return hits

    def retry_after(self, key: str) -> float | None:
        """Seconds until `key` may try again, or None when it is not blocked."""
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            if len(hits) < self.limit:
                return None
            return max(hits[-self.limit] + self.window - now, 0.0)

    def fail(self, key: str) -> None:
        """Count one failure of `key`."""
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            if key not in self._hits:
                self._hits[key] = hits
                if len(self._hits) > self._max_keys:  # forget the stalest key, not the newest
                    self._hits.popitem(last=False)
            else:
                self._hits.move_to_end(key)
            hits.append(now)

    def clear(self, key: str) -> None:
        with self._lock:
            self._hits.pop(key, None)
