"""Each user's running week and plan settings, and the secret address of her calendar.

`Store` takes these methods from `PlansMixin`. The week is kept as its canonical text
(`format_week`), so what the database holds reads like what the CLI's `plan` command takes.

The calendar address token is kept as it is, unlike session cookies and API tokens (of which
only a sha256 is kept): it lets a calendar app read the strength plan and nothing else, and
the plan page shows the address again whenever it is opened, as calendar services do with
their secret addresses. Making a new one is how an address that got out is shut.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from strongstride import rules
from strongstride.errors import NotFound, StrongstrideError
from strongstride.schedule.placing import Race
from strongstride.schedule.setup import ScheduleSetup
from strongstride.schedule.week import format_week, parse_week
from strongstride.store import convert
from strongstride.store.parts import StorePart
from strongstride.store.tables import Base, UserRow


class RunningPlanRow(Base):
    """One per user: the running week as text, the plan's span, race and reminder."""

    __tablename__ = "running_plans"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    week: Mapped[str] = mapped_column(Text)
    start: Mapped[date] = mapped_column(Date)
    weeks: Mapped[int]
    sessions_per_week: Mapped[int]
    race_date: Mapped[date | None] = mapped_column(Date)
    race_distance: Mapped[str | None]
    alarm_minutes: Mapped[int]
    routine: Mapped[str]
    calendar_token: Mapped[str | None] = mapped_column(String(100), unique=True)
    updated_at: Mapped[datetime]


def _setup(row: RunningPlanRow) -> ScheduleSetup:
    parsed = parse_week(row.week, "stored running week")
    if parsed.week is None:  # only a hand-edited database gets here
        raise StrongstrideError("the stored running week no longer reads; enter it again")
    race = (Race(row.race_date, row.race_distance or "marathon")
            if row.race_date is not None else None)
    return ScheduleSetup(parsed.week, row.start, row.weeks, row.sessions_per_week, race,
                     row.alarm_minutes, row.routine)


def setup_values(setup: ScheduleSetup) -> dict[str, Any]:
    """The row's columns for a setup (all but the user, calendar token and time of saving);
    refused with a message naming the field when the database could not keep it."""
    rules.check(setup, "running week")
    return {"week": format_week(setup.week), "start": setup.start, "weeks": setup.weeks,
            "sessions_per_week": setup.sessions_per_week,
            "race_date": setup.race.date if setup.race else None,
            "race_distance": setup.race.distance if setup.race else None,
            "alarm_minutes": setup.alarm_minutes, "routine": setup.routine}


class PlansMixin(StorePart):
    """The running-plan methods of `Store`; the store provides the transactions."""

    def plan_setup(self, user_id: int) -> ScheduleSetup | None:
        """The user's saved running week and plan settings, or None."""
        with self._read() as db:
            row = db.get(RunningPlanRow, user_id)
            return None if row is None else _setup(row)

    def save_plan_setup(self, user_id: int, setup: ScheduleSetup, *, now: datetime) -> None:
        """Keep the user's setup (replacing the one before); the calendar address stays."""
        convert.check_instant("now", now)
        values = setup_values(setup)
        with self._write() as db:
            if db.get(UserRow, user_id) is None:
                raise NotFound(f"no user {user_id}")
            if self._insert_new(db, RunningPlanRow,
                                {"user_id": user_id, "updated_at": now, **values}, ["user_id"]):
                return
            row = db.get(RunningPlanRow, user_id)
            assert row is not None
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = now

    def calendar_token(self, user_id: int) -> str | None:
        """The token of the user's calendar address, or None (none made yet)."""
        with self._read() as db:
            return db.scalars(select(RunningPlanRow.calendar_token)
                                   .where(RunningPlanRow.user_id == user_id)).first()

    def set_calendar_token(self, user_id: int, token: str) -> None:
        """Give the user's calendar a new address; the old one stops answering at once."""
        convert.check_text("calendar token", token, required=True)
        with self._write() as db:
            row = db.get(RunningPlanRow, user_id)
            if row is None:
                raise NotFound("there is no running week yet: save one first")
            row.calendar_token = token

    def plan_setup_by_calendar_token(self, token: str) -> ScheduleSetup | None:
        """The setup whose calendar address holds `token`, or None."""
        with self._read() as db:
            row = db.scalars(select(RunningPlanRow)
                                  .where(RunningPlanRow.calendar_token == token)).first()
            return None if row is None else _setup(row)
