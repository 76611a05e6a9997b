"""Logs grouped the way the rules read them: per exercise, per session, oldest first.

Every rule works on sets that were done (not skipped, with reps or seconds), in a fixed order,
so the same logs in any order give the same answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Literal, TypeVar

from strongstride.library import name_key
from strongstride.records import LogSide, SessionInfo, SetLog, Unit

Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")
LB_IN_KG = 0.45359237
_SIDE_ORDER = {"left": 0, "right": 1, "both": 2}
T = TypeVar("T")


def other(side: Side) -> Side:
    return "right" if side == "left" else "left"


@lru_cache(maxsize=4096)
def iso_week(day: date) -> str:
    """The ISO week of a day, as `2026-W05` (sorts in time order)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def convert(value: float, unit: Unit, to: Unit) -> float:
    if unit == to:
        return value
    return value * LB_IN_KG if unit == "lb" else value / LB_IN_KG


def is_done(log: SetLog) -> bool:
    """A set that was done: not skipped, with reps or seconds."""
    return not log.skipped and (log.reps is not None or log.seconds is not None)


def is_loaded(log: SetLog) -> bool:
    return log.load is not None and log.load > 0


def max_pain(sets: Iterable[SetLog]) -> int | None:
    pains = [s.pain for s in sets if s.pain is not None]
    return max(pains) if pains else None


def set_order(log: SetLog) -> tuple[int, int, int, datetime, str]:
    return (log.exercise_index, log.set_number, _SIDE_ORDER[log.side], log.logged_at, log.key)


@dataclass(frozen=True, slots=True)
class SessionSets:
    """The sets of one exercise done in one session, in the order they were planned."""

    session_id: str
    started_at: datetime
    sets: tuple[SetLog, ...]
    # Each side's sets, split once: the rules ask for them many times over.
    _sides: Mapping[str, tuple[SetLog, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sides: dict[str, list[SetLog]] = {}
        for log in self.sets:
            found = sides.get(log.side)
            if found is None:
                sides[log.side] = [log]
            else:
                found.append(log)
        object.__setattr__(self, "_sides", {side: tuple(sets) for side, sets in sides.items()})

    @property
    def date(self) -> date:
        return self.started_at.date()

    def on(self, side: LogSide) -> tuple[SetLog, ...]:
        return self._sides.get(side, ())

    @property
    def one_sided(self) -> bool:
        return "left" in self._sides or "right" in self._sides

    def set_count(self) -> int:
        """Sets per side: the most sets any side did."""
        return max(map(len, self._sides.values()), default=0)


@dataclass(frozen=True, slots=True)
class Grouped:
    """The logs grouped once for all the rules: per exercise name, oldest first, the sessions
    with the sets done (`done`) and with every set logged, skipped ones too (`logged`)."""

    done: Mapping[str, tuple[SessionSets, ...]]
    logged: Mapping[str, tuple[SessionSets, ...]]


def group(sessions: Sequence[SessionInfo], logs: Sequence[SetLog]) -> Grouped:
    """`by_exercise` both ways in one pass over the logs. Names that differ only in case,
    hyphens or apostrophes are one exercise, named as most of its sets were (done sets for
    `done`, every set for `logged`)."""
    by_name: dict[tuple[str, str], list[SetLog]] = {}
    first_set: dict[str, datetime] = {}  # when a session without a SessionInfo started
    for log in logs:
        found = by_name.get((log.exercise, log.session_id))
        if found is None:
            by_name[(log.exercise, log.session_id)] = [log]
        else:
            found.append(log)
        first = first_set.get(log.session_id)
        if first is None or log.logged_at < first:
            first_set[log.session_id] = log.logged_at
    # Spellings of one exercise come together under its name_key, the costly part: once per
    # spelling, not once per set.
    keys: dict[str, str] = {}
    grouped: dict[tuple[str, str], list[SetLog]] = {}
    for (name, session_id), sets in by_name.items():
        key = keys.get(name)
        if key is None:
            key = keys[name] = name_key(name)
        found = grouped.get((key, session_id))
        # A new list where spellings meet: by_name's lists still count each spelling.
        grouped[(key, session_id)] = sets if found is None else found + sets
    starts = {info.id: info.started_at for info in sessions}
    done: dict[str, list[SessionSets]] = {}
    logged: dict[str, list[SessionSets]] = {}
    for (key, session_id), sets in grouped.items():
        started = starts.get(session_id) or first_set[session_id]
        ordered = tuple(sorted(sets, key=set_order))  # sorted once, for both views
        every = SessionSets(session_id, started, ordered)
        logged.setdefault(key, []).append(every)
        kept = tuple([s for s in ordered  # is_done, inlined: once per set of the window
                      if not s.skipped and (s.reps is not None or s.seconds is not None)])
        if len(kept) == len(ordered):
            done.setdefault(key, []).append(every)
        elif kept:
            done.setdefault(key, []).append(SessionSets(session_id, started, kept))
    return Grouped(_named(done, _spellings(keys, by_name, is_done)),
                   _named(logged, _spellings(keys, by_name, None)))


def _spellings(keys: Mapping[str, str], by_name: Mapping[tuple[str, str], list[SetLog]],
               counted: Callable[[SetLog], bool] | None) -> dict[str, str]:
    """Per name_key, the spelling most of its sets (those `counted`, else all) have, the
    first by name of equals. Keys with one spelling (nearly all) need no counting."""
    spellings: dict[str, list[str]] = {}
    for name, key in keys.items():
        spellings.setdefault(key, []).append(name)
    out = {key: names[0] for key, names in spellings.items() if len(names) == 1}
    counts: dict[str, Counter[str]] = {key: Counter() for key in spellings if key not in out}
    if counts:
        for (name, _), sets in by_name.items():
            key = keys[name]
            if key in counts:
                n = len(sets) if counted is None else sum(map(counted, sets))
                if n:
                    counts[key][name] += n
        out.update({key: min(found.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                    for key, found in counts.items() if found})
    return out


def _named(out: dict[str, list[SessionSets]],
           names: dict[str, str]) -> dict[str, tuple[SessionSets, ...]]:
    named = {names[key]: items for key, items in out.items()}
    return {
        name: tuple(sorted(named[name], key=lambda s: (s.started_at, s.session_id)))
        for name in sorted(named)
    }


def by_exercise(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
                done_only: bool = True, grouped: Grouped | None = None,
                ) -> Mapping[str, tuple[SessionSets, ...]]:
    """Exercise name -> the sessions it was done in, oldest first, with the sets done (every
    set logged, skipped ones too, when not `done_only`), by name.

    Names that differ only in case, hyphens or apostrophes are one exercise, named as most of
    its sets were. Give `grouped` (`group` of the same sessions and logs) to skip the pass
    over the logs: a report groups once for all its rules."""
    found = grouped if grouped is not None else group(sessions, logs)
    return found.done if done_only else found.logged


def exercise_order(prescribed: Iterable[str], logged: Iterable[str]) -> tuple[str, ...]:
    """The prescribed exercises in routine order, then others logged, by name."""
    order = list(dict.fromkeys(prescribed))
    known = {name_key(name) for name in order}
    extra = sorted({n for n in logged if name_key(n) not in known}, key=lambda n: (name_key(n), n))
    return (*order, *extra)


def lookup(mapping: Mapping[str, T], name: str) -> T | None:
    """`mapping[name]`, matching names the way the library does (case, hyphens...)."""
    if name in mapping:
        return mapping[name]
    key = name_key(name)
    for candidate, value in mapping.items():
        if name_key(candidate) == key:
            return value
    return None
