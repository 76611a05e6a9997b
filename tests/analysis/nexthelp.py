"""Helpers for the next-session tests: sessions from logs, one suggestion."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from strongstride.analysis import MorningCheck, Settings, Suggestion, next_session
from strongstride.records import SessionInfo, SetLog
from strongstride.routine.model import Load, Prescription, Range
from tests.analysis.make import MONDAY, day, session, sides

DEADLIFT = "Single-leg deadlift"
BRIDGE = "Single-leg bridge with adductor ball squeeze"
HIP_EXTENSION = "Banded hip extension"
PLANK = "Side plank"
PIGEON = "Half Pigeon pose"

LOADED = Prescription(sets=Range(2, 2), reps=Range(8, 12), side="leg", load=Load(20, "kg"))
BODYWEIGHT = Prescription(sets=Range(2, 2), reps=Range(8, 12), side="leg")
HOLD = Prescription(sets=Range(2, 2), seconds=Range(30, 30), side="side", set_word="hold")
STRETCH = Prescription(sets=Range(3, 3), seconds=Range(30, 30), side="leg", set_word="hold")


def infos_of(logs: Sequence[SetLog]) -> list[SessionInfo]:
    first = {}
    for log in logs:
        first.setdefault(log.session_id, (log.logged_at.date() - MONDAY).days)
    return [session(sid, n) for sid, n in sorted(first.items())]


def suggest_one(exercise: str, prescription: Prescription | None, logs: Sequence[SetLog], *,
                today: date | None = None, settings: Settings | None = None,
                checks: Sequence[MorningCheck] = (), sessions: Sequence[SessionInfo] | None = None,
                last_deload: date | None = None) -> Suggestion:
    infos = list(sessions) if sessions is not None else infos_of(logs)
    last = max((log.logged_at.date() for log in logs), default=MONDAY)
    prescriptions = {exercise: prescription} if prescription else {}
    (result,) = next_session(infos, logs, prescriptions, today or last, settings or Settings(),
                             checks, last_deload)
    return result


def loaded(count: int, left: Sequence[int] = (12, 12), right: Sequence[int] = (12, 12), *,
           load: float = 20, unit: str = "kg", rpe: float | None = 7, start: int = 0,
           every: int = 3, **common: object) -> list[SetLog]:
    """`count` sessions of the single-leg deadlift, `every` days apart."""
    out: list[SetLog] = []
    for i in range(count):
        n = start + every * i
        out += sides(DEADLIFT, sid=f"d{n:03d}", n=n, left=left, right=right, load=load,
                     unit=unit, rpe=rpe, **common)
    return out


def reps_only(exercise: str, count: int, left: Sequence[int], right: Sequence[int] | None = None,
              *, start: int = 0, **common: object) -> list[SetLog]:
    out: list[SetLog] = []
    for i in range(count):
        n = start + 3 * i
        out += sides(exercise, sid=f"r{n:03d}", n=n, left=left, right=right or left, **common)
    return out


__all__ = ["day"]
