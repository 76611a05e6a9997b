"""Every route is scoped to the signed-in user. User A makes a session, sets and a token; then
EVERY route of the app (walked from `app.routes`, so a new route is covered the day it is
added) is visited by user B with A's ids, which must answer 404 and never show A's data, and by
nobody, which must answer 401 (API) or be sent to /login (pages).

The calendar address is the one route reached by a secret in the URL instead of a sign-in:
with an address that is not (or no longer) a user's, everyone gets 404. The files of a routine
are made of built-in routines only, so a user's stored routine is not found, by anyone."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import Mount, Route

from strongstride.figures import has_figure
from strongstride.library import default_library
from tests.web.conftest import TestClient, Visitor, work_steps

PUBLIC = {"/login", "/register", "/sw.js", "/openapi.json"}
SECRET_NOTE = "alice-private-note-7f3k"
SECRET_TOKEN_NAME = "alice-private-token-7f3k"
OWNED_PARAMS = {"session_id", "token_id"}  # ids of things a user owns
SHARED_PARAMS = {"slug", "exercise_id"}  # built-in routines, the library: the same for everyone
SECRET_PARAMS = {"token"}  # the calendar address: the token is the key
SECRET_ROUTINE = "alice-private-routine-7f3k"
PLAN_FORM = {"mon": "easy", "tue": "quality", "thu": "quality", "sun": "long",
             "timezone": "Europe/Paris", "sessions": "2", "start": "2027-03-01", "weeks": "4",
             "race_distance": "half", "alarm": "30", "routine": "runner-glute"}
CHECKIN_FORM = {"pain": "2", "stiffness": "1", "injured": "left"}
DRAWN = next(info.id for info in default_library() if has_figure(info.id))  # has a figure
FEED = re.compile(r'readonly value="http://testserver/calendar/([A-Za-z0-9_-]+)\.ics"')


def _routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every route, the included routers' too (FastAPI keeps those as
    `_IncludedRouter` entries of `app.routes`; `iter_route_contexts` opens them)."""
    out = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, Mount):
            continue
        assert isinstance(route, APIRoute | Route), route
        assert context.path is not None
        for method in sorted((route.methods or set()) - {"HEAD"}):
            out.append((method, context.path))
    assert len(out) >= 25, out
    return out


def _params(path: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", path))


@pytest.fixture
def alice(new_visitor: Any) -> dict[str, Any]:
    """User A with an active session holding a set, a finished one, an API token, a running
    plan whose calendar address was made anew once (the old token is `old_feed`), and a
    routine of her own in the store."""
    a: Visitor = new_visitor()
    a.register("alice")
    routine = a.client.get("/api/routines/runner-glute").json()
    step = work_steps(routine)[0]
    finished = a.start()
    a.log(finished["id"], step["key"], reps=5, note=SECRET_NOTE)
    a.api("POST", f"/api/sessions/{finished['id']}/finish")
    active = a.start()
    a.log(active["id"], step["key"], reps=7, note=SECRET_NOTE)
    a.post_form("/account/tokens", {"name": SECRET_TOKEN_NAME})
    token_id = re.search(r"/account/tokens/(\d+)/revoke", a.client.get("/account").text)
    assert token_id is not None
    old_feed = FEED.search(a.post_form("/plan", PLAN_FORM).text)
    feed = FEED.search(a.post_form("/plan/calendar").text)
    assert old_feed and feed and old_feed.group(1) != feed.group(1)
    a.post_form("/checkin", {"pain": "6", "note": SECRET_NOTE})
    a.post_form("/checkin/injured", {"injured": "right"})
    store = a.client.app.state.strongstride.store  # type: ignore[attr-defined]
    store.save_routine(store.find_user("alice"), SECRET_ROUTINE, "Alice's own",
                       "# Alice's own\n\n## main\n- Clamshell: 2 sets of 10 reps\n")
    return {"visitor": a, "active": active["id"], "finished": finished["id"],
            "token_id": token_id.group(1), "step": step["key"], "feed": feed.group(1),
            "old_feed": old_feed.group(1)}


def _fill(path: str, values: dict[str, str]) -> str:
    for name in _params(path):
        path = path.replace(f"{{{name}}}", values[name])
    return path


def _body(method: str, path: str, step: str) -> dict[str, Any]:
    if method != "POST":
        return {}
    if path.endswith("/sets"):
        return {"json": {"key": str(uuid.uuid4()), "step_key": step, "reps": 1}}
    if path == "/api/sessions":
        return {"json": {"routine": "runner-glute"}}
    if path == "/api/tokens":
        return {"json": {"name": "bob's"}}
    return {}


def _secrets_absent(text: str, alice: dict[str, Any], *, asked_by_id: bool = False) -> None:
    """None of A's data is in `text`. A 404 may repeat the id it was asked for ("no session
    ID"): the asker gave it, so only A's ids are not checked there."""
    secrets = [SECRET_NOTE, SECRET_TOKEN_NAME, "alice", alice["feed"], alice["old_feed"]]
    if not asked_by_id:
        secrets += [alice["active"], alice["finished"]]
    for secret in secrets:
        assert secret not in text


def test_every_route_is_known_to_this_test(app: Any) -> None:
    for method, path in _routes(app):
        unknown = _params(path) - OWNED_PARAMS - SHARED_PARAMS - SECRET_PARAMS
        assert not unknown, f"{method} {path}: teach test_scoping.py about {unknown}"


@pytest.mark.parametrize("which", ["active", "finished"])
def test_user_b_gets_404_for_every_route_with_user_a_ids(
        app: Any, alice: dict[str, Any], new_visitor: Any, which: str) -> None:
    bob: Visitor = new_visitor()
    bob.register("bob")
    bob_token = bob.token("bob-phone")
    values = {"session_id": alice[which], "token_id": alice["token_id"],
              "slug": "runner-glute", "token": alice["old_feed"], "exercise_id": DRAWN}
    visited = 0
    for method, path in _routes(app):
        if path in PUBLIC or path == "/logout":
            continue
        url = _fill(path, values)
        if path.startswith("/api"):
            attempts = [
                bob.client.request(method, url, headers={"X-CSRF-Token": bob.csrf or ""},
                                   **_body(method, path, alice["step"])),
                TestClient(app).request(method, url,
                                        headers={"Authorization": f"Bearer {bob_token}"},
                                        **_body(method, path, alice["step"]))]
        else:
            data = {"csrf": bob.csrf or "", "name": "bob's", "have": "band", **PLAN_FORM,
                    **CHECKIN_FORM}
            attempts = [bob.client.request(method, url, follow_redirects=False,
                                           **({"data": data} if method == "POST" else {}))]
        for answer in attempts:
            visited += 1
            by_id = bool(_params(path) & (OWNED_PARAMS | SECRET_PARAMS))
            if by_id:
                assert answer.status_code == 404, (method, path, answer.status_code,
                                                   answer.text[:300])
            else:
                assert answer.status_code < 400, (method, path, answer.status_code)
            _secrets_absent(answer.text, alice, asked_by_id=by_id)
    assert visited >= 20

    a: Visitor = alice["visitor"]  # and nothing of A's changed
    session = a.api("GET", f"/api/sessions/{alice[which]}").json()
    assert session["status"] == ("active" if which == "active" else "finished")
    assert [s["note"] for s in session["sets"]] == [SECRET_NOTE]
    assert SECRET_TOKEN_NAME in a.client.get("/account").text
    assert TestClient(app).get(f"/calendar/{alice['feed']}.ics").status_code == 200
    checkin = a.client.get("/checkin").text
    assert SECRET_NOTE in checkin and "pain 6/10" in checkin and "pain 2/10" not in checkin
    assert a.api("GET", "/api/report").json()["involved_side"] == "right"


def test_user_b_gets_404_for_user_a_s_stored_routine_on_every_routine_route(
        app: Any, alice: dict[str, Any], new_visitor: Any) -> None:
    bob: Visitor = new_visitor()
    bob.register("bob")
    routes = [(m, p) for m, p in _routes(app) if "slug" in _params(p) and m == "GET"]
    assert {"/routines/{slug}/workout.fit", "/routines/{slug}/card.pdf"} <= {p for _, p in routes}
    for who in (bob, alice["visitor"]):
        for _method, path in routes:
            answer = who.client.get(path.replace("{slug}", SECRET_ROUTINE))
            assert answer.status_code == 404, (path, answer.status_code)
            assert "Alice's own" not in answer.text and "Clamshell" not in answer.text


def test_nobody_gets_401_from_the_api_and_is_sent_to_sign_in_from_pages(
        app: Any, alice: dict[str, Any]) -> None:
    values = {"session_id": alice["active"], "token_id": alice["token_id"],
              "slug": "runner-glute", "token": alice["old_feed"], "exercise_id": DRAWN}
    nobody = TestClient(app)
    for method, path in _routes(app):
        if path in PUBLIC:
            continue
        answer = nobody.request(method, _fill(path, values), follow_redirects=False,
                                **_body(method, path, alice["step"]))
        if path.startswith("/api"):
            assert answer.status_code == 401, (method, path)
            assert answer.json() == {"detail": [{"field": None, "message": "sign in first"}]}
        elif _params(path) & SECRET_PARAMS:
            assert answer.status_code == 404, (method, path)
        elif (method, path) == ("GET", "/"):  # the visitor's landing page: nobody's data
            assert answer.status_code == 200 and 'href="/register"' in answer.text
        else:
            assert answer.status_code == 303, (method, path)
            assert answer.headers["location"].startswith("/login"), (method, path)
        _secrets_absent(answer.text, alice, asked_by_id=bool(_params(path) & OWNED_PARAMS))


def test_the_public_routes_show_nothing_of_anyone(app: Any, alice: dict[str, Any]) -> None:
    nobody = TestClient(app)
    for method, path in _routes(app):
        if path in PUBLIC and method == "GET":
            answer = nobody.get(path)
            assert answer.status_code == 200, path
            _secrets_absent(answer.text, alice)
