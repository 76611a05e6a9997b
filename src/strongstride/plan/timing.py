"""How long things take, for estimates and for the player's rests (see DOMAIN.md, Timing).

All numbers are defaults a user may change; they come from ../shared/DOMAIN.md: rest 30-60 s
for activation and bodyweight work, 60-120 s for loaded strength; about 2-4 s a rep, heel
raises 2 s, slow eccentrics 4-5 s; about 5 s to set up each set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strongstride.routine.model import Exercise, SectionKind

# Words in an exercise's name that change its pace, checked in order (first match wins).
PACE_WORDS: tuple[tuple[str, float], ...] = (
    ("eccentric", 5.0),
    ("heel raise", 2.0),
    ("calf raise", 2.0),
    ("walk", 2.0),
    ("step", 2.0),
)


@dataclass(frozen=True, slots=True)
class Timing:
    seconds_per_rep: float = 3.0
    setup_per_set: int = 5
    switch_sides: int = 5
    section_setup: int = 30
    max_reps_estimate: tuple[int, int] = (10, 20)
    rest: dict[SectionKind, int] = field(
        default_factory=lambda: {"warm-up": 15, "activation": 30, "main": 60, "cool-down": 10}
    )
    loaded_rest: int = 90
    circuit_rest: int = 15
    shortest_rest: int = 10
    # A stretch or a mobility item with no counts: about half a minute.
    no_counts: int = 30
    # A run or a carry: about 6 minutes a kilometre.
    seconds_per_metre: float = 0.36

    def pace(self, exercise: Exercise) -> float:
        """Seconds a rep takes: the tempo if one is written, else the name's pace, else default."""
        tempo = exercise.prescription.tempo
        if tempo:
            return float(sum(tempo))
        name = exercise.name.lower()
        for word, seconds in PACE_WORDS:
            if word in name:
                return seconds
        return self.seconds_per_rep

    def rep_seconds(self, exercise: Exercise) -> tuple[float, float]:
        """Seconds a rep takes, shortest and longest: its pace, and the hold in each rep when
        the routine gives one ('10 reps, hold 5 s each')."""
        pace = self.pace(exercise)
        hold = exercise.prescription.hold
        if hold is None:
            return pace, pace
        return pace + hold.lo, pace + hold.hi

    def rest_after_set(self, exercise: Exercise, kind: SectionKind) -> tuple[int, int]:
        """Rest after a set: what the prescription says, else the section's default."""
        p = exercise.prescription
        if p.rest_seconds is not None:
            return p.rest_seconds.lo, p.rest_seconds.hi
        if kind == "main" and p.load is not None:
            return self.loaded_rest, self.loaded_rest
        return self.rest[kind], self.rest[kind]
