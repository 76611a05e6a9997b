"""The library strongstride ships: all 24 exercises of the seed routine, complete and findable."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from strongstride.library import MAY_LACK, ExerciseInfo, default_library, load_library

ROUTINE = {
    "warm-up": ["Squat to overhead reach", "Good morning", "Lunge with knee to chest"],
    "activation": [
        "Standing clamshell",
        "Monster walk",
        "Side step",
        "Diagonal step tap",
        "Jab step",
        "Glute star",
    ],
    "main": [
        "Single-leg bridge with adductor ball squeeze",
        "Banded split squat",
        "Lateral lunge",
        "Single-leg deadlift",
        "Exercise-ball hamstring curl",
        "Banded hip extension",
        "Goblet squat",
        "Alternating elevated heel tap",
        "Slider reverse lunge",
        "Single-leg exercise-ball squat",
        "Eccentric heel raise",
    ],
    "cool-down": [
        "Half Pigeon pose",
        "Lizard pose to half split",
        "Runner's gastrocnemius stretch",
        "Half-kneeling hip flexor stretch",
    ],
}
NAMES = [name for names in ROUTINE.values() for name in names]
STRETCHES = ROUTINE["cool-down"]
LIBRARY = load_library()


def find(name: str) -> ExerciseInfo:
    info = LIBRARY.find(name)
    assert info is not None, f"{name!r} is not in the library"
    return info


def test_the_library_holds_the_24_exercises_in_routine_order() -> None:
    assert len(NAMES) == 24
    assert len(LIBRARY) == 24
    assert [info.name for info in LIBRARY] == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_each_routine_name_is_found(name: str) -> None:
    assert find(name).name == name


@pytest.mark.parametrize("info", LIBRARY, ids=lambda info: info.id)
def test_every_alias_and_the_id_lead_back_to_the_exercise(info: ExerciseInfo) -> None:
    for text in (info.id, *info.aliases):
        assert LIBRARY.find(text) is info, text


def test_the_published_curly_apostrophe_form_is_an_alias_and_is_found() -> None:
    info = find("Runner's gastrocnemius stretch")
    assert "Runner’s gastrocnemius stretch" in info.aliases
    assert LIBRARY.find("Runner’s gastrocnemius stretch") is info
    assert LIBRARY.find("runners gastrocnemius stretch") is info


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        (
            "single-leg glute bridge with ball squeeze",
            "Single-leg bridge with adductor ball squeeze",
        ),
        ("single-leg bridge with ball squeeze", "Single-leg bridge with adductor ball squeeze"),
        ("stability ball hamstring curl", "Exercise-ball hamstring curl"),
        ("Swiss ball hamstring curl", "Exercise-ball hamstring curl"),
        ("single-leg RDL", "Single-leg deadlift"),
        ("single-leg Romanian deadlift", "Single-leg deadlift"),
        ("lateral band walk", "Side step"),
        ("side lunge", "Lateral lunge"),
        ("eccentric calf raise", "Eccentric heel raise"),
        ("kettlebell goblet squat", "Goblet squat"),
        ("pigeon pose", "Half Pigeon pose"),
        ("kneeling hip flexor stretch", "Half-kneeling hip flexor stretch"),
    ],
)
def test_common_alternative_names_are_found(alias: str, name: str) -> None:
    assert find(alias).name == name


@pytest.mark.parametrize("info", LIBRARY, ids=lambda info: info.id)
def test_every_exercise_has_the_counts_the_rules_ask_for(info: ExerciseInfo) -> None:
    assert 3 <= len(info.steps) <= 6
    assert 2 <= len(info.cues) <= 4
    assert 1 <= len(info.mistakes) <= 4
    assert info.primary_muscles
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", info.id)
    texts = [*info.steps, *info.cues, *info.mistakes, *(text for _, text in info.modifications)]
    assert all(text.strip() == text and text for text in texts)
    assert all(len(cue) <= 60 for cue in info.cues)


@pytest.mark.parametrize("info", LIBRARY, ids=lambda info: info.id)
def test_each_lackable_equipment_used_has_a_modification(info: ExerciseInfo) -> None:
    for item in info.equipment:
        if item in MAY_LACK:
            assert info.modification(item), f"{info.id} uses {item} but has no modification"
    assert {key for key, _ in info.modifications} <= set(info.equipment)


@pytest.mark.parametrize(
    ("name", "equipment"),
    [
        ("Standing clamshell", {"band"}),
        ("Single-leg bridge with adductor ball squeeze", {"small-ball", "mat"}),
        ("Single-leg deadlift", {"weights"}),
        ("Exercise-ball hamstring curl", {"exercise-ball", "mat"}),
        ("Goblet squat", {"weights"}),
        ("Alternating elevated heel tap", {"step"}),
        ("Slider reverse lunge", {"sliders"}),
        ("Single-leg exercise-ball squat", {"exercise-ball", "wall"}),
        ("Eccentric heel raise", {"step", "wall"}),
        ("Lateral lunge", set()),
    ],
)
def test_equipment_matches_the_routine(name: str, equipment: set[str]) -> None:
    assert set(find(name).equipment) == equipment


@pytest.mark.parametrize("name", ROUTINE["activation"])
def test_activation_moves_use_bands(name: str) -> None:
    assert "band" in find(name).equipment


@pytest.mark.parametrize(
    "name",
    [
        "Single-leg bridge with adductor ball squeeze",
        "Banded split squat",
        "Lateral lunge",
        "Single-leg deadlift",
        "Banded hip extension",
        "Alternating elevated heel tap",
        "Slider reverse lunge",
        "Single-leg exercise-ball squat",
        "Eccentric heel raise",
        *STRETCHES,
    ],
)
def test_per_leg_moves_and_stretches_are_one_sided(name: str) -> None:
    assert find(name).one_sided is True


@pytest.mark.parametrize(
    "name",
    [
        "Goblet squat",
        "Exercise-ball hamstring curl",
        "Squat to overhead reach",
        "Good morning",
        "Standing clamshell",
        "Monster walk",
        "Side step",
    ],
)
def test_two_legged_moves_are_not_one_sided(name: str) -> None:
    assert find(name).one_sided is False


@pytest.mark.parametrize("info", LIBRARY, ids=lambda info: info.id)
def test_stretches_hold_and_the_rest_have_a_rep_time(info: ExerciseInfo) -> None:
    if info.name in STRETCHES:
        assert info.hold is True
        assert info.seconds_per_rep == 0
    else:
        assert info.hold is False
        assert 2 <= info.seconds_per_rep <= 6


def test_rep_times_follow_the_tempo_of_each_kind_of_move() -> None:
    assert find("Monster walk").seconds_per_rep == 2
    assert find("Side step").seconds_per_rep == 2
    assert find("Goblet squat").seconds_per_rep == 3
    assert find("Eccentric heel raise").seconds_per_rep == 5


def test_muscles_name_the_target_of_key_moves() -> None:
    assert "hamstrings" in find("Exercise-ball hamstring curl").primary_muscles
    assert "adductors" in find("Single-leg bridge with adductor ball squeeze").primary_muscles
    assert "glute med" in find("Monster walk").primary_muscles
    assert find("Eccentric heel raise").primary_muscles == ("calves",)
    assert "hip flexors" in find("Half-kneeling hip flexor stretch").primary_muscles


def test_the_default_library_is_read_once_per_process() -> None:
    assert load_library() is load_library()
    assert load_library() is default_library()


def test_importing_the_package_does_not_import_pydantic_or_read_the_file() -> None:
    code = (
        "import sys, strongstride.library\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'pydantic', 'pydantic_core', 'tomllib', 'strongstride.library._validate'}"
        " or m.startswith('strongstride.library._')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_shipped_file_passes_every_rule_and_reads_the_same_without_them() -> None:
    from strongstride.library._validate import read_library
    from strongstride.library.catalog import DEFAULT_PATH, read_shipped

    checked = read_library(DEFAULT_PATH)  # raises, listing every problem, if a rule is broken
    assert read_shipped(DEFAULT_PATH).exercises == checked.exercises
    assert default_library().exercises == checked.exercises


def test_a_command_reading_the_shipped_library_does_not_import_pydantic() -> None:
    code = (
        "import sys\n"
        "from strongstride.cli import main\n"
        "sys.argv = ['strongstride', 'exercise', 'glute-star']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code in (0, None), done.code\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Glute star" in out.stdout
    assert out.stderr.strip() == "False"
