"""The rules a record must follow, each written once: `validate(record)` returns an issue per
broken rule, with the record's field on each and words that say how to fix it.

The store calls it before it writes, the web forms and the CLI before they save, the backup
as it reads; a form shows each message next to the field the issue names. Plain Python: no
framework, no database and no clock (a check-in "in the future" needs today, which the caller
has, so that rule stays with the caller).

The limits below are the one place each number is written; the API's request models
(`web/schemas.py`) take theirs from here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import get_args

from strongstride.errors import Invalid, Issue
from strongstride.library.equipment import EQUIPMENT
from strongstride.records import CheckIn, EquipmentProfile, LogSide, SetLog, Unit

# Text lengths, in characters.
ID_MAX = 100  # a set's key, a session id, a step key, a routine's slug, a token's name
BAND_MAX = 60
VARIATION_MAX = 60
SET_NOTE_MAX = 2000
CHECKIN_NOTE_MAX = 500
RACE_DISTANCE_MAX = 40
EXERCISE_MAX = 200  # a check-in's exercise (a set's comes from a routine or an import)

SCORE_MAX = 10  # pain and morning stiffness: 0 (none) to 10 (worst)
SCORE_WORDS = f"a whole number from 0 to {SCORE_MAX}"
RPE_MIN, RPE_MAX = 1, 10
LOAD_MAX = 1000  # a set's load, in kg or lb (docs/api.md); 0 or none: no load
# The step of the load's - and + (buttons, keys) she can choose, by unit; the first is the
# default: the usual plates, and 1 kg or 2.5 lb for small dumbbells and kettlebells.
LOAD_STEPS: dict[str, tuple[float, ...]] = {"kg": (2.5, 1.0), "lb": (5.0, 2.5)}
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # what a PostgreSQL integer holds

# C0 controls but tab and newline, DEL, and the C1 controls; lone UTF-16 surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@functools.singledispatch
def validate(record: object) -> tuple[Issue, ...]:
    """Every rule `record` breaks, in field order; empty when it is fine.

    For a set (`SetLog`), a check-in (`CheckIn`) and an equipment profile
    (`EquipmentProfile`), whose rules are below; for a running week (`schedule.week.RunningWeek`)
    and the plan around it (`schedule.setup.ScheduleSetup`), whose rules live with them and register
    here (so that a command that needs no plan does not load it)."""
    raise TypeError(f"no rules for {type(record).__name__}")


def check(record: object, where: str = "") -> None:
    """Raise `Invalid` (with every issue) when `record` breaks a rule."""
    issues = validate(record)
    if issues:
        raise Invalid(issues, where)


# Text ----------------------------------------------------------------------------------------
def text_issue(field: str, value: object, *, limit: int | None = None, required: bool = False,
               label: str | None = None) -> Issue | None:
    """The first text rule `value` breaks (None is no text, and fine unless required)."""
    name = label or field
    if value is None:
        return Issue(f"{name} is empty; give it", field=field) if required else None
    if not isinstance(value, str):
        return Issue(f"{name} must be text, not {type(value).__name__}", field=field)
    if required and not value.strip():
        return Issue(f"{name} is empty; give it", field=field)
    if "\x00" in value:
        return Issue(f"{name} contains a NUL character, which cannot be stored; take it out",
                     field=field)
    lone = _SURROGATE.search(value)
    if lone:  # JSON can carry one as an escape; it has no UTF-8 form, so no database keeps it
        return Issue(f"{name} contains a lone UTF-16 surrogate (U+{ord(lone.group()):04X} at "
                     f"character {lone.start() + 1}), which is not text that can be stored; "
                     "send the character whole or leave it out", field=field)
    if _CONTROL.search(value):
        return Issue(f"{name} holds a control character; only letters, digits, punctuation, "
                     "spaces, tabs and new lines are kept", field=field)
    if limit is not None and len(value) > limit:
        return Issue(f"{name} is {len(value)} characters; keep it to at most {limit} "
                     "characters", field=field)
    return None


def _found(*issues: Issue | None) -> list[Issue]:
    return [issue for issue in issues if issue is not None]


def whole_issue(field: str, value: object, low: int, high: int, *,
                label: str | None = None) -> Issue | None:
    """A whole number from `low` to `high` (None is no number, and fine)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        shown = quote(value) if isinstance(value, str) else repr(value)
        return Issue(f"{label or field} must be a whole number from {low} to {high}, not "
                     f"{shown}", field=field)
    return None


# A set ---------------------------------------------------------------------------------------
def validate_set(log: SetLog) -> tuple[Issue, ...]:
    """What the store refuses in a set: a value the database could not keep, or one that
    makes no sense (an RPE of 11, pain of -1)."""
    issues = _found(
        text_issue("key", log.key, limit=ID_MAX, required=True),
        text_issue("session_id", log.session_id, limit=ID_MAX, required=True),
        text_issue("step_key", log.step_key, limit=ID_MAX, required=True),
        text_issue("exercise", log.exercise, required=True),
        text_issue("band", log.band, limit=BAND_MAX),
        text_issue("variation", log.variation, limit=VARIATION_MAX),
        text_issue("note", log.note, limit=SET_NOTE_MAX))
    if not isinstance(log.logged_at, datetime) or log.logged_at.utcoffset() is None:
        issues.append(Issue(f"logged_at {log.logged_at!s} has no time zone; strongstride "
                            "stores instants, give an aware datetime", field="logged_at"))
    if log.side not in get_args(LogSide):
        issues.append(Issue(f"side must be left, right or both, not {log.side!r}",
                            field="side"))
    if log.unit is not None and log.unit not in get_args(Unit):
        issues.append(Issue(f"unit must be kg or lb, not {log.unit!r}", field="unit"))
    whole: dict[str, object] = {
        "section": log.section, "exercise_index": log.exercise_index,
        "set_number": log.set_number, "round": log.round, "reps": log.reps}
    for name, pair in (("target_reps", log.target_reps), ("target_seconds", log.target_seconds)):
        if pair is not None and len(pair) != 2:
            issues.append(Issue(f"{name} must be (low, high), not {pair!r}", field=name))
        elif pair is not None:
            whole[f"{name} low"], whole[f"{name} high"] = pair
    for name, number in whole.items():
        if number is not None and (not isinstance(number, int)
                                   or not INT_MIN <= number <= INT_MAX):
            issues.append(Issue(f"{name} {number} is out of range", field=name.split()[0]))
    for name, real in (("seconds", log.seconds), ("load", log.load), ("rpe", log.rpe)):
        if real is not None and (isinstance(real, bool) or not isinstance(real, (int, float))
                                 or not math.isfinite(real)):
            issues.append(Issue(f"{name} must be a number, not {real}", field=name))
    rpe = log.rpe
    if (isinstance(rpe, (int, float)) and math.isfinite(rpe)
            and not RPE_MIN <= rpe <= RPE_MAX):
        issues.append(Issue(f"rpe must be from {RPE_MIN} to {RPE_MAX}, not {rpe}", field="rpe"))
    issues += _found(whole_issue("pain", log.pain, 0, SCORE_MAX))
    return tuple(issues)


# A check-in ----------------------------------------------------------------------------------
def validate_checkin(checkin: CheckIn) -> tuple[Issue, ...]:
    """A check-in the store can keep and that says one clear thing: pain (and stiffness)
    overall, or pain in one exercise on one side."""
    issues: list[Issue] = []
    if not isinstance(checkin.day, date) or isinstance(checkin.day, datetime):
        issues.append(Issue(f"day must be a date, such as 2026-04-08, not {checkin.day!r}",
                            field="day"))
    issues += _found(whole_issue("pain", checkin.pain, 0, SCORE_MAX),
                     whole_issue("stiffness", checkin.stiffness, 0, SCORE_MAX))
    if checkin.pain is None:
        issues.append(Issue(f"pain is missing; choose {SCORE_WORDS}", field="pain"))
    if checkin.side not in get_args(LogSide):
        issues.append(Issue(f"side must be left, right or both, not {checkin.side!r}",
                            field="side"))
    exercise = checkin.exercise
    if exercise is not None and isinstance(exercise, str) and not exercise.strip():
        issues.append(Issue("exercise is empty; leave it out for how you feel overall",
                            field="exercise"))
    else:
        issues += _found(text_issue("exercise", exercise, limit=EXERCISE_MAX))
    issues += _found(text_issue("note", checkin.note, limit=CHECKIN_NOTE_MAX))
    if exercise is None and checkin.side in ("left", "right"):
        issues.append(Issue("a side goes with an exercise: name the exercise, or leave the "
                            "side out for how you feel overall", field="side"))
    if exercise is not None and checkin.stiffness is not None:
        issues.append(Issue("morning stiffness is for how you feel overall: leave the "
                            "exercise out to give it", field="stiffness"))
    return tuple(issues)


# An equipment profile ------------------------------------------------------------------------
def validate_profile(profile: EquipmentProfile) -> tuple[Issue, ...]:
    """Known equipment ids, each once."""
    issues: list[Issue] = []
    seen: set[str] = set()
    for key in profile.without:
        if not isinstance(key, str) or key not in EQUIPMENT:
            issues.append(Issue(f"unknown equipment {key!r}; use ids from: "
                                f"{', '.join(EQUIPMENT)}", field="without"))
        elif key in seen:
            issues.append(Issue(f"{key!r} is listed twice; give it once", field="without"))
        else:
            seen.add(key)
    return tuple(issues)


def messages(issues: Iterable[Issue]) -> dict[str, str]:
    """The first message per field, for a form that shows one message next to each."""
    found: dict[str, str] = {}
    for issue in issues:
        found.setdefault(issue.field or "", issue.message)
    return found


def quote(text: str) -> str:
    """A value as a message repeats it: short, quoted, only printable characters."""
    shown = "".join(c if c.isprintable() else "?" for c in text[:30])
    return repr(shown + ("..." if len(text) > 30 else ""))


@validate.register
def _set(record: SetLog) -> tuple[Issue, ...]:
    return validate_set(record)


@validate.register
def _checkin(record: CheckIn) -> tuple[Issue, ...]:
    return validate_checkin(record)


@validate.register
def _profile(record: EquipmentProfile) -> tuple[Issue, ...]:
    return validate_profile(record)
