"""The store's reporting reads and `user_report`: the same answers as the one-at-a-time API
and as the analysis given every set, scoped to one user."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from strongstride.analysis import build_report, report_dict
from strongstride.app import Strongstride
from strongstride.errors import StrongstrideError
from strongstride.reports.build import prescriptions_of, window
from strongstride.store import Store
from tests.reports.conftest import TODAY


def test_user_sets_are_the_sets_of_every_session(demo_store: Store) -> None:
    me = demo_store.ensure_user("me")
    sessions = demo_store.history(me, limit=1000)
    expected = sorted((log for s in sessions for log in demo_store.sets_of(s.id)),
                      key=lambda log: log.key)
    got = demo_store.user_sets(me)
    assert len(got) == len(expected) > 1000
    assert sorted(got, key=lambda log: log.key) == expected


def test_a_window_of_many_sessions_reads_the_same_sets(demo_store: Store,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a number of sessions, the sets are read with a subquery instead of the ids."""
    from strongstride.store import reporting

    me = demo_store.ensure_user("me")
    since, until = window(TODAY, 4)
    by_ids = demo_store.user_sets(me, since=since, until=until)
    monkeypatch.setattr(reporting, "_MANY_SESSIONS", 1)
    assert demo_store.user_sets(me, since=since, until=until) == by_ids
    assert len({log.session_id for log in by_ids}) > 1


def test_user_sessions_match_history_with_sets_done(demo_store: Store) -> None:
    me = demo_store.ensure_user("me")
    assert demo_store.user_sessions(me) == list(reversed(demo_store.history(me, limit=1000)))


def test_the_window_is_on_the_session_start(demo_store: Store) -> None:
    me = demo_store.ensure_user("me")
    since, until = window(TODAY, 2)
    assert since is not None
    sets = demo_store.user_sets(me, since=since, until=until)
    starts = {s.id: s.started_at for s in demo_store.user_sessions(me)}
    assert sets and all(since <= starts[log.session_id] < until for log in sets)
    inside = {sid for sid, at in starts.items() if since <= at < until}
    assert {log.session_id for log in sets} == inside


def test_reads_are_scoped_to_one_user(demo_store: Store) -> None:
    assert demo_store.find_user("other") is None
    other = demo_store.ensure_user("other")
    assert demo_store.find_user("other") == other
    assert demo_store.user_sets(other) == []
    assert demo_store.user_sessions(other) == []
    assert demo_store.versions_played(other) == []
    empty = Strongstride(demo_store).report(other, TODAY)
    assert empty.progress == () and empty.symmetry == () and empty.adherence.weeks == ()


def test_versions_played_give_the_routine_order(demo_store: Store) -> None:
    me = demo_store.ensure_user("me")
    versions = demo_store.versions_played(me)
    assert [v.slug for v in versions] == ["runner-glute"]
    assert demo_store.versions_played(me, [versions[0].id, versions[0].id + 99]) == versions
    assert demo_store.versions_played(me, []) == []
    names = list(prescriptions_of(versions))
    assert names[0] == "Squat to overhead reach" and names[-1] == (
        "Half-kneeling hip flexor stretch")
    broken = "## main\nSquat: 2 sets of 10 rpes"  # a stored text that no longer reads
    assert prescriptions_of([dataclasses.replace(versions[0], text=broken)]) == {}


def test_the_report_is_the_analysis_of_every_set(demo_store: Store) -> None:
    """The demo spans 12 weeks, so the default window holds all of it."""
    me = demo_store.ensure_user("me")
    got = Strongstride(demo_store).report(me, TODAY)
    everything = build_report(
        demo_store.user_sessions(me), demo_store.user_sets(me),
        prescriptions_of(demo_store.versions_played(me)), (), got.settings, today=TODAY)
    assert report_dict(got) == report_dict(everything)
    assert report_dict(Strongstride(demo_store).report(me, TODAY, weeks=0))["symmetry"] == \
        report_dict(got)["symmetry"]


def test_a_short_window_leaves_older_sets_out_but_counts_every_session(
        demo_store: Store) -> None:
    me = demo_store.ensure_user("me")
    short = Strongstride(demo_store).report(me, TODAY, weeks=2)
    assert len(short.calendar) == 14
    assert min(p.date for p in short.progress) >= TODAY - timedelta(weeks=2)
    assert short.adherence.weeks[0].week == "2026-W04"  # adherence reads every session


def test_what_the_demo_shows(demo_store: Store) -> None:
    me = demo_store.ensure_user("me")
    found = Strongstride(demo_store).report(me, TODAY)
    status = {r.exercise: r for r in found.symmetry}
    bridge = status["Single-leg bridge with adductor ball squeeze"]
    assert (bridge.status, bridge.weaker) == ("flagged", "left")
    assert bridge.median_lsi is not None and 80 <= bridge.median_lsi < 90
    deadlift = status["Single-leg deadlift"]
    assert deadlift.status == "balanced" and deadlift.weaker == "left"
    early = [s.lsi for s in deadlift.sessions if s.lsi is not None][:6]
    assert 80 <= sorted(early)[len(early) // 2] <= 88  # about 85% before it improves
    lights = {(s.exercise, s.side, s.light) for s in found.pain.sets}
    assert ("Eccentric heel raise", "right", "amber") in lights
    trend = next(t for t in found.pain.trends if t.side == "right")
    assert [p.light for p in trend.points][-1] == "green"
    weeks = [w.sessions for w in found.adherence.weeks]
    assert 0 in weeks[:-1] and max(weeks) == 2  # one missed week, twice a week
    assert found.deload is None  # the deload week after the missed one counts
    goblet = [p.best.load for p in found.progress if p.exercise == "Goblet squat"]
    assert goblet[0] == 12.0 and goblet[-1] == 16.0


def test_demo_refuses_a_user_with_sessions(db_url: str) -> None:
    with Store.open(db_url) as store:
        Strongstride(store).demo("me", today=TODAY, weeks=3)
        with pytest.raises(StrongstrideError, match="has sessions already"):
            Strongstride(store).demo("me", today=TODAY, weeks=3)
        again = Strongstride(store).demo("me", today=TODAY, weeks=3, force=True)
        assert again.sessions_added == 0 and again.sessions_present > 0
        other = Strongstride(store).demo("alice", today=TODAY, weeks=3)
        assert other.sessions_added == again.sessions_present  # ids differ per user


def test_the_report_reads_the_injured_side_and_the_morning_check_ins(demo_store: Store) -> None:
    from strongstride.records import CheckIn

    me = demo_store.ensure_user("me")
    plain = Strongstride(demo_store).report(me, TODAY)
    demo_store.set_injured_side(me, "right")
    latest = max(s.started_at.date() for s in demo_store.user_sessions(me))
    demo_store.save_checkin(me, CheckIn(latest + timedelta(days=1), 5, stiffness=3))
    marked = Strongstride(demo_store).report(me, TODAY)
    assert (plain.involved_side, marked.involved_side) == (None, "right")
    bridge = "Single-leg bridge with adductor ball squeeze"
    before = next(r for r in plain.symmetry if r.exercise == bridge).sessions[-1]
    after = next(r for r in marked.symmetry if r.exercise == bridge).sessions[-1]
    assert before.left is not None and before.right is not None and after.lsi is not None
    assert after.lsi == pytest.approx(before.right / before.left * 100)  # right / left
    assert [w.mean for w in marked.pain.stiffness] == [3.0]
    from strongstride.reports.view import view

    lead = " ".join(next(sec for sec in view(marked, weeks=12).sections
                         if sec.ident == "symmetry").lead)
    assert "your right (injured) side's reps or seconds as a percentage of the other" in lead
    held = {s.exercise: s for s in marked.suggestions if s.action == "hold"}
    assert any("the morning after last session is amber" in s.reason for s in held.values())
    other = demo_store.ensure_user("other")
    assert Strongstride(demo_store).report(other, TODAY).involved_side is None


def test_report_reads_are_the_five_reads_in_one_transaction(demo_store: Store) -> None:
    from strongstride.records import CheckIn

    me = demo_store.ensure_user("me")
    other = demo_store.ensure_user("other")
    demo_store.save_checkin(me, CheckIn(TODAY, 2, stiffness=1))
    demo_store.save_checkin(other, CheckIn(TODAY, 9, stiffness=9))
    demo_store.set_injured_side(me, "left")
    since, until = window(TODAY, 4)
    assert since is not None
    found = demo_store.report_reads(me, since=since, until=until,
                                    checkins_since=since.date(), today=TODAY)
    assert found.sessions == demo_store.user_sessions(me, since=since, until=until)
    assert found.sessions == [s for s in demo_store.user_sessions(me) if since <= s.started_at]
    assert found.weeks == demo_store.session_weeks(me, before=since) != []
    assert sorted(found.sets, key=lambda log: log.key) == sorted(
        demo_store.user_sets(me, since=since, until=until), key=lambda log: log.key)
    assert found.versions == demo_store.versions_played(me)
    assert found.checkins == [CheckIn(TODAY, 2, stiffness=1)]
    assert found.injured_side == "left"
    empty = demo_store.report_reads(other, since=since, until=until,
                                    checkins_since=since.date(), today=TODAY)
    assert (empty.sessions, empty.sets, empty.versions, empty.injured_side, empty.weeks) == (
        [], [], [], None, [])
    assert [c.pain for c in empty.checkins] == [9]
    with pytest.raises(StrongstrideError):
        demo_store.report_reads(999, since=since, until=until, checkins_since=None, today=TODAY)


def test_session_weeks_sum_up_the_sessions_as_the_analysis_does(demo_store: Store) -> None:
    """The weeks summed up in SQL are the analysis' `training_weeks` of the same sessions:
    only sessions that count, their days and weeks in UTC (a session late on a Sunday in UTC
    is in that week, whatever the zone it was started in), the light (deload) weeks."""
    from datetime import UTC, datetime, timezone

    from strongstride.analysis import TrainingWeek, training_weeks
    from strongstride.records import SetLog

    me = demo_store.ensure_user("me")
    version = demo_store.versions_played(me)[0].id
    sunday_late = datetime(2025, 12, 28, 23, 30, tzinfo=UTC)
    east = timezone(timedelta(hours=2))  # Monday 01:10 there, Sunday 23:10 in UTC
    made = [("sunday", sunday_late, 0), ("monday", sunday_late + timedelta(hours=1), 10),
            ("east", datetime(2025, 12, 22, 1, 10, tzinfo=east), 4),
            ("empty", datetime(2025, 12, 17, 9, 0, tzinfo=UTC), 8)]
    for sid, started, planned in made:
        demo_store.start_session(me, version, session_id=sid, started_at=started,
                                 planned_sets=planned)
    demo_store.log_set(SetLog(key="east:1", session_id="east", step_key="x", exercise="Lunge",
                              section=1, exercise_index=1, set_number=1, side="left",
                              logged_at=datetime(2025, 12, 21, 23, 20, tzinfo=UTC), reps=8))
    demo_store.finish_session("sunday", sunday_late + timedelta(minutes=40))
    demo_store.abandon_session("monday", sunday_late + timedelta(hours=2))  # no set: left out
    for weeks in (12, 4, 1):
        since, _ = window(TODAY, weeks)
        assert since is not None
        older = demo_store.user_sessions(me, until=since)
        got = [TrainingWeek(*week) for week in demo_store.session_weeks(me, before=since)]
        assert tuple(got) == training_weeks(older)
        assert any(week.light for week in got) and not all(week.light for week in got)
    first = demo_store.session_weeks(me, before=datetime(2025, 12, 29, tzinfo=UTC))[:2]
    assert first == [(date(2025, 12, 15), 1, date(2025, 12, 21), date(2025, 12, 21), True),
                     (date(2025, 12, 22), 1, date(2025, 12, 28), date(2025, 12, 28), False)]
    assert demo_store.session_weeks(me, before=datetime(2025, 12, 1, tzinfo=UTC)) == []


def test_a_report_of_recent_weeks_counts_every_session_once(demo_store: Store) -> None:
    """user_report reads the sessions before its window as weeks: adherence and the deload
    rule say what they say when given every session."""
    me = demo_store.ensure_user("me")
    for weeks in (1, 2, 5):
        got = Strongstride(demo_store).report(me, TODAY, weeks=weeks)
        since, until = window(TODAY, weeks)
        everything = build_report(
            demo_store.user_sessions(me, until=until),
            demo_store.user_sets(me, since=since, until=until),
            prescriptions_of(demo_store.versions_played(me)), (), got.settings, today=TODAY)
        assert got == everything
