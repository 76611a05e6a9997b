"""The FIT profile's exercise numbers for the exercises of the library, mapped by hand.

FIT names an exercise by two numbers: an exercise_category (squat = 28) and an exercise_name
that is numbered within its category (squat/goblet_squat = 37). A name is given only where a
FIT exercise really is the same movement; where only the movement family matches, only the
category is given; exercises the table does not know get the category `unknown`.
Every number here is checked against Garmin's own profile (garmin-fit-sdk) by the tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class FitExercise:
    """An exercise as FIT numbers it; `name` is None when only the category is known."""

    category: str
    category_id: int
    name: str | None = None
    name_id: int | None = None


UNKNOWN = FitExercise("unknown", 65534)

# FIT exercise_category numbers used below (profile type `exercise_category`).
CALF_RAISE, DEADLIFT, HIP_RAISE, HIP_STABILITY = 1, 8, 10, 11
LEG_CURL, LUNGE, SQUAT, WARM_UP, POSE, BANDED = 15, 17, 28, 31, 36, 37


def _named(category: str, category_id: int, name: str, name_id: int) -> FitExercise:
    return FitExercise(category, category_id, name, name_id)


# Keyed by library exercise id (src/strongstride/library/exercises.toml), so every alias of
# an exercise maps the same way.
_TABLE: dict[str, FitExercise] = {
    # warm-up
    "squat-to-overhead-reach": FitExercise("squat", SQUAT),
    "good-morning": _named("leg_curl", LEG_CURL, "good_morning", 2),
    "lunge-with-knee-to-chest": FitExercise("lunge", LUNGE),
    # activation (both bands on)
    "standing-clamshell": _named("banded_exercises", BANDED, "clam_shells", 6),
    "monster-walk": FitExercise("banded_exercises", BANDED),
    "side-step": _named("hip_stability", HIP_STABILITY, "lateral_walks_with_band_at_ankles", 11),
    "diagonal-step-tap": FitExercise("hip_stability", HIP_STABILITY),
    "jab-step": FitExercise("hip_stability", HIP_STABILITY),
    "glute-star": FitExercise("hip_stability", HIP_STABILITY),
    # main
    "single-leg-bridge-with-adductor-ball-squeeze": _named(
        "hip_raise", HIP_RAISE, "single_leg_hip_raise", 30),
    "banded-split-squat": FitExercise("lunge", LUNGE),
    "lateral-lunge": _named("lunge", LUNGE, "side_lunge", 61),
    "single-leg-deadlift": _named(
        "deadlift", DEADLIFT, "single_leg_romanian_deadlift_with_dumbbell", 14),
    "exercise-ball-hamstring-curl": _named(
        "leg_curl", LEG_CURL, "swiss_ball_hip_raise_and_leg_curl", 10),
    "banded-hip-extension": _named("banded_exercises", BANDED, "hip_extension", 20),
    "goblet-squat": _named("squat", SQUAT, "goblet_squat", 37),
    "alternating-elevated-heel-tap": FitExercise("squat", SQUAT),
    "slider-reverse-lunge": _named("lunge", LUNGE, "reverse_sliding_lunge", 54),
    "single-leg-exercise-ball-squat": _named(
        "squat", SQUAT, "single_leg_squat_on_swiss_ball", 59),
    "eccentric-heel-raise": _named(
        "calf_raise", CALF_RAISE, "single_leg_standing_calf_raise", 15),
    # cool-down
    "half-pigeon-pose": _named("warm_up", WARM_UP, "stretch_pigeon_pose", 59),
    "lizard-pose-to-half-split": _named("pose", POSE, "lizard", 37),
    "runners-gastrocnemius-stretch": _named("warm_up", WARM_UP, "stretch_calf", 37),
    "half-kneeling-hip-flexor-stretch": _named(
        "warm_up", WARM_UP, "stretch_lunging_hip_flexor", 49),
}

FIT_EXERCISES: Mapping[str, FitExercise] = MappingProxyType(_TABLE)
"""Library exercise id -> FIT numbers."""


def fit_exercise(name: str) -> FitExercise:
    """The FIT numbers for an exercise named in a routine (by name, alias or id)."""
    from strongstride.library import load_library

    info = load_library().find(name)
    if info is None:
        return UNKNOWN
    return FIT_EXERCISES.get(info.id, UNKNOWN)
