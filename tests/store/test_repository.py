"""The store's behaviour on every engine: users, routine versions, sessions, sets, history."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import SetLog
from strongstride.store import Store
from tests.store.conftest import T0, Raw, a_set

PARIS = timezone(timedelta(hours=1))


def _routine(store: Store, user: int, slug: str = "runner-glute") -> int:
    return store.save_routine(user, slug, slug.title(), f"# {slug}\n").id


def test_ensure_user_returns_the_same_id_for_the_same_name(store: Store) -> None:
    me = store.ensure_user()
    assert store.ensure_user("me") == me
    other = store.ensure_user("ana")
    assert other != me
    assert store.ensure_user("ana") == other


def test_a_routine_gets_a_new_version_only_when_its_text_changes(store: Store) -> None:
    user = store.ensure_user()
    first = store.save_routine(user, "glute", "Glute", "# Glute\nSquat: 2 sets of 10 reps\n")
    assert (first.version, first.slug, first.title) == (1, "glute", "Glute")
    assert store.save_routine(user, "glute", "Glute", first.text) == first

    second = store.save_routine(user, "glute", "Glute+", "# Glute\nSquat: 3 sets of 10 reps\n")
    assert (second.version, second.routine_id, second.title) == (2, first.routine_id, "Glute+")
    assert second.sha256 != first.sha256

    back = store.save_routine(user, "glute", "Glute", first.text)
    assert (back.id, back.version) == (first.id, 1)
    assert store.routine_version(second.id).text == second.text

    other_user = store.ensure_user("ana")
    assert store.save_routine(other_user, "glute", "Glute", first.text).version == 1
    assert store.save_routine(user, "hips", None, first.text).version == 1


def test_routine_versions_carry_an_aware_creation_time(store: Store) -> None:
    version = store.save_routine(store.ensure_user(), "glute", "Glute", "x")
    assert version.created_at.utcoffset() == timedelta(0)
    assert store.routine_version(version.id).created_at == version.created_at


def test_a_missing_routine_version_or_user_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no routine version 999"):
        store.routine_version(999)
    with pytest.raises(NotFound, match="no user 42"):
        store.save_routine(42, "glute", "Glute", "x")
    user = store.ensure_user()
    with pytest.raises(NotFound, match="no routine version 999"):
        store.start_session(user, 999, session_id="s1", started_at=T0)


def test_starting_a_session_twice_returns_the_first(store: Store) -> None:
    user = store.ensure_user()
    version = _routine(store, user)
    first = store.start_session(user, version, session_id="s1", started_at=T0,
                                equipment=("loop band", "step"), planned_sets=16)
    assert (first.status, first.equipment, first.planned_sets, first.sets_done) == (
        "active", ("loop band", "step"), 16, 0)
    assert (first.routine_slug, first.routine_title) == ("runner-glute", "Runner-Glute")
    again = store.start_session(user, version, session_id="s1",
                                started_at=T0 + timedelta(minutes=3))
    assert again == first
    assert len(store.history(user)) == 1

    ana = store.ensure_user("ana")
    with pytest.raises(StrongstrideError, match="already exists for another user or routine"):
        store.start_session(ana, _routine(store, ana), session_id="s1", started_at=T0)
    with pytest.raises(StrongstrideError, match=f"belongs to another user than {ana}"):
        store.start_session(ana, version, session_id="s2", started_at=T0)


def test_logging_a_set_twice_stores_one_row(
        store: Store, session_id: str, raw: Callable[[], Raw]) -> None:
    log = a_set(session_id, "k1")
    assert store.log_set(log) is True
    assert store.log_set(log) is False
    assert store.log_set(a_set(session_id, "k1", reps=99)) is False
    assert store.sets_of(session_id) == [log]
    assert raw().rows("SELECT COUNT(*), MAX(reps) FROM set_logs") == [(1, 10)]


def test_sets_of_a_finished_or_abandoned_session_are_refused(
        store: Store, session_id: str) -> None:
    assert store.log_set(a_set(session_id, "k1"))
    store.finish_session(session_id, T0 + timedelta(minutes=30))
    with pytest.raises(StrongstrideError, match=f"session {session_id} is finished"):
        store.log_set(a_set(session_id, "k2", set_number=2))
    assert store.log_set(a_set(session_id, "k1")) is False  # a late retry is still a no-op
    assert [log.key for log in store.sets_of(session_id)] == ["k1"]

    user = store.ensure_user()
    store.start_session(user, _routine(store, user), session_id="s2", started_at=T0)
    store.abandon_session("s2", T0 + timedelta(minutes=5))
    with pytest.raises(StrongstrideError, match="session s2 is abandoned"):
        store.log_set(a_set("s2", "k3"))


def test_a_set_for_a_missing_session_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no session nope"):
        store.log_set(a_set("nope", "k1"))
    with pytest.raises(NotFound, match="no session nope"):
        store.session("nope")
    with pytest.raises(NotFound, match="no session nope"):
        store.sets_of("nope")


@pytest.mark.parametrize(("change", "complaint"), [
    ({"rpe": 10.5}, "rpe must be from 1 to 10"),
    ({"rpe": 0.0}, "rpe must be from 1 to 10"),
    ({"pain": 11}, "pain must be a whole number from 0 to 10"),
    ({"pain": -1}, "pain must be a whole number from 0 to 10"),
    ({"load": math.nan}, "load must be a number"),
    ({"seconds": math.inf}, "seconds must be a number"),
    ({"side": "middle"}, "side must be left, right or both"),
    ({"unit": "stone"}, "unit must be kg or lb"),
    ({"reps": 2**40}, "reps 1099511627776 is out of range"),
    ({"step_key": " "}, "step_key is empty"),
    ({"note": "a\x00b"}, "note contains a NUL character"),
    ({"logged_at": datetime(2025, 3, 1, 7, 30)}, "has no time zone"),
])
def test_a_set_the_database_would_refuse_gets_a_message_naming_the_field(
        store: Store, session_id: str, change: dict[str, object], complaint: str) -> None:
    with pytest.raises(StrongstrideError, match=complaint):
        store.log_set(a_set(session_id, "bad", **change))
    assert store.sets_of(session_id) == []


def test_sets_come_back_in_the_order_they_were_logged(store: Store, session_id: str) -> None:
    logs = [a_set(session_id, f"k{n}-{side}", set_number=n, step_key=f"main/0/{n}/{side}",
                  side=side, logged_at=T0 + timedelta(seconds=40 * n))
            for n, side in [(1, "left"), (1, "right"), (2, "left"), (2, "right")]]
    late = a_set(session_id, "k0", step_key="warmup/0/1/both", side="both",
                 logged_at=T0 - timedelta(minutes=1), skipped=True, reps=None)
    for log in [*logs[:2], late, *logs[2:]]:
        assert store.log_set(log)
    assert store.sets_of(session_id) == [late, *logs]
    assert store.logged_step_keys(session_id) == {
        "warmup/0/1/both", "main/0/1/left", "main/0/1/right", "main/0/2/left", "main/0/2/right"}
    assert store.logged_step_keys("other") == set()


def test_unfinished_session_is_the_newest_active_one(store: Store) -> None:
    user = store.ensure_user()
    glute, hips = _routine(store, user, "glute"), _routine(store, user, "hips")
    assert store.unfinished_session(user) is None
    store.start_session(user, glute, session_id="old", started_at=T0)
    store.start_session(user, hips, session_id="new", started_at=T0 + timedelta(days=1))
    store.start_session(user, glute, session_id="done", started_at=T0 + timedelta(days=2))
    store.finish_session("done", T0 + timedelta(days=2, hours=1))

    found = store.unfinished_session(user)
    assert found is not None and found.id == "new"
    by_slug = store.unfinished_session(user, "glute")
    assert by_slug is not None and by_slug.id == "old"
    assert store.unfinished_session(user, "calves") is None
    assert store.unfinished_session(store.ensure_user("ana")) is None

    store.abandon_session("new", T0 + timedelta(days=3))
    again = store.unfinished_session(user)
    assert again is not None and again.id == "old"


def test_ending_a_session_records_when_and_how(store: Store, session_id: str) -> None:
    ended = datetime(2025, 3, 1, 9, 15, tzinfo=PARIS)
    info = store.finish_session(session_id, ended)
    assert (info.status, info.ended_at) == ("finished", ended)
    assert info.ended_at is not None and info.ended_at.tzinfo == UTC
    assert store.finish_session(session_id, ended + timedelta(hours=1)) == info  # a retry
    assert store.session(session_id) == info
    with pytest.raises(StrongstrideError, match="already finished; it cannot be abandoned"):
        store.abandon_session(session_id, ended)
    with pytest.raises(NotFound):
        store.finish_session("nope", ended)


def test_history_is_newest_first_and_counts_the_sets_not_skipped(store: Store) -> None:
    user = store.ensure_user()
    version = _routine(store, user)
    for day in range(3):
        sid = f"day{day}"
        store.start_session(user, version, session_id=sid,
                            started_at=T0 + timedelta(days=day), planned_sets=4)
        for n in range(day + 1):
            store.log_set(a_set(sid, f"{sid}-{n}", set_number=n + 1))
        store.log_set(a_set(sid, f"{sid}-skip", set_number=9, skipped=True, reps=None))
    ana = store.ensure_user("ana")
    store.start_session(ana, _routine(store, ana), session_id="ana1", started_at=T0)

    history = store.history(user)
    assert [(info.id, info.sets_done, info.planned_sets) for info in history] == [
        ("day2", 3, 4), ("day1", 2, 4), ("day0", 1, 4)]
    assert [info.id for info in store.history(user, limit=2)] == ["day2", "day1"]
    assert store.session("day1").sets_done == 2
    assert all(info.started_at.tzinfo == UTC for info in history)


def _session_with(store: Store, user: int, version: int, sid: str, day: int,
                  sets: list[SetLog]) -> None:
    store.start_session(user, version, session_id=sid, started_at=T0 + timedelta(days=day))
    for log in sets:
        store.log_set(log)


def test_last_sets_come_from_the_latest_other_session_with_the_exercise(store: Store) -> None:
    user = store.ensure_user()
    version = _routine(store, user)
    lunge = "reverse lunge"
    week1 = [a_set("w1", f"w1-{side}", exercise=lunge, side=side, load=8.0, unit="kg",
                   step_key=f"main/1/1/{side}") for side in ("left", "right")]
    week2 = [a_set("w2", f"w2-{side}", exercise=lunge, side=side, load=10.0, unit="kg",
                   reps=reps, step_key=f"main/1/1/{side}")
             for side, reps in (("left", 10), ("right", 8))]
    _session_with(store, user, version, "w1", 0, week1)
    _session_with(store, user, version, "w2", 7, [
        *week2, a_set("w2", "w2-skip", exercise=lunge, set_number=2, skipped=True, reps=None)])
    _session_with(store, user, version, "w3", 14, [a_set("w3", "w3-squat")])  # no lunges
    _session_with(store, user, version, "w4", 21, [
        a_set("w4", "w4-skip", exercise=lunge, skipped=True, reps=None)])  # all skipped
    _session_with(store, user, version, "now", 28, [
        a_set("now", "now-left", exercise=lunge, load=12.0, unit="kg")])

    assert store.last_sets(user, lunge, before_session="now") == week2
    assert store.last_sets(user, lunge, before_session="w2") == week1
    assert store.last_sets(user, lunge, before_session="w1") == []
    assert [log.key for log in store.last_sets(user, lunge)] == ["now-left"]
    assert store.last_sets(user, "pistol squat") == []
    assert store.last_sets(store.ensure_user("ana"), lunge) == []


def test_timestamps_come_back_aware_in_utc(store: Store) -> None:
    user = store.ensure_user()
    started = datetime(2025, 6, 1, 6, 0, 0, 123456, tzinfo=PARIS)
    info = store.start_session(user, _routine(store, user), session_id="s1", started_at=started)
    assert info.started_at == started
    assert info.started_at.tzinfo == UTC
    assert info.started_at.hour == 5 and info.started_at.microsecond == 123456
    log = a_set("s1", "k1", logged_at=started + timedelta(minutes=2))
    store.log_set(log)
    [back] = store.sets_of("s1")
    assert back.logged_at == log.logged_at and back.logged_at.tzinfo == UTC
    with pytest.raises(StrongstrideError, match="has no time zone"):
        store.start_session(user, 1, session_id="s2", started_at=datetime(2025, 6, 1, 6, 0))


def test_a_set_with_every_field_round_trips(store: Store, session_id: str) -> None:
    log = SetLog(
        key="9f1c-left-3", session_id=session_id, step_key="main/4/3/left",
        exercise="single-leg deadlift", section=2, exercise_index=4, set_number=3, side="left",
        logged_at=datetime(2025, 3, 1, 8, 1, 2, 345678, tzinfo=PARIS), target_reps=(8, 12),
        target_seconds=(30, 45), reps=11, seconds=41.25, load=12.5, unit="lb",
        band="medium loop", rpe=8.5, pain=2, note="knee ok — left side weaker ✓", round=2,
        skipped=False)
    assert store.log_set(log)
    assert store.sets_of(session_id) == [log]
    assert store.last_sets(store.ensure_user(), log.exercise) == [log]


def test_a_closed_store_can_be_opened_again_and_keeps_everything(db_url: str) -> None:
    with Store.open(db_url) as store:
        user = store.ensure_user()
        store.start_session(user, _routine(store, user), session_id="s1", started_at=T0)
        store.log_set(a_set("s1", "k1"))
        where = store.where
    with Store.open(db_url) as store:
        assert [log.key for log in store.sets_of("s1")] == ["k1"]
        assert store.where == where
