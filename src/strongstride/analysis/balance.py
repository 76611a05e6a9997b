"""Weekly sets per muscle group and the quadriceps to hamstrings ratio of those sets.

A set counts for each primary muscle of its exercise (from the library). Sets are counted per
leg: a one-sided set counts for its leg, a two-legged set for both, and `sets` is the mean of
the two legs, so "2 sets on each leg" and "2 sets" both count as 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strongstride.analysis.history import Grouped, by_exercise, iso_week
from strongstride.library import Library, default_library
from strongstride.records import SessionInfo, SetLog

QUADRICEPS = "quadriceps"
HAMSTRINGS = "hamstrings"


@dataclass(frozen=True, slots=True)
class MuscleSets:
    week: str
    muscle: str
    left: int
    right: int

    @property
    def sets(self) -> float:
        return (self.left + self.right) / 2


@dataclass(frozen=True, slots=True)
class WeekBalance:
    """One ISO week: sets per primary muscle (by muscle name) and the quad:hamstring ratio."""

    week: str
    muscles: tuple[MuscleSets, ...]
    quads_to_hamstrings: float | None
    """Quadriceps sets / hamstring sets; None when no hamstring sets were done."""

    def sets(self, muscle: str) -> float:
        return next((m.sets for m in self.muscles if m.muscle == muscle), 0.0)


@dataclass(frozen=True, slots=True)
class Balance:
    weeks: tuple[WeekBalance, ...]
    unknown_exercises: tuple[str, ...] = ()
    """Logged exercises the library does not know, so their sets are not counted."""


def balance(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
            library: Library | None = None, *, grouped: Grouped | None = None) -> Balance:
    """Weekly sets per muscle group, oldest week first."""
    library = library or default_library()
    counts: dict[tuple[str, str], list[int]] = {}
    unknown: set[str] = set()
    for exercise, history in by_exercise(sessions, logs, grouped=grouped).items():
        info = library.find(exercise)
        if info is None:
            unknown.add(exercise)
            continue
        for done in history:
            if not done.sets:
                continue
            week = iso_week(done.date)
            both = len(done.on("both"))
            left, right = len(done.on("left")) + both, len(done.on("right")) + both
            for muscle in info.primary_muscles:
                legs = counts.setdefault((week, muscle), [0, 0])
                legs[0] += left
                legs[1] += right
    weeks: list[WeekBalance] = []
    for week in sorted({w for w, _ in counts}):
        muscles = tuple(MuscleSets(week, m, counts[(w, m)][0], counts[(w, m)][1])
                        for w, m in sorted(counts) if w == week)
        quads = next((m.sets for m in muscles if m.muscle == QUADRICEPS), 0.0)
        hams = next((m.sets for m in muscles if m.muscle == HAMSTRINGS), 0.0)
        weeks.append(WeekBalance(week, muscles, quads / hams if hams else None))
    return Balance(tuple(weeks), tuple(sorted(unknown)))
