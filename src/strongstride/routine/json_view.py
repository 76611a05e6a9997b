"""The routine as JSON-ready dicts; the shapes are documented in docs/json.md."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strongstride.routine.model import Distance, Exercise, Range, Routine, Section

if TYPE_CHECKING:  # `show` needs no importer loaded
    from strongstride.routine.importer import Imported


def _pair(r: Range | None) -> list[int] | None:
    return None if r is None else r.as_list()


def distance_dict(d: Distance | None) -> dict[str, Any] | None:
    """`{"amount": 400, "unit": "m"}`: a whole amount as an integer."""
    if d is None:
        return None
    return {"amount": int(d.amount) if d.amount.is_integer() else d.amount, "unit": d.unit}


def exercise_dict(exercise: Exercise, rounds: int | None = None) -> dict[str, Any]:
    """`rounds`: of the circuit the exercise is in, its sets when it gives none of its own.

    `seconds` is the hold of each rep when the reps are held ('10 reps, hold 5 s each'), as
    the import labels count it; `hold_seconds` says which it is."""
    p = exercise.prescription
    sets = p.sets if p.sets is not None or rounds is None else Range.one(rounds)
    return {
        "name": exercise.name,
        "sets": _pair(sets),
        "reps": _pair(p.reps),
        "seconds": _pair(p.seconds if p.hold is None else p.hold),
        "hold_seconds": _pair(p.hold),
        "distance": distance_dict(p.distance),
        "per_side": p.per_side,
        "rest_seconds": _pair(p.rest_seconds),
        "notes": exercise.notes,
    }


def section_dict(section: Section) -> dict[str, Any]:
    return {
        "title": section.title,
        "kind": section.kind,
        "setup": section.setup,
        "time_cap_seconds": section.time_cap_seconds,
        "exercises": [exercise_dict(e, section.rounds) for e in section.exercises],
    }


def routine_dict(routine: Routine) -> dict[str, Any]:
    """Title and sections, the part that `import --json` and `show --json` share."""
    return {"title": routine.title, "sections": [section_dict(s) for s in routine.sections]}


def import_dict(imported: Imported) -> dict[str, Any]:
    """Exactly the `import --json` shape: title, sections and the lines kept as notes."""
    return {**routine_dict(imported.routine),
            "notes": [{"line": n.line, "text": n.text} for n in imported.notes]}
