"""The dashboard (/dashboard) and /api/report: rendered for a user with demo data and for a
new one, in the nav, and scoped to the signed-in user."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from strongstride.analysis import iso_week
from strongstride.app import Strongstride
from strongstride.store import Store
from strongstride.web import dashboard
from tests.web.conftest import Visitor, work_steps
from tests.web.test_pages import check_page_rules

REPORT_KEYS = ["schema", "today", "settings", "involved_side", "progress", "symmetry",
               "balance", "adherence", "calendar", "pain", "deload", "suggestions", "focus"]


def with_demo(db_url: str, name: str, today: date | None = None) -> None:
    with Store.open(db_url) as store:
        Strongstride(store).demo(name, today=today or datetime.now(UTC).date())


def words(html: str) -> str:
    """The text a reader sees, in one line."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").replace("&amp;", "&")
    return " ".join(text.split())


def card(html: str) -> dict[str, str]:
    """The top card's lines: label -> the words of its line."""
    found = re.search(r'<section class="glance".*?</section>', html, flags=re.S)
    assert found, "no top card"
    lines = re.findall(r'<li class="glance-line tone-(\w+)" id="glance-(\w+)">(.*?)</li>',
                       found.group(0), flags=re.S)
    return {ident: f"{tone}: {words(inner)}" for tone, ident, inner in lines}


WEDNESDAY = date(2026, 4, 8)


@pytest.fixture
def on_wednesday(monkeypatch: pytest.MonkeyPatch) -> date:
    """The dashboard's today is Wednesday 8 April 2026."""
    monkeypatch.setattr(dashboard, "now", lambda: datetime(2026, 4, 8, 9, 0, tzinfo=UTC))
    return WEDNESDAY


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


def test_the_top_card_speaks_first_in_plain_words(visitor: Visitor, db_url: str,
                                                  on_wednesday: date) -> None:
    visitor.register("ana")
    with_demo(db_url, "ana", on_wednesday)
    page = visitor.client.get("/dashboard").text
    check_page_rules(page, signed_in=True)
    main = page.split("<main", 1)[1]
    # The card comes before any chart or table.
    assert main.index('class="glance"') < main.index("<svg") < main.index("<table")
    lines = card(page)
    assert list(lines) == ["week", "focus", "pain"]
    # This week: what the report counts for this week, of the weekly target (no running week).
    report = visitor.api("GET", "/api/report").json()
    done = next(w["sessions"] for w in report["adherence"]["weeks"]
                if w["week"] == iso_week(on_wednesday))
    assert lines["week"].startswith(f"plain: This week {done} of 2 sessions done {2 - done} "
                                    f"to go, for your target of 2 a week.")
    assert "Plan your week around your runs" in lines["week"]
    # The one thing: the flagged gap of the demo, said without an index or a median.
    assert lines["focus"] == (
        "watch: Work on Single-leg bridge with adductor ball squeeze Your left side did fewer "
        "reps than your right in 4 of your last 4 sessions compared: about 88% as many. "
        "Start each set with your left side.")
    assert report["focus"]["kind"] == "gap" and report["focus"]["side"] == "left"
    assert lines["pain"].startswith("good: Pain Green last time Your highest pain score on ")
    for term in ("LSI", "median", "RPE", "deload", "Epley"):
        assert term not in " ".join(lines.values()), term


def test_each_term_is_explained_where_it_first_appears(visitor: Visitor, db_url: str,
                                                       on_wednesday: date) -> None:
    visitor.register("ana")
    with_demo(db_url, "ana", on_wednesday)
    text = words(visitor.client.get("/dashboard").text.split("<main", 1)[1])
    explained = {"LSI": "LSI (limb symmetry index): the weaker side's reps",
                 "RPE": "RPE is how hard a set felt",
                 "deload": "deload (a lighter session: half the sets",
                 "amber": "amber (hold; it should settle by the next morning)"}
    for term, words_for_it in explained.items():
        assert text.find(term) == text.find(words_for_it), (term, text[text.find(term) - 80:
                                                                      text.find(term) + 80])


def test_this_week_counts_what_her_running_week_plans(visitor: Visitor, db_url: str,
                                                     on_wednesday: date) -> None:
    visitor.register("ana")
    monday = on_wednesday - timedelta(days=on_wednesday.weekday())
    # Quality runs on Tuesday and Thursday, the long run on Sunday: strength on Tuesday and
    # Thursday after the run (docs/schedule.md).
    saved = visitor.post_form("/plan", {
        "mon": "easy", "tue": "quality", "wed": "easy", "thu": "quality", "fri": "rest",
        "sat": "easy", "sun": "long", "strength_time": "18:00", "run_time": "07:00",
        "timezone": "UTC", "sessions": "2", "start": monday.isoformat(), "weeks": "4",
        "alarm": "30", "routine": "runner-glute"})
    assert saved.status_code == 200 and "Saved." in saved.text
    # One session done on Tuesday.
    with Store.open(db_url) as store:
        app = Strongstride(store)
        user = app.existing_user("ana")
        routine = app.builtin_routine("runner-glute")
        app.log_past_session(user, routine, datetime(2026, 4, 7, 18, 30, tzinfo=UTC), [])
    lines = card(visitor.client.get("/dashboard").text)
    assert lines["week"] == ("plain: This week 1 of 2 sessions done 1 to go. Next in your "
                             "plan: tomorrow, Thursday 9 Apr.")
    assert "Plan your week" not in lines["week"]


def test_a_new_user_sees_the_card_and_collecting_data(visitor: Visitor,
                                                      on_wednesday: date) -> None:
    visitor.register("newbie")
    page = visitor.client.get("/dashboard").text
    lines = card(page)
    assert lines["week"].startswith("plain: This week 0 of 2 sessions done")
    assert lines["focus"] == ("plain: Work on Nothing yet Log a session and this says what to "
                              "work on.")
    assert lines["pain"].startswith("good: Pain No pain logged")
    assert "Collecting data" in page and "<svg" not in page and "The details" not in page


def test_a_stop_leads_the_pain_line(visitor: Visitor) -> None:
    visitor.register("ana")
    session = visitor.start()
    routine = visitor.api("GET", "/api/routines/runner-glute").json()
    step = work_steps(routine)[0]["key"]
    logged = visitor.log(session["id"], step, reps=10, note="sharp pain in the knee")
    assert logged.status_code == 201, logged.text
    lines = card(visitor.client.get("/dashboard").text)
    assert lines["pain"].startswith("stop: Pain Stop ")
    assert "see your physio" in lines["pain"] and "sharp pain" in lines["pain"]
