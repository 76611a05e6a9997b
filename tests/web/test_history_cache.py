"""GET /api/history answers from its cache only while the user's history is unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from strongstride.web.history_cache import HistoryCache

from strongstride.store import Store
from tests.store.conftest import Raw
from tests.web.conftest import TestClient, Visitor, work_steps


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


def reads_of_history(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the store's history reads from now on."""
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    count = [0]
    real = store.history

    def counted(*args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "history", counted)
    return count


def test_an_unchanged_history_is_answered_again_without_reading_it(
        ana: Visitor, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    session = ana.start()
    first = ana.api("GET", "/api/history")
    reads = reads_of_history(client, monkeypatch)
    again = ana.api("GET", "/api/history")
    assert again.status_code == 200 and again.headers["content-type"] == "application/json"
    assert again.content == first.content
    assert [s["id"] for s in again.json()] == [session["id"]]
    assert reads[0] == 0
    ana.api("GET", "/api/history?limit=1")  # another limit is another answer
    assert reads[0] == 1


def test_every_change_is_in_the_next_answer(
        ana: Visitor, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    session = ana.start()
    routine = ana.api("GET", "/api/routines/runner-glute").json()
    step = work_steps(routine)[0]["key"]
    assert ana.api("GET", "/api/history").json()[0]["sets_done"] == 0
    assert ana.log(session["id"], step, reps=10).status_code == 201
    assert ana.api("GET", "/api/history").json()[0]["sets_done"] == 1
    ana.api("POST", f"/api/sessions/{session['id']}/finish")
    [done] = ana.api("GET", "/api/history").json()
    assert done["status"] == "finished" and done["ended_at"] is not None
    second = ana.start()
    assert [s["id"] for s in ana.api("GET", "/api/history").json()] == [second["id"],
                                                                       session["id"]]


def test_a_change_made_by_another_writer_is_seen(
        ana: Visitor, client: TestClient, db_url: str) -> None:
    session = ana.start()
    assert ana.api("GET", "/api/history").json()[0]["status"] == "active"
    raw = Raw(db_url)  # the terminal player, another server process, SQL by hand
    try:
        raw.run("UPDATE sessions SET status = 'abandoned', ended_at = started_at "
                "WHERE id = ?", (session["id"],))
    finally:
        raw.close()
    assert ana.api("GET", "/api/history").json()[0]["status"] == "abandoned"


def test_users_never_get_each_others_answer(client: TestClient, new_visitor: Any) -> None:
    ana, ben = new_visitor(), new_visitor()
    ana.register("ana")
    ben.register("ben")
    mine = ana.start()
    assert [s["id"] for s in ana.api("GET", "/api/history").json()] == [mine["id"]]
    assert ben.api("GET", "/api/history").json() == []


def test_the_cache_keeps_only_the_most_recently_asked(
        ana: Visitor, client: TestClient) -> None:
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    user = store.find_user("ana")
    assert user is not None
    cache = HistoryCache(kept=2)
    for limit in (1, 2, 3, 2):
        cache.answer(store, user, limit)
    assert list(cache._answers) == [(user, 3), (user, 2)]
