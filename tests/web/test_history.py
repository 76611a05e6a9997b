"""GET /api/history shows every change at once, whoever made it, and only the user's own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.store.conftest import Raw
from tests.web.conftest import TestClient, Visitor, work_steps


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


def test_every_change_is_in_the_next_answer(ana: Visitor, client: TestClient) -> None:
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
