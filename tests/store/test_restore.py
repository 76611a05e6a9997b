"""A backup restored in one transaction (`store.restore`), on SQLite and on PostgreSQL when
STRONGSTRIDE_TEST_PG is set: the profile, running week and check-ins with the sessions, what
the user has already kept, and nothing written when any part is refused."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, time
from pathlib import Path

import pytest

from strongstride.errors import StrongstrideError
from strongstride.records import CheckIn
from strongstride.schedule.placing import Race
from strongstride.schedule.setup import ScheduleSetup
from strongstride.schedule.week import RunningWeek
from strongstride.store import Store
from strongstride.store.repository import ImportSession, ImportVersion
from strongstride.store.restore import Kept, restore
from tests.store.conftest import T0, Raw, a_set, pg_schema

SETUP = ScheduleSetup(RunningWeek(long=frozenset({6}), quality=frozenset({2}),
                              strength_time=time(18, 0), timezone="Europe/Paris"),
                  date(2025, 3, 3), 8, 2, Race(date(2025, 4, 27), "10k"), 15, "runner-glute")
KEPT = Kept(("band", "step"), "right", SETUP, (
    CheckIn(date(2025, 3, 2), 2, 3, note="stiff"),
    CheckIn(date(2025, 3, 2), 4, exercise="Single-leg deadlift", side="left")))
VERSION = ImportVersion("glutes", "Glutes", "## main\nBridge: 2 sets of 10 reps\n", T0, 1)


def sessions(key: str = "k1") -> list[ImportSession]:
    return [ImportSession("s1", VERSION, T0, "finished", T0, ("band",), 2,
                          (a_set("s1", key, variation="Bridge walk-outs"),))]


def test_everything_is_restored_in_one_go_and_again_adds_nothing(store: Store) -> None:
    me = store.ensure_user()
    done = restore(store, me, sessions(), kept=KEPT, now=T0)
    assert (done.sessions.sessions_added, done.sessions.sets_added, done.checkins_added) == (
        1, 1, 2)
    assert done.written == ("missing equipment", "injured side", "running week")
    assert store.account(me).missing_equipment == ("band", "step")
    assert (store.injured_side(me), store.plan_setup(me)) == ("right", SETUP)
    assert store.checkins(me) == list(KEPT.checkins)
    assert store.sets_of("s1")[0].variation == "Bridge walk-outs"
    assert store.calendar_token(me) is None
    again = restore(store, me, sessions(), kept=KEPT, now=T0)
    assert (again.sessions.sessions_added, again.checkins_added, again.checkins_present,
            again.written, again.kept) == (
        0, 0, 2, (), ("missing equipment", "injured side", "running week"))


def test_a_refused_session_leaves_the_profile_week_and_check_ins_unwritten(
        store: Store, raw: Callable[[], Raw]) -> None:
    me, other = store.ensure_user(), store.ensure_user("other")
    version = store.save_routine(other, "x", None, "## main\nSquat: 1 set of 5 reps\n")
    store.start_session(other, version.id, session_id="theirs", started_at=T0)
    store.log_set(a_set("theirs", "k1"))
    before = raw().snapshot()
    with pytest.raises(StrongstrideError, match="set k1 is already stored in another session"):
        restore(store, me, sessions("k1"), kept=KEPT, now=T0)
    assert raw().snapshot() == before
    assert (store.plan_setup(me), store.injured_side(me), store.checkins(me)) == (None, None, [])


def test_a_bad_check_in_is_refused_before_the_transaction(store: Store,
                                                          raw: Callable[[], Raw]) -> None:
    me = store.ensure_user()
    before = raw().snapshot()
    bad = Kept(checkins=(CheckIn(date(2025, 3, 2), 11),))
    with pytest.raises(StrongstrideError, match="pain must be a whole number from 0 to 10"):
        restore(store, me, sessions(), kept=bad, now=T0)
    assert raw().snapshot() == before


def test_sessions_are_written_as_import_sessions_writes_them(db_url: str,
                                                             tmp_path: Path) -> None:
    """`restore` repeats `Store.import_sessions` inside its own transaction: the same input
    gives the same counts and the same rows, taken versions and sessions already there
    included."""
    other = ImportVersion("glutes", None, "## main\nSquat: 1 set of 5 reps\n", T0, 1)
    batch = [*sessions(), ImportSession("s2", other, T0, "abandoned", T0, (), 0, (
        a_set("s2", "k2", side="right"), a_set("s2", "k3", skipped=True))),
        ImportSession("s1", VERSION, T0)]

    def state(store: Store, user: int) -> object:
        return ([(v.slug, v.version, v.title, v.text) for v in store.routine_versions(user)],
                [(s.id, s.routine_slug, s.status, s.equipment, s.planned_sets, s.sets_done,
                  store.sets_of(s.id)) for s in store.history(user)])

    found = []
    for how in ("import_sessions", "restore"):
        with ExitStack() as stack:
            url = db_url if how == "restore" else (
                f"sqlite:///{tmp_path / 'other.db'}" if db_url.startswith("sqlite")
                else stack.enter_context(pg_schema()))
            store = stack.enter_context(Store.open(url))
            user = store.ensure_user()
            store.save_routine(user, "glutes", "Mine", "## main\nLunge: 1 set of 5 reps\n")
            for _ in range(2):
                if how == "restore":
                    count = restore(store, user, batch, routines=[VERSION], now=T0).sessions
                else:
                    count = store.import_sessions(user, batch, routines=[VERSION])
                found.append((count, state(store, user)))
    assert found[:2] == found[2:]
