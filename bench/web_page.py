"""Weight of the web player's page (issue: the player must stay light on a phone).

Run:  .venv/bin/python bench/web_page.py

Starts the web app (uvicorn, a throwaway SQLite database, a free port), signs up a runner in
headless Chromium, then loads the player page `/play/runner-glute` in a fresh tab with an empty
cache and counts, from Chromium's own network events, the bytes that crossed the wire
(compressed bodies plus headers) per resource type and in total, and the requests that went to
another site. Target: HTML + CSS + JS under 60 KB compressed, no third-party request.
Then it taps Start and goes on to the first step with an exercise figure, which the player
fetches only then: the figure's bytes are printed apart (target: at most 8 KB compressed),
with the page plus that one figure.

Chromium: CHROMIUM_PATH, else /usr/lib/chromium/chromium or /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TARGET_KB = 60.0
PAGE_TYPES = ("Document", "Stylesheet", "Script")


def chromium() -> str:
    wanted = os.environ.get("CHROMIUM_PATH")
    for candidate in (wanted, "/usr/lib/chromium/chromium", "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit("no Chromium: install Debian's chromium or set CHROMIUM_PATH")


LAUNCH_ARGS = ["--disable-gpu", "--disable-quic", "--no-sandbox"]


@contextlib.contextmanager
def serve_app() -> Iterator[str]:
    """The web app in a uvicorn subprocess on a free port; yields its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "STRONGSTRIDE_DB": f"sqlite:///{Path(folder) / 'bench.db'}"}
        log = open(Path(folder) / "uvicorn.log", "wb")  # noqa: SIM115 (closed below)
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "strongstride.web.app:make_app", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                if proc.poll() is not None:
                    sys.exit("the server stopped:\n" + (Path(folder) / "uvicorn.log").read_text())
                try:
                    with urllib.request.urlopen(f"{base}/login", timeout=1):
                        break
                except (urllib.error.URLError, ConnectionError):
                    if time.monotonic() > deadline:
                        sys.exit("the server did not answer in 30 s")
                    time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            log.close()


def sign_up(page: Any) -> None:
    page.goto("/register")
    page.fill("#username", f"bench{uuid.uuid4().hex[:10]}")
    page.fill("#password", "a long enough password")
    with page.expect_navigation():
        page.click("form[action='/register'] [type=submit]")


def start_session(pw: Any, base: str) -> tuple[Any, Any, Any]:
    """A phone at 390x844 in Debian's Chromium, a new runner signed up, the seed routine's
    session started in the player: (browser, context, page)."""
    browser = pw.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
    context = browser.new_context(base_url=base, viewport={"width": 390, "height": 844},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_up(page)
    page.goto("/play/runner-glute")
    page.click("#start")
    page.wait_for_selector("#screen[data-status='running']")
    return browser, context, page


def tap_on(page: Any, kind: str) -> bool:
    """Finish the player's current step as she would (Done on a set, Skip on a rest, Ready on
    a setup) and wait for the next one on screen; True when a set was logged."""
    step = page.get_attribute("#screen", "data-step")
    logged = kind == "work" and page.query_selector("#done") is not None
    if logged:
        page.tap("#done")
    elif page.query_selector("#skip"):
        page.tap("#skip")
    else:
        page.tap("#done")  # a setup step's Ready
    page.wait_for_function(
        "(before) => { const s = document.querySelector('#screen');"
        " return s.dataset.step !== before && s.dataset.status !== 'saving'; }",
        arg=step)
    return logged


def measure(base: str) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
        # No service worker: this is the first visit, everything comes over the network.
        context = browser.new_context(base_url=base, service_workers="block")
        sign_up(context.new_page())
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        seen: dict[str, dict[str, Any]] = {}
        cdp.on("Network.responseReceived", lambda e: seen.setdefault(e["requestId"], {}).update(
            url=e["response"]["url"], type=e["type"], status=e["response"]["status"],
            encoding=e["response"]["headers"].get("content-encoding", "")))
        cdp.on("Network.loadingFinished", lambda e: seen.setdefault(e["requestId"], {}).update(
            wire=e["encodedDataLength"]))
        cdp.on("Network.loadingFailed", lambda e: seen.setdefault(e["requestId"], {}).update(
            wire=0, failed=e.get("errorText", "")))
        page.goto("/play/runner-glute", wait_until="networkidle")
        page.wait_for_selector("#start")
        page.wait_for_timeout(500)
        loaded = set(seen)
        figure = show_a_figure(page)
        browser.close()
    for key, r in seen.items():
        r["later"] = key not in loaded
    wanted = [r for r in seen.values() if "url" in r]
    return [r for r in wanted if not r["later"] or r["url"] == figure]


def show_a_figure(page: Any) -> str | None:
    """Start, then skip to the first work step with a figure: the figure's full URL, or None
    when no step has one."""
    page.click("#start")
    for _ in range(300):
        page.wait_for_selector("#screen[data-status='running']")
        found = page.query_selector("#figure")
        if found is not None:
            page.wait_for_selector("#figure:is([data-state='shown'], [data-state='none'])",
                                   state="attached")
            page.wait_for_timeout(300)
            state = page.get_attribute("#figure", "data-state")
            url = page.get_attribute("#figure", "data-url")
            return page.evaluate("(u) => new URL(u, location.href).href", url) \
                if state == "shown" and url else None
        before = page.get_attribute("#screen", "data-step")
        page.click("#skip")
        page.wait_for_function("(b) => document.querySelector('#screen').dataset.step !== b",
                               arg=before)
    return None


def main() -> None:
    argparse.ArgumentParser(description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    with serve_app() as base:
        requests = measure(base)
    origin = urlsplit(base).netloc
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    print(f"{'resource':44} {'type':11} {'status':>6} {'bytes':>8}  encoding")
    figure = [r for r in requests if r["later"]]
    requests = [r for r in requests if not r["later"]]
    for r in sorted(requests, key=lambda r: (r["type"], r["url"])):
        path = urlsplit(r["url"]).path if urlsplit(r["url"]).netloc == origin else r["url"]
        wire = int(r.get("wire", 0))
        by_type[r["type"]][0] += 1
        by_type[r["type"]][1] += wire
        print(f"{path[:44]:44} {r['type']:11} {r['status']:>6} {wire:>8}  {r['encoding']}")
    print()
    for kind, (count, size) in sorted(by_type.items()):
        print(f"{kind:11} {count:>3} requests {size / 1024:8.1f} KB")
    total = sum(size for _, size in by_type.values())
    page = sum(by_type[k][1] for k in PAGE_TYPES if k in by_type)
    third = [r["url"] for r in requests if urlsplit(r["url"]).netloc != origin]
    print(f"total       {len(requests):>3} requests {total / 1024:8.1f} KB "
          "(compressed bodies + headers, as on the wire)")
    print(f"page (HTML + CSS + JS): {page / 1024:.1f} KB  [target < {TARGET_KB:g} KB]")
    print(f"third-party requests: {len(third)}  [target 0]{''.join(f'  {u}' for u in third)}")
    if not figure:
        print("figure: none shown (no exercise of the routine has a figure)")
        return
    shown = figure[0]
    size = int(shown.get("wire", 0))
    where = urlsplit(shown["url"])
    query = f"?{where.query}" if where.query else ""
    print(f"figure (fetched when its step shows): {where.path}{query}  "
          f"{size / 1024:.1f} KB {shown['encoding'] or 'uncompressed'}  [target <= 8 KB]")
    print(f"page + the current figure: {(page + size) / 1024:.1f} KB  "
          f"[target < {TARGET_KB:g} KB + the figure]")


if __name__ == "__main__":
    main()
