"""Browser tests: real Chromium (Debian's), driven by pytest-playwright.

pytest-playwright has no option for an executable path, so the launch arguments are
overridden here (see /work/shared/RECIPES.md). Without a Chromium executable every test
here is skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

STATIC = Path(__file__).resolve().parents[3] / "src" / "strongstride" / "web" / "static"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
                         "is_mobile": True, "has_touch": True}


def _chromium() -> str | None:
    wanted = os.environ.get("CHROMIUM_PATH")
    if wanted:
        return wanted if Path(wanted).exists() else None
    for candidate in ("/usr/lib/chromium/chromium", "/usr/bin/chromium"):
        if Path(candidate).exists():
            return candidate
    return None


CHROMIUM = _chromium()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM is not None:
        return
    here = Path(__file__).parent
    reason = ("no Chromium executable: install Debian's chromium or set CHROMIUM_PATH "
              "(never `playwright install`)")
    for item in items:
        uses_browser = {"browser", "page", "context"} & set(getattr(item, "fixturenames", ()))
        if here in Path(str(item.fspath)).parents and uses_browser:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--disable-gpu", "--disable-quic", "--no-sandbox"]}


def server_url(live_server: Any) -> str:
    """The live server's base URL, whether the fixture gives a string or an object."""
    url = getattr(live_server, "url", None) or getattr(live_server, "base_url", None) or live_server
    return str(url).rstrip("/")


@pytest.fixture
def base(live_server: Any) -> str:
    return server_url(live_server)


@pytest.fixture
def phone(browser: Any, base: str) -> Iterator[Any]:
    """A fresh browser context the size of a phone (390 x 844 CSS px, 2x), on the live server."""
    context = browser.new_context(base_url=base, **PHONE)
    yield context
    context.close()


class Runner:
    """One signed-in user in one browser context, plus a direct line to the server."""

    def __init__(self, context: Any, base: str) -> None:
        self.context = context
        self.base = base
        self.page = context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.name = ""

    def register(self) -> None:
        import uuid

        self.name = f"runner{uuid.uuid4().hex[:10]}"
        page = self.page
        page.goto("/register")
        page.fill("#username", self.name)
        page.fill("#password", "a long enough password")
        with page.expect_navigation():
            page.click("form[action='/register'] [type=submit]")
        assert "/register" not in page.url, page.content()[:2000]

    def api(self) -> Any:
        """An httpx client that is this user (the browser's cookies), not the page."""
        import httpx

        cookies = {c["name"]: c["value"] for c in self.context.cookies(self.base)}
        return httpx.Client(base_url=self.base, cookies=cookies, timeout=10)

    # The player ----------------------------------------------------------------------------
    def start_routine(self) -> None:
        """Open the seed routine's player and tap Start: at its first set, running."""
        self.page.goto("/play/runner-glute")
        self.page.click("#start")
        self.wait_step("s1.e1.set1.work", "running")

    def step(self) -> str:
        return str(self.page.get_attribute("#screen", "data-step"))

    def wait_step(self, key: str, status: str | None = None) -> None:
        wanted = f"#screen[data-step='{key}']" + (f"[data-status='{status}']" if status else "")
        self.page.wait_for_selector(wanted, state="attached")

    def press(self, button: str) -> None:
        """Tap a player button and wait until the player has moved past 'saving'."""
        before = self.step()
        self.page.click(button)
        self.page.wait_for_function(
            """(before) => { const s = document.querySelector('#screen');
                return s && s.dataset.status !== 'saving' && s.dataset.step !== before; }""",
            arg=before)

    def waiting(self) -> int:
        return int(self.page.get_attribute("#queue-status", "data-waiting") or 0)

    def expect_waiting(self, count: int) -> None:
        """Wait until the page says `count` sets are waiting to be sent (the outbox writes a
        set after the screen has moved on, so the line follows a moment after the tap);
        fails after the usual timeout showing the count it last said."""
        from playwright.sync_api import TimeoutError as Timeout

        try:
            self.page.wait_for_selector(f"#queue-status[data-waiting='{count}']",
                                        state="attached", timeout=5000)
        except Timeout:
            assert self.waiting() == count  # the count it said last, in the failure

    def outbox_empty(self) -> None:
        # wait_for_function does not wait for promises: read the outbox's last summary.
        self.page.wait_for_function(
            "() => { const o = window.__player.outbox;"
            " return !o.running && o.last !== null && o.last.entries.length === 0; }")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: docs/screenshots/ when STRONGSTRIDE_SCREENSHOTS names it (so a
    plain test run does not rewrite the docs), else the test's temporary folder."""
    wanted = os.environ.get("STRONGSTRIDE_SCREENSHOTS")
    root = Path(__file__).resolve().parents[3]
    folder = (root / wanted) if wanted else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def runner(phone: Any, base: str) -> Runner:
    return Runner(phone, base)


@pytest.fixture
def make_runner(browser: Any, base: str) -> Iterator[Any]:
    """Runners in contexts of their own, with extra context options."""
    contexts: list[Any] = []

    def make(**options: Any) -> Runner:
        context = browser.new_context(base_url=base, **{**PHONE, **options})
        contexts.append(context)
        return Runner(context, base)

    yield make
    for context in contexts:
        context.close()
