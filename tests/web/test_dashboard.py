"""The dashboard (/dashboard) and /api/report: rendered for a user with demo data and for a
new one, in the nav, and scoped to the signed-in user."""

from __future__ import annotations

from datetime import UTC, datetime

from strongstride.app import Strongstride
from strongstride.store import Store
from tests.web.conftest import Visitor
from tests.web.test_pages import check_page_rules

REPORT_KEYS = ["schema", "today", "settings", "involved_side", "progress", "symmetry",
               "balance", "adherence", "calendar", "pain", "deload", "suggestions", "focus"]


def with_demo(db_url: str, name: str) -> None:
    with Store.open(db_url) as store:
        Strongstride(store).demo(name, today=datetime.now(UTC).date())


def test_the_dashboard_shows_the_charts_and_tables(visitor: Visitor, db_url: str) -> None:
    visitor.register("ana")
    with_demo(db_url, "ana")
    page = visitor.client.get("/dashboard")
    assert page.status_code == 200 and page.url.path == "/dashboard"
    parsed = check_page_rules(page.text, signed_in=True)
    assert parsed.find("a", href="/dashboard", aria_current="page")
    text = page.text
    for words in ("Left/right symmetry", "Single-leg bridge with adductor ball squeeze",
                  "flagged", "Next session", "Pain", "Adherence", "Progress",
                  "Weekly volume", "Sessions by day"):
        assert words in text, words
    assert text.count('role="img"') >= 8 and text.count("<title id=") >= 8
    assert "<script" not in text.split("<main", 1)[1]
    assert "Collecting data" not in text


def test_a_new_user_sees_collecting_data(visitor: Visitor) -> None:
    visitor.register("newbie")
    page = visitor.client.get("/dashboard")
    assert page.status_code == 200
    check_page_rules(page.text, signed_in=True)
    assert "Collecting data" in page.text and "<svg" not in page.text


def test_the_dashboard_needs_sign_in(client: object, visitor: Visitor) -> None:
    answer = visitor.client.get("/dashboard")
    assert answer.url.path == "/login"
    assert visitor.client.get("/api/report").status_code == 401


def test_api_report_is_the_report_json(visitor: Visitor, db_url: str) -> None:
    visitor.register("ana")
    with_demo(db_url, "ana")
    answer = visitor.api("GET", "/api/report")
    assert answer.status_code == 200
    body = answer.json()
    assert list(body) == REPORT_KEYS and body["schema"] == 1
    assert body["today"] == datetime.now(UTC).date().isoformat()
    flagged = [r["exercise"] for r in body["symmetry"] if r["status"] == "flagged"]
    assert flagged == ["Single-leg bridge with adductor ball squeeze"]
    assert len(body["suggestions"]) == 24 and body["progress"]
    bearer = visitor.client.get("/api/report",
                                headers={"Authorization": f"Bearer {visitor.token()}"})
    assert bearer.json() == body


def test_one_user_never_sees_another_users_report(visitor: Visitor, new_visitor: object,
                                                  db_url: str) -> None:
    visitor.register("ana")
    with_demo(db_url, "ana")
    ana_report = visitor.api("GET", "/api/report").json()
    ana_sessions = {p["session_id"] for p in ana_report["progress"]}
    assert ana_sessions
    bob = new_visitor()  # type: ignore[operator]
    bob.register("bob")
    page = bob.client.get("/dashboard").text
    assert "Collecting data" in page
    assert not any(sid in page for sid in ana_sessions)
    report = bob.api("GET", "/api/report").json()
    assert report["progress"] == [] and report["symmetry"] == []
    assert report["adherence"]["weeks"] == []
