"""GET /api/sessions/{id}/summary and the check-in reminder as an iCalendar download."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import pytest

from tests.web.conftest import TestClient, Visitor

T0 = datetime(2025, 3, 1, 7, 30, tzinfo=UTC)
SPLIT = "s3.e2.set{n}.{side}.work"  # Banded split squat, 2 sets a leg
CLAM = "s2.e1.set1.work"  # Standing clamshell


@pytest.fixture
def api(visitor: Visitor, client: TestClient) -> tuple[TestClient, dict[str, str]]:
    visitor.register("ana")
    return TestClient(client.app), {"Authorization": f"Bearer {visitor.token()}"}


def _session(api: TestClient, bearer: dict[str, str], started: datetime,
             sets: list[dict[str, Any]], minutes: int = 40) -> str:
    sid: str = api.post("/api/sessions", headers=bearer, json={
        "routine": "runner-glute", "started_at": started.isoformat()}).json()["id"]
    for i, body in enumerate(sets, start=1):
        answer = api.post(f"/api/sessions/{sid}/sets", headers=bearer, json={
            "key": str(uuid.uuid4()), "logged_at": (started + timedelta(minutes=i)).isoformat(),
            **body})
        assert answer.status_code == 201, answer.text
    ended = api.post(f"/api/sessions/{sid}/finish", headers=bearer,
                     json={"ended_at": (started + timedelta(minutes=minutes)).isoformat()})
    assert ended.status_code == 200
    return sid


def _split(left: int, right: int, load: float = 12) -> list[dict[str, Any]]:
    return [{"step_key": SPLIT.format(n=n, side=side), "reps": reps, "load": load}
            for n in (1, 2) for side, reps in (("left", left), ("right", right))]


def test_the_summary_of_a_finished_session(api: tuple[TestClient, dict[str, str]]) -> None:
    client, bearer = api
    _session(client, bearer, T0 - timedelta(days=3), _split(8, 9))
    sid = _session(client, bearer, T0, [
        *_split(9, 10),
        {"step_key": CLAM, "reps": 12, "pain": 5},
        {"step_key": "s2.e2.set1.work", "skipped": True},
    ], minutes=41)
    answer = client.get(f"/api/sessions/{sid}/summary", headers=bearer)
    assert answer.status_code == 200, answer.text
    summary = answer.json()
    assert summary["took"] == "41 min" and summary["seconds"] == 41 * 60
    assert (summary["done"], summary["planned"], summary["skipped"]) == (5, 80, 1)
    assert summary["sets_text"] == "5 of 80 sets done, 1 skipped"
    [split] = summary["sides"]
    assert split["exercise"] == "Banded split squat"
    assert split["left"]["text"] == "9, 9 reps at 12 kg"
    assert split["right"]["text"] == "10, 10 reps at 12 kg"
    assert split["gap"] == "Left 9, right 10 reps a set at 12 kg: 10% fewer reps on the left."
    assert summary["pain"]["highest"] == 5
    assert summary["pain"]["text"] == "Highest pain 5/10 (amber): Standing clamshell, set 1."
    bests = {b["side"]: b["text"] for b in summary["bests"]}
    assert bests == {"left": "Most reps on the left at 12 kg: 9 (best before: 8).",
                     "right": "Most reps on the right at 12 kg: 10 (best before: 9)."}
    changes = {c["exercise"]: c for c in summary["next_time"]}
    assert changes["Standing clamshell"]["action"] == "hold"
    assert "Pain 5/10" in changes["Standing clamshell"]["reason"]
    # What it says changes is what the next session then aims for.
    following = client.post("/api/sessions", headers=bearer, json={
        "routine": "runner-glute", "started_at": (T0 + timedelta(days=1)).isoformat()}).json()
    for name, change in changes.items():
        aim = following["targets"][name]
        assert (change["action"], change["reason"]) == (aim["action"], aim["reason"])
    assert summary["checkin"]["day"] == "2025-03-02" and summary["checkin"]["due"] is True
    assert summary["checkin"]["url"] == "/checkin"


def test_the_summary_is_only_for_its_owner(api: tuple[TestClient, dict[str, str]],
                                           client: TestClient) -> None:
    api_client, bearer = api
    sid = _session(api_client, bearer, T0, _split(9, 10))
    other = Visitor(TestClient(client.app))
    other.register("bea")
    theirs = {"Authorization": f"Bearer {other.token()}"}
    assert api_client.get(f"/api/sessions/{sid}/summary", headers=theirs).status_code == 404
    assert api_client.get(f"/api/sessions/{sid}/checkin.ics",
                          headers=theirs).status_code == 404
    assert api_client.get(f"/api/sessions/{sid}/summary").status_code == 401


def test_the_check_in_reminder_is_an_alarm_tomorrow_morning(
        api: tuple[TestClient, dict[str, str]]) -> None:
    client, bearer = api
    sid = _session(client, bearer, T0, _split(9, 10))
    answer = client.get(f"/api/sessions/{sid}/checkin.ics?tz=Europe/Paris&at=07:30",
                        headers=bearer)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/calendar")
    assert "morning-check-in.ics" in answer.headers["content-disposition"]
    cal = icalendar.Calendar.from_ical(answer.content)
    [event] = cal.walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.date(), start.hour, start.minute) == (date(2025, 3, 2), 7, 30)
    assert str(start.tzinfo) == "Europe/Paris"
    assert event["url"].endswith("/checkin")
    [alarm] = event.walk("VALARM")
    assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") == timedelta(0)
    again = client.get(f"/api/sessions/{sid}/checkin.ics?tz=Europe/Paris&at=07:30",
                       headers=bearer)
    assert again.content == answer.content  # the same UID and stamp: an update, not a copy


def test_a_wrong_time_zone_or_time_is_named(api: tuple[TestClient, dict[str, str]]) -> None:
    client, bearer = api
    sid = _session(client, bearer, T0, _split(9, 10))
    zone = client.get(f"/api/sessions/{sid}/checkin.ics?tz=Mars/Olympus", headers=bearer)
    assert zone.status_code == 422
    assert zone.json()["detail"][0]["field"] == "tz"
    assert "not a time zone" in zone.json()["detail"][0]["message"]
    late = client.get(f"/api/sessions/{sid}/checkin.ics?at=25:00", headers=bearer)
    assert late.status_code == 422
    assert late.json()["detail"] == [{"field": "at",
                                      "message": "at must be a time of day as HH:MM, such as "
                                                 "07:30"}]


def test_the_session_page_shows_the_summary(api: tuple[TestClient, dict[str, str]],
                                            visitor: Visitor) -> None:
    client, bearer = api
    sid = _session(client, bearer, T0, [*_split(9, 10), {"step_key": CLAM, "reps": 12,
                                                          "pain": 5}])
    page = visitor.client.get(f"/sessions/{sid}")
    assert page.status_code == 200
    summary = page.text[page.text.index('id="summary"'):page.text.index("</section>")]
    for words in ("5 of 80 sets done", "Left and right",
                  "Banded split squat: left 9, 9 reps at 12 kg; right 10, 10 reps at 12 kg",
                  "Highest pain 5/10 (amber): Standing clamshell, set 1.", "Next time",
                  "Check in tomorrow morning (Sunday 2 March)"):
        assert words in summary, words
