"""Next-morning check-ins and the injured side: what the pain and symmetry rules read besides
the sets.

`Store` takes these methods from `CheckinsMixin`. A check-in is one row per user, day,
exercise ('' for overall) and side; saving one again for the same morning replaces it, so a
corrected answer does not count twice. Every read and write is scoped to one user.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, cast, get_args

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from strongstride import rules
from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import CheckIn, InjuredSide, LogSide
from strongstride.store import convert
from strongstride.store.db import upsert_into
from strongstride.store.parts import StorePart
from strongstride.store.tables import Base, CheckinRow, UserRow


def check_checkin(checkin: CheckIn) -> None:
    """Refuse a check-in the database would refuse, or one that says nothing clear
    (`rules.validate_checkin`)."""
    rules.check(checkin)


def checkin_values(user_id: int, checkin: CheckIn, now: datetime) -> Mapping[str, Any]:
    """The row of a check-in, checked (see `check_checkin`); '' stands for overall."""
    check_checkin(checkin)
    convert.check_instant("now", now)
    return {"user_id": user_id, "day": checkin.day, "exercise": (checkin.exercise or "").strip(),
            "side": checkin.side, "pain": checkin.pain, "stiffness": checkin.stiffness,
            "note": checkin.note, "recorded_at": now}


def _to_checkin(row: CheckinRow) -> CheckIn:
    return CheckIn(day=row.day, pain=row.pain, stiffness=row.stiffness,
                   exercise=row.exercise or None, side=cast("LogSide", row.side), note=row.note)


def read_checkins(db: Session, user_id: int, since: date | None,
                  until: date | None) -> list[CheckIn]:
    query = select(CheckinRow).where(CheckinRow.user_id == user_id)
    if since is not None:
        query = query.where(CheckinRow.day >= since)
    if until is not None:
        query = query.where(CheckinRow.day <= until)
    order = (CheckinRow.day, CheckinRow.exercise, CheckinRow.side)
    return [_to_checkin(row) for row in db.scalars(query.order_by(*order))]


def read_injured_side(db: Session, user_id: int) -> InjuredSide | None:
    side = db.scalar(select(UserRow.injured_side).where(UserRow.id == user_id))
    if side is None and db.get(UserRow, user_id) is None:
        raise NotFound(f"no user {user_id}")
    return cast("InjuredSide | None", side)


class CheckinsMixin(StorePart):
    """The check-in and injured-side methods of `Store`; the store provides transactions."""

    def save_checkin(self, user_id: int, checkin: CheckIn, *,
                     now: datetime | None = None) -> CheckIn:
        """Store the check-in, replacing one of the same user, day, exercise and side."""
        values = checkin_values(user_id, checkin, now or datetime.now(UTC))
        exercise = values["exercise"]
        table = Base.metadata.tables[CheckinRow.__tablename__]
        with self._write() as db:
            if db.get(UserRow, user_id) is None:
                raise NotFound(f"no user {user_id}")
            upsert = upsert_into(db.get_bind().dialect.name, table).values(values)
            db.execute(upsert.on_conflict_do_update(
                index_elements=["user_id", "day", "exercise", "side"],
                set_={name: upsert.excluded[name]
                      for name in ("pain", "stiffness", "note", "recorded_at")}))
        return CheckIn(checkin.day, checkin.pain, checkin.stiffness, exercise or None,
                       checkin.side, checkin.note)

    def checkins(self, user_id: int, *, since: date | None = None,
                 until: date | None = None) -> list[CheckIn]:
        """The user's check-ins on days in [`since`, `until`], oldest first, overall first."""
        with self._read() as db:
            return read_checkins(db, user_id, since, until)

    def delete_checkin(self, user_id: int, day: date, exercise: str | None = None,
                       side: LogSide = "both") -> bool:
        """Forget one check-in of the user; False when there was none."""
        with self._write() as db:
            done = db.execute(delete(CheckinRow).where(
                CheckinRow.user_id == user_id, CheckinRow.day == day,
                CheckinRow.exercise == (exercise or "").strip(), CheckinRow.side == side))
            return bool(getattr(done, "rowcount", 0))

    def injured_side(self, user_id: int) -> InjuredSide | None:
        """The side the user marked as injured, if any."""
        with self._read() as db:
            return read_injured_side(db, user_id)

    def set_injured_side(self, user_id: int, side: str | None) -> None:
        """Mark the injured side ("left" or "right"), or clear it with None."""
        if side is not None and side not in get_args(InjuredSide):
            raise StrongstrideError(f"the injured side must be left or right (or none), "
                                    f"not {side!r}")
        with self._write() as db:
            row = db.get(UserRow, user_id)
            if row is None:
                raise NotFound(f"no user {user_id}")
            row.injured_side = side
