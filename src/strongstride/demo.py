"""Demo data: weeks of realistic sessions of the built-in routine, for trying the reports.

Twice a week (Tuesday evening, Saturday morning) with one missed week and a deload week after
it; the left side is weaker on the single-leg bridge and the single-leg deadlift (an LSI of
about 85% that improves over the last sessions); loads and reps progress; the right Achilles
is sore for one session of eccentric heel raises (amber, with a note) and settles (green).

Everything is deterministic: seeded random numbers, ids made from the user and the date
(uuid5), and dates counted back from `today`. The sessions go in through the store's import,
in one transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from strongstride import routines
from strongstride.errors import StrongstrideError
from strongstride.library import name_key
from strongstride.plan.session import SessionPlan, Step
from strongstride.player.machine import Actuals
from strongstride.player.sets import planned_sets, set_log
from strongstride.records import ImportSession, ImportVersion, SetLog
from strongstride.routine.format import format_routine

DEMO_ROUTINE = "runner-glute"
SEED = 2026
NAMESPACE = uuid.UUID("6f1c1f4e-2a7b-5d0e-9a43-5e2f0c9d1b7a")
PAIN_NOTE = "Right Achilles a bit sore after Sunday's long run; eased off the lowering."
BETTER_NOTE = "Achilles fine today."

# When the sessions are, in UTC: (weekday, hour, minute), Monday = 0.
SLOTS = ((1, 17, 30), (5, 8, 15))


@dataclass(frozen=True, slots=True)
class Day:
    """One demo session: its number among the sessions done, and the week it falls in."""

    number: int
    week: int
    start: datetime
    deload: bool


def schedule(today: date, weeks: int) -> list[Day]:
    """The sessions before `today` in the last `weeks` weeks: two a week, none in the missed
    week, and half the sets in the week after it (a deload)."""
    if weeks < 1:
        raise StrongstrideError("--weeks must be at least 1")
    rng = random.Random(f"{SEED}:schedule")
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    missed = weeks // 2 - 1 if weeks >= 4 else None
    out: list[Day] = []
    for week in range(weeks):
        if week == missed:
            continue
        for weekday, hour, minute in SLOTS:
            day = first_monday + timedelta(weeks=week, days=weekday)
            if day >= today:
                continue
            start = datetime.combine(day, time(hour, minute), UTC) + timedelta(
                minutes=rng.randint(-20, 20))
            deload = missed is not None and week == missed + 1
            out.append(Day(len(out), week, start, deload))
    return out


def _session_id(user: str, day: Day) -> str:
    return str(uuid.uuid5(NAMESPACE, f"session:{user}:{day.start.isoformat()}"))


class _Performance:
    """What the demo runner does in each set, session by session."""

    def __init__(self, days: list[Day]) -> None:
        self.days = days
        self.total = len(days)
        done = [d for d in days if not d.deload]
        self.pain_at = done[-3].number if len(done) >= 6 else None  # amber, then two green
        self.rng = random.Random(f"{SEED}:sets")

    def phase(self, day: Day) -> float:
        """0 at the first session, 1 at the last."""
        return day.number / max(self.total - 1, 1)

    def late(self, day: Day) -> bool:
        return day.number >= self.total - 4

    def actuals(self, step: Step, day: Day) -> Actuals:
        assert step.name is not None
        name = name_key(step.name)
        if step.hold_seconds is not None:
            return Actuals(seconds=float(step.hold_seconds.hi))
        top = step.reps.hi if step.reps else 10
        bottom = step.reps.lo if step.reps else 10
        p = self.phase(day)
        set_no = step.set_number or 1
        if step.section == 1:  # activation: a looser band, then a firmer one after the deload
            return Actuals(reps=top, band="light" if p < 0.5 else "medium")
        if "single leg bridge" in name:
            return Actuals(reps=self._weak_side(step, day, top, set_no), rpe=self._rpe(step, 8))
        if "single leg deadlift" in name:
            load = 8.0 if p < 0.4 else 10.0 if p < 0.75 else 12.0
            return Actuals(reps=self._weak_side(step, day, top, set_no, improves=True),
                           load=load, unit="kg", rpe=self._rpe(step, 7.5))
        if "goblet squat" in name:
            load, reps = self._goblet(day, bottom, top)
            return Actuals(reps=reps - (1 if set_no == 3 else 0), load=load, unit="kg",
                           rpe=7.0 if reps < top else 8.0)
        if "heel raise" in name:
            return self._heel_raise(step, day, top)
        if "hamstring curl" in name:
            return Actuals(reps=min(top, 9 + round(3 * p * 1.3)))
        if "banded split squat" in name or "banded hip extension" in name:
            return Actuals(reps=top, band="light" if p < 0.5 else "medium")
        if "lateral lunge" in name:
            return (Actuals(reps=top - 1 if p < 0.2 else top) if p < 0.55
                    else Actuals(reps=top, load=4.0, unit="kg", rpe=7.0))
        if "slider reverse lunge" in name:
            return Actuals(reps=min(top, top - 2 + round(3 * p)))
        if "exercise ball squat" in name:
            return Actuals(reps=top - 1 if p < 0.3 else top)
        return Actuals(reps=top)

    def _rpe(self, step: Step, base: float) -> float:
        return base + (0.5 if step.side == "left" else 0.0)

    def _weak_side(self, step: Step, day: Day, top: int, set_no: int,
                   improves: bool = False) -> int:
        """The right side reaches the target; the left falls one or two short on a set, less
        so over the last sessions (more so for the deadlift, which catches up)."""
        if step.side != "left":
            return top
        if self.late(day):
            j = day.number - (self.total - 4)
            short = (((1, 1), (0, 1), (0, 1), (0, 0)) if improves else
                     ((1, 2), (1, 1), (0, 1), (1, 1)))[j]
        else:
            short = ((1, 2), (1, 1), (1, 2), (2, 2), (1, 1))[day.number % 5]
        return top - short[min(set_no, 2) - 1]

    def _goblet(self, day: Day, bottom: int, top: int) -> tuple[float, int]:
        """Double progression: reps climb to the top of 12-15, then 2 kg more and back to 12."""
        ladder = [(12.0, bottom), (12.0, bottom + 1), (12.0, bottom + 2), (12.0, top),
                  (12.0, top), (14.0, bottom), (14.0, bottom + 1), (14.0, bottom + 1),
                  (14.0, bottom + 2), (14.0, top), (14.0, top), (16.0, bottom)]
        at = round(day.number / max(self.total - 1, 1) * (len(ladder) - 1))
        return ladder[at]

    def _heel_raise(self, step: Step, day: Day, top: int) -> Actuals:
        reps = min(top, 10 + round(2 * self.phase(day) * 1.5))
        if self.pain_at is None or day.number < self.pain_at:
            return Actuals(reps=reps)
        after = day.number - self.pain_at
        if after == 0:  # amber on the right: fewer reps, a note
            if step.side == "right":
                return Actuals(reps=reps - 2, pain=4, note=PAIN_NOTE if step.set_number == 1
                               else "")
            return Actuals(reps=reps - 2, pain=1)
        if after == 1:
            if step.side == "right":
                return Actuals(reps=reps, pain=2, note=BETTER_NOTE if step.set_number == 1
                               else "")
            return Actuals(reps=reps, pain=0)
        return Actuals(reps=reps, pain=1 if step.side == "right" else 0)

    def seconds_to(self, step: Step) -> int:
        lo, hi = step.seconds
        return self.rng.randint(lo, max(lo, hi))


def _sessions(user: str, plan: SessionPlan, version: ImportVersion,
              days: list[Day]) -> Iterator[ImportSession]:
    perform = _Performance(days)
    planned = planned_sets(plan)
    for day in days:
        sid = _session_id(user, day)
        at = day.start
        logs: list[SetLog] = []
        for step in plan.steps:
            at += timedelta(seconds=perform.seconds_to(step))
            if step.kind != "work" or (step.optional and day.number % 3):
                continue
            if day.deload and (step.set_number or 1) > 1:
                continue
            log = set_log(step, perform.actuals(step, day), session_id=sid, logged_at=at)
            key = str(uuid.uuid5(NAMESPACE, f"set:{sid}:{step.key}"))
            logs.append(dataclasses.replace(log, key=key))
        yield ImportSession(id=sid, routine=version, started_at=day.start, status="finished",
                            ended_at=at + timedelta(minutes=2), planned_sets=planned,
                            sets=tuple(logs))


def sessions(user: str, *, today: date,
             weeks: int = 12) -> tuple[ImportVersion, list[ImportSession]]:
    """`weeks` weeks of demo sessions of `user` up to `today`, and the routine version they
    played: for the application to store in one transaction."""
    loaded = routines.load_routine(DEMO_ROUTINE)
    text = format_routine(loaded.routine)
    plan = routines.plan(loaded.routine)
    days = schedule(today, weeks)
    first = days[0].start if days else datetime.combine(today, time(0), UTC)
    version = ImportVersion(slug=loaded.id, title=loaded.routine.title, text=text,
                            created_at=first - timedelta(days=1))
    return version, list(_sessions(user, plan, version, days))
