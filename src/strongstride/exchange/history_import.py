"""A workout history read from Strong or Hevy, as sessions for the application to store in one
transaction.

Each imported workout becomes a finished session. Its routine version is a routine text (in
strongstride's own format, so every part of the app can plan and show it) that describes the
workout as it was done: the workout's title and notes, and one line per exercise with the
sets done. Workouts are grouped by title into routines with the slug `imported-<app>-<title>`
(`imported-strong-leg-day`), so the history shows the title the user gave the workout.

Ids are derived, not random: uuid5 of user, app, the workout's start as written and, for a
set, the exercise and its set number. Importing the same file again, or a later export that
holds the same workouts, adds only what is new. Nothing is converted (kg stays kg, lb stays
lb); things the store has no field for are kept in words: a set's distance in its note, the
kind of set (warm-up, drop, failure) in its step key (`s1.e2.set1.warm-up`; normal sets get
the plan's own key, `s1.e2.set3.work`), the name as written and the superset in the routine
text.
"""

from __future__ import annotations

import textwrap
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from strongstride import rules
from strongstride.errors import StrongstrideError
from strongstride.exchange.csvread import (
    APP_NAMES,
    App,
    Imported,
    ImportedSet,
    ImportedWorkout,
    read_text,
)
from strongstride.library import Library, default_library
from strongstride.records import ImportCount, ImportSession, ImportVersion, SetLog, Unit

NAMESPACE = uuid.UUID("6f1c43e6-2b8a-5d8e-9a57-3c1f0e6b7d21")
_STEP_KINDS = {"normal": "work", "warm-up": "warm-up", "drop": "drop", "failure": "failure"}
_MAX_NOTES = 20_000  # of a workout's notes copied into its routine text


@dataclass(frozen=True, slots=True)
class HistoryImport:
    """What an import did: the file as read, and what the store added or had already."""

    imported: Imported
    count: ImportCount

    def report(self) -> list[str]:
        c = self.count
        return [*self.imported.report(),
                f"{self.imported.source}: {c.sessions_added} sessions and {c.sets_added} sets "
                f"added; {c.sessions_present} sessions and {c.sets_present} sets were there "
                "already"]


def read_file(path: Path, app: App, *, unit: Unit | None = None) -> Imported:
    """A Strong or Hevy export as read; its problems are issues on it, nothing is stored."""
    from strongstride.exchange.hevy import read_hevy
    from strongstride.exchange.strong import read_strong

    text = read_text(path)
    return (read_strong(text, str(path), unit=unit) if app == "strong"
            else read_hevy(text, str(path)))


def sessions_of(who: str, imported: Imported, *, tz: tzinfo | None = None,
                library: Library | None = None) -> list[ImportSession]:
    """Every workout of `imported` as a session to store for the user called `who`.

    The file's times have no zone: they are read in `tz`, or in this computer's local time
    when None. A file with errors is refused whole (StrongstrideError carrying its issues).
    """
    if not imported.ok:
        errors = imported.errors
        raise StrongstrideError(
            f"{imported.source}: nothing was imported: the file has {len(errors)} "
            f"error{'s' if len(errors) != 1 else ''}; first: {errors[0].render()}", errors)
    library = library or default_library()
    return [session_of(who, imported.app, workout, tz, library)
            for workout in imported.workouts]


def session_of(who: str, app: App, workout: ImportedWorkout, tz: tzinfo | None,
               library: Library) -> ImportSession:
    stamp = workout.started_at.isoformat(sep=" ")
    session_id = str(uuid.uuid5(NAMESPACE, f"{who}\x1f{app}\x1f{stamp}"))
    started = _instant(workout.started_at, tz)
    ended = (_instant(workout.ended_at, tz) if workout.ended_at is not None else
             started + timedelta(seconds=workout.duration_seconds)
             if workout.duration_seconds else None)
    names = {s.exercise: _stored_name(s, library) for s in workout.sets}
    title = _title(workout)
    routine = ImportVersion(slug=f"imported-{app}-{_slug(title)}", title=title,
                            text=routine_text(app, workout, names), created_at=started)
    sets = tuple(
        SetLog(key=str(uuid.uuid5(NAMESPACE, f"{session_id}\x1f{s.exercise_index}\x1f"
                                             f"{s.exercise}\x1f{s.set_number}")),
               session_id=session_id,
               step_key=f"s1.e{s.exercise_index + 1}.set{s.set_number}.{_STEP_KINDS[s.kind]}",
               exercise=names[s.exercise], section=0, exercise_index=s.exercise_index,
               set_number=s.set_number, side="both",
               # The file has no time per set: they keep their order a second apart.
               logged_at=started + timedelta(seconds=i),
               reps=s.reps, seconds=s.seconds, load=s.weight, unit=s.unit, rpe=s.rpe,
               note=_set_note(s))
        for i, s in enumerate(workout.sets))
    return ImportSession(id=session_id, routine=routine, started_at=started, ended_at=ended,
                         status="finished", planned_sets=len(sets), sets=sets)


def routine_text(app: App, workout: ImportedWorkout, names: dict[str, str]) -> str:
    """The workout as routine text: what was done, one line per exercise."""
    name = APP_NAMES[app]
    lines = [f"# {_title(workout)}",
             f"notes: Imported from {name}."]
    lines += _indented(workout.notes[:_MAX_NOTES])
    lines += ["", "## main"]
    blocks: dict[int, list[ImportedSet]] = {}
    for s in workout.sets:
        blocks.setdefault(s.exercise_index, []).append(s)
    for sets in blocks.values():
        written = sets[0].exercise
        lines.append(f"{_exercise_name(names[written])}: {_prescription(sets)}")
        extra = []
        if _exercise_name(names[written]) != written:
            extra.append(f"{name} name: {written}")
        kinds = [s.kind for s in sets if s.kind != "normal"]
        if kinds:
            extra.append(", ".join(f"{kinds.count(k)} {k} set{'s' if kinds.count(k) > 1 else ''}"
                                   for k in dict.fromkeys(kinds)))
        if sets[0].superset is not None:
            extra.append(f"superset {sets[0].superset}")
        lines += _indented("\n".join(extra))
    return "\n".join(lines) + "\n"


def _prescription(sets: list[ImportedSet]) -> str:
    count = min(len(sets), 20)
    head = f"{count} set{'s' if count > 1 else ''} of"
    reps = [s.reps for s in sets if s.reps]
    seconds = [round(s.seconds) for s in sets if s.seconds]
    if reps:
        return f"{head} {_span(reps, 300)} reps"
    if seconds:
        return f"{head} {_span(seconds, 3600)} seconds"
    return f"{head} max reps"


def _span(values: list[int], most: int) -> str:
    lo, hi = (min(max(value, 1), most) for value in (min(values), max(values)))
    return str(lo) if lo == hi else f"{lo}-{hi}"


def _stored_name(logged: ImportedSet, library: Library) -> str:
    """The library's name for a known exercise (so analysis and "last time" find it), else the
    name as written: a custom exercise."""
    if logged.exercise_id is not None:
        info = library.find(logged.exercise_id)
        if info is not None:
            return info.name
    return logged.exercise


def _set_note(logged: ImportedSet) -> str:
    """The set's note as a set keeps notes (`rules`): line breaks as new lines, other control
    characters as spaces, and cut at the longest note a set takes, so that one long or odd
    note in another app's file never keeps the whole file out."""
    parts = [logged.note] if logged.note else []
    if logged.distance is not None:
        unit = f" {logged.distance_unit}" if logged.distance_unit else ""
        parts.append(f"distance {_number(logged.distance)}{unit}")
    text = "\n".join(parts).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(" " if _control(ch) else ch for ch in text).strip()
    if len(text) > rules.SET_NOTE_MAX:
        text = text[:rules.SET_NOTE_MAX - 1].rstrip() + "…"
    return text


def _control(ch: str) -> bool:
    return ch not in "\n\t" and (ch < " " or "\x7f" <= ch <= "\x9f")


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _instant(naive: datetime, tz: tzinfo | None) -> datetime:
    return naive.astimezone() if tz is None else naive.replace(tzinfo=tz)


def _line(text: str) -> str:
    """Text made safe for one line of routine text: no line breaks or control characters."""
    cleaned = "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text)
    return " ".join(cleaned.split())


def _title(workout: ImportedWorkout) -> str:
    return _line(workout.title)[:200] or "Workout"


def _exercise_name(name: str) -> str:
    # A routine line's name ends at its first ':'; '#' and '//' at the start mean a heading or
    # a comment, and a line named 'setup' sets up the section.
    cleaned = _line(name.replace(":", " -")).lstrip("#/ ")[:200] or "Exercise"
    return f"{cleaned} (exercise)" if cleaned.casefold() == "setup" else cleaned


def _indented(text: str) -> list[str]:
    """Continuation lines (indented) for a note; a line starting '//' would be a comment."""
    found = []
    for paragraph in text.splitlines():
        for piece in textwrap.wrap(_line(paragraph), 200, break_on_hyphens=False):
            found.append("    " + ("- " + piece if piece.startswith("//") else piece))
    return found


def _slug(title: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in title.casefold()).split()
    return "-".join(words)[:60].strip("-") or "workout"
