"""The running-week plan as the interfaces use it: the sessions placed and the calendar.

A thin facade over `plan.schedule` and `exchange.ical` for a stored `PlanSetup`. Both answers
are deterministic (the same setup always gives the same plan and the same bytes), so they
are kept in a small cache: a calendar app polls its subscription again and again.
"""

from __future__ import annotations

import math
from functools import lru_cache

from strongstride.exchange.ical import plan_to_ical
from strongstride.plan.schedule import SchedulePlan, plan_weeks
from strongstride.plan.setup import PlanSetup
from strongstride.routine.model import Routine
from strongstride.service import LoadedRoutine, plan


@lru_cache(maxsize=128)
def schedule(setup: PlanSetup) -> SchedulePlan:
    """The strength sessions of the setup's weeks, each with its reason."""
    return plan_weeks(setup.week, start=setup.start, weeks=setup.weeks,
                      sessions_per_week=setup.sessions_per_week, race=setup.race)


def session_minutes(routine: Routine) -> int:
    """How long a calendar event lasts: the routine's longest estimate, whole minutes."""
    return max(1, math.ceil(plan(routine).total_seconds()[1] / 60))


@lru_cache(maxsize=128)
def calendar(setup: PlanSetup, loaded: LoadedRoutine) -> bytes:
    """The plan as an iCalendar file with reminders and stable UIDs (see docs/schedule.md)."""
    return plan_to_ical(schedule(setup), routine_id=loaded.id,
                        routine_title=loaded.routine.title or loaded.id,
                        duration_minutes=session_minutes(loaded.routine),
                        tz=setup.week.timezone, alarm_minutes=setup.alarm_minutes)
