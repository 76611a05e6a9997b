"""The JSON API of docs/api.md: happy paths, every 4xx shape, and logging a set exactly once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from strongstride import routines as routines
from strongstride.plan.session import build_plan
from tests.store.conftest import Raw
from tests.web.conftest import TestClient, Visitor, work_steps

T0 = datetime(2025, 3, 1, 7, 30, tzinfo=UTC)


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


@pytest.fixture
def bearer(ana: Visitor) -> dict[str, str]:
    return {"Authorization": f"Bearer {ana.token()}"}


@pytest.fixture
def api(client: TestClient) -> TestClient:
    """A client without the browser's cookie: it must bring a token."""
    return TestClient(client.app)


@pytest.fixture
def routine(api: TestClient, bearer: dict[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = api.get("/api/routines/runner-glute", headers=bearer).json()
    return found


def _one_problem(answer: Any, status: int, field: str | None) -> str:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"detail"}
    problems = [p for p in body["detail"] if p["field"] == field]
    assert problems, body
    assert all(set(p) == {"field", "message"} for p in body["detail"])
    message: str = problems[0]["message"]
    return message


# routines


def test_the_routines_list_and_the_routine_with_its_plan(api: TestClient,
                                                         bearer: dict[str, str]) -> None:
    loaded = routines.load_routine("runner-glute")
    plan = build_plan(loaded.routine)
    [summary] = api.get("/api/routines", headers=bearer).json()
    assert summary == {"slug": "runner-glute", "title": loaded.routine.title,
                       "exercises": len(loaded.routine.exercises),
                       "estimated_seconds": list(plan.total_seconds())}

    detail = api.get("/api/routines/runner-glute", headers=bearer).json()
    # The `show --json` shape, each exercise with the address of its figure (test_figures.py).
    for section in detail["sections"]:
        for exercise in section["exercises"]:
            assert "figure_url" in exercise, exercise
            del exercise["figure_url"]
    assert {k: v for k, v in detail.items() if k not in ("plan", "how_to")} == \
        routines.show_dict(loaded)
    assert len(detail["how_to"]) == 24
    pigeon = detail["how_to"]["Half Pigeon pose"]
    assert 3 <= len(pigeon["steps"]) <= 6 and pigeon["one_sided"] is True
    assert detail["plan"]["total_seconds"] == list(plan.total_seconds())
    steps = detail["plan"]["steps"]
    assert [s["key"] for s in steps] == [s.key for s in plan.steps]
    sided = next(s for s in steps if s["side"] == "right" and s["kind"] == "work")
    assert set(sided) == {"key", "kind", "section", "section_title", "exercise", "name",
                          "set_number", "sets_total", "round", "side", "reps", "hold_seconds",
                          "max_reps", "optional", "seconds", "text", "variation", "distance",
                          "time_cap_seconds", "rep_hold_seconds"}
    assert sided["section_title"] == loaded.routine.sections[sided["section"]].label


@pytest.mark.parametrize("slug", ["nope", "..", "runner-glute.routine", "-"])
def test_only_built_in_routines_are_served_never_a_file(api: TestClient, bearer: dict[str, str],
                                                        slug: str) -> None:
    answer = api.get(f"/api/routines/{slug}", headers=bearer)
    assert answer.status_code in (404, 422)
    assert set(answer.json()) == {"detail"}
    started = api.post("/api/sessions", headers=bearer, json={"routine": "/etc/passwd"})
    assert _one_problem(started, 422, "routine") == \
        "routine must be the slug of a routine, such as runner-glute"


# sessions


def test_starting_gives_the_active_session_back_until_it_ends(
        api: TestClient, bearer: dict[str, str], routine: dict[str, Any]) -> None:
    first = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"})
    assert first.status_code == 201
    session = first.json()
    planned = sum(1 for s in work_steps(routine) if not s["optional"])
    assert (session["status"], session["planned_sets"], session["sets_done"]) == \
        ("active", planned, 0)
    assert session["done_steps"] == [] and session["sets"] == [] and session["last_time"] == {}
    again = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"})
    assert again.status_code == 200 and again.json()["id"] == session["id"]

    [listed] = api.get("/api/sessions?status=active", headers=bearer).json()
    assert listed["id"] == session["id"] and "sets" not in listed
    ended = api.post(f"/api/sessions/{session['id']}/finish", headers=bearer)
    assert ended.status_code == 200 and ended.json()["status"] == "finished"
    assert api.get("/api/sessions?status=active", headers=bearer).json() == []
    new = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"})
    assert new.status_code == 201 and new.json()["id"] != session["id"]


def test_a_client_made_id_and_start_time_are_kept_and_a_retry_gets_the_same_session(
        api: TestClient, bearer: dict[str, str]) -> None:
    sid = str(uuid.uuid4())
    body = {"routine": "runner-glute", "id": sid, "started_at": "2025-03-01T08:30:00+01:00"}
    made = api.post("/api/sessions", headers=bearer, json=body)
    assert made.status_code == 201
    assert made.json()["id"] == sid and made.json()["started_at"] == T0.isoformat()
    api.post(f"/api/sessions/{sid}/abandon", headers=bearer,
             json={"ended_at": "2025-03-01T07:40:00Z"})
    retry = api.post("/api/sessions", headers=bearer, json=body)
    assert retry.status_code == 200
    assert retry.json()["status"] == "abandoned" and retry.json()["duration_seconds"] == 600


def test_logging_a_set_takes_exercise_side_and_targets_from_the_plan_step(
        api: TestClient, bearer: dict[str, str], routine: dict[str, Any]) -> None:
    sid = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"}).json()["id"]
    step = next(s for s in work_steps(routine) if s["side"] == "right" and s["reps"])
    key = str(uuid.uuid4())
    answer = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={
        "key": key, "step_key": step["key"], "reps": 11, "load": 12.5, "rpe": 7.5, "pain": 1,
        "band": "heavy", "note": "felt fine", "logged_at": "2025-03-01T07:45:00Z",
        "variation": "band above knees"})
    assert answer.status_code == 201
    assert answer.json() == {"stored": True, "outcome": "new", "set": {
        "key": key, "step_key": step["key"], "exercise": step["name"],
        "section": step["section"], "exercise_index": step["exercise"],
        "set_number": step["set_number"], "round": None, "side": "right",
        "target_reps": step["reps"], "target_seconds": None, "reps": 11, "seconds": None,
        "load": 12.5, "unit": "kg", "band": "heavy", "rpe": 7.5, "pain": 1,
        "note": "felt fine", "skipped": False, "logged_at": "2025-03-01T07:45:00+00:00",
        "variation": "band above knees"}}

    hold = next(s for s in work_steps(routine) if s["hold_seconds"])
    held = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={
        "key": str(uuid.uuid4()), "step_key": hold["key"], "seconds": 31.5})
    assert held.json()["set"]["target_seconds"] == hold["hold_seconds"]
    assert held.json()["set"]["variation"] is None
    skipped = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={
        "key": str(uuid.uuid4()), "step_key": work_steps(routine)[0]["key"], "skipped": True})
    assert skipped.json()["set"]["skipped"] is True

    session = api.get(f"/api/sessions/{sid}", headers=bearer).json()
    plan_order = [s["key"] for s in routine["plan"]["steps"]]
    assert session["done_steps"] == sorted(session["done_steps"], key=plan_order.index)
    assert set(session["done_steps"]) == {step["key"], hold["key"], work_steps(routine)[0]["key"]}
    assert session["sets_done"] == 2 and len(session["sets"]) == 3


def test_the_same_key_twice_stores_one_set(api: TestClient, bearer: dict[str, str],
                                           routine: dict[str, Any], db_url: str) -> None:
    sid = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"}).json()["id"]
    body = {"key": str(uuid.uuid4()), "step_key": work_steps(routine)[0]["key"], "reps": 10}
    first = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json=body)
    second = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={**body, "reps": 3})
    assert (first.status_code, first.json()["stored"]) == (201, True)
    assert (second.status_code, second.json()["stored"], second.json()["outcome"]) == (
        200, False, "retry")
    assert second.json()["set"] == first.json()["set"]  # the set stored, reps 10
    api.post(f"/api/sessions/{sid}/finish", headers=bearer)
    late = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json=body)
    assert (late.status_code, late.json()["stored"]) == (200, False)  # a retry after the end
    raw = Raw(db_url)
    try:
        assert raw.rows("SELECT reps FROM set_logs WHERE idempotency_key = ?",
                        (body["key"],)) == [(10,)]
        assert raw.rows("SELECT COUNT(*) FROM set_logs") == [(1,)]
    finally:
        raw.close()


def test_logging_a_step_again_edits_its_set(api: TestClient, bearer: dict[str, str],
                                            routine: dict[str, Any], db_url: str) -> None:
    """Back, then Done again (or the same step from a second device): one set for the step,
    holding the values logged last; history counts it once."""
    sid = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"}).json()["id"]
    step = work_steps(routine)[0]["key"]
    first = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={
        "key": str(uuid.uuid4()), "step_key": step, "reps": 8,
        "logged_at": "2025-03-01T07:45:00Z"})
    edit = {"key": str(uuid.uuid4()), "step_key": step, "reps": 12, "load": 16,
            "note": "heavier bell", "logged_at": "2025-03-01T07:46:00Z"}
    second = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json=edit)
    assert (first.status_code, first.json()["outcome"]) == (201, "new")
    assert (second.status_code, second.json()["stored"], second.json()["outcome"]) == (
        200, True, "replaced")
    assert (second.json()["set"]["key"], second.json()["set"]["reps"],
            second.json()["set"]["load"]) == (edit["key"], 12, 16)
    again = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json=edit)
    assert (again.status_code, again.json()["outcome"]) == (200, "retry")
    # The first Done, replayed late by a queue: the edit logged after it stays.
    late = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={
        "key": str(uuid.uuid4()), "step_key": step, "reps": 8,
        "logged_at": "2025-03-01T07:45:00Z"})
    assert (late.status_code, late.json()["stored"], late.json()["outcome"]) == (
        200, False, "superseded")
    assert late.json()["set"] == second.json()["set"]

    session = api.get(f"/api/sessions/{sid}", headers=bearer).json()
    assert [(s["reps"], s["note"]) for s in session["sets"]] == [(12, "heavier bell")]
    assert session["done_steps"] == [step] and session["sets_done"] == 1
    [listed] = api.get("/api/history", headers=bearer).json()
    assert listed["sets_done"] == 1
    raw = Raw(db_url)
    try:
        assert raw.rows("SELECT COUNT(*) FROM set_logs") == [(1,)]
    finally:
        raw.close()


def test_last_time_shows_the_sets_of_the_previous_session(
        api: TestClient, bearer: dict[str, str], routine: dict[str, Any]) -> None:
    step = work_steps(routine)[0]
    first = api.post("/api/sessions", headers=bearer, json={
        "routine": "runner-glute", "started_at": "2025-03-01T07:00:00Z"}).json()["id"]
    api.post(f"/api/sessions/{first}/sets", headers=bearer, json={
        "key": str(uuid.uuid4()), "step_key": step["key"], "reps": 9})
    api.post(f"/api/sessions/{first}/finish", headers=bearer)
    second = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"}).json()
    [done] = second["last_time"][step["name"]]
    assert done["reps"] == 9 and done["step_key"] == step["key"]
    history = api.get("/api/history", headers=bearer).json()
    assert [s["id"] for s in history] == [second["id"], first]


# every 4xx shape


def test_not_signed_in_is_401_with_the_documented_body(api: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic YTpi"},
                    {"Authorization": "Bearer " + "x" * 500}):
        answer = api.get("/api/routines", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
    assert api.get("/api/routines").json() == {
        "detail": [{"field": None, "message": "sign in first"}]}


def test_a_page_api_call_needs_the_csrf_header_but_a_token_call_does_not(
        ana: Visitor, api: TestClient, bearer: dict[str, str]) -> None:
    assert ana.client.get("/api/sessions").status_code == 200  # reading needs no token
    forged = ana.client.post("/api/sessions", json={"routine": "runner-glute"},
                             headers={"X-CSRF-Token": "forged"})
    assert "X-CSRF-Token" in _one_problem(forged, 403, "X-CSRF-Token")
    assert ana.client.post("/api/sessions", json={"routine": "runner-glute"}).status_code == 403
    assert ana.api("POST", "/api/sessions", json={"routine": "runner-glute"}).status_code == 201
    assert api.post("/api/sessions", headers=bearer,
                    json={"routine": "runner-glute"}).status_code == 200


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"key": "not-a-uuid"}, "key", "key must be a UUID made by the client"),
    ({"key": None}, "key", "key is required"),
    ({"reps": 301}, "reps", "reps must be a whole number from 0 to 300"),
    ({"reps": -1}, "reps", "reps must be a whole number from 0 to 300"),
    ({"reps": 2.5}, "reps", "reps must be a whole number from 0 to 300"),
    ({"seconds": 3601}, "seconds", "seconds must be a number from 0 to 3600"),
    ({"load": 0}, "load", "load must be a number more than 0 and at most 1000"),
    ({"unit": "stone"}, "unit", "unit must be kg or lb"),
    ({"rpe": 0.5}, "rpe", "rpe must be a number from 1 to 10"),
    ({"rpe": "hard"}, "rpe", "rpe must be a number from 1 to 10"),
    ({"pain": 11}, "pain", "pain must be a whole number from 0 to 10"),
    ({"band": "b" * 61}, "band", "band must be text of at most 60 characters"),
    ({"variation": "v" * 61}, "variation", "variation must be text of at most 60 characters"),
    ({"note": "n" * 2001}, "note", "note must be text of at most 2000 characters"),
    ({"note": "a\x00b"}, "note", "note contains a NUL character, which cannot be stored"),
    ({"note": "a\x07b"}, "note", "note holds a control character"),
    ({"skipped": "maybe"}, "skipped", "skipped must be true or false"),
    ({"logged_at": "2025-03-01T07:30:00"}, "logged_at", "logged_at must be a time with a UTC "
                                                        "offset"),
    ({"logged_at": "9999-12-31T23:59:59-14:00"}, "logged_at", "logged_at must be a time"),
    ({"logged_at": "0001-01-01T00:00:00+14:00"}, "logged_at", "logged_at must be a time"),
    ({"step_key": "s1.e1.set1.rest"}, "step_key", "'s1.e1.set1.rest' is not a work step"),
    ({"step_key": "nonsense"}, "step_key", "'nonsense' is not a work step of this session's "
                                           "plan"),
    ({"step_key": None}, "step_key", "step_key is required"),
    ({"step_key": ""}, "step_key", "step_key must be the key of a work step"),
    ({"heart_rate": 150}, "heart_rate", "heart_rate is not a field of this request"),
])
def test_every_set_field_is_checked_with_a_message_naming_it(
        api: TestClient, bearer: dict[str, str], routine: dict[str, Any], change: dict[str, Any],
        field: str, message: str) -> None:
    sid = api.post("/api/sessions", headers=bearer, json={"routine": "runner-glute"}).json()["id"]
    body = {"key": str(uuid.uuid4()), "step_key": work_steps(routine)[0]["key"], **change}
    body = {k: v for k, v in body.items() if v is not None}
    answer = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json=body)
    assert _one_problem(answer, 422, field).startswith(message)


def test_a_body_that_is_not_a_json_object_is_422(api: TestClient,
                                                 bearer: dict[str, str]) -> None:
    broken = api.post("/api/sessions", headers={**bearer, "Content-Type": "application/json"},
                      content=b"{not json")
    assert _one_problem(broken, 422, None) == "the body is not valid JSON"
    listed = api.post("/api/sessions", headers=bearer, json=[1, 2])
    assert _one_problem(listed, 422, None) == "the body must be a JSON object"
    missing = api.post("/api/sessions", headers=bearer, json={})
    assert _one_problem(missing, 422, "routine") == "routine is required"


def test_unknown_things_are_404_and_wrong_methods_405(api: TestClient,
                                                      bearer: dict[str, str]) -> None:
    for path in (f"/api/sessions/{uuid.uuid4()}", "/api/nothing-here"):
        assert set(api.get(path, headers=bearer).json()) == {"detail"}
        assert api.get(path, headers=bearer).status_code == 404
    unknown = api.post(f"/api/sessions/{uuid.uuid4()}/sets", headers=bearer,
                       json={"key": str(uuid.uuid4()), "step_key": "s1.e1.set1.work"})
    message = _one_problem(unknown, 404, None)
    assert "no session" in message and "sqlite" not in message and "/" not in message
    assert _one_problem(api.delete("/api/routines", headers=bearer), 405, None) == \
        "this address does not take this method"
    assert _one_problem(api.get("/api/sessions/bad%20id", headers=bearer), 422, "session_id")


def test_a_finished_session_takes_no_new_set_and_cannot_be_abandoned(
        api: TestClient, bearer: dict[str, str], routine: dict[str, Any]) -> None:
    sid = api.post("/api/sessions", headers=bearer, json={
        "routine": "runner-glute", "started_at": T0.isoformat()}).json()["id"]
    early = api.post(f"/api/sessions/{sid}/finish", headers=bearer,
                     json={"ended_at": (T0 - timedelta(minutes=1)).isoformat()})
    assert "before the session started" in _one_problem(early, 422, "ended_at")
    assert api.post(f"/api/sessions/{sid}/finish", headers=bearer).status_code == 200
    assert api.post(f"/api/sessions/{sid}/finish", headers=bearer).status_code == 200  # no-op
    abandoned = api.post(f"/api/sessions/{sid}/abandon", headers=bearer)
    assert "already finished" in _one_problem(abandoned, 422, None)
    late = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={
        "key": str(uuid.uuid4()), "step_key": work_steps(routine)[0]["key"], "reps": 10})
    assert "a set can only be logged in an active session" in _one_problem(late, 422, None)


def test_query_parameters_are_checked(api: TestClient, bearer: dict[str, str]) -> None:
    assert _one_problem(api.get("/api/sessions?status=paused", headers=bearer), 422,
                        "status") == "status must be active, finished or abandoned"
    assert _one_problem(api.get("/api/history?limit=0", headers=bearer), 422,
                        "limit") == "limit must be a whole number from 1 to 1000"


def test_tokens_are_made_with_a_name(api: TestClient, bearer: dict[str, str]) -> None:
    made = api.post("/api/tokens", headers=bearer, json={"name": " laptop "})
    assert made.status_code == 201 and made.json()["name"] == "laptop"
    assert made.json()["token"].startswith("ss_")
    own = {"Authorization": f"Bearer {made.json()['token']}"}
    assert api.get("/api/history", headers=own).status_code == 200
    assert _one_problem(api.post("/api/tokens", headers=bearer, json={"name": "  "}), 422,
                        "name") == ("name must be a name of 1 to 100 characters, without "
                                    "control characters")


def test_a_database_that_does_not_answer_is_503_without_its_address(
        api: TestClient, bearer: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from strongstride.errors import Unavailable

    store = api.app.state.strongstride.store  # type: ignore[attr-defined]

    def down(*args: Any, **kwargs: Any) -> Any:
        raise Unavailable(f"{store.where}: cannot connect")  # as the store says it

    monkeypatch.setattr(store, "history", down)
    answer = api.get("/api/history", headers=bearer)
    assert _one_problem(answer, 503, None) == "the database is not answering; try again in a " \
                                              "moment"
    assert store.where not in answer.text


def test_the_openapi_document_describes_the_bodies_and_errors(api: TestClient) -> None:
    doc = api.get("/openapi.json").json()
    assert {"/api/routines", "/api/routines/{slug}", "/api/sessions", "/api/sessions/{session_id}",
            "/api/sessions/{session_id}/sets", "/api/sessions/{session_id}/finish",
            "/api/sessions/{session_id}/abandon", "/api/sessions/{session_id}/summary",
            "/api/sessions/{session_id}/checkin.ics", "/api/history", "/api/tokens",
            "/api/report", "/api/exercises/{exercise_id}/figure.svg"} == \
        set(doc["paths"])
    set_in = doc["components"]["schemas"]["SetIn"]
    assert set_in["properties"]["reps"]["anyOf"][0] == {"type": "integer", "minimum": 0,
                                                        "maximum": 300}
    assert set_in["additionalProperties"] is False
    post = doc["paths"]["/api/sessions/{session_id}/sets"]["post"]
    assert set(post["responses"]) >= {"200", "201", "401", "403", "404", "422"}
    assert post["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"}
