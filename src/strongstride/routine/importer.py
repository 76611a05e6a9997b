"""A workout as published in an article or a blog post (pasted text) -> Routine.

Lenient where `parse_routine` is strict, but no line is dropped silently: each non-blank line
is used (title, header field, heading, exercise, detail, rounds) or kept as a note and reported
with a warning. It reads line by line in two passes: first what each line is on its own
(`import_lines.classify`), then what it means in its place (`import_build.Builder`), so it runs
in linear time. Prescriptions on their own lines ('Sets: 2', 'Reps: 8-12') are put together in
`import_fields`; headings and phases are read in `sections`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from strongstride.errors import Issue
from strongstride.routine.import_build import Builder, LineRole
from strongstride.routine.import_lines import classify
from strongstride.routine.model import Routine

__all__ = ["Imported", "ImportedLine", "LineRole", "import_text"]

# Above this size the cyclic garbage collector is paused while importing (see `_gc_paused`).
GC_PAUSE_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class ImportedLine:
    """What the importer made of one non-blank input line."""

    line: int
    role: LineRole


@dataclass(frozen=True, slots=True)
class Imported:
    routine: Routine
    issues: tuple[Issue, ...]
    lines: tuple[ImportedLine, ...] = ()


def import_text(text: str, source: str = "<text>") -> Imported:
    """Read a workout as published (pasted from an article or a blog) into a Routine.

    Never raises: what it cannot read is kept as a note and reported as a warning.
    """
    with _gc_paused(len(text) >= GC_PAUSE_CHARS):
        return _import(text, source)


def _import(text: str, source: str) -> Imported:
    builder = Builder([classify(raw) for raw in text.splitlines()], source)
    builder.run()
    routine, issues, roles = builder.result()
    used = sorted(roles)
    return Imported(routine, issues, tuple(map(
        ImportedLine, [i + 1 for i in used], [roles[i] for i in used])))


@contextmanager
def _gc_paused(pause: bool) -> Iterator[None]:
    """Pause the cyclic garbage collector, if it runs, for the duration.

    A large text makes a few objects for each of its many lines, all kept until the routine
    is put together. That triggers full collections that scan every object in the process
    again and again, about a fifth of the time of a 1 MB import, and find nothing: the
    importer's few cycles (a section and its exercises) are garbage only after it returns.
    """
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
