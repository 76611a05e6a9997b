"""Routine -> Garmin FIT workout file (sport training, sub-sport strength training).

The file holds, in order: file_id (type workout), one workout message, the workout steps,
then exercise_title messages. Steps, per section:

* straight sets (the default): for each exercise, its exercise step (two, "Left" then
  "Right", for a one-sided prescription: FIT has no per-side field), a rest step, and a
  repeat step (repeat_until_steps_cmplt) back to the exercise step, with repeat_steps = the
  number of sets (the top of a range; the range is in the notes). One set gets no repeat.
* a circuit: every exercise of the round in order (each with its sets written out), a short
  rest between exercises and the exercise's own rest after the last one, then one repeat
  step over the whole round, repeat_steps = the rounds.

Without some equipment (`adaptation`), an exercise done another way is written under its
variation's name, its notes saying what it replaces; its FIT numbers are left out (category
unknown), because they name the movement as written, and the watch shows the step's name.
A setup that changes is written as it changed.

Reps are a reps duration (the top of a range; the range is in the notes), holds and timed
sets a time duration in milliseconds, max-reps sets an open step (ends with the lap key).
Rests come from `Timing().rest_after_set` (the top of a written range); a rest of 0 s writes
no rest step, and a rest that would end the workout is left out. The bytes depend only on
the routine and the name: time_created is a fixed date and the serial number comes from a
hash of the routine's canonical text, so the same routine always gives the same file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from fit_tool.fit_file_builder import FitFileBuilder  # type: ignore[import-untyped]
from fit_tool.profile.messages.exercise_title_message import (  # type: ignore[import-untyped]
    ExerciseTitleMessage,
)
from fit_tool.profile.messages.file_id_message import (  # type: ignore[import-untyped]
    FileIdMessage,
)
from fit_tool.profile.messages.workout_message import (  # type: ignore[import-untyped]
    WorkoutMessage,
)
from fit_tool.profile.messages.workout_step_message import (  # type: ignore[import-untyped]
    WorkoutStepMessage,
)
from fit_tool.profile.profile_type import (  # type: ignore[import-untyped]
    FileType,
    Intensity,
    Manufacturer,
    Sport,
    SubSport,
    WorkoutStepDuration,
    WorkoutStepTarget,
)

from strongstride.errors import StrongstrideError
from strongstride.exchange.fit_names import UNKNOWN, FitExercise, fit_exercise
from strongstride.plan.substitute import Adaptation
from strongstride.plan.timing import Timing
from strongstride.routine.format import format_routine
from strongstride.routine.model import Exercise, LoadUnit, Range, Routine, Section, SectionKind

MAX_FIT_STEPS = 4096
"""The most steps a FIT workout can address: message_index keeps the step number in 12 bits."""

MAX_STRING_BYTES = 254
"""A FIT string field holds at most 255 bytes, the closing NUL included."""

MAX_WEIGHT_KG = 655.34
"""exercise_weight is a uint16 in units of 0.01 kg; heavier loads stay in the notes only."""

TIME_CREATED_MS = 1_577_836_800_000
"""time_created of every file: 2020-01-01T00:00:00Z, so exports do not depend on the clock."""

DEFAULT_NAME = "Strength workout"
LB_IN_KG = 0.45359237

StepKind = Literal["exercise", "rest", "repeat"]
StepIntensity = Literal["active", "rest", "warmup", "cooldown"]
SideName = Literal["Left", "Right"]

_SECTION_INTENSITY: dict[SectionKind, StepIntensity] = {
    "warm-up": "warmup",
    "activation": "active",
    "main": "active",
    "cool-down": "cooldown",
}


class FitExportError(StrongstrideError):
    """The routine cannot be written as one FIT workout (too many steps)."""


@dataclass(frozen=True, slots=True)
class WorkoutStep:
    """One FIT workout step, before encoding.

    An exercise step has `reps` (a reps duration), `seconds` (a time duration) or neither
    (an open step, ended with the lap key). A repeat step jumps back to step `repeat_from`
    until the steps from there have been done `passes` times in all.
    """

    kind: StepKind
    name: str | None = None
    notes: str | None = None
    intensity: StepIntensity | None = None
    reps: int | None = None
    seconds: int | None = None
    exercise: FitExercise | None = None
    side: SideName | None = None
    weight_kg: float | None = None
    weight_unit: LoadUnit | None = None
    repeat_from: int | None = None
    passes: int | None = None


def _optional_sets(sets: Range) -> str:
    first, last = sets.lo + 1, sets.hi
    which = f"set {first} is" if first == last else f"sets {first}-{last} are"
    return f"{sets} sets: {which} optional"


def _notes(section: Section, exercise: Exercise, side: SideName | None,
           setup: str | None, instead_of: str | None) -> str:
    p = exercise.prescription
    parts: list[str] = []
    if instead_of:
        parts.append(instead_of)
    if setup:
        parts.append(setup)
    if side is not None:
        parts.append(f"{side} {p.side}")
    if p.sets is not None and not p.sets.is_single:
        parts.append(_optional_sets(p.sets))
    if p.max_reps:
        parts.append("as many reps as you can")
    elif p.seconds is not None and not p.seconds.is_single:
        parts.append(f"{p.seconds} seconds")
    elif p.reps is not None and not p.reps.is_single:
        parts.append(f"{p.reps} reps")
    elif p.distance is not None:
        parts.append(str(p.distance))
    if p.hold is not None:  # a watch counts the reps; the hold of each is said here
        parts.append(f"hold {p.hold} s each rep")
    if section.time_cap_seconds is not None:
        parts.append(f"as many rounds as you can in {section.time_cap_seconds} s")
    if p.load is not None:
        parts.append(f"load {p.load}")
    if p.band is not None:
        parts.append(f"band: {p.band}")
    if p.tempo is not None:
        parts.append("tempo " + "-".join(str(d) for d in p.tempo))
    if exercise.notes:
        parts.append(exercise.notes)
    return "; ".join(parts)


def _weight(exercise: Exercise) -> tuple[float | None, LoadUnit | None]:
    load = exercise.prescription.load
    if load is None:
        return None, None
    kg = load.value if load.unit == "kg" else load.value * LB_IN_KG
    kg = round(kg, 2)
    if kg > MAX_WEIGHT_KG:
        return None, None
    return kg, load.unit


class _Steps:
    def __init__(self, timing: Timing, adaptation: Adaptation) -> None:
        self.timing = timing
        self.adaptation = adaptation
        self.steps: list[WorkoutStep] = []

    def add(self, step: WorkoutStep) -> None:
        self.steps.append(step)

    def setup(self, index: int, section: Section) -> str | None:
        change = self.adaptation.setups.get(index)
        if change is not None:
            return f"Setup (substituted): {change.instead}"
        return f"Setup: {section.setup}" if section.setup else None

    def work(self, index: int, section: Section, exercise: Exercise,
             first_in_section: bool) -> None:
        p = exercise.prescription
        sub = self.adaptation.exercises.get(exercise.name)
        fit = UNKNOWN if sub is not None else fit_exercise(exercise.name)
        shown = sub.variation if sub is not None else exercise.name
        instead_of = (None if sub is None
                      else f"substituted for {exercise.name} (no {sub.without_text})")
        weight, unit = _weight(exercise)
        sides: tuple[SideName | None, ...] = ("Left", "Right") if p.per_side else (None,)
        for i, side in enumerate(sides):
            name = shown if side is None else f"{shown} - {side}"
            setup = self.setup(index, section) if first_in_section and i == 0 else None
            self.add(WorkoutStep(
                "exercise", name=name,
                notes=_notes(section, exercise, side, setup, instead_of),
                intensity=_SECTION_INTENSITY[section.kind],
                reps=None if p.max_reps or p.reps is None else p.reps.hi,
                seconds=None if p.seconds is None else p.seconds.hi,
                exercise=fit, side=side, weight_kg=weight, weight_unit=unit,
            ))

    def rest(self, seconds: tuple[int, int]) -> None:
        lo, hi = seconds
        if hi <= 0:
            return
        notes = f"rest {lo}-{hi} s" if lo != hi else None
        self.add(WorkoutStep("rest", name="Rest", notes=notes, intensity="rest", seconds=hi))

    def repeat(self, start: int, passes: int) -> None:
        if passes > 1 and start < len(self.steps):
            self.add(WorkoutStep("repeat", repeat_from=start, passes=passes))

    def section(self, index: int, section: Section) -> None:
        first = True
        if section.rounds is None:
            for exercise in section.exercises:
                start = len(self.steps)
                self.work(index, section, exercise, first)
                first = False
                self.rest(self.timing.rest_after_set(exercise, section.kind))
                self.repeat(start, (exercise.prescription.sets or Range.one(1)).hi)
            return
        start = len(self.steps)
        for ei, exercise in enumerate(section.exercises):
            last = ei == len(section.exercises) - 1
            rest = (self.timing.rest_after_set(exercise, section.kind) if last
                    else (self.timing.circuit_rest, self.timing.circuit_rest))
            for _ in range((exercise.prescription.sets or Range.one(1)).hi):
                self.work(index, section, exercise, first)
                first = False
                self.rest(rest)
        self.repeat(start, section.rounds)


def workout_steps(routine: Routine, timing: Timing | None = None,
                  adaptation: Adaptation | None = None) -> tuple[WorkoutStep, ...]:
    """The FIT steps for a routine, in file order (the index is the step's message_index),
    done with the variations of `adaptation` when given."""
    builder = _Steps(timing or Timing(), adaptation or Adaptation(frozenset()))
    for index, section in enumerate(routine.sections):
        builder.section(index, section)
    steps = builder.steps
    if steps and steps[-1].kind == "rest":
        steps = steps[:-1]  # nothing to rest for after the last set of the session
    return tuple(steps)


def exercise_titles(routine: Routine, adaptation: Adaptation | None = None,
                    ) -> tuple[tuple[FitExercise, str], ...]:
    """(FIT exercise, display name) for each exercise_title message, in routine order.

    A title names a (category, name) pair, so one is written only for a pair with a FIT
    name that a single exercise of the routine maps to; the others (category-only moves,
    or two moves that share a pair) keep their display name in the step name alone.
    """
    names: dict[FitExercise, list[str]] = {}
    changed = adaptation.exercises if adaptation is not None else {}
    for exercise in routine.exercises:
        if exercise.name in changed:
            continue  # written with no FIT numbers (see the module's notes)
        fit = fit_exercise(exercise.name)
        if fit.name_id is None:
            continue
        shown = names.setdefault(fit, [])
        if exercise.name not in shown:
            shown.append(exercise.name)
    return tuple((fit, shown[0]) for fit, shown in names.items() if len(shown) == 1)


def _text(value: str) -> str:
    """A FIT string: one line, no NUL, at most MAX_STRING_BYTES of UTF-8."""
    flat = " ".join(value.replace("\x00", " ").split())
    data = flat.encode("utf-8")[:MAX_STRING_BYTES]
    return data.decode("utf-8", errors="ignore")


def _serial(routine: Routine, name: str, missing: frozenset[str]) -> int:
    lacking = f"without {','.join(sorted(missing))}\n" if missing else ""
    digest = hashlib.sha256(f"{name}\n{lacking}{format_routine(routine)}".encode()).digest()
    return int.from_bytes(digest[:4], "big") or 1  # uint32z: 0 means "no value"


def _file_id(routine: Routine, name: str, missing: frozenset[str]) -> Any:
    message = FileIdMessage()
    message.type = FileType.WORKOUT
    message.manufacturer = Manufacturer.DEVELOPMENT.value
    message.product = 0
    message.serial_number = _serial(routine, name, missing)
    message.time_created = TIME_CREATED_MS
    return message


def _workout(routine: Routine, name: str, steps: int) -> Any:
    message = WorkoutMessage()
    message.workout_name = _text(name)
    message.sport = Sport.TRAINING
    message.sub_sport = SubSport.STRENGTH_TRAINING
    message.num_valid_steps = steps
    if routine.credit:
        message.workout_description = _text(routine.credit)
    return message


_INTENSITY = {
    "active": Intensity.ACTIVE,
    "rest": Intensity.REST,
    "warmup": Intensity.WARMUP,
    "cooldown": Intensity.COOLDOWN,
}


def _step_message(index: int, step: WorkoutStep) -> Any:
    message = WorkoutStepMessage()
    message.message_index = index
    if step.name:
        message.workout_step_name = _text(step.name)
    # The duration type must be set before its value: the value's scale depends on it.
    if step.kind == "repeat":
        message.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
        message.duration_step = step.repeat_from
        message.target_type = WorkoutStepTarget.OPEN  # as Garmin's cookbook does
        message.target_repeat_steps = step.passes
        return message
    if step.reps is not None:
        message.duration_type = WorkoutStepDuration.REPS
        message.duration_reps = step.reps
    elif step.seconds is not None:
        message.duration_type = WorkoutStepDuration.TIME
        message.duration_time = float(step.seconds)  # seconds; stored as milliseconds
    else:
        message.duration_type = WorkoutStepDuration.OPEN
    message.target_type = WorkoutStepTarget.OPEN
    if step.intensity is not None:
        message.intensity = _INTENSITY[step.intensity]
    if step.notes:
        message.notes = _text(step.notes)
    if step.exercise is not None:
        message.exercise_category = step.exercise.category_id
        if step.exercise.name_id is not None:
            message.exercise_name = step.exercise.name_id
    if step.weight_kg is not None:
        message.exercise_weight = step.weight_kg
        message.weight_display_unit = 1 if step.weight_unit == "kg" else 2  # fit_base_unit
    return message


def _title_message(index: int, fit: FitExercise, name: str) -> Any:
    message = ExerciseTitleMessage()
    message.message_index = index
    message.exercise_category = fit.category_id
    message.exercise_name = fit.name_id
    message.workout_step_name = _text(name)
    return message


def routine_to_fit(routine: Routine, *, name: str | None = None,
                   max_steps: int = MAX_FIT_STEPS,
                   adaptation: Adaptation | None = None) -> bytes:
    """The routine as a FIT workout file; the same routine, name and missing equipment give
    the same bytes. `adaptation` puts in place the variations for the equipment she lacks.

    `name` is the workout's name (default: the routine's title). Raises FitExportError when
    the workout needs more than `max_steps` steps (at most MAX_FIT_STEPS, the format's own
    limit); pass a watch's limit to check against it.
    """
    if not 1 <= max_steps <= MAX_FIT_STEPS:
        raise ValueError(f"max_steps must be between 1 and {MAX_FIT_STEPS}")
    steps = workout_steps(routine, adaptation=adaptation)
    if len(steps) > max_steps:
        raise FitExportError(
            f"the routine needs {len(steps)} FIT workout steps, more than the {max_steps} "
            "allowed; export fewer sections (or fewer sets or rounds) as a separate routine")
    if not steps:
        raise FitExportError("the routine has no steps to write")
    title = _text(name or routine.title or DEFAULT_NAME) or DEFAULT_NAME
    builder = FitFileBuilder(auto_define=True, min_string_size=0)
    builder.add(_file_id(routine, title,
                         adaptation.missing if adaptation is not None else frozenset()))
    builder.add(_workout(routine, title, len(steps)))
    for index, step in enumerate(steps):
        builder.add(_step_message(index, step))
    for index, (fit, display) in enumerate(exercise_titles(routine, adaptation)):
        builder.add(_title_message(index, fit, display))
    return bytes(builder.build().to_bytes())
