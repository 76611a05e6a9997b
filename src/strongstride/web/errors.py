"""Every error becomes its HTTP answer here, and only here.

Handlers raise domain errors (`NotFound`, `StrongstrideError`) or the web's own (`SignInRequired`,
`CsrfRefused`, `TooManyAttempts`, `FieldError`); this module maps them. Under /api the answer is
`{"detail": [{"field": ..., "message": ...}]}`; a page gets an HTML page with the same words,
and a page that needs a signed-in user redirects to /login.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from strongstride.errors import NotFound, StrongstrideError, Unavailable
from strongstride.web.auth import SignInRequired
from strongstride.web.csrf import CsrfRefused
from strongstride.web.schemas import RULES
from strongstride.web.templating import render

log = logging.getLogger("strongstride.web")

class TooManyAttempts(Exception):
    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/")


def problem(field: str | None, message: str) -> dict[str, Any]:
    return {"field": field, "message": message}


def validation_problems(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """pydantic's errors in the API's words: the field by name and what it must be."""
    out = []
    for error in errors:
        loc = [part for part in error.get("loc", ()) if part not in ("body", "query", "path")]
        names = [str(part) for part in loc]
        field = ".".join(names) or None
        kind = error.get("type", "")
        last = next((str(p) for p in reversed(loc) if isinstance(p, str)), None)
        if kind == "json_invalid":
            field, message = None, "the body is not valid JSON"
        elif field is None:
            message = "the body must be a JSON object"
        elif kind == "missing":
            message = f"{field} is required"
        elif kind == "extra_forbidden":
            message = f"{field} is not a field of this request"
        elif kind == "text_rule":  # what the text rule says is wrong with this very text
            message = f"{field} {error.get('msg', 'is not valid')}"
        elif last in RULES:
            message = f"{field} must be {RULES[last]}"
        else:
            text = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
            message = f"{field}: {text[:1].lower()}{text[1:]}"
        out.append(problem(field, message))
    return out


def _scrub(request: Request, message: str) -> str:
    """Store messages start with the database's file or URL: not for a web visitor."""
    app = getattr(request.app.state, "strongstride", None)
    where = getattr(app, "where", None)
    return message.replace(f"{where}: ", "").replace(str(where), "the database") if where \
        else message


def _answer(request: Request, status: int, problems: list[dict[str, Any]],
            headers: Mapping[str, str] | None = None) -> Response:
    if is_api(request):
        return JSONResponse({"detail": problems}, status_code=status, headers=headers)
    messages = [p["message"] for p in problems]
    response = render(request, "error.html", {"status": status, "messages": messages},
                      status_code=status)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


async def _sign_in(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SignInRequired)
    if is_api(request):
        return JSONResponse({"detail": [problem(None, exc.message)]}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    target = "/login"
    if request.method == "GET" and request.url.path != "/":
        target += "?next=" + quote(request.url.path, safe="/")
    return RedirectResponse(target, status_code=303)


async def _csrf(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CsrfRefused)
    return _answer(request, 403, [problem(exc.field, exc.message)])


async def _too_many(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TooManyAttempts)
    wait = str(max(1, math.ceil(exc.retry_after)))
    return _answer(request, 429, [problem(None, exc.message)], {"Retry-After": wait})


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return _answer(request, 422, validation_problems(exc.errors()))


async def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFound)
    return _answer(request, 404, [problem(None, _scrub(request, exc.message))])


async def _domain(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StrongstrideError)
    if isinstance(exc, Unavailable):
        log.error("database failure: %s", exc.message)
        return _answer(request, 503, [problem(None, "the database is not answering; "
                                                    "try again in a moment")],
                       {"Retry-After": "5"})
    return _answer(request, 422, [problem(getattr(exc, "field", None),
                                          _scrub(request, exc.message))])


_HTTP_WORDS = {404: "there is nothing at this address", 405: "this address does not take "
               "this method", 400: "the request could not be read"}


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    words = _HTTP_WORDS.get(exc.status_code) or str(exc.detail)
    response = _answer(request, exc.status_code, [problem(None, words)], exc.headers)
    return response


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    words = "something went wrong on the server"
    try:
        return _answer(request, 500, [problem(None, words)])
    except Exception:  # the page itself failed: answer in plain words
        return PlainTextResponse(words[:1].upper() + words[1:] + ".", status_code=500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(SignInRequired, _sign_in)
    app.add_exception_handler(CsrfRefused, _csrf)
    app.add_exception_handler(TooManyAttempts, _too_many)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(StrongstrideError, _domain)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
