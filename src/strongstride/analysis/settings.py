"""Every number the analysis rules use, with the default from docs/analysis.md (DOMAIN.md).

The defaults are starting points a user (or their physio) can change; none is a law.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strongstride.records import Unit

DELOAD_WEEKS_RANGE = (4, 8)
"""Deload about every 6 weeks, range 4-8 (Rogerson 2024): the setting must stay in it."""


@dataclass(frozen=True, slots=True)
class RpeStep:
    """One row of the RPE table: a set at an RPE up to `rpe_max` changes the load by `steps`
    smallest load steps (negative: take load off)."""

    rpe_max: float
    steps: int


# J Hum Kinet 2024, target RPE 8: 5-6 +5 kg, 7 +2.5 kg, 8 hold, 9 -2.5 kg, 10 -5 kg, written
# in steps of 2.5 kg so that it scales to the user's smallest step and unit.
DEFAULT_RPE_TABLE: tuple[RpeStep, ...] = (
    RpeStep(6, 2),
    RpeStep(7, 1),
    RpeStep(8, 0),
    RpeStep(9, -1),
    RpeStep(10, -2),
)

# (what the user is told, a regular expression matched case-insensitively in set notes)
DEFAULT_RED_FLAG_WORDS: tuple[tuple[str, str], ...] = (
    ("sharp pain", r"\bsharp\b"),
    ("swelling", r"\bswell(?:ing|ed|s)?\b|\bswollen\b"),
    ("limping", r"\blimp(?:ing|ed|s)?\b"),
    ("night pain", r"\bnight\s+pain\b|\bpain\s+(?:at|in\s+the|during\s+the)\s+night\b"
                   r"|\bwoke\b[^.;]{0,20}\bpain\b"),
    ("numbness", r"\bnumb(?:ness)?\b|\bpins\s+and\s+needles\b"),
    ("the joint giving way", r"\b(?:giv(?:e|es|ing)|gave)\s+way\b|\bbuckl(?:e|ed|es|ing)\b"),
)

DEFAULT_BAND_ORDER: tuple[str, ...] = ("extra light", "light", "medium", "heavy", "extra heavy")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """The analysis rules' numbers. `(design)` in DOMAIN.md marks our own choices."""

    # Left/right symmetry
    lsi_cutoff: float = 90.0
    """Flag when the rolling median LSI is under this (percent; Wellsandt 2017)."""
    rolling_window: int = 4
    """How many comparable sessions the rolling median looks at. (design)"""
    min_comparable_sessions: int = 3
    """Fewer comparable sessions than this: "collecting data". (design)"""
    same_side_weaker: int = 3
    """The same side must be weaker in at least this many sessions of the window. (design)"""
    pain_exclusion: int = 4
    """A session with pain at or above this on the exercise is left out of symmetry. (design)"""

    # Pain traffic light (Silbernagel 2007; clinics differ)
    green_max: int = 3
    """0..green_max is green: progress."""
    amber_max: int = 5
    """green_max+1..amber_max is amber: hold, must settle by the next morning; above: red."""
    pain_window: int = 4
    """Sessions of an exercise the pain trend and the red flags look back over. (design)"""
    red_pain_sessions: int = 2
    """Red pain in this many sessions of the window stops the exercise."""
    red_flag_words: tuple[tuple[str, str], ...] = DEFAULT_RED_FLAG_WORDS
    amber_sessions_for_deload: int = 2
    """Amber pain in this many sessions running suggests a deload. (design)"""

    # Progression
    load_step_kg: float = 2.5
    load_step_lb: float = 5.0
    default_unit: Unit = "kg"
    """The unit of a load logged without one."""
    rpe_table: tuple[RpeStep, ...] = DEFAULT_RPE_TABLE
    progression_rpe_max: float = 8.0
    """Add load only when every set was at or under this RPE. (design)"""
    progression_sessions: int = 2
    """... on every set, both sides, this many sessions running. (design)"""
    hold_step_seconds: int = 5
    hold_max_seconds: int = 60
    stretch_seconds: int = 30
    slow_lowering_seconds: int = 4
    """The slower tempo the ladder suggests: lower in this many seconds (4-5 s)."""
    band_order: tuple[str, ...] = field(default=DEFAULT_BAND_ORDER)
    """Band names from the easiest to the hardest, for "a harder band". (design)"""
    changes_per_session: int = 3
    """At most this many exercises move forward in one session; the others repeat. (design)"""

    # Deload (Rogerson 2024)
    deload_every_weeks: int = 6
    deload_after_stalls: int = 2

    # Adherence (Blagrove 2018: twice a week in season)
    sessions_per_week: int = 2
    calendar_weeks: int = 4
    """Weeks of calendar the report shows, ending today. (design)"""

    def __post_init__(self) -> None:
        lo, hi = DELOAD_WEEKS_RANGE
        problems = [
            text for bad, text in (
                (not 0 < self.lsi_cutoff <= 100, "lsi_cutoff must be above 0 and at most 100"),
                (self.rolling_window < 1, "rolling_window must be at least 1"),
                (not 1 <= self.min_comparable_sessions <= self.rolling_window,
                 "min_comparable_sessions must be from 1 to rolling_window"),
                (not 1 <= self.same_side_weaker <= self.rolling_window,
                 "same_side_weaker must be from 1 to rolling_window"),
                (not 0 <= self.green_max < self.amber_max < 10,
                 "pain bands need 0 <= green_max < amber_max < 10"),
                (not 1 <= self.pain_exclusion <= 10, "pain_exclusion must be from 1 to 10"),
                (self.load_step_kg <= 0 or self.load_step_lb <= 0, "load steps must be above 0"),
                (not self.rpe_table, "rpe_table needs at least one row"),
                (list(self.rpe_table) != sorted(self.rpe_table, key=lambda r: r.rpe_max),
                 "rpe_table rows must go from the lowest RPE to the highest"),
                (self.hold_step_seconds <= 0 or self.hold_max_seconds <= 0,
                 "hold seconds must be above 0"),
                (not lo <= self.deload_every_weeks <= hi,
                 f"deload_every_weeks must be from {lo} to {hi}"),
                (self.deload_after_stalls < 1 or self.progression_sessions < 1
                 or self.red_pain_sessions < 1 or self.amber_sessions_for_deload < 1
                 or self.pain_window < 1, "session counts must be at least 1"),
                (self.sessions_per_week < 1, "sessions_per_week must be at least 1"),
                (self.changes_per_session < 1, "changes_per_session must be at least 1"),
                (self.calendar_weeks < 1, "calendar_weeks must be at least 1"),
            ) if bad
        ]
        if problems:
            raise ValueError("; ".join(problems))

    def load_step(self, unit: Unit | None) -> float:
        """The smallest load step in this unit (the default unit when none is given)."""
        return self.load_step_lb if (unit or self.default_unit) == "lb" else self.load_step_kg

    def rpe_steps(self, rpe: float) -> int:
        """Load steps the RPE table gives for a set at this RPE (below the first row: the
        first row; above the last: the last)."""
        for row in self.rpe_table:
            if rpe <= row.rpe_max:
                return row.steps
        return self.rpe_table[-1].steps


DEFAULT_SETTINGS = Settings()
