"""The server-rendered pages: each one's content, and the rules every page keeps (one h1, a
label for every field, the viewport and CSRF meta tags, nothing from another site)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from strongstride import routines as routines
from strongstride.library import load_library
from tests.web.conftest import TestClient, Visitor, work_steps

PAGES = ["/", "/routines/runner-glute", "/play/runner-glute", "/equipment", "/history", "/plan",
         "/account"]


class Page(HTMLParser):
    """The parts of a page the rules talk about."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.h1 = 0
        self.labels: set[str] = set()
        self.fields: list[dict[str, str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        self.tags.append((tag, found))
        if tag == "h1":
            self.h1 += 1
        elif tag == "label" and "for" in found:
            self.labels.add(found["for"])
        elif tag in ("input", "select", "textarea") and found.get("type") not in (
                "hidden", "submit"):
            self.fields.append(found)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag and all(
            attrs.get(key.replace("_", "-")) == value for key, value in wanted.items())]


def check_page_rules(text: str, *, signed_in: bool) -> Page:
    page = Page(text)
    assert page.h1 == 1
    assert page.find("meta", name="viewport", content="width=device-width, initial-scale=1")
    assert page.find("link", rel="stylesheet", href="/static/app.css")
    assert bool(page.find("meta", name="csrf-token")) == signed_in
    for field in page.fields:
        assert field.get("id") in page.labels or field.get("aria-label"), field
    ids = [attrs["id"] for _tag, attrs in page.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    for _tag, attrs in page.tags:
        for ref in attrs.get("aria-describedby", "").split():
            assert ref in ids, ref
    for _tag, attrs in page.tags:
        for key in ("src", "href", "action"):
            value = attrs.get(key, "")
            assert not value.startswith(("http:", "https:", "//")), value  # no CDN
    return page


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


@pytest.mark.parametrize("path", PAGES)
def test_every_signed_in_page_keeps_the_rules(ana: Visitor, path: str) -> None:
    answer = ana.client.get(path)
    assert answer.status_code == 200 and answer.url.path == path
    page = check_page_rules(answer.text, signed_in=True)
    assert page.find("a", href=path, aria_current="page") or path not in (
        "/", "/history", "/plan", "/equipment", "/account")


@pytest.mark.parametrize("path", ["/login", "/register", "/nothing-here"])
def test_signed_out_pages_keep_the_rules(client: TestClient, path: str) -> None:
    check_page_rules(client.get(path).text, signed_in=False)


def test_the_home_page_lists_the_routines_and_offers_to_carry_on(ana: Visitor) -> None:
    loaded = routines.load_routine("runner-glute")
    home = ana.client.get("/")
    assert loaded.routine.title and loaded.routine.title in home.text
    assert 'href="/play/runner-glute">Start</a>' in home.text
    ana.start()
    assert 'href="/play/runner-glute">Carry on</a>' in ana.client.get("/").text


def test_the_routine_page_shows_every_exercise_with_its_how_to(ana: Visitor) -> None:
    loaded = routines.load_routine("runner-glute")
    text = ana.client.get("/routines/runner-glute").text
    page = Page(text)
    sections = loaded.routine.sections
    assert len(page.find("section")) == len(sections)
    library = load_library()
    described = [e for e in loaded.routine.exercises if library.find(e.name)]
    assert described and text.count("<details>") == len(described)
    for exercise in loaded.routine.exercises:
        assert exercise.name.replace("'", "&#39;") in text
    for item in loaded.routine.equipment:
        assert item.replace("'", "&#39;") in text
    assert "Estimated time:" in text


def test_missing_equipment_is_saved_and_the_routine_shows_what_to_do_instead(
        ana: Visitor) -> None:
    page = Page(ana.client.get("/equipment").text)
    boxes = page.find("input", type="checkbox", name="have")
    assert boxes and all("checked" in box for box in boxes)  # everything, to begin with
    saved = ana.post_form("/equipment", {"have": [b["value"] for b in boxes
                                                  if b["value"] != "exercise-ball"]})
    assert saved.url.path == "/equipment" and 'role="status"' in saved.text
    after = Page(saved.text).find("input", type="checkbox", name="have")
    assert [b["value"] for b in after if "checked" not in b] == ["exercise-ball"]
    routine = ana.client.get("/routines/runner-glute").text
    assert 'Bridge walk-out <span class="badge">substituted</span>' in routine
    assert "In place of <strong>Exercise-ball hamstring curl</strong>, as you have no exercise " \
        "ball: Lie with your feet on the floor" in routine
    assert "2 exercises are done another way" in routine


def test_the_player_page_is_the_shell_the_player_script_fills(ana: Visitor) -> None:
    page = Page(ana.client.get("/play/runner-glute").text)
    [main] = page.find("main")
    assert (main["id"], main["data-routine"], main["data-api"]) == \
        ("player", "runner-glute", "/api")
    assert page.find("p", id="timer-live", aria_live="polite")
    assert page.find("script", type="module", src="/static/player.js")
    assert page.find("link", rel="stylesheet", href="/static/player.css")
    assert page.find("noscript") and page.find("a", href="#player")
    assert ana.client.get("/play/no-such-routine").status_code == 404


def test_history_and_the_session_page_show_every_set_per_side(ana: Visitor) -> None:
    routine = ana.client.get("/api/routines/runner-glute").json()
    session = ana.start()
    left, right = next((a, b) for a, b in zip(work_steps(routine), work_steps(routine)[1:],
                                              strict=False)
                       if a["side"] == "left" and b["side"] == "right")
    ana.log(session["id"], left["key"], reps=12, load=10, rpe=8, note="wobbly")
    ana.log(session["id"], right["key"], skipped=True)
    history = ana.client.get("/history").text
    assert f'href="/sessions/{session["id"]}"' in history and "active" in history

    text = ana.client.get(f"/sessions/{session['id']}").text
    check_page_rules(text, signed_in=True)
    assert left["name"] in text
    assert ">Left</th>" in text and ">Right</th>" in text
    assert "<strong>12 reps</strong> × 10 kg" in text and "RPE 8" in text
    assert "wobbly" in text and "skipped" in text

    # Abandoning asks first: the link leads to a page that says what happens to her sets.
    assert f'href="/sessions/{session["id"]}/abandon"' in text
    ask = ana.client.get(f"/sessions/{session['id']}/abandon")
    check_page_rules(ask.text, signed_in=True)
    assert "stay in your history" in ask.text and "Keep it and carry on" in ask.text
    unasked = ana.post_form(f"/sessions/{session['id']}/abandon")  # no confirmation
    assert unasked.url.path == f"/sessions/{session['id']}/abandon"
    assert ana.api("GET", f"/api/sessions/{session['id']}").json()["status"] == "active"
    gone = ana.post_form(f"/sessions/{session['id']}/abandon", {"confirm": "abandon"})
    assert gone.url.path == f"/sessions/{session['id']}" and "abandoned" in gone.text
    assert "Abandon this session" not in gone.text
    assert ana.client.get("/sessions/not-a-session").status_code == 404
    assert ana.client.get("/sessions/bad%00id").status_code == 404


def test_static_files_are_revalidated_or_cached_and_gzipped(client: TestClient) -> None:
    # Scripts and styles keep fixed names: they must be revalidated (ETag) so a release is
    # never masked by a week-old copy; other files (the icon) may be kept a week.
    answer = client.get("/static/app.css", headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/css")
    assert answer.headers["cache-control"] == "no-cache"
    assert answer.headers["content-encoding"] == "gzip"
    again = client.get("/static/app.css", headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/static/player.js").headers["cache-control"] == "no-cache"
    assert client.get("/static/icon.svg").headers["cache-control"] == "public, max-age=604800"
    assert client.get("/static/nothing.js").status_code == 404


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/login", "/api/routines", "/static/app.css"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self';" in headers["content-security-policy"]
    assert client.get("/login").headers["cache-control"] == "private, no-cache"


def test_the_service_worker_is_served_from_the_root_when_there_is_one(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import strongstride.web.app as web_app

    monkeypatch.setattr(web_app, "STATIC", tmp_path)
    assert client.get("/sw.js").status_code == 404
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {});\n")
    answer = client.get("/sw.js")
    assert answer.status_code == 200
    assert answer.headers["service-worker-allowed"] == "/"
    assert answer.headers["content-type"].startswith("text/javascript")
    assert answer.headers["cache-control"] == "no-cache"


def test_a_page_for_a_missing_thing_is_an_html_404(ana: Visitor) -> None:
    for path in ("/routines/nope", "/nothing-here"):
        answer = ana.client.get(path)
        assert answer.status_code == 404 and answer.headers["content-type"].startswith(
            "text/html")
        assert "<h1>Not found</h1>" in answer.text


def test_a_form_that_is_not_filled_in_keeps_the_rules(ana: Visitor, new_visitor: Any) -> None:
    answer: Any = ana.post_form("/account/tokens", {"name": ""})
    assert answer.status_code == 422
    check_page_rules(answer.text, signed_in=True)
    stranger: Visitor = new_visitor()
    refused = stranger.register("x", "short")
    assert refused.status_code == 422
    check_page_rules(refused.text, signed_in=False)
