"""`python -m strongstride.web [--host H] [--port P] [--db URL] [--secure-cookies]`."""

from __future__ import annotations

import argparse

from strongstride.paths import DB_ENV as ENV_VAR


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m strongstride.web",
                                     description="Serve the strongstride web app.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument("--db", help=f"database URL (default: ${ENV_VAR} or the data folder)")
    parser.add_argument("--secure-cookies", action="store_true",
                        help="mark cookies Secure (the app is served over HTTPS)")
    parser.add_argument("--proxy-headers", action="store_true",
                        help="trust X-Forwarded-For/Proto from a reverse proxy on this machine")
    parser.add_argument("--log-level", default="info",
                        choices=["critical", "error", "warning", "info", "debug"],
                        help="uvicorn's logging; below info, requests are not logged")
    args = parser.parse_args(argv)
    serve(args.host, args.port, db=args.db, secure_cookies=args.secure_cookies,
          proxy_headers=args.proxy_headers, log_level=args.log_level)


def serve(host: str, port: int, *, db: str | None = None, secure_cookies: bool = False,
          proxy_headers: bool = False, log_level: str = "info") -> None:
    """Run the app in uvicorn until interrupted (the CLI's `serve` calls this)."""
    import gc

    import uvicorn

    from strongstride.web.app import create_app

    app = create_app(db, secure_cookies=secure_cookies)
    # Everything made so far (the app, its routes, the libraries) lives as long as the server.
    # Freezing it keeps Python's full garbage collections from walking it all again and again:
    # on this machine each one held every request up 60-90 ms. Done here, in the server's own
    # process, so that a process making apps (the tests) can still free them.
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=host, port=port, proxy_headers=proxy_headers,
                forwarded_allow_ips="127.0.0.1" if proxy_headers else None, log_level=log_level)


if __name__ == "__main__":
    main()
