"""Routine -> canonical routine text. `parse_routine(format_routine(r))` gives back r."""

from __future__ import annotations

from strongstride.routine.model import Routine, Section
from strongstride.routine.parse import bare_name_problem
from strongstride.routine.prescription import write_prescription

INDENT = "    "


def _field(key: str, value: str) -> list[str]:
    first, *more = value.split("\n")
    return [f"{key}: {first}", *(INDENT + line for line in more)]


def time_cap_text(seconds: int) -> str:
    """A block's time as the heading writes it: '12 min', '90 s'."""
    return f"{seconds // 60} min" if seconds % 60 == 0 else f"{seconds} s"


def _heading(section: Section) -> str:
    text = f"## {section.kind}"
    if section.rounds is not None:
        text += f", {section.rounds} rounds"
    if section.time_cap_seconds is not None:
        text += f", AMRAP {time_cap_text(section.time_cap_seconds)}"
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
            prescription = write_prescription(exercise.prescription)
            # An exercise with no counts is its name alone ('Child's pose'), or its name and
            # ':' when the name alone would read otherwise ('Hold 30 s').
            if prescription or bare_name_problem(exercise.name) is not None:
                lines.append(f"{exercise.name}: {prescription}".rstrip())
            else:
                lines.append(exercise.name)
            if exercise.notes:
                lines += [INDENT + line for line in exercise.notes.split("\n")]
    return "\n".join(lines) + "\n"
