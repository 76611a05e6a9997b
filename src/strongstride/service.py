"""The one facade the CLI, terminal UI and web app call: load, check, format, import, plan."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strongstride.errors import Issue, NotFound, Span, StrongstrideError
from strongstride.plan.session import SessionPlan, build_plan
from strongstride.routine.format import format_routine
from strongstride.routine.json_view import import_dict
from strongstride.routine.model import Routine
from strongstride.routine.parse import parse_routine

if TYPE_CHECKING:
    from strongstride.library.catalog import ExerciseInfo
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
    return [load_routine(p.stem) for p in sorted(_builtin_dir().glob(f"*{ROUTINE_SUFFIX}"))]


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


def plan(routine: Routine) -> SessionPlan:
    return build_plan(routine)


def show_dict(loaded: LoadedRoutine) -> dict[str, Any]:
    """The `show --json` shape: the import shape plus the routine's own fields."""
    routine = loaded.routine
    session = plan(routine)
    return {
        "id": loaded.id,
        **import_dict(routine),
        "credit": routine.credit,
        "equipment": list(routine.equipment),
        "directions": routine.directions,
        "notes": routine.notes,
        "estimated_seconds": {
            "total": list(session.total_seconds()),
            "sections": [list(session.section_seconds(i)) for i in range(len(routine.sections))],
        },
    }


def describe_exercise(name: str) -> ExerciseInfo | None:
    """The library's entry for an exercise named in a routine, if it has one."""
    from strongstride.library import load_library

    return load_library().find(name)


def find_exercise(name: str) -> ExerciseInfo:
    from strongstride.library import load_library

    library = load_library()
    found = library.find(name)
    if found is None:
        close = library.search(name)
        hint = f"; did you mean {', '.join(repr(c.name) for c in close)}?" if close else ""
        raise NotFound(f"no exercise called '{name}' in the library{hint}")
    return found
