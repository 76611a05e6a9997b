"""Each user's running week and plan settings (`PlansMixin`), and the calendar token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from strongstride.errors import NotFound
from strongstride.schedule.placing import Race
from strongstride.schedule.setup import ScheduleSetup
from strongstride.schedule.week import RunningWeek
from strongstride.store import Store
from strongstride.store.migrate import downgrade_url, schema_drift, upgrade_url
from tests.store.conftest import T0, Raw

WEEK = RunningWeek(long=frozenset({6}), quality=frozenset({1, 3}), easy=frozenset({0, 2, 5}),
                   rest=frozenset({4}), strength_time=time(18, 30), run_time=time(6, 15),
                   timezone="Europe/Paris")
SETUP = ScheduleSetup(WEEK, date(2027, 3, 1), 10, 3, Race(date(2027, 4, 25), "half"), 60,
                  "runner-glute")


def test_a_setup_comes_back_as_it_was_saved(store: Store) -> None:
    user = store.ensure_user("ana")
    assert store.plan_setup(user) is None
    store.save_plan_setup(user, SETUP, now=T0)
    assert store.plan_setup(user) == SETUP
    plain = ScheduleSetup(RunningWeek(rest=frozenset({0})), date(2027, 1, 4))
    store.save_plan_setup(user, plain, now=T0 + timedelta(days=1))  # replaces the first
    assert store.plan_setup(user) == plain


def test_each_user_has_her_own_setup(store: Store) -> None:
    ana, bea = store.ensure_user("ana"), store.ensure_user("bea")
    store.save_plan_setup(ana, SETUP, now=T0)
    assert store.plan_setup(bea) is None
    other = replace(SETUP, sessions_per_week=2, race=None)
    store.save_plan_setup(bea, other, now=T0)
    assert (store.plan_setup(ana), store.plan_setup(bea)) == (SETUP, other)


def test_saving_for_a_user_who_does_not_exist_is_refused(store: Store) -> None:
    with pytest.raises(NotFound, match="no user 999"):
        store.save_plan_setup(999, SETUP, now=T0)


def test_the_calendar_token_finds_the_setup_and_a_new_one_shuts_the_old(store: Store) -> None:
    ana, bea = store.ensure_user("ana"), store.ensure_user("bea")
    with pytest.raises(NotFound, match="save one first"):
        store.set_calendar_token(ana, "tok-ana-1")
    store.save_plan_setup(ana, SETUP, now=T0)
    store.save_plan_setup(bea, replace(SETUP, weeks=4), now=T0)
    assert store.calendar_token(ana) is None
    store.set_calendar_token(ana, "tok-ana-1")
    store.set_calendar_token(bea, "tok-bea-1")
    assert store.calendar_token(ana) == "tok-ana-1"
    assert store.plan_setup_by_calendar_token("tok-ana-1") == SETUP
    assert store.plan_setup_by_calendar_token("tok-bea-1") == replace(SETUP, weeks=4)
    store.save_plan_setup(ana, replace(SETUP, weeks=6), now=T0)  # the address stays
    assert store.plan_setup_by_calendar_token("tok-ana-1") == replace(SETUP, weeks=6)
    store.set_calendar_token(ana, "tok-ana-2")
    assert store.plan_setup_by_calendar_token("tok-ana-1") is None
    assert store.plan_setup_by_calendar_token("tok-ana-2") == replace(SETUP, weeks=6)
    assert store.plan_setup_by_calendar_token("tok-ana") is None
    assert store.calendar_token(bea) == "tok-bea-1"


def test_0005_adds_running_plans_and_goes_back(db_url: str, raw: Callable[[], Raw]) -> None:
    upgrade_url(db_url, "0004_reports_checkins")
    conn = raw()
    assert "running_plans" not in conn.tables()
    with Store.open(db_url) as store:
        user = store.ensure_user("ana")
        store.save_plan_setup(user, SETUP, now=T0)
    assert conn.rows("SELECT week, weeks, sessions_per_week, race_distance FROM running_plans"
                     ) == [("long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri; "
                            "strength: 18:30; run: 06:15; tz: Europe/Paris", 10, 3, "half")]
    downgrade_url(db_url, "0004_reports_checkins")
    assert "running_plans" not in conn.tables()
    assert conn.rows("SELECT name FROM users") == [("ana",)]
    upgrade_url(db_url, "head")
    assert schema_drift(db_url) == []
