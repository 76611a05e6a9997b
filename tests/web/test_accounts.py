"""Register, sign in, sign out: argon2 hashes, hashed cookie tokens, cookie flags, CSRF on every
form, and a rate limit on failed sign-ins."""

from __future__ import annotations

import re
from http.cookies import SimpleCookie
from typing import Any

import pytest

from strongstride.web import create_app
from strongstride.web.auth import SESSION_COOKIE
from strongstride.web.ratelimit import SlidingWindow
from tests.store.conftest import Raw
from tests.web.conftest import PASSWORD, TestClient, Visitor


def _cookie_header(response: Any, name: str) -> str:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(f"{name}="):
            return str(header)
    raise AssertionError(f"no {name} cookie set")


def _raw_register(client: TestClient, name: str) -> Any:
    token = Visitor(client).form_token("/register")
    return client.post("/register", data={"username": name, "password": PASSWORD,
                                          "csrf": token}, follow_redirects=False)


def test_register_signs_in_with_an_argon2_hash_and_a_hashed_session_token(
        client: TestClient, db_url: str) -> None:
    answer = _raw_register(client, "Ana")
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    header = _cookie_header(answer, SESSION_COOKIE)
    assert "HttpOnly" in header and "SameSite=lax" in header and "Secure" not in header
    token = SimpleCookie(header)[SESSION_COOKIE].value

    raw = Raw(db_url)
    try:
        [(name, stored_hash)] = raw.rows("SELECT name, password_hash FROM users")
        [(digest, csrf)] = raw.rows("SELECT token_sha256, csrf FROM web_sessions")
    finally:
        raw.close()
    assert name == "ana"  # names are kept in lower case
    assert stored_hash.startswith("$argon2id$") and PASSWORD not in stored_hash
    import hashlib

    assert digest == hashlib.sha256(token.encode()).hexdigest() and token not in digest
    home = client.get("/")
    assert home.url.path == "/" and f'<meta name="csrf-token" content="{csrf}">' in home.text


def test_behind_https_the_cookies_are_secure(db_url: str) -> None:
    with TestClient(create_app(db_url, secure_cookies=True), base_url="https://testserver") \
            as client:
        page = client.get("/login")
        assert "Secure" in _cookie_header(page, "ss_csrf")
        answer = _raw_register(client, "ana")
        assert "Secure" in _cookie_header(answer, SESSION_COOKIE)


def test_sign_out_forgets_the_session(visitor: Visitor, db_url: str) -> None:
    visitor.register("ana")
    answer = visitor.post_form("/logout")
    assert answer.url.path == "/login"
    assert visitor.client.get("/history").url.path == "/login"
    raw = Raw(db_url)
    try:
        assert raw.rows("SELECT COUNT(*) FROM web_sessions") == [(0,)]
    finally:
        raw.close()
    visitor.login("ana")
    assert visitor.client.get("/history").url.path == "/history"


def test_a_new_sign_in_gets_a_new_token(visitor: Visitor) -> None:
    visitor.register("ana")
    first = visitor.client.cookies.get(SESSION_COOKIE)
    visitor.post_form("/logout")
    visitor.login("ana")
    assert visitor.client.cookies.get(SESSION_COOKIE) not in (None, first)


@pytest.mark.parametrize("path", ["/login", "/register"])
def test_the_sign_in_forms_need_their_csrf_token(client: TestClient, path: str) -> None:
    client.get(path)  # sets the pre-sign-in cookie
    data = {"username": "ana", "password": PASSWORD}
    for token in (None, "forged"):
        answer = client.post(path, data={**data, **({"csrf": token} if token else {})})
        assert answer.status_code == 403
        assert "this form has expired" in answer.text.lower()
    assert client.cookies.get(SESSION_COOKIE) is None


def test_signed_in_forms_need_the_session_csrf_token(visitor: Visitor) -> None:
    visitor.register("ana")
    for path, data in (("/logout", {}), ("/equipment", {"have": "band"}),
                       ("/account/tokens", {"name": "x"})):
        answer = visitor.client.post(path, data={**data, "csrf": "forged"})
        assert answer.status_code == 403, path
    assert visitor.client.get("/history").url.path == "/history"  # still signed in


def test_a_wrong_password_or_unknown_name_gets_the_same_answer(visitor: Visitor) -> None:
    visitor.register("ana")
    visitor.post_form("/logout")
    wrong = visitor.login("ana", "not the password")
    unknown = visitor.login("nobody-here", "not the password")
    for answer in (wrong, unknown):
        assert answer.status_code == 200 and answer.url.path == "/login"
        assert "that name and password do not match an account" in answer.text
    assert visitor.client.cookies.get(SESSION_COOKIE) is None


def test_registration_says_what_is_wrong_with_each_field(visitor: Visitor) -> None:
    answer = visitor.register("a!", "short")
    assert answer.status_code == 422
    assert 'aria-describedby="username-hint username-error" aria-invalid="true"' in answer.text
    assert 'id="password-error"' in answer.text and "at least 8 characters" in answer.text
    visitor.register("ana")
    visitor.post_form("/logout")
    taken = visitor.register("ANA")
    assert taken.status_code == 422 and "this name is taken" in taken.text


def test_sign_in_goes_back_where_it_was_asked_but_never_off_the_site(
        visitor: Visitor) -> None:
    visitor.register("ana")
    visitor.post_form("/logout")
    asked = visitor.client.get("/history")
    assert asked.url.path == "/login" and 'value="/history"' in asked.text
    assert visitor.login("ana", next="/history").url.path == "/history"
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        visitor.post_form("/logout")
        answer = visitor.client.post("/login", follow_redirects=False, data={
            "username": "ana", "password": PASSWORD, "csrf": visitor.form_token(),
            "next": target})
        assert answer.headers["location"] == "/"
        visitor.refresh()


def test_five_failed_sign_ins_block_that_name_then_the_window_passes(db_url: str) -> None:
    clock = [0.0]
    app = create_app(db_url)
    app.state.settings.by_name = SlidingWindow(5, 300, clock=lambda: clock[0])
    app.state.settings.by_address = SlidingWindow(50, 300, clock=lambda: clock[0])
    with TestClient(app) as client:
        visitor = Visitor(client)
        visitor.register("ana")
        visitor.post_form("/logout")
        for _ in range(5):
            assert visitor.login("ana", "wrong password").status_code == 200
        blocked = visitor.login("ana")  # even the right password waits
        assert blocked.status_code == 429
        assert blocked.headers["retry-after"] == "300"
        assert "too many failed sign-ins for this name or from this address; wait 5 minutes" \
            in blocked.text.lower()
        assert visitor.login("bea", "wrong password").status_code == 200  # another name
        clock[0] = 301
        assert visitor.login("ana").url.path == "/"


def test_five_failed_sign_ins_from_one_address_block_every_name(db_url: str) -> None:
    app = create_app(db_url)
    with TestClient(app) as client:
        visitor = Visitor(client)
        for n in range(5):
            visitor.login(f"name{n}", "wrong password")
        assert visitor.login("someone-else", "wrong password").status_code == 429


def test_api_tokens_are_made_listed_used_and_revoked_on_the_account_page(
        visitor: Visitor, client: TestClient, db_url: str) -> None:
    visitor.register("ana")
    made = visitor.post_form("/account/tokens", {"name": "my watch"})
    assert made.status_code == 201 and "Copy it now" in made.text
    token = re.search(r'id="new-token" class="token" type="text" readonly value="([^"]+)"',
                      made.text)
    assert token is not None
    raw = Raw(db_url)
    try:
        [(digest, name)] = raw.rows("SELECT token_sha256, name FROM api_tokens")
    finally:
        raw.close()
    assert name == "my watch" and token.group(1) not in digest

    bearer = {"Authorization": f"Bearer {token.group(1)}"}
    api = TestClient(client.app)  # no cookie: the token alone
    assert api.get("/api/routines", headers=bearer).status_code == 200
    page = visitor.client.get("/account")
    assert "my watch" in page.text and "never" not in page.text  # last used: just now

    token_id = re.search(r'action="/account/tokens/(\d+)/revoke"', page.text)
    assert token_id is not None
    visitor.post_form(f"/account/tokens/{token_id.group(1)}/revoke")
    assert api.get("/api/routines", headers=bearer).status_code == 401
    assert "You have no API tokens" in visitor.client.get("/account").text

    blank = visitor.post_form("/account/tokens", {"name": "   "})
    assert blank.status_code == 422 and "give the token a name" in blank.text


def test_a_user_made_by_the_command_line_cannot_sign_in(db_url: str) -> None:
    from strongstride.store import Store

    with Store.open(db_url) as store:
        store.ensure_user("runner")
    with TestClient(create_app(db_url)) as client:
        visitor = Visitor(client)
        assert "do not match" in visitor.login("runner", "").text
        taken = visitor.register("runner")
        assert taken.status_code == 422 and "taken" in taken.text
