"""The dashboard's top card (`reports.glance`) over small, named reports: this week, the one
thing to work on and pain, each in plain words."""

from __future__ import annotations

from datetime import date, timedelta

from strongstride.analysis import MorningCheck, build_report
from strongstride.records import SessionInfo, SetLog
from strongstride.reports.glance import Glance, glance
from tests.analysis.make import MONDAY, day, session, sides
from tests.analysis.nexthelp import BODYWEIGHT, BRIDGE, reps_only

HIP = "Banded hip extension"


def card(sessions: list[SessionInfo], logs: list[SetLog], today: date,
         planned: list[date] | None = None, checks: list[MorningCheck] | None = None,
         ) -> dict[str, tuple[str, str, str]]:
    report = build_report(sessions, logs, {BRIDGE: BODYWEIGHT, HIP: BODYWEIGHT},
                          checks or [], today=today)
    shown: Glance = glance(report, planned)
    return {line.ident: (line.tone, line.headline, line.words) for line in shown.lines}


def infos(logs: list[SetLog]) -> list[SessionInfo]:
    first: dict[str, int] = {}
    for log in logs:
        first.setdefault(log.session_id, (log.logged_at.date() - MONDAY).days)
    return [session(sid, n) for sid, n in sorted(first.items())]


def test_this_week_counts_done_of_planned_and_names_the_next_day() -> None:
    logs = sides(BRIDGE, sid="mon", n=0, left=(10, 10), right=(10, 10))
    planned = [day(0), day(3), day(5)]
    _, head, words = card(infos(logs), logs, day(2), planned)["week"]
    assert head == "1 of 3 sessions done"
    assert words == "2 to go. Next in your plan: tomorrow, Thursday\u00a05\u00a0Mar."
    later = card(infos(logs), logs, day(1), planned)["week"][2]
    assert later == "2 to go. Next in your plan: Thursday\u00a05\u00a0Mar."
    done = card(infos(logs), logs, day(2), [day(0)])["week"]
    assert done == ("good", "1 of 1 session done", "All of this week's sessions are done. "
                                                   "Well done.")
    passed = card(infos(logs), logs, day(6), [day(0), day(1)])["week"]
    assert passed[2] == ("1 to go: the days in your plan have passed, so fit it in when you "
                         "can.")
    rest = card(infos(logs), logs, day(2), [])["week"]
    assert rest[1] == "No session planned"


def test_without_a_running_week_the_weekly_target_stands_in() -> None:
    _, head, words = card([], [], day(2))["week"]
    assert (head, words) == ("0 of 2 sessions done", "2 to go, for your target of 2 a week.")


def test_a_stalled_exercise_is_the_one_thing_when_no_gap_is_flagged() -> None:
    # The bridge at 10 reps, three sessions running: the same sets, no more reps.
    logs = reps_only(BRIDGE, 3, (10, 10))
    tone, head, words = card(infos(logs), logs, day(6))["focus"]
    assert (tone, head) == ("watch", f"{BRIDGE} has stalled")
    assert words.startswith(f"{BRIDGE} has not moved on in the last 2 sessions: the same sets, "
                            "load and band, and no more reps or seconds on the weaker side. "
                            "Next time: No progress in the last 2 sessions: deload")


def test_a_flagged_gap_comes_before_a_stalled_exercise() -> None:
    logs = reps_only(BRIDGE, 3, (10, 10))
    for i, n in enumerate((0, 3, 6)):
        logs += sides(HIP, sid=f"r{n:03d}", n=n, left=(8, 8 + i % 2), right=(10, 10))
    _, head, words = card(infos(logs), logs, day(6))["focus"]
    assert head == HIP
    assert words == ("Your left side did fewer reps than your right in 3 of your last 3 "
                     "sessions compared: about 80% as many. Start each set with your left "
                     "side.")


def test_a_due_deload_is_said_without_the_word_first() -> None:
    logs = []
    for week in range(7):
        reps = min(8 + week, 12)  # moving on every week: no stall
        logs += sides(BRIDGE, sid=f"w{week}", n=7 * week, left=(reps,) * 2, right=(reps,) * 2)
    _, head, words = card(infos(logs), logs, day(45))["focus"]
    assert head == "A lighter week"
    assert words.startswith("It has been 6 weeks since your first session: do half the sets")


def test_pain_lines_say_the_light_and_whether_it_settled() -> None:
    amber = reps_only(BRIDGE, 1, (10, 10), pain=4)
    tone, head, words = card(infos(amber), amber, day(0))["pain"]
    assert (tone, head) == ("watch", f"Amber: 4/10 on {BRIDGE}, today")
    assert words == ("4-5 is amber: repeat the same next time; it should settle by the next "
                     "morning. Check in tomorrow morning to say whether it settled.")
    settled = card(infos(amber), amber, day(1), checks=[MorningCheck(day(1), 1, 2)])["pain"]
    assert settled[2].endswith("It had settled the next morning (1/10).")
    not_settled = card(infos(amber), amber, day(1),
                       checks=[MorningCheck(day(1), 5, 2)])["pain"]
    assert not_settled[2].endswith("It had not settled the next morning (5/10): the exercise "
                                   "steps back next time.")
    red = reps_only(BRIDGE, 1, (10, 10), pain=7)
    assert card(infos(red), red, day(2))["pain"][:2] == (
        "stop", f"Red: 7/10 on {BRIDGE}, Monday\u00a02\u00a0Mar")
    green = reps_only(BRIDGE, 1, (10, 10), pain=2)
    assert card(infos(green), green, day(0) + timedelta(days=1))["pain"] == (
        "good", "Green last time",
        "Your highest pain score on Monday\u00a02\u00a0Mar was 2/10; 0-3 is green: fine to keep "
        "moving on.")
