"""Cross-site request forgery tokens.

A signed-in browser's token lives with its session in the database; pages carry it in
`<meta name="csrf-token">` and in a hidden `csrf` field of every form. Before sign-in (the
register and sign-in forms) there is no session, so the token is also set as the cookie
`ss_csrf` and the form must send the same value back (the double-submit pattern): another site
can make a browser post a form, but cannot read or set this site's cookie to match it.
"""

from __future__ import annotations

import secrets

from starlette.requests import Request
from starlette.responses import Response

ANONYMOUS_COOKIE = "ss_csrf"
FIELD = "csrf"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfRefused(Exception):
    """An unsafe request without the page's token."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same(given: str | None, expected: str | None) -> bool:
    if not given or not expected:
        return False
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def check_header(request: Request, expected: str) -> None:
    if request.method in SAFE_METHODS:
        return
    if not same(request.headers.get(HEADER), expected):
        raise CsrfRefused(HEADER, f"send the header {HEADER} with the token of the page's "
                                  '<meta name="csrf-token">, or use an API token '
                                  "(Authorization: Bearer)")


def check_field(given: str | None, expected: str | None) -> None:
    if not same(given, expected):
        raise CsrfRefused(FIELD, "this form has expired or did not come from this site; "
                                 "go back, reload the page and send it again")


def anonymous_token(request: Request) -> str | None:
    """The browser's pre-sign-in token, if its cookie holds a plausible one."""
    token = request.cookies.get(ANONYMOUS_COOKIE)
    return token if token and len(token) <= 100 else None


def set_anonymous_cookie(response: Response, token: str, *, secure: bool) -> None:
    response.set_cookie(ANONYMOUS_COOKIE, token, httponly=True, samesite="lax", secure=secure,
                        path="/")
