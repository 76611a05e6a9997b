"""The store sums a history up into best marks in SQL, as `analysis.summary.best_marks` does
over the sets themselves: the same marks, and only from sessions before the given instant."""

from __future__ import annotations

from datetime import UTC, date, datetime

from strongstride.analysis.summary import best_marks
from strongstride.app import Strongstride
from strongstride.records import BestMark
from strongstride.store import Store


def _key(mark: BestMark) -> tuple[object, ...]:
    return (mark.exercise, mark.side, mark.load or 0.0, mark.unit or "", mark.band or "",
            mark.variation or "", mark.reps or -1, mark.seconds or -1.0)


def test_the_marks_in_sql_are_the_marks_of_the_sets(store: Store) -> None:
    app = Strongstride(store)
    app.demo("me", today=date(2026, 3, 30), weeks=6)
    user = app.user("me")
    sessions = store.user_sessions(user)
    cut = sessions[len(sessions) // 2].started_at
    before = store.user_sets(user, until=cut)
    assert before and len(before) < len(store.user_sets(user))
    found = store.best_marks(user, until=cut)
    assert sorted(map(_key, found)) == sorted(map(_key, best_marks(before)))
    assert len(found) < len(before)  # summed up, not a mark per set
    assert store.best_marks(user, until=datetime(2025, 1, 1, tzinfo=UTC)) == []
