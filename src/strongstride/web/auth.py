"""Who is asking: passwords, the session cookie, API tokens, and the dependencies that say it.

A browser signs in with a name and password and gets the cookie `ss_session`: a random token of
which only the sha256 is stored. API clients send `Authorization: Bearer TOKEN`. Every handler
takes a `Viewer` from one of the dependencies here and passes its account id to the
application, which is how every query is scoped to the signed-in user.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import FormData
from starlette.responses import Response

from strongstride.app import Strongstride
from strongstride.records import Account, WebSession
from strongstride.web import csrf
from strongstride.web.ratelimit import SlidingWindow

SESSION_COOKIE = "ss_session"
SESSION_LIFETIME = timedelta(days=30)
MAX_TOKEN_LENGTH = 200
_UNKNOWN = object()
SIGN_IN_FIRST = "sign in first"


class SignInRequired(Exception):
    """No one is signed in (or the token is unknown): a page sends her to /login, the API
    answers 401."""

    def __init__(self, message: str = SIGN_IN_FIRST) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Settings:
    """What `create_app` was given, and the state one server process keeps in memory."""

    secure_cookies: bool = False
    by_name: SlidingWindow = field(default_factory=lambda: SlidingWindow(5, 300))
    by_address: SlidingWindow = field(default_factory=lambda: SlidingWindow(5, 300))


@dataclass(frozen=True, slots=True)
class Viewer:
    account: Account
    csrf: str | None  # None for a Bearer token: such requests need no CSRF token

    @property
    def id(self) -> int:
        return self.account.id


def now() -> datetime:
    return datetime.now(UTC)


def app_of(request: Request) -> Strongstride:
    """The application the server holds (opened at start, closed at shutdown)."""
    found: Strongstride = request.app.state.strongstride
    return found


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# passwords


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _decoy() -> str:
    return _hasher().hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches; without a hash, spend the same time and say False, so the
    answer's timing does not tell which names exist."""
    try:
        return _hasher().verify(stored_hash or _decoy(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher().check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


# browser sessions


def web_session(request: Request) -> WebSession | None:
    """The signed-in session of this browser, looked up once per request."""
    cached = getattr(request.state, "web_session", _UNKNOWN)
    if cached is _UNKNOWN:
        token = request.cookies.get(SESSION_COOKIE)
        cached = None
        if token and len(token) <= MAX_TOKEN_LENGTH:
            cached = app_of(request).web_session(token)
        request.state.web_session = cached
    assert cached is None or isinstance(cached, WebSession)
    return cached


def sign_in(request: Request, response: Response, account: Account) -> None:
    """Start a new browser session (a new token and CSRF token every time: no fixation)."""
    token = secrets.token_urlsafe(32)
    app_of(request).open_web_session(account.id, token, csrf.new_token(), SESSION_LIFETIME)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(SESSION_LIFETIME.total_seconds()),
                        httponly=True, samesite="lax",
                        secure=settings_of(request).secure_cookies, path="/")


def sign_out(request: Request, response: Response) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token and len(token) <= MAX_TOKEN_LENGTH:
        app_of(request).close_web_session(token)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax",
                           secure=settings_of(request).secure_cookies, path="/")


# dependencies


def page_viewer(request: Request) -> Viewer:
    """The signed-in user of a page; anyone else is sent to /login."""
    found = web_session(request)
    if found is None:
        raise SignInRequired()
    return Viewer(found.account, found.csrf)


async def _form(request: Request) -> FormData:
    # Reading the body is the one thing here that must wait on the client: it stays on the
    # event loop, and the store's part (form_viewer) runs in a worker thread like the rest.
    return await request.form()


def form_viewer(request: Request, form: Annotated[FormData, Depends(_form)]) -> Viewer:
    """The signed-in user of a form post, whose hidden `csrf` field must match."""
    viewer = page_viewer(request)
    given = form.get(csrf.FIELD)
    csrf.check_field(given if isinstance(given, str) else None, viewer.csrf)
    return viewer


_bearer = HTTPBearer(auto_error=False, description="an API token from POST /api/tokens")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False,
                       description="the browser's session; unsafe methods also need the "
                                   "X-CSRF-Token header")


def api_viewer(request: Request,
               bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
               _cookie_token: Annotated[str | None, Depends(_cookie)]) -> Viewer:
    """The user of an API call: a Bearer token, or the session cookie plus the CSRF header."""
    if bearer is not None:
        token = bearer.credentials.strip()
        account = (app_of(request).api_token_account(token)
                   if 0 < len(token) <= MAX_TOKEN_LENGTH else None)
        if account is None:
            raise SignInRequired("this API token is not known (revoked?); make a new one on "
                                 "the account page")
        return Viewer(account, None)
    if "authorization" in request.headers:
        raise SignInRequired("give the token as Authorization: Bearer TOKEN")
    found = web_session(request)
    if found is None:
        raise SignInRequired()
    csrf.check_header(request, found.csrf)
    return Viewer(found.account, found.csrf)


ApiViewer = Annotated[Viewer, Depends(api_viewer)]
PageViewer = Annotated[Viewer, Depends(page_viewer)]
FormViewer = Annotated[Viewer, Depends(form_viewer)]
async def _app(request: Request) -> Strongstride:
    # No input or output here: answered on the event loop, not handed to a thread of its own.
    return app_of(request)


AppDep = Annotated[Strongstride, Depends(_app)]
PostedForm = Annotated[FormData, Depends(_form)]  # read once a request, on the event loop
