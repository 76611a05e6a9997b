"""The landing page at 390 x 844, as a signed-out visitor sees it."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_a_visitor_sees_what_it_is_a_picture_and_the_ways_in(phone: Any, shots: Path) -> None:
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("/")
    assert page.url.endswith("/") and "/login" not in page.url
    assert page.inner_text("h1") == "Strength for runners, one leg at a time"
    # The picture arrived and is shown at its size, inside the screen.
    assert page.evaluate("document.querySelector('.landing-shot img').naturalWidth") > 0
    shot = page.locator(".landing-shot img").bounding_box()
    assert shot is not None and 150 <= shot["width"] <= 250 and shot["x"] >= 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for name in ("Make an account", "Sign in"):
        button = page.get_by_role("link", name=name).bounding_box()
        assert button is not None and button["height"] >= 44
    page.screenshot(path=str(shots / "landing.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_role("link", name="Make an account").click()
    assert page.url.endswith("/register")
    assert errors == []
