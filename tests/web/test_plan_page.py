"""The plan page: the running-week form (labels, CSRF, a message per wrong field, nothing
saved on an error), the sessions placed and the compromises in words, kept per user; and the
calendar address: read back with icalendar and expanded with recurring-ical-events, stable
UIDs and reminders, a wrong token is 404, and a new address shuts the old one."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events  # type: ignore[import-untyped]
from icalendar import Calendar, Event

from strongstride.exchange.ical import slot_uid
from strongstride.schedule.placing import schedule_weeks
from strongstride.schedule.week import parse_week
from tests.web.conftest import TestClient, Visitor
from tests.web.test_pages import Page, check_page_rules

FEED = re.compile(r'<input id="feed" class="token" type="text" readonly value="([^"]+)">')
# Sunday long run, quality Tuesday and Thursday: the standard week of docs/schedule.md.
WEEK = {"mon": "easy", "tue": "quality", "wed": "easy", "thu": "quality", "fri": "rest",
        "sat": "easy", "sun": "long", "strength_time": "18:00", "run_time": "07:00",
        "timezone": "Europe/Paris", "sessions": "2", "start": "2027-03-01", "weeks": "8",
        "race_date": "2027-04-25", "race_distance": "half", "alarm": "45",
        "routine": "runner-glute"}
STANDARD = ("long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri; strength: 18:00; "
            "tz: Europe/Paris")


@pytest.fixture
def ana(visitor: Visitor) -> Visitor:
    visitor.register("ana")
    return visitor


def ana_week(app: Any) -> Any:
    """Ana's running week as stored."""
    store = app.state.strongstride.store
    return store.plan_setup(store.find_user("ana"))


def save(who: Visitor, **changes: str) -> Any:
    return who.post_form("/plan", {**WEEK, **changes})


def feed_url(page: str) -> str:
    found = FEED.search(page)
    assert found, "no calendar address on the page"
    return found.group(1)


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").split())


def expand(data: bytes, first: date, last: date) -> list[Event]:
    events: list[Event] = recurring_ical_events.of(Calendar.from_ical(data)).between(
        first, last + timedelta(1))
    return sorted(events, key=lambda e: e.decoded("dtstart"))


def test_the_empty_page_is_a_form_with_a_label_for_every_field(ana: Visitor) -> None:
    answer = ana.client.get("/plan")
    assert answer.status_code == 200
    page = check_page_rules(answer.text, signed_in=True)
    assert page.find("a", href="/plan", aria_current="page")
    [form] = page.find("form", action="/plan")
    assert form["method"] == "post"
    assert page.find("input", type="hidden", name="csrf", value=ana.csrf or "-")
    names = {f.get("name") for f in page.fields}
    assert {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "sessions", "strength_time",
            "run_time", "timezone", "race_date", "race_distance", "start", "weeks",
            "alarm"} <= names
    assert "Calendar address" not in answer.text  # none until a week is saved


def test_a_saved_week_places_the_sessions_and_says_why(ana: Visitor) -> None:
    answer = save(ana)
    assert answer.status_code == 200 and answer.url.path == "/plan"
    assert answer.history[0].status_code == 303
    check_page_rules(answer.text, signed_in=True)
    words = text_of(answer.text)
    assert "Saved. Your strength sessions are placed below." in words
    # The regular days, with their reasons and the compromise said in words.
    assert "Tuesday at 18:00 Tuesday is a quality day: lift after the run." in words
    assert "Not ideal: Thursday's quality run is 37 h later (48 h preferred)." in words
    assert "Thursday is a quality day: lift after the run; Sunday's long run is 61 h later." \
        in words
    # The race: taper and the dropped session, under their week; the last hard session.
    assert "Week 8 Tue 20 Apr, 18:00 taper Taper, 5 days before the half marathon" in words
    assert ("Thursday 2027-04-22: it is in the last 3 days before the half marathon: "
            "dropped.") in words
    assert "Last hard strength session: Thursday 2027-04-15, 10 days before the half " \
           "marathon." in words
    assert "Week 6 Tue 6 Apr, 18:00 deload Thu 8 Apr, 18:00 deload Deload:" in words
    # What the page shows is the planner's plan, session for session.
    week = parse_week(STANDARD).week
    assert week is not None
    plan = schedule_weeks(week, start=date(2027, 3, 1), weeks=8, sessions_per_week=2,
                      race=answer_race())
    for s in plan.sessions:
        assert f"{s.date:%a} {s.date.day} {s.date:%b}, 18:00" in words


def test_a_moved_session_says_why_under_its_week(ana: Visitor) -> None:
    """A 10k on the first day: Tuesday falls in the 2 days of recovery, so the session moves
    to Sunday, after the long run; the page says so for week 1 only."""
    words = text_of(save(ana, race_date="2027-03-01", race_distance="10k", weeks="3").text)
    assert ("Week 1 Thu 4 Mar, 18:00 Sun 7 Mar, 18:00 Instead of Tuesday (it is in the 2 "
            "days of recovery after the 10k race): Sunday is the long-run day: lift after the "
            "run") in words
    assert "Tuesday 2027-03-02: it is in the 2 days of recovery after the 10k race: moved to " \
           "Sunday 2027-03-07." in words
    assert "Week 2 Tue 9 Mar, 18:00 Thu 11 Mar, 18:00 Week 3" in words


def answer_race() -> Any:
    from strongstride.schedule.placing import Race

    return Race(date(2027, 4, 25), "half")


def test_the_week_is_kept_and_shown_again_in_the_form(ana: Visitor, new_visitor: Any) -> None:
    save(ana, sessions="3", alarm="60")
    page = Page(ana.client.get("/plan").text)
    selected = {a["name"]: a for a in page.find("select")}
    assert set(selected) >= {"mon", "sun", "sessions", "alarm"}
    html = ana.client.get("/plan").text
    assert re.search(r'<select id="sun" name="sun"[^>]*>.*?<option value="long" selected>',
                     html, re.S)
    assert re.search(r'<select id="sessions" name="sessions"[^>]*>.*?<option value="3" '
                     r'selected>', html, re.S)
    assert page.find("input", name="timezone", value="Europe/Paris")
    assert page.find("input", name="race_date", value="2027-04-25")
    bob: Visitor = new_visitor()
    bob.register("bob")
    bob_page = bob.client.get("/plan").text
    assert "Calendar address" not in bob_page
    assert Page(bob_page).find("input", name="timezone", value="")
    assert not re.search(r'<option value="long" selected>', bob_page)


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"sun": "marathon"}, "sun", "Sunday: 'marathon' is not a kind of day"),
    ({"weeks": "0"}, "weeks", "weeks must be a whole number from 1 to 52, not 0"),
    ({"weeks": "many"}, "weeks", "weeks must be a whole number from 1 to 52, not 'many'"),
    # A rule of the setup (rules.validate) names the record's field; the form's is marked.
    ({"sessions": "9"}, "sessions", "sessions a week must be a whole number from 1 to 7"),
    ({"alarm": "2000"}, "alarm", "reminder (minutes before) must be a whole number from 0"),
    ({"race_distance": "far"}, "race_distance", "race distance: 'far' is not one; give 5k"),
    ({"timezone": "Paris"}, "timezone", "time zone: 'Paris' is not one"),
    ({"race_date": "2027-02-28"}, "race_date", "race date: 2027-02-28 is before the plan"),
    ({"start": "next monday"}, "start", "first day: 'next monday' is not a date"),
    ({"routine": "../../etc/passwd"}, "routine", "routine: choose one of runner-glute"),
])
def test_a_wrong_field_is_named_and_nothing_is_saved(ana: Visitor, app: Any,
                                                     changes: dict[str, str], field: str,
                                                     words: str) -> None:
    save(ana, weeks="5")
    before = ana_week(app)
    answer = save(ana, **changes)
    assert answer.status_code == 422
    page = check_page_rules(answer.text, signed_in=True)
    assert "Please fix the field marked below." in answer.text
    assert words in text_of(answer.text)
    if field != "routine":
        [marked] = [f for f in page.fields if f.get("name") == field]
        assert marked["aria-invalid"] == "true"
        assert f"{field}-error" in marked["aria-describedby"]
    for name, value in changes.items():  # what she typed is still there to correct
        if name not in ("routine", "sun", "sessions", "alarm", "race_distance"):  # selects
            assert f'value="{value}"' in answer.text
    assert ana_week(app) == before
    assert before is not None and before.weeks == 5


def test_a_week_without_runs_is_refused_with_words(ana: Visitor) -> None:
    answer = save(ana, **{d: "" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    assert answer.status_code == 422
    assert "running week: give at least one day a run" in answer.text


def test_the_form_needs_the_page_token(ana: Visitor, app: Any) -> None:
    answer = ana.client.post("/plan", data={**WEEK, "csrf": "forged"})
    assert answer.status_code == 403
    answer = ana.client.post("/plan/calendar", data={})
    assert answer.status_code == 403
    assert ana_week(app) is None


def test_the_calendar_address_serves_the_plan_with_reminders_and_stable_uids(
        ana: Visitor, app: Any) -> None:
    url = feed_url(save(ana).text)
    assert re.fullmatch(r"http://testserver/calendar/[A-Za-z0-9_-]{32}\.ics", url)
    assert f'href="{url.replace("http:", "webcal:")}"' in ana.client.get("/plan").text
    with TestClient(app) as calendar_app:  # a calendar app: no cookie, only the address
        answer = calendar_app.get(url)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/calendar; charset=utf-8"
        assert answer.headers["content-disposition"] == 'inline; filename="strength-plan.ics"'
        assert calendar_app.get(url).content == answer.content  # polling again: same bytes
    cal = Calendar.from_ical(answer.content)
    events = [c for c in cal.walk("VEVENT")]
    assert {str(e["uid"]) for e in events} == {slot_uid("runner-glute", 1),
                                               slot_uid("runner-glute", 3)}
    for event in events:
        [alarm] = event.walk("VALARM")
        assert alarm.decoded("trigger") == -timedelta(minutes=45)
        assert str(event["summary"]).startswith("Butt and Leg Workout for Runners")
    # Expanded, the calendar holds exactly the planned sessions, at 18:00 in Paris, through
    # the change to summer time on 28 March 2027.
    week = parse_week(STANDARD).week
    assert week is not None
    plan = schedule_weeks(week, start=date(2027, 3, 1), weeks=8, race=answer_race())
    paris = ZoneInfo("Europe/Paris")
    expanded = expand(answer.content, date(2027, 2, 1), date(2027, 6, 1))
    assert [e.decoded("dtstart") for e in expanded] == [
        datetime.combine(s.date, time(18), tzinfo=paris) for s in plan.sessions]
    assert [str(e["summary"]).removeprefix("Butt and Leg Workout for Runners")
            for e in expanded][-3:] == ["", "", " (taper)"]


def test_a_changed_week_updates_the_same_calendar(ana: Visitor, app: Any) -> None:
    url = feed_url(save(ana).text)
    first = Calendar.from_ical(TestClient(app).get(url).content)
    url_after = feed_url(save(ana, strength_time="19:30", race_date="").text)
    assert url_after == url  # the address stays when the week changes
    second = Calendar.from_ical(TestClient(app).get(url).content)
    uids = {str(e["uid"]) for e in first.walk("VEVENT")}
    assert {str(e["uid"]) for e in second.walk("VEVENT")} <= uids  # same series, updated
    starts = {e.decoded("dtstart").time() for e in second.walk("VEVENT")}
    assert starts == {time(19, 30)}


def test_polling_an_unchanged_calendar_is_a_304_and_a_change_is_served(
        ana: Visitor, app: Any) -> None:
    url = feed_url(save(ana).text)
    calendar_app = TestClient(app)
    first = calendar_app.get(url)
    etag = first.headers["etag"]
    assert re.fullmatch(r'W/"[0-9a-f]{32}"', etag)
    again = calendar_app.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    head = calendar_app.head(url)
    assert head.status_code == 200 and head.headers["etag"] == etag and head.content == b""
    save(ana, sessions="3")
    changed = calendar_app.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert changed.text.startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("path", [
    "/calendar/" + "A" * 32 + ".ics",  # the right shape, not a known token
    "/calendar/short.ics",
    "/calendar/" + "%00" * 30 + ".ics",
    "/calendar/" + "x" * 500 + ".ics",
])
def test_a_wrong_token_is_not_found(ana: Visitor, app: Any, path: str) -> None:
    save(ana)
    answer = TestClient(app).get(path)
    assert answer.status_code == 404
    assert "BEGIN:VCALENDAR" not in answer.text


def test_a_new_address_shuts_the_old_one(ana: Visitor, app: Any, new_visitor: Any) -> None:
    old = feed_url(save(ana).text)
    bob: Visitor = new_visitor()
    bob.register("bob")
    bobs = feed_url(save(bob, sun="rest", sat="long").text)
    answer = ana.post_form("/plan/calendar")
    assert answer.status_code == 200 and answer.url.fragment == "calendar"
    assert "the old one no longer works" in answer.text
    new = feed_url(answer.text)
    assert new != old
    nobody = TestClient(app)
    assert nobody.get(old).status_code == 404
    assert nobody.get(new).status_code == 200
    assert nobody.get(bobs).status_code == 200  # another user's address is untouched
    assert feed_url(ana.client.get("/plan").text) == new


def test_a_new_address_needs_a_saved_week(ana: Visitor) -> None:
    answer = ana.post_form("/plan/calendar")
    assert answer.status_code == 404
    assert "save one first" in answer.text
