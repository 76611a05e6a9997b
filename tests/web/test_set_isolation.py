"""One user's bad set gets a 4xx and never fails another user's set, with both writing at once
on the real server (SQLite, and PostgreSQL when STRONGSTRIDE_TEST_PG is set)."""

from __future__ import annotations

import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from tests.web.conftest import FORM_CSRF, META_CSRF, PASSWORD, TestClient, Visitor, work_steps

LONE_SURROGATE = "left knee \ud800"
TOO_LONG = "x" * 2001  # SetIn.note takes at most 2000 characters


def _phone(base: str) -> tuple[httpx.Client, str]:
    """A new user signed up on the server, and a client that sends her API token."""
    name = f"iso-{uuid.uuid4().hex[:8]}"  # the server lives for the whole test run
    web = httpx.Client(base_url=base, follow_redirects=True, timeout=30)
    form = FORM_CSRF.search(web.get("/register").text)
    assert form is not None
    home = web.post("/register", data={"username": name, "password": PASSWORD,
                                       "csrf": form.group(1)})
    meta = META_CSRF.search(home.text)
    assert meta is not None
    made = web.post("/api/tokens", json={"name": "phone"},
                    headers={"X-CSRF-Token": meta.group(1)})
    assert made.status_code == 201, made.text
    web.cookies.clear()  # from here on the token alone says who she is
    web.headers["Authorization"] = f"Bearer {made.json()['token']}"
    return web, name


def _post_set(phone: httpx.Client, sid: str, body: dict[str, Any]) -> httpx.Response:
    # json.dumps escapes a lone surrogate as \ud800, as a client written in JavaScript would
    # send it; httpx's own encoder would refuse to encode it at all.
    return phone.post(f"/api/sessions/{sid}/sets", content=json.dumps(body),
                      headers={"Content-Type": "application/json"})


def test_bad_sets_of_one_user_never_fail_another_users_sets(live_server: str) -> None:
    ana, _ = _phone(live_server)
    ben, _ = _phone(live_server)
    try:
        steps = [s["key"] for s in work_steps(ana.get("/api/routines/runner-glute").json())]
        ana_sid = ana.post("/api/sessions", json={"routine": "runner-glute"}).json()["id"]
        ben_sid = ben.post("/api/sessions", json={"routine": "runner-glute"}).json()["id"]
        rounds, writers = 30, 4
        start = threading.Barrier(writers * 2)

        def ana_writes(n: int) -> list[tuple[int, str, str, str]]:
            start.wait()
            got = []
            for i in range(rounds):
                body = {"key": str(uuid.uuid4()), "step_key": steps[(n + i) % len(steps)],
                        "reps": 10, "note": "felt strong"}
                answer = _post_set(ana, ana_sid, body)
                outcome = answer.json().get("outcome", answer.text)
                got.append((answer.status_code, outcome, body["key"], body["step_key"]))
            return got

        def ben_writes(n: int) -> list[tuple[int, str]]:
            start.wait()
            got = []
            for i in range(rounds):
                note = LONE_SURROGATE if (n + i) % 2 else TOO_LONG
                body = {"key": str(uuid.uuid4()), "step_key": steps[i % len(steps)],
                        "reps": 8, "note": note}
                answer = _post_set(ben, ben_sid, body)
                got.append((answer.status_code, answer.text))
            return got

        with ThreadPoolExecutor(writers * 2) as pool:
            ana_jobs = [pool.submit(ana_writes, n) for n in range(writers)]
            ben_jobs = [pool.submit(ben_writes, n) for n in range(writers)]
            ana_got = [item for job in ana_jobs for item in job.result()]
            ben_got = [item for job in ben_jobs for item in job.result()]

        # Her writers share steps (one set per step: a later one edits it); each write is a
        # 2xx: the step's first set (201), or an edit, or kept out by a set logged later (200).
        assert {(status, outcome) for status, outcome, _, _ in ana_got} <= {
            (201, "new"), (200, "replaced"), (200, "superseded")}
        touched = {step for _, _, _, step in ana_got}
        assert [o for _, o, _, _ in ana_got].count("new") == len(touched)
        assert {status for status, _ in ben_got} == {422}
        assert any("note" in text and "surrogate" in text for _, text in ben_got)
        assert any("note must be text of at most 2000 characters" in text
                   for _, text in ben_got)
        stored = ana.get(f"/api/sessions/{ana_sid}").json()
        assert sorted(s["step_key"] for s in stored["sets"]) == sorted(touched)
        assert {s["key"] for s in stored["sets"]} <= {key for _, _, key, _ in ana_got}
        assert stored["sets_done"] == len(touched)
        assert ben.get(f"/api/sessions/{ben_sid}").json()["sets"] == []
    finally:
        ana.close()
        ben.close()


def test_a_lone_surrogate_in_any_text_field_of_a_set_is_a_422_naming_it(
        visitor: Visitor, client: TestClient) -> None:
    visitor.register("ana")
    session = visitor.start()
    step = work_steps(visitor.api("GET", "/api/routines/runner-glute").json())[0]["key"]
    for field in ("note", "band", "variation"):
        body = {"key": str(uuid.uuid4()), "step_key": step, "reps": 10, field: "a\udfff"}
        answer = visitor.api("POST", f"/api/sessions/{session['id']}/sets",
                             content=json.dumps(body),
                             headers={"X-CSRF-Token": visitor.csrf or "",
                                      "Content-Type": "application/json"})
        assert answer.status_code == 422, answer.text
        [problem] = answer.json()["detail"]
        assert f"{field} contains a lone UTF-16 surrogate (U+DFFF" in problem["message"]
    assert visitor.api("GET", f"/api/sessions/{session['id']}").json()["sets"] == []
