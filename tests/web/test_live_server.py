"""The real thing: uvicorn in a subprocess on a free port, spoken to over TCP with httpx."""

from __future__ import annotations

import re
import uuid

import httpx

from tests.web.conftest import FORM_CSRF, META_CSRF, PASSWORD


def test_register_sign_in_and_log_a_set_on_the_real_server(live_server: str) -> None:
    name = f"live-{uuid.uuid4().hex[:8]}"  # the server lives for the whole test run
    with httpx.Client(base_url=live_server, follow_redirects=True, timeout=10) as phone:
        form = FORM_CSRF.search(phone.get("/register").text)
        assert form is not None
        home = phone.post("/register", data={"username": name, "password": PASSWORD,
                                             "csrf": form.group(1)})
        assert home.url.path == "/" and home.headers["content-encoding"] == "gzip"
        meta = META_CSRF.search(home.text)
        assert meta is not None
        assert phone.post("/logout", data={"csrf": meta.group(1)}).url.path == "/login"

        form = FORM_CSRF.search(phone.get("/login").text)
        assert form is not None
        home = phone.post("/login", data={"username": name, "password": PASSWORD,
                                          "csrf": form.group(1)})
        assert home.url.path == "/"
        meta = META_CSRF.search(home.text)
        assert meta is not None
        page = {"X-CSRF-Token": meta.group(1)}

        plan = phone.get("/api/routines/runner-glute").json()["plan"]
        step = next(s for s in plan["steps"] if s["kind"] == "work")
        session = phone.post("/api/sessions", json={"routine": "runner-glute"}, headers=page)
        assert session.status_code == 201
        sid = session.json()["id"]
        body = {"key": str(uuid.uuid4()), "step_key": step["key"], "reps": 10}
        logged = phone.post(f"/api/sessions/{sid}/sets", json=body, headers=page)
        assert logged.status_code == 201 and logged.json()["stored"] is True
        again = phone.post(f"/api/sessions/{sid}/sets", json=body, headers=page)
        assert again.status_code == 200 and again.json()["stored"] is False

        stored = phone.get(f"/api/sessions/{sid}").json()
        assert stored["done_steps"] == [step["key"]] and stored["sets_done"] == 1
        assert re.search(r"<strong>10 reps</strong>", phone.get(f"/sessions/{sid}").text)

    assert httpx.get(f"{live_server}/api/sessions/{sid}").status_code == 401
