"""The one facade the CLI, terminal UI and web app call: load, check, format, import, plan."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
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
    from strongstride.library.substitute import Substitution
    from strongstride.plan.session import Step
    from strongstride.player.machine import Actuals
    from strongstride.records import SessionInfo, SetLog
    from strongstride.routine.importer import Imported
    from strongstride.store import Store

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


def plan(routine: Routine, missing: frozenset[str] = frozenset()) -> SessionPlan:
    """The session plan; without some equipment, its exercises marked with the variations."""
    if not missing:
        return build_plan(routine)
    from strongstride.library.substitute import adapted_plan

    return adapted_plan(routine, missing)


def substitutions(routine: Routine, missing: frozenset[str]) -> dict[str, Substitution]:
    """The exercises done another way for want of the `missing` equipment, by name."""
    if not missing:
        return {}
    from strongstride.library.substitute import substitutions as find

    return find(routine, missing)


def missing_equipment(without: tuple[str, ...] = ()) -> frozenset[str]:
    """What the user is without: `--without` words when given (`none` for nothing), else the
    saved profile."""
    from strongstride.library.substitute import read_equipment

    if without:
        words = [w for w in without if w.strip().lower() != "none"]
        return read_equipment(words)
    from strongstride.profile import read_missing

    return read_missing()


def substitution_dict(sub: Substitution) -> dict[str, Any]:
    return {"exercise": sub.exercise, "variation": sub.variation, "without": list(sub.without),
            "how": sub.how}


def show_dict(loaded: LoadedRoutine, missing: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The `show --json` shape: the import shape plus the routine's own fields, and what is
    done instead for want of the `missing` equipment."""
    routine = loaded.routine
    session = plan(routine, missing)
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
        "without": sorted(missing),
        "substitutions": [substitution_dict(sub)
                          for sub in substitutions(routine, missing).values()],
    }


def duration_text(seconds: tuple[int, int] | list[int]) -> str:
    """'about 12 min' or '38-41 min', rounded to whole minutes."""
    lo, hi = round(seconds[0] / 60), round(seconds[1] / 60)
    if lo == hi:
        return f"about {lo} min" if lo else f"about {seconds[0]} s"
    return f"{lo}-{hi} min"


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
    out = {}
    for exercise in routine.exercises:
        info = describe_exercise(exercise.name)
        if info is not None:
            out[exercise.name] = exercise_dict(info)
    return out


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


# Sessions ------------------------------------------------------------------------------------
def session_dict(info: SessionInfo) -> dict[str, Any]:
    from strongstride.shapes import SessionSummary

    return SessionSummary.of(info).model_dump(mode="json")


def set_dict(log: SetLog) -> dict[str, Any]:
    from strongstride.shapes import SetShape

    return SetShape.of(log).model_dump(mode="json")


def find_session(store: Store, user_id: int, prefix: str) -> SessionInfo:
    """A session by id or by the first characters of its id (at least 4)."""
    if len(prefix) < 4:
        raise StrongstrideError("give at least 4 characters of the session id "
                                "(see `strongstride history`)")
    matches = [s for s in store.history(user_id, limit=100_000) if s.id.startswith(prefix)]
    if not matches:
        raise NotFound(f"no session with id {prefix!r}; `strongstride history` lists them")
    if len(matches) > 1:
        raise StrongstrideError(f"{len(matches)} sessions start with {prefix!r}; "
                                "give more characters")
    return matches[0]


_ANSWER = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?)\s*(?:x\s*(?P<load>\d+(?:\.\d+)?)\s*"
                     r"(?P<unit>kg|lbs?)?)?\s*$", re.IGNORECASE)


def read_answer(step: Step, text: str) -> Actuals | None:
    """A typed answer for one set: '10', '10x12.5', '10 x 25 lb', '30' (seconds) or '-'.

    None means skipped; a ValueError says what is wrong.
    """
    from strongstride.player.machine import Actuals
    if text.strip() == "-":
        return None
    m = _ANSWER.match(text)
    if m is None:
        raise ValueError(f"cannot read {text!r}: type reps, reps x load (10x12.5) or - to skip")
    number = float(m.group("n"))
    load = float(m.group("load")) if m.group("load") else None
    unit = (m.group("unit") or "kg").lower()[:2] if load is not None else None
    if step.hold_seconds is not None:
        if not 0 < number <= 3600:
            raise ValueError("seconds must be between 1 and 3600")
        return Actuals(seconds=number)
    if not number.is_integer() or not 0 <= number <= 300:
        raise ValueError("reps must be a whole number from 0 to 300")
    if load is not None and not 0 < load <= 1000:
        raise ValueError("a load must be more than 0 and at most 1000")
    return Actuals(reps=int(number), load=load, unit=unit)  # type: ignore[arg-type]


def log_past_session(store: Store, user_id: int, loaded: LoadedRoutine, started: datetime,
                     ask: Callable[[str, str], str]) -> SessionInfo:
    """Ask about every set first, then write the session in one go, so nothing is half-done."""
    import uuid
    from datetime import timedelta

    from strongstride.player.machine import Actuals
    from strongstride.workout import planned_sets, set_log

    session_plan = plan(loaded.routine)
    answers: list[tuple[Step, Actuals | None, float]] = []
    elapsed = 0.0
    for step in session_plan.steps:
        elapsed += step.seconds[0]
        if step.kind != "work":
            continue
        side = f", {step.side} leg" if step.side else ""
        label = f"{step.name}, set {step.set_number}{side}"
        default = ("-" if step.optional else
                   str(step.hold_seconds.lo) if step.hold_seconds else
                   str(step.reps.hi) if step.reps else "10")
        prompt = label + (" (seconds)" if step.hold_seconds else "")
        while True:
            try:
                answers.append((step, read_answer(step, ask(prompt, default)), elapsed))
                break
            except ValueError as exc:
                prompt = f"{exc}. {label}"
    version = store.save_routine(user_id, loaded.id, loaded.routine.title,
                                 format_routine(loaded.routine))
    info = store.start_session(user_id, version.id, session_id=str(uuid.uuid4()),
                               started_at=started, planned_sets=planned_sets(session_plan))
    try:
        for step, actuals, at in answers:
            store.log_set(set_log(step, actuals or Actuals(), session_id=info.id,
                                  logged_at=started + timedelta(seconds=at),
                                  skipped=actuals is None))
    except BaseException:
        store.abandon_session(info.id, started + timedelta(seconds=elapsed))
        raise
    return store.finish_session(info.id, started + timedelta(seconds=elapsed))
