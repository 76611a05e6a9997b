"""Small, named test data for the analysis tests: SetLog and SessionInfo builders.

Every builder takes only what a test cares about; the rest gets plain defaults. Days count
from MONDAY (2026-03-02), so `day(7)` is the Monday a week later.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from strongstride.records import LogSide, SessionInfo, SessionStatus, SetLog, Unit

MONDAY = date(2026, 3, 2)
_keys = itertools.count(1)


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def at(n: int, minute: int = 0) -> datetime:
    return datetime.combine(day(n), time(7, 0)) + timedelta(minutes=minute)


def session(sid: str, n: int, *, status: SessionStatus = "finished", planned: int = 0,
            done: int = 0) -> SessionInfo:
    """Session `sid` on day `n`."""
    return SessionInfo(id=sid, user_id=1, routine_version_id=1, routine_slug="runner-glute",
                       routine_title="Runner glute", started_at=at(n), status=status,
                       ended_at=at(n, 45), planned_sets=planned, sets_done=done)


def set_log(exercise: str = "Banded split squat", *, sid: str = "s1", n: int = 0,
            side: LogSide = "left", set_number: int = 1, reps: int | None = None,
            seconds: float | None = None, load: float | None = None, unit: Unit | None = None,
            band: str | None = None, rpe: float | None = None, pain: int | None = None,
            note: str = "", target: tuple[int, int] | None = (8, 12),
            target_seconds: tuple[int, int] | None = None, skipped: bool = False,
            variation: str | None = None) -> SetLog:
    key = f"k{next(_keys):05d}"
    return SetLog(key=key, session_id=sid, step_key=f"{exercise}.{set_number}.{side}",
                  exercise=exercise, section=2, exercise_index=1, set_number=set_number,
                  side=side, logged_at=at(n, set_number), target_reps=target,
                  target_seconds=target_seconds, reps=reps, seconds=seconds, load=load,
                  unit=unit if unit or load is None else "kg", band=band, rpe=rpe, pain=pain,
                  note=note, skipped=skipped, variation=variation)


def sides(exercise: str = "Banded split squat", *, sid: str = "s1", n: int = 0,
          left: Sequence[int] = (12, 12), right: Sequence[int] = (12, 12),
          **common: Any) -> list[SetLog]:
    """Sets on both legs: `left[i]` and `right[i]` reps on set i+1, the rest shared."""
    out: list[SetLog] = []
    for i, (lr, rr) in enumerate(zip(left, right, strict=True), start=1):
        out.append(set_log(exercise, sid=sid, n=n, side="left", set_number=i, reps=lr,
                           **common))
        out.append(set_log(exercise, sid=sid, n=n, side="right", set_number=i, reps=rr,
                           **common))
    return out


def holds(exercise: str, *, sid: str = "s1", n: int = 0, left: Sequence[float] = (30, 30),
          right: Sequence[float] = (30, 30), **common: Any) -> list[SetLog]:
    """Timed holds on both legs."""
    out: list[SetLog] = []
    for i, (ls, rs) in enumerate(zip(left, right, strict=True), start=1):
        pair: tuple[tuple[LogSide, float], ...] = (("left", ls), ("right", rs))
        for side, secs in pair:
            out.append(set_log(exercise, sid=sid, n=n, side=side, set_number=i,
                               seconds=secs, target=None, **common))
    return out


def two_legged(exercise: str = "Goblet squat", *, sid: str = "s1", n: int = 0,
               reps: Sequence[int] = (12, 12), **common: Any) -> list[SetLog]:
    return [set_log(exercise, sid=sid, n=n, side="both", set_number=i, reps=r,
                    **common)
            for i, r in enumerate(reps, start=1)]
