"""Morning check-ins and the injured side, for the command line and the web app alike.

The interfaces pass what the user typed; this module names the exercise as the user's routine
does (or as the library does), and the store checks the numbers.
"""

from __future__ import annotations

from datetime import date

from strongstride.errors import Invalid, Issue
from strongstride.library import default_library, name_key
from strongstride.records import CheckIn, LogSide
from strongstride.store import Store

DEFAULT_ROUTINE = "runner-glute"


def exercise_names(store: Store, user_id: int) -> list[str]:
    """The exercises a check-in can name: those of the routines the user played (the most
    recently played first), else those of the built-in routine."""
    from strongstride.reports.build import prescriptions_of

    names = list(prescriptions_of(store.versions_played(user_id)))
    if names:
        return names
    from strongstride import service

    return list(dict.fromkeys(e.name for e in service.load_routine(DEFAULT_ROUTINE)
                              .routine.exercises))


def resolve_exercise(store: Store, user_id: int, name: str) -> str:
    """The exercise `name` stands for, spelled as the user's routine or the library spells
    it; a clear message when there is none."""
    wanted = name_key(name)
    if not wanted:
        raise Invalid((Issue("the exercise name is empty", field="exercise"),))
    known = exercise_names(store, user_id)
    for candidate in known:
        if name_key(candidate) == wanted:
            return candidate
    info = default_library().find(name)
    if info is not None:
        return info.name
    starting = [n for n in known if name_key(n).startswith(wanted)]
    hint = (f"; did you mean {', '.join(repr(n) for n in starting[:3])}?" if starting
            else "; `strongstride show` lists your routine's exercises")
    raise Invalid((Issue(f"no exercise called {name!r} in your routines or the "
                         f"library{hint}", field="exercise"),))


def record(store: Store, user_id: int, day: date, pain: int, *, stiffness: int | None = None,
           exercise: str | None = None, side: LogSide | None = None,
           note: str = "") -> CheckIn:
    """Store a check-in (replacing one for the same morning, exercise and side)."""
    named = resolve_exercise(store, user_id, exercise) if exercise else None
    checkin = CheckIn(day, pain, stiffness, named, side or "both", note.strip())
    return store.save_checkin(user_id, checkin)


def describe(checkin: CheckIn) -> str:
    """One line: "2026-04-08 overall: pain 2/10, stiffness 3/10 (stiff calves)"."""
    where = "overall" if checkin.exercise is None else (
        checkin.exercise + ("" if checkin.side == "both" else f", {checkin.side} side"))
    stiff = "" if checkin.stiffness is None else f", stiffness {checkin.stiffness}/10"
    note = f" ({checkin.note})" if checkin.note else ""
    return f"{checkin.day.isoformat()} {where}: pain {checkin.pain}/10{stiff}{note}"


def checkin_dict(checkin: CheckIn) -> dict[str, object]:
    from strongstride.shapes import CheckInShape

    return CheckInShape.of(checkin).model_dump(mode="json")
