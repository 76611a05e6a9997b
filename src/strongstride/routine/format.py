"""Routine -> canonical routine text. `parse_routine(format_routine(r))` gives back r."""

from __future__ import annotations

from strongstride.routine.model import Routine, Section
from strongstride.routine.prescription import write_prescription

INDENT = "    "


def _field(key: str, value: str) -> list[str]:
    first, *more = value.split("\n")
    return [f"{key}: {first}", *(INDENT + line for line in more)]


def _heading(section: Section) -> str:
    text = f"## {section.kind}"
    if section.rounds is not None:
        text += f", {section.rounds} rounds"
    if section.title is not None:
        text += f": {section.title}"
    return text


def format_routine(routine: Routine) -> str:
    lines: list[str] = []
    if routine.title is not None:
        lines.append(f"# {routine.title}")
    if routine.credit is not None:
        lines += _field("credit", routine.credit)
    lines += [f"equipment: {item}" for item in routine.equipment]
    if routine.directions is not None:
        lines += _field("directions", routine.directions)
    if routine.notes is not None:
        lines += _field("notes", routine.notes)
    for section in routine.sections:
        if lines:
            lines.append("")
        lines.append(_heading(section))
        if section.setup is not None:
            lines += _field("setup", section.setup)
        for exercise in section.exercises:
            lines.append(f"{exercise.name}: {write_prescription(exercise.prescription)}")
            if exercise.notes:
                lines += [INDENT + line for line in exercise.notes.split("\n")]
    return "\n".join(lines) + "\n"
