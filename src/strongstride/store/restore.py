"""A backup restored in ONE transaction: routines, sessions and sets together with the rest of
what a user keeps (the equipment she is without, her injured side, her running week and her
morning check-ins).

What is there already is kept, as `Store.import_sessions` does for sessions: a profile value
or a running week is written only where the user has none, and a check-in only where she has
none for that morning, exercise and side. So restoring the same backup twice adds nothing.

The routines, sessions and sets are written by the same code as `Store.import_sessions`
(`Store._import_sessions_in`), inside this transaction, so that a backup is all or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from strongstride.errors import NotFound
from strongstride.records import ImportSession, ImportVersion, Kept, Restored
from strongstride.store import convert
from strongstride.store.checkins import checkin_values
from strongstride.store.plans import RunningPlanRow, setup_values
from strongstride.store.repository import _check_import
from strongstride.store.tables import CheckinRow, UserRow

if TYPE_CHECKING:
    from datetime import datetime

    from strongstride.store.repository import Store


def restore(store: Store, user_id: int, sessions: Sequence[ImportSession], *,
            routines: Sequence[ImportVersion] = (), kept: Kept | None = None,
            now: datetime) -> Restored:
    """Write all of it in one transaction, or nothing (see the module's text).

    Every value is checked before the transaction starts; a problem raises StrongstrideError
    naming the session, set, check-in or field.
    """
    kept = kept or Kept()
    _check_import(sessions, routines)
    equipment = convert.equipment_json(kept.missing_equipment)
    rows = [checkin_values(user_id, c, now) for c in kept.checkins]
    plan = None if kept.running_week is None else setup_values(kept.running_week)
    written: list[str] = []
    held: list[str] = []
    with store._write() as db:
        user = db.get(UserRow, user_id)
        if user is None:
            raise NotFound(f"{store.where}: no user {user_id}")
        if kept.missing_equipment:
            if json.loads(user.missing_equipment or "[]"):
                held.append("missing equipment")
            else:
                user.missing_equipment = equipment
                written.append("missing equipment")
        if kept.injured_side is not None:
            if user.injured_side is not None:
                held.append("injured side")
            else:
                user.injured_side = kept.injured_side
                written.append("injured side")
        if plan is not None:
            new = store._insert_new(db, RunningPlanRow,
                                    {"user_id": user_id, "updated_at": now, **plan},
                                    ["user_id"])
            (written if new else held).append("running week")
        added = sum(store._insert_new(db, CheckinRow, row,
                                      ["user_id", "day", "exercise", "side"]) for row in rows)
        count = store._import_sessions_in(db, user_id, sessions, routines)
    return Restored(count, added, len(rows) - added, tuple(written), tuple(held))

