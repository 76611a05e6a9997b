"""The routine as data: frozen values, no parsing or printing here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from strongstride.errors import Span

SectionKind = Literal["warm-up", "activation", "main", "cool-down"]
SECTION_KINDS: tuple[SectionKind, ...] = ("warm-up", "activation", "main", "cool-down")
KIND_LABELS: dict[SectionKind, str] = {
    "warm-up": "Warm-up",
    "activation": "Activation",
    "main": "Workout",
    "cool-down": "Cool-down",
}

LoadUnit = Literal["kg", "lb"]
SetWord = Literal["set", "hold"]
SideWord = Literal["leg", "side"]
DistanceUnit = Literal["m", "km", "mi", "yd"]


@dataclass(frozen=True, slots=True)
class Range:
    """A count or a length that may be a range, as in '2-3 sets' or '12-15 reps'."""

    lo: int
    hi: int

    @classmethod
    def one(cls, n: int) -> Range:
        return cls(n, n)

    @property
    def is_single(self) -> bool:
        return self.lo == self.hi

    def as_list(self) -> list[int]:
        return [self.lo, self.hi]

    def __str__(self) -> str:
        return str(self.lo) if self.is_single else f"{self.lo}-{self.hi}"


@dataclass(frozen=True, slots=True)
class Load:
    value: float
    unit: LoadUnit

    def __str__(self) -> str:
        number = f"{self.value:g}"
        return f"{number} {self.unit}"


@dataclass(frozen=True, slots=True)
class Distance:
    """How far, as in '400 m' or '1 mi': a run, a carry, a walk."""

    amount: float
    unit: DistanceUnit

    def __str__(self) -> str:
        return f"{self.amount:g} {self.unit}"


@dataclass(frozen=True, slots=True)
class Prescription:
    """What to do for one exercise: sets x (reps | seconds | distance), per side or not, and
    options.

    `reps` is per set, and per side when `side` is set; `seconds` is the length of a hold
    or a timed set; `distance` how far each set goes. At most one of reps, seconds, max_reps
    or distance describes the work; with none, the exercise has no counts (a stretch or a
    mobility item listed by name: done once, for as long as she likes).

    `hold` is how long each rep is held ('10 reps, hold 5 s each': a bridge held at the top,
    a quad set); only with `reps`. It is the last field so that positional constructions
    made before it still mean the same.
    """

    sets: Range | None = None
    reps: Range | None = None
    seconds: Range | None = None
    max_reps: bool = False
    side: SideWord | None = None
    set_word: SetWord = "set"
    rest_seconds: Range | None = None
    load: Load | None = None
    band: str | None = None
    tempo: tuple[int, ...] | None = None
    distance: Distance | None = None
    hold: Range | None = None

    @property
    def per_side(self) -> bool:
        return self.side is not None

    @property
    def is_timed(self) -> bool:
        return self.seconds is not None

    @property
    def has_counts(self) -> bool:
        """Says how much work: reps, a time, max reps or a distance."""
        return (self.reps is not None or self.seconds is not None or self.max_reps
                or self.distance is not None)


@dataclass(frozen=True, slots=True)
class Exercise:
    name: str
    prescription: Prescription
    notes: str = ""
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Section:
    kind: SectionKind
    exercises: tuple[Exercise, ...]
    title: str | None = None
    setup: str | None = None
    rounds: int | None = None
    # A block done for a time ('AMRAP 12 min', 'for 7 minutes'): its exercises in turn, round
    # after round, until this many seconds have gone. Never with `rounds`.
    time_cap_seconds: int | None = None
    span: Span | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        return self.title or KIND_LABELS[self.kind]

    @property
    def is_circuit(self) -> bool:
        return self.rounds is not None

    @property
    def is_capped(self) -> bool:
        return self.time_cap_seconds is not None


@dataclass(frozen=True, slots=True)
class Routine:
    sections: tuple[Section, ...]
    title: str | None = None
    credit: str | None = None
    equipment: tuple[str, ...] = ()
    directions: str | None = None
    notes: str | None = None

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return tuple(e for s in self.sections for e in s.exercises)
