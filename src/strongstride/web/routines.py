"""The built-in routines as the web app shows them, and plans as JSON-ready dicts.

The web app offers the built-in routines only. `service.load_routine` also reads files by
path, so a slug from a request is looked up here and never handed to it.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from strongstride import service
from strongstride.errors import NotFound, StrongstrideError
from strongstride.library.substitute import adapted_plan
from strongstride.plan.session import SessionPlan, Step
from strongstride.routine.model import Range
from strongstride.routine.parse import parse_routine
from strongstride.service import LoadedRoutine


@cache
def _builtin() -> dict[str, LoadedRoutine]:
    return {loaded.id: loaded for loaded in service.list_routines()}


def all_routines() -> list[LoadedRoutine]:
    return list(_builtin().values())


def routine(slug: str) -> LoadedRoutine:
    """A built-in routine by its slug; NotFound for anything else (a path included)."""
    found = _builtin().get(slug)
    if found is None:
        known = ", ".join(_builtin())
        raise NotFound(f"no routine called {slug!r}; the routines are: {known}")
    return found


@lru_cache(maxsize=256)
def plan_of(slug: str, missing: frozenset[str] = frozenset()) -> SessionPlan:
    """The plan of a built-in routine, with the variations for the `missing` equipment."""
    return adapted_plan(routine(slug).routine, missing)


@lru_cache(maxsize=64)
def plan_of_text(text: str, missing: frozenset[str] = frozenset()) -> SessionPlan:
    """The plan of a stored routine version (a session walks the text it started with, with
    the variations for the equipment she was without when it started)."""
    parsed = parse_routine(text, "stored routine")
    if parsed.routine is None:
        raise StrongstrideError("the stored routine of this session no longer reads; "
                                "abandon the session and start a new one")
    return adapted_plan(parsed.routine, missing)


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
    }


def plan_dict(plan: SessionPlan) -> dict[str, Any]:
    return {"total_seconds": list(plan.total_seconds()),
            "steps": [step_dict(plan, step) for step in plan.steps]}


def summary_dict(loaded: LoadedRoutine) -> dict[str, Any]:
    return {"slug": loaded.id, "title": loaded.routine.title,
            "exercises": len(loaded.routine.exercises),
            "estimated_seconds": list(plan_of(loaded.id).total_seconds())}


def detail_dict(loaded: LoadedRoutine, missing: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The `show --json` shape plus the plan a session of it walks, both with the variations
    for the `missing` equipment."""
    return {**service.show_dict(loaded, missing), "plan": plan_dict(plan_of(loaded.id, missing)),
            "how_to": service.how_to_dict(loaded.routine)}


duration = service.duration_text
