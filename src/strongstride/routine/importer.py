"""A workout as published in an article or a blog post (pasted text) -> Routine.

Lenient where `parse_routine` is strict, but no line is dropped silently: each non-blank line
is used (title, header field, heading, exercise, detail, rounds) or kept as a note and reported
with a warning. It reads line by line in two passes: first what each line is on its own
(`import_lines.classify`), then what it means in its place (`import_build.Builder`), so it runs
in linear time. Prescriptions on their own lines ('Sets: 2', 'Reps: 8-12') are put together in
`import_fields`; headings and phases are read in `sections`.
"""

from __future__ import annotations

import copy
import gc
from dataclasses import dataclass

from strongstride.errors import Issue
from strongstride.routine.import_build import Builder, LineRole
from strongstride.routine.import_lines import Line, classify
from strongstride.routine.model import Routine

__all__ = ["Imported", "ImportedLine", "KeptNote", "LineRole", "import_text"]

# Above this size the cyclic garbage collector is paused while importing (see `import_text`).
GC_PAUSE_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class ImportedLine:
    """What the importer made of one non-blank input line."""

    line: int
    role: LineRole


@dataclass(frozen=True, slots=True)
class KeptNote:
    """Text kept as one of the routine's notes, and the input line it came from."""

    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Imported:
    routine: Routine
    issues: tuple[Issue, ...]
    lines: tuple[ImportedLine, ...] = ()
    # The routine's notes (`routine.notes`, joined) one by one with their line numbers.
    notes: tuple[KeptNote, ...] = ()


def import_text(text: str, source: str = "<text>") -> Imported:
    """Read a workout as published (pasted from an article or a blog) into a Routine.

    Never raises: what it cannot read is kept as a note and reported as a warning.
    """
    # A large text makes a few objects for each of its many lines, all kept until the routine
    # is put together. With the cyclic garbage collector running, that sets off collections
    # that scan every object in the process again and again, about a sixth of the time of a
    # 1 MB import, and find nothing: the few cycles (a section and its exercises) are broken
    # in `Builder.result`. So it is paused, if it runs, while a large text is read.
    if len(text) < GC_PAUSE_CHARS or not gc.isenabled():
        return _import(text, source)
    gc.disable()
    try:
        return _import(text, source)
    finally:
        gc.enable()


def _classified(text: str) -> list[Line]:
    """Each line of `text` classified on its own. A line that comes again in the same text
    ('Rest 60 seconds', '3 sets of 10 reps', a repeated heading) is read once: `classify`
    depends on nothing but the line, and the builder never changes a Line it is given beyond
    filling in the name that the line's own text gives. Nothing is kept after the call."""
    seen: dict[str, Line] = {}
    out: list[Line] = []
    bullet = False  # the line before was a bullet alone ('-'): a list marker on its own line
    for raw in text.splitlines():
        line = seen.get(raw)
        if line is None:
            line = seen[raw] = classify(raw)
        if bullet and line.kind == "text" and not line.listed:
            line = copy.copy(line)
            line.listed = True
        bullet = line.kind == "blank" and not raw.isspace() and raw != ""
        out.append(line)
    return out


def _import(text: str, source: str) -> Imported:
    builder = Builder(_classified(text), source)
    builder.run()
    routine, issues, roles = builder.result()
    used = sorted(roles)
    notes = tuple(KeptNote(line, text) for line, text in sorted(builder.notes,
                                                                key=lambda n: n[0]))
    return Imported(routine, issues, tuple(map(
        ImportedLine, [i + 1 for i in used], [roles[i] for i in used])), notes)
