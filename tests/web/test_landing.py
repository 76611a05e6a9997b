"""A signed-out visitor lands on a page that says what strongstride is, shows the player, and
then offers to sign in or make an account; a signed-in runner lands on her routines."""

from __future__ import annotations

from tests.web.conftest import TestClient, Visitor
from tests.web.test_pages import check_page_rules


def test_a_visitor_learns_what_it_is_then_signs_in_or_registers(client: TestClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 200 and answer.url.path == "/"
    page = check_page_rules(answer.text, signed_in=False)
    text = answer.text
    for words in ("Lauren Wentz, PT, CSCS, RRCA-certified running coach", "set by set",
                  "Left and right", "Works offline"):
        assert words in text, words
    [image] = [attrs for tag, attrs in page.tags if tag == "img"]
    assert image["alt"] and image["src"].startswith("/static/")
    shot = client.get(image["src"])
    assert shot.status_code == 200 and shot.headers["content-type"] == "image/webp"
    assert len(shot.content) < 40 * 1024  # light: a compressed picture of a few tens of KB
    # What it is comes first, then the picture, then the ways in.
    assert text.index("Works offline") < text.index(image["src"]) < text.index('href="/register"')
    assert page.find("a", href="/login") and page.find("a", href="/register")
    # No site menu for a visitor: nothing to open without an account.
    assert not page.find("nav")


def test_a_signed_in_runner_lands_on_her_routines(visitor: Visitor) -> None:
    visitor.register("ana")
    answer = visitor.client.get("/")
    assert answer.url.path == "/" and "<h1>Routines</h1>" in answer.text
    assert "Make an account" not in answer.text
