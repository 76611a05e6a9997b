"""Expand a routine into the steps a session walks: setup, work per set and side, rests.

Straight sets (the seed's rule): every set of one exercise, then the next exercise. A circuit
section goes through its exercises once per round. A block done for a time (AMRAP) is planned
as a circuit of more rounds than she is likely to finish, with no rest unless the routine
gives one; its steps carry the block's time, and the player ends the block when it is up.
A one-sided exercise does the first side, a side switch, then the other side; the second
side's work counts as rest for the first leg, so the rest after the pair is shortened by it.

Ranges stay ranges: "2-3 sets" plans three sets and marks the third optional; each step
carries a (shortest, longest) duration so the estimate is a range too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Literal

from strongstride.plan.timing import Timing
from strongstride.routine.model import Distance, Exercise, Range, Routine, Section

StepKind = Literal["setup", "work", "switch", "rest"]
Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Step:
    kind: StepKind
    section: int
    seconds: tuple[int, int]
    exercise: int | None = None
    name: str | None = None
    set_number: int | None = None
    sets_total: int | None = None
    round: int | None = None
    side: Side | None = None
    reps: Range | None = None
    hold_seconds: Range | None = None
    max_reps: bool = False
    optional: bool = False
    text: str | None = None
    distance: Distance | None = None
    time_cap_seconds: int | None = None
    """The time of the block done for a time (AMRAP) the step is in; None outside one."""
    variation: str | None = None
    """What is done instead of `name` (a setup step: of `text`) for want of equipment; None
    when done as written."""
    rep_hold_seconds: Range | None = None
    """How long each rep is held ('10 reps, hold 5 s each'); the set is still counted in
    reps, not timed. `hold_seconds` is a timed hold instead."""

    @property
    def key(self) -> str:
        """A stable name for the step within its routine, used to log and resume."""
        parts = [f"s{self.section + 1}"]
        if self.exercise is not None:
            parts.append(f"e{self.exercise + 1}")
        if self.round is not None:
            parts.append(f"r{self.round}")
        if self.set_number is not None:
            parts.append(f"set{self.set_number}")
        if self.side is not None:
            parts.append(self.side)
        return ".".join([*parts, self.kind])


@dataclass(frozen=True, slots=True)
class SessionPlan:
    routine: Routine
    steps: tuple[Step, ...]

    def section_seconds(self, section: int) -> tuple[int, int]:
        """A section's estimate; a block done for a time lasts its time (and its setup)."""
        lo, hi = _total(s for s in self.steps if s.section == section)
        cap = self.routine.sections[section].time_cap_seconds
        if cap is None:
            return lo, hi
        setup = _total(s for s in self.steps if s.section == section and s.kind == "setup")
        return setup[0] + cap, setup[1] + cap

    def total_seconds(self) -> tuple[int, int]:
        if not any(s.time_cap_seconds for s in self.steps):
            return _total(self.steps)
        parts = [self.section_seconds(i) for i in range(len(self.routine.sections))]
        return sum(p[0] for p in parts), sum(p[1] for p in parts)

    @property
    def work_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.kind == "work")

    def work_step(self, key: str) -> Step | None:
        """The work step with this key, if the plan has one."""
        return next((s for s in self.steps if s.kind == "work" and s.key == key), None)


def _total(steps: Iterable[Step]) -> tuple[int, int]:
    lo = hi = 0
    for step in steps:
        hi += step.seconds[1]
        if not step.optional:
            lo += step.seconds[0]
    return lo, hi


METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "yd": 0.9144}
# A block done for a time plans at most this many rounds (she ends it when the time is up).
MAX_BLOCK_ROUNDS = 30


def _work_seconds(exercise: Exercise, timing: Timing) -> tuple[int, int]:
    p = exercise.prescription
    if p.seconds is not None:
        lo, hi = p.seconds.lo, p.seconds.hi
    elif p.distance is not None:
        lo = hi = round(p.distance.amount * METRES[p.distance.unit] * timing.seconds_per_metre)
    elif not p.has_counts:
        lo = hi = timing.no_counts
    else:
        reps = (p.reps.lo, p.reps.hi) if p.reps else timing.max_reps_estimate
        rep_lo, rep_hi = timing.rep_seconds(exercise)
        lo, hi = round(reps[0] * rep_lo), round(reps[1] * rep_hi)
    return lo + timing.setup_per_set, hi + timing.setup_per_set


class _Builder:
    def __init__(self, timing: Timing, first_side: Side) -> None:
        self.timing = timing
        self.sides: tuple[Side, Side] = (
            ("left", "right") if first_side == "left" else ("right", "left")
        )
        self.steps: list[Step] = []

    def one_set(self, si: int, ei: int, section: Section, number: int, total: int,
                round_: int | None, optional: bool, rest: tuple[int, int] | None) -> None:
        """The steps of one set; `rest` after it, None for none (in a block done for a
        time)."""
        exercise = section.exercises[ei]
        p = exercise.prescription
        work = _work_seconds(exercise, self.timing)
        step = partial(
            Step, section=si, exercise=ei, name=exercise.name, set_number=number,
            sets_total=total, round=round_, optional=optional,
            time_cap_seconds=section.time_cap_seconds,
        )
        sides: tuple[Side | None, ...] = self.sides if p.per_side else (None,)
        for i, side in enumerate(sides):
            if i:
                switch = self.timing.switch_sides
                self.steps.append(step("switch", seconds=(switch, switch), side=side))
            self.steps.append(step("work", seconds=work, side=side, reps=p.reps,
                                   hold_seconds=p.seconds, max_reps=p.max_reps,
                                   distance=p.distance, rep_hold_seconds=p.hold))
        if rest is None:
            return
        if p.per_side:
            shortest = self.timing.shortest_rest
            rest = (max(shortest, rest[0] - work[0]), max(shortest, rest[1] - work[1]))
        self.steps.append(step("rest", seconds=rest))

    def section(self, si: int, section: Section) -> None:
        if section.setup:
            t = self.timing.section_setup
            self.steps.append(Step("setup", si, (t, t), text=section.setup))
        if section.time_cap_seconds is not None:
            self.block(si, section, section.time_cap_seconds)
            return
        if section.rounds is None:
            for ei, exercise in enumerate(section.exercises):
                sets = exercise.prescription.sets or Range.one(1)
                rest = self.timing.rest_after_set(exercise, section.kind)
                for n in range(1, sets.hi + 1):
                    self.one_set(si, ei, section, n, sets.hi, None, n > sets.lo, rest)
            return
        for r in range(1, section.rounds + 1):
            for ei, exercise in enumerate(section.exercises):
                sets = exercise.prescription.sets or Range.one(1)
                last = ei == len(section.exercises) - 1
                given = exercise.prescription.rest_seconds
                # The routine's rest ('40 seconds on, 20 seconds off'), else a short move to
                # the next exercise, and the section's rest after the round.
                rest = ((given.lo, given.hi) if given is not None
                        else self.timing.rest_after_set(exercise, section.kind) if last
                        else (self.timing.circuit_rest, self.timing.circuit_rest))
                for n in range(1, sets.hi + 1):
                    self.one_set(si, ei, section, n, sets.hi, r, n > sets.lo, rest)

    def block(self, si: int, section: Section, cap: int) -> None:
        """A block done for a time: rounds of its exercises, each with the routine's rest or
        none. The rounds the time is expected to hold count in the estimates; a few more are
        planned, marked optional, for a quicker day."""
        first = len(self.steps)
        self.block_round(si, section, 1, False)
        round_lo = max(1, _total(self.steps[first:])[0])
        expected = max(1, round(cap / round_lo))
        for r in range(2, min(MAX_BLOCK_ROUNDS, max(3, 2 * expected)) + 1):
            self.block_round(si, section, r, r > expected)

    def block_round(self, si: int, section: Section, round_: int, optional: bool) -> None:
        for ei, exercise in enumerate(section.exercises):
            sets = exercise.prescription.sets or Range.one(1)
            given = exercise.prescription.rest_seconds
            rest = None if given is None else (given.lo, given.hi)
            for n in range(1, sets.hi + 1):
                self.one_set(si, ei, section, n, sets.hi, round_, optional or n > sets.lo, rest)


def build_plan(routine: Routine, timing: Timing | None = None,
               first_side: Side = "left") -> SessionPlan:
    builder = _Builder(timing or Timing(), first_side)
    for si, section in enumerate(routine.sections):
        builder.section(si, section)
    steps = builder.steps
    if steps and steps[-1].kind == "rest":
        steps = steps[:-1]  # nothing to rest for after the last set of the session
    return SessionPlan(routine, tuple(steps))


def with_variations(plan: SessionPlan, variations: Mapping[str, str],
                    setups: Mapping[int, str] | None = None) -> SessionPlan:
    """The plan with each step of an exercise named in `variations` marked as done that way
    (exercise name -> the variation's name), and the setup step of each section in `setups`
    with what she does instead of it (section index -> text). Keys, order and timing stay
    the same, so a session's logs and resume work whatever equipment she had that day."""
    setups = setups or {}
    if not variations and not setups:
        return plan

    def marked(step: Step) -> Step:
        if step.kind == "setup" and step.section in setups:
            return replace(step, variation=setups[step.section])
        if step.name is not None and step.name in variations:
            return replace(step, variation=variations[step.name])
        return step

    return SessionPlan(plan.routine, tuple(marked(step) for step in plan.steps))
