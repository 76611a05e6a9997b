"""The web app: `create_app()` wires the application object, the routers, static files and
error handling.

Run it with `python -m strongstride.web` or
`uvicorn strongstride.web.app:make_app --factory` (the database from STRONGSTRIDE_DB).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.types import Message, Receive, Scope, Send

from strongstride.app import Strongstride
from strongstride.web import (
    account,
    api,
    checkin,
    dashboard,
    downloads,
    errors,
    pages,
    plan_page,
)
from strongstride.web.auth import Settings

STATIC = Path(__file__).parent / "static"
SECURE_COOKIES_ENV = "STRONGSTRIDE_SECURE_COOKIES"
STATIC_MAX_AGE = 7 * 24 * 3600
WORKER_THREADS = int(os.environ.get("STRONGSTRIDE_THREADS", "4"))

# Scripts and styles come from this site only; 'unsafe-inline' styles let scripts set
# style attributes. No frames, no plugins, forms post here.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


class CachedStatic(StaticFiles):
    """Static files. Scripts and styles keep fixed names, so they are revalidated on every
    use (ETag: a 304 costs a few bytes) and a new release is never masked by an old copy;
    icons and the like keep a week."""

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        name = str(getattr(response, "path", ""))
        fresh = name.endswith((".js", ".css", ".webmanifest"))
        response.headers.setdefault(
            "Cache-Control", "no-cache" if fresh else f"public, max-age={STATIC_MAX_AGE}")
        return response


class SecurityHeaders:
    """Headers every answer carries; pages and API answers are not kept by shared caches."""

    def __init__(self, app: object) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)  # type: ignore[operator]
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                extra = [(b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"),
                         (b"x-frame-options", b"DENY"),
                         (b"content-security-policy", CSP.encode())]
                if not static and b"cache-control" not in names:
                    extra.append((b"cache-control", b"private, no-cache"))
                message["headers"] = headers + [h for h in extra if h[0] not in names]
            await send(message)

        await self.app(scope, receive, sending)  # type: ignore[operator]


def create_app(db_url: str | None = None, *, secure_cookies: bool = False) -> FastAPI:
    """The app, holding one application object on the database `db_url` (default:
    `STRONGSTRIDE_DB` or the user's data folder), opened at startup and closed at shutdown.
    `secure_cookies` marks cookies Secure: set it when the app is served over HTTPS."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The handlers run in the event loop's thread pool (docs/storage.md, "One threading
        # model"). Past a few threads, Python only takes turns at its interpreter lock, and
        # the turns make the long tails: the pool is sized to the work, not to the requests.
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        app.state.strongstride = Strongstride.open(db_url)
        try:
            yield
        finally:
            app.state.strongstride.close()

    app = FastAPI(title="strongstride", version="1", lifespan=lifespan, docs_url=None,
                  redoc_url=None, description="The JSON API of strongstride: routines, "
                  "sessions and sets. See docs/api.md.")
    app.state.settings = Settings(secure_cookies=secure_cookies)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(dashboard.api_router)
    app.include_router(account.router)
    app.include_router(pages.router)
    app.include_router(dashboard.router)
    app.include_router(checkin.router)
    app.include_router(downloads.router)
    app.include_router(plan_page.router)
    app.mount("/static", CachedStatic(directory=STATIC, check_dir=False), name="static")

    @app.get("/sw.js", include_in_schema=False)
    def service_worker() -> FileResponse:
        path = STATIC / "sw.js"
        if not path.is_file():
            raise HTTPException(404)
        # Served from the root so it may control every page; browsers check it for updates.
        return FileResponse(path, media_type="text/javascript",
                            headers={"Service-Worker-Allowed": "/", "Cache-Control": "no-cache"})

    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(SecurityHeaders)
    return app


def make_app() -> FastAPI:
    """For `uvicorn --factory`: the database from STRONGSTRIDE_DB, Secure cookies when
    STRONGSTRIDE_SECURE_COOKIES is 1."""
    secure = os.environ.get(SECURE_COOKIES_ENV, "").strip().lower() in ("1", "true", "yes")
    return create_app(secure_cookies=secure)
