"""Routines as files and as shown: the built-in routines, routine files, their session plans
with the variations for missing equipment, and the JSON shapes of routines, plans and
exercises. No database here: the application object (`strongstride.app`) uses these, and the
faces use the shapes to render."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strongstride.errors import Issue, NotFound, Span, StrongstrideError
from strongstride.plan.session import SessionPlan, Step, build_plan
from strongstride.routine.format import format_routine
from strongstride.routine.json_view import routine_dict
from strongstride.routine.model import Range, Routine
from strongstride.routine.parse import parse_routine

if TYPE_CHECKING:
    from strongstride.library.catalog import ExerciseInfo
    from strongstride.plan.substitute import Adaptation, SetupChange, Substitution
    from strongstride.routine.importer import Imported

DEFAULT_ROUTINE = "runner-glute"
ROUTINE_SUFFIX = ".routine"
MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class LoadedRoutine:
    id: str
    source: str
    routine: Routine


def _builtin_dir() -> Path:
    # The routines ship inside the package (hatch includes src/strongstride/data).
    return Path(__file__).parent / "data" / "routines"


def read_text(path: str) -> tuple[str, str]:
    """Read a user's file (or '-' for standard input) as UTF-8 text -> (source name, text).

    Binary data and bad encodings become errors that point at the line and column.
    """
    source = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise NotFound(f"{source}: no such file") from None
    except IsADirectoryError:
        raise StrongstrideError(f"{source}: is a folder; give a text file") from None
    except OSError as exc:
        raise StrongstrideError(f"{source}: cannot read it ({exc.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise StrongstrideError(f"{source}: larger than {MAX_FILE_BYTES // 1_000_000} MB; "
                                "is this the right file?")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _located(source, data, nul, "this is a binary file (it has a NUL byte); "
                                          "give a plain UTF-8 text file")
    try:
        return source, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _located(source, data, exc.start, "this is not UTF-8 text; save the file as "
                                                "UTF-8 and try again") from None


def _located(source: str, data: bytes, offset: int, message: str) -> StrongstrideError:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    issue = Issue(message, Span(line, column), "error", source)
    return StrongstrideError(issue.render(), (issue,))


def list_routines() -> list[LoadedRoutine]:
    """The routines that come with strongstride (parsed once per process)."""
    return list(_builtins().values())


@cache
def _builtins() -> dict[str, LoadedRoutine]:
    return {p.stem: load_routine(p.stem)
            for p in sorted(_builtin_dir().glob(f"*{ROUTINE_SUFFIX}"))}


def builtin_routine(slug: str) -> LoadedRoutine:
    """A built-in routine by its slug; NotFound for anything else, a path included (what a
    web request names is looked up here and never read as a file)."""
    found = _builtins().get(slug)
    if found is None:
        known = ", ".join(_builtins())
        raise NotFound(f"no routine called {slug!r}; the routines are: {known}")
    return found


def load_routine(ref: str | None = None) -> LoadedRoutine:
    """A built-in routine by id, or a routine file by path."""
    ref = ref or DEFAULT_ROUTINE
    builtin = _builtin_dir() / f"{ref}{ROUTINE_SUFFIX}"
    if builtin.is_file():
        source, text = str(builtin), builtin.read_text(encoding="utf-8")
        ident = ref
    elif ref == "-" or Path(ref).exists():
        source, text = read_text(ref)
        ident = Path(ref).stem
    else:
        known = ", ".join(p.stem for p in sorted(_builtin_dir().glob(f"*{ROUTINE_SUFFIX}")))
        raise NotFound(f"no routine called '{ref}' and no such file; built-in routines: {known}")
    parsed = parse_routine(text, source)
    if parsed.routine is None:
        raise StrongstrideError(f"{source}: the routine has errors", parsed.errors)
    return LoadedRoutine(ident, source, parsed.routine)


def check_file(path: str) -> tuple[Issue, ...]:
    """Every issue in a routine file; empty when it is fine."""
    try:
        source, text = read_text(path)
    except StrongstrideError as exc:
        if exc.issues:
            return exc.issues
        raise
    return parse_routine(text, source).issues


def format_file(path: str) -> str:
    source, text = read_text(path)
    parsed = parse_routine(text, source)
    if parsed.routine is None:
        raise StrongstrideError(f"{source}: fix these errors before formatting", parsed.errors)
    return format_routine(parsed.routine)


def import_file(path: str) -> Imported:
    from strongstride.routine.importer import import_text

    source, text = read_text(path)
    return import_text(text, source)


def plan(routine: Routine, missing: frozenset[str] = frozenset()) -> SessionPlan:
    """The session plan; without some equipment, its exercises marked with the variations."""
    if not missing:
        return build_plan(routine)
    from strongstride.plan.substitute import adapted_plan

    return adapted_plan(routine, missing)


@lru_cache(maxsize=64)
def plan_of_text(text: str, missing: frozenset[str] = frozenset()) -> SessionPlan:
    """The plan of a stored routine version: a session walks the text it started with, with
    the variations for the equipment she was without when it started. (Parsed once per text:
    every set of a session is built from its step.)"""
    parsed = parse_routine(text, "stored routine")
    if parsed.routine is None:
        raise StrongstrideError("the stored routine of this session no longer reads; "
                                "abandon the session and start a new one")
    return plan(parsed.routine, missing)


def substitutions(routine: Routine, missing: frozenset[str]) -> dict[str, Substitution]:
    """The exercises done another way for want of the `missing` equipment, by name."""
    if not missing:
        return {}
    from strongstride.plan.substitute import substitutions as find

    return find(routine, missing)


def adaptation(routine: Routine, missing: frozenset[str]) -> Adaptation:
    """Everything in the routine that changes for want of the `missing` equipment: the
    exercises' variations and the setups."""
    from strongstride.plan.substitute import adapt

    return adapt(routine, missing)


def setup_change_dict(change: SetupChange) -> dict[str, Any]:
    return {"section": change.section, "instead": change.instead,
            "without": list(change.without)}


def substitution_dict(sub: Substitution) -> dict[str, Any]:
    return {"exercise": sub.exercise, "variation": sub.variation, "without": list(sub.without),
            "how": sub.how, "steps": list(sub.steps), "cues": list(sub.cues),
            "mistakes": list(sub.mistakes)}


def show_dict(loaded: LoadedRoutine, missing: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The `show --json` shape: the import shape plus the routine's own fields, and what is
    done instead for want of the `missing` equipment."""
    routine = loaded.routine
    session = plan(routine, missing)
    changed = adaptation(routine, missing) if missing else None
    return {
        "id": loaded.id,
        **routine_dict(routine),
        "credit": routine.credit,
        "equipment": list(routine.equipment),
        "directions": routine.directions,
        "notes": routine.notes,
        "estimated_seconds": {
            "total": list(session.total_seconds()),
            "sections": [list(session.section_seconds(i)) for i in range(len(routine.sections))],
        },
        "without": sorted(missing),
        "substitutions": [substitution_dict(sub)
                          for sub in (changed.exercises.values() if changed else ())],
        "setups": [setup_change_dict(change)
                   for change in (changed.setups.values() if changed else ())],
    }


def exercise_dict(info: ExerciseInfo) -> dict[str, Any]:
    """An exercise of the library as JSON (`exercise --json`, the web player's how-to)."""
    return {
        "id": info.id,
        "name": info.name,
        "aliases": list(info.aliases),
        "primary_muscles": list(info.primary_muscles),
        "secondary_muscles": list(info.secondary_muscles),
        "equipment": list(info.equipment),
        "one_sided": info.one_sided,
        "steps": list(info.steps),
        "cues": list(info.cues),
        "mistakes": list(info.mistakes),
        "modifications": dict(info.modifications),
    }


def how_to_dict(routine: Routine) -> dict[str, dict[str, Any]]:
    """The library's entry for each exercise of a routine that has one, by routine name."""
    from strongstride.library import load_library

    library = load_library()
    out = {}
    for exercise in routine.exercises:
        info = library.find(exercise.name)
        if info is not None:
            out[exercise.name] = exercise_dict(info)
    return out


# a session's plan as the page's player reads it ------------------------------------------
def _pair(r: Range | None) -> list[int] | None:
    return None if r is None else [r.lo, r.hi]


def step_dict(plan: SessionPlan, step: Step) -> dict[str, Any]:
    return {
        "key": step.key, "kind": step.kind, "section": step.section,
        "section_title": plan.routine.sections[step.section].label,
        "exercise": step.exercise, "name": step.name, "set_number": step.set_number,
        "sets_total": step.sets_total, "round": step.round, "side": step.side,
        "reps": _pair(step.reps), "hold_seconds": _pair(step.hold_seconds),
        "max_reps": step.max_reps, "optional": step.optional, "seconds": list(step.seconds),
        "text": step.text, "variation": step.variation,
        "distance": None if step.distance is None else str(step.distance),
        "time_cap_seconds": step.time_cap_seconds,
        "rep_hold_seconds": _pair(step.rep_hold_seconds),
    }


def plan_dict(plan: SessionPlan) -> dict[str, Any]:
    return {"total_seconds": list(plan.total_seconds()),
            "steps": [step_dict(plan, step) for step in plan.steps]}


def summary_dict(loaded: LoadedRoutine) -> dict[str, Any]:
    return {"slug": loaded.id, "title": loaded.routine.title,
            "exercises": len(loaded.routine.exercises),
            "estimated_seconds": list(plan(loaded.routine).total_seconds())}


def detail_dict(loaded: LoadedRoutine, missing: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The `show --json` shape plus the plan a session of it walks, both with the variations
    for the `missing` equipment."""
    return {**show_dict(loaded, missing), "plan": plan_dict(plan(loaded.routine, missing)),
            "how_to": how_to_dict(loaded.routine)}
