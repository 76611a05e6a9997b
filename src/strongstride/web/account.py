"""Register, sign in and out, and the account page with its API tokens."""

from __future__ import annotations

import math
import re
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from strongstride.errors import NameTaken
from strongstride.web import auth, csrf
from strongstride.web.api import new_api_token
from strongstride.web.auth import AppDep, FormViewer, PageViewer
from strongstride.web.errors import TooManyAttempts
from strongstride.web.templating import render

router = APIRouter(include_in_schema=False)

NAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
MIN_PASSWORD, MAX_PASSWORD = 8, 1024
FormText = Annotated[str, Form()]


def normal_name(name: str) -> str:
    return name.strip().casefold()


def safe_next(target: str | None) -> str:
    """Only a path on this site: never `//evil.example` or a full URL."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def account_problems(name: str, password: str) -> dict[str, str]:
    problems = {}
    if not NAME.fullmatch(name):
        problems["username"] = ("3 to 32 letters, digits, dots, dashes or underscores, "
                                "starting with a letter or digit")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        problems["password"] = f"at least {MIN_PASSWORD} characters (a few words is good)"
    return problems


def _check_anonymous_form(request: Request, given: str) -> None:
    csrf.check_field(given, csrf.anonymous_token(request))


@router.get("/register", response_model=None)
def register_page(request: Request) -> Response:
    if auth.web_session(request) is not None:
        return RedirectResponse("/", status_code=303)
    return render(request, "register.html", {"errors": {}, "username": ""})


@router.post("/register", response_model=None)
def register(request: Request, app: AppDep, username: FormText = "",
             password: FormText = "", csrf_field: Annotated[str, Form(alias="csrf")] = ""
             ) -> Response:
    _check_anonymous_form(request, csrf_field)
    name = normal_name(username)
    errors = account_problems(name, password)
    if not errors:
        try:
            account = app.create_account(name, auth.hash_password(password))
        except NameTaken:
            errors = {"username": "this name is taken; choose another"}
    if errors:
        return render(request, "register.html", {"errors": errors, "username": username},
                      status_code=422)
    response = RedirectResponse("/", status_code=303)
    auth.sign_in(request, response, account)
    return response


@router.get("/login", response_model=None)
def login_page(request: Request, next: str = "/") -> Response:
    if auth.web_session(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", {"error": None, "username": "",
                                          "next": safe_next(next)})


@router.post("/login", response_model=None)
def login(request: Request, app: AppDep, username: FormText = "", password: FormText = "",
          csrf_field: Annotated[str, Form(alias="csrf")] = "", next: FormText = "/"
          ) -> Response:
    _check_anonymous_form(request, csrf_field)
    settings = auth.settings_of(request)
    name = normal_name(username)[:100]
    address = request.client.host if request.client else "unknown"
    wait = max(settings.by_name.retry_after(name) or 0, settings.by_address.retry_after(address)
               or 0)
    if wait:
        minutes = max(1, math.ceil(wait / 60))
        raise TooManyAttempts(f"too many failed sign-ins for this name or from this address; "
                              f"wait {minutes} minute{'s' if minutes > 1 else ''} and try "
                              "again", wait)
    found = app.sign_in_details(name)
    # Hash even for an unknown name, so the time taken does not tell which names exist.
    matches = len(password) <= MAX_PASSWORD and auth.check_password(
        found[1] if found else None, password)
    if found is None or not matches:
        settings.by_name.fail(name)
        settings.by_address.fail(address)
        return render(request, "login.html", {
            "error": "that name and password do not match an account", "username": username,
            "next": safe_next(next)})
    account, stored_hash = found
    settings.by_name.clear(name)
    if auth.needs_rehash(stored_hash):
        app.set_password_hash(account.id, auth.hash_password(password))
    response = RedirectResponse(safe_next(next), status_code=303)
    auth.sign_in(request, response, account)
    return response


@router.post("/logout")
def logout(request: Request, viewer: FormViewer) -> RedirectResponse:
    response = RedirectResponse("/login", status_code=303)
    auth.sign_out(request, response)
    return response


@router.get("/account")
def account_page(request: Request, viewer: PageViewer, app: AppDep) -> HTMLResponse:
    return render(request, "account.html", {"tokens": app.api_tokens(viewer.id),
                                            "new_token": None, "error": None})


@router.post("/account/tokens")
def make_token(request: Request, viewer: FormViewer, app: AppDep,
               name: FormText = "") -> HTMLResponse:
    name = name.strip()
    if not 1 <= len(name) <= 100 or any(ord(c) < 32 for c in name):
        return render(request, "account.html", {
            "tokens": app.api_tokens(viewer.id), "new_token": None,
            "error": "give the token a name of 1 to 100 characters, such as 'my watch'"},
            status_code=422)
    token = new_api_token()
    made = app.add_api_token(viewer.id, name, token)
    return render(request, "account.html", {"tokens": app.api_tokens(viewer.id),
                                            "new_token": (made, token), "error": None},
                  status_code=201)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(token_id: Annotated[int, Path(ge=1, le=2**31 - 1)], viewer: FormViewer,
                 app: AppDep) -> RedirectResponse:
    app.revoke_api_token(viewer.id, token_id)
    return RedirectResponse("/account", status_code=303)
