"""The API's history answers, kept while the user's history is unchanged.

An app asks for the history on every start and every sync, far more often than the history
changes. The database keeps a revision per user that goes up with every change to what the
history shows, whoever makes it (another server process, the terminal player, SQL by hand:
migration 0007). An answer is kept with the revision read before it was made, and given again
only while the revision is the same; so an answer is never newer than its revision says, and
at worst a change made between the two reads costs one extra read.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from pydantic import TypeAdapter

from strongstride import service
from strongstride.store import Store
from strongstride.web.schemas import SessionSummary

KEPT = 4096  # answers kept, the least recently asked dropped first

_SUMMARIES = TypeAdapter(list[SessionSummary])


@dataclass
class HistoryCache:
    kept: int = KEPT
    _answers: OrderedDict[tuple[int, int], tuple[int, bytes]] = field(
        default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, store: Store, user_id: int, limit: int) -> bytes:
        """The JSON of the user's `limit` newest sessions (`GET /api/history`)."""
        revision = store.history_revision(user_id)
        key = (user_id, limit)
        with self._lock:
            found = self._answers.get(key)
            if found is not None and found[0] == revision:
                self._answers.move_to_end(key)
                return found[1]
        summaries = [service.session_dict(info) for info in store.history(user_id, limit)]
        # Checked against the documented shape, as FastAPI checks a response_model.
        body = _SUMMARIES.dump_json(_SUMMARIES.validate_python(summaries))
        if revision is not None:
            with self._lock:
                self._answers[key] = (revision, body)
                self._answers.move_to_end(key)
                while len(self._answers) > self.kept:
                    self._answers.popitem(last=False)
        return body
