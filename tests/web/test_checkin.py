"""The check-in page: a morning check-in and the injured side, saved with the page's CSRF
field, refused with a message per field, shown back, and read by the report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.web.conftest import Visitor
from tests.web.test_pages import check_page_rules


def test_the_page_shows_the_form_and_a_check_in_is_saved(visitor: Visitor) -> None:
    visitor.register("ana")
    page = visitor.client.get("/checkin")
    assert page.status_code == 200
    parsed = check_page_rules(page.text, signed_in=True)
    assert parsed.find("input", id="pain") and parsed.find("select", id="exercise")
    assert "Single-leg deadlift" in page.text  # the built-in routine's exercises
    today = datetime.now(UTC).date().isoformat()
    saved = visitor.post_form("/checkin", {"day": today, "pain": "4", "stiffness": "3",
                                           "note": "stiff calves"})
    assert saved.status_code == 200 and saved.url.path == "/checkin"
    assert "Saved. The next session" in saved.text
    assert f"{today} overall: pain 4/10, stiffness 3/10 (stiff calves)" in saved.text
    about = visitor.post_form("/checkin", {"pain": "5", "exercise": "Single-leg deadlift",
                                           "side": "left"})
    assert f"{today} Single-leg deadlift, left side: pain 5/10" in about.text
    report = visitor.api("GET", "/api/report").json()
    assert [w["mean"] for w in report["pain"]["stiffness"]] == [3.0]


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"pain": ""}, "pain", "choose a number from 0 (none) to 10 (worst)"),
    ({"pain": "11"}, "pain", "a whole number from 0 to 10"),
    ({"pain": "two"}, "pain", "a whole number from 0 to 10"),
    ({"pain": "2", "stiffness": "-1"}, "stiffness", "a whole number from 0 to 10"),
    ({"pain": "2", "day": "8 April"}, "day", "a date such as 2026-04-08"),
    ({"pain": "2", "day": "2999-01-01"}, "day", "a morning that has come"),
    ({"pain": "2", "side": "left"}, "side", "a side goes with an exercise"),
    ({"pain": "2", "side": "up", "exercise": "Monster walk"}, "side", "left, right or both"),
    ({"pain": "2", "exercise": "Monster walk", "stiffness": "3"}, "stiffness",
     "stiffness is for how you feel overall"),
    ({"pain": "2", "exercise": "moonwalk"}, "exercise", "no exercise called &#39;moonwalk&#39;"),
    ({"pain": "2", "note": "n" * 501}, "note", "at most 500 characters"),
])
def test_a_wrong_field_shows_the_form_again_with_its_message(
        visitor: Visitor, fields: dict[str, str], field: str, message: str) -> None:
    visitor.register("ana")
    answer = visitor.post_form("/checkin", fields)
    assert answer.status_code == 422
    check_page_rules(answer.text, signed_in=True)
    assert f'<p class="field-error" id="{field}-error">' in answer.text
    assert message in answer.text
    assert "Traceback" not in answer.text
    assert "overall: pain" not in visitor.client.get("/checkin").text


def test_a_form_without_its_csrf_field_is_refused(visitor: Visitor) -> None:
    visitor.register("ana")
    answer = visitor.client.post("/checkin", data={"pain": "3"})
    assert answer.status_code == 403
    assert "overall: pain" not in visitor.client.get("/checkin").text


def test_the_injured_side_is_saved_and_shown_on_the_dashboard(visitor: Visitor) -> None:
    visitor.register("ana")
    saved = visitor.post_form("/checkin/injured", {"injured": "left"})
    assert "Symmetry now reads your left side against the other" in saved.text
    assert 'id="injured-left" name="injured" value="left" checked' in saved.text
    assert visitor.api("GET", "/api/report").json()["involved_side"] == "left"
    assert "injured side: left" in visitor.client.get("/dashboard").text
    wrong = visitor.post_form("/checkin/injured", {"injured": "both"})
    assert wrong.status_code == 422 and "left, right or none" in wrong.text
    cleared = visitor.post_form("/checkin/injured", {"injured": "none"})
    assert "the weaker side against the stronger" in cleared.text
    assert visitor.api("GET", "/api/report").json()["involved_side"] is None


def test_only_the_last_four_weeks_are_listed(visitor: Visitor) -> None:
    visitor.register("ana")
    old = (datetime.now(UTC).date() - timedelta(days=40)).isoformat()
    visitor.post_form("/checkin", {"day": old, "pain": "1"})
    assert f"{old} overall" not in visitor.client.get("/checkin").text


def test_the_page_needs_sign_in(visitor: Visitor) -> None:
    assert visitor.client.get("/checkin").url.path == "/login"
