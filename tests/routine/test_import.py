"""Importing a workout as published (pasted from an article or a blog) into a Routine."""

from __future__ import annotations

import gc
import time
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride.routine import importer
from strongstride.routine.format import format_routine
from strongstride.routine.import_lines import is_separator
from strongstride.routine.importer import Imported, import_text
from strongstride.routine.model import Exercise, Load, Prescription, Range, Routine, Section
from strongstride.routine.parse import parse_routine

DATA = Path(__file__).parent / "data"
SHIPPED_TEXT = (files("strongstride") / "data" / "routines" / "runner-glute.routine").read_text(
    "utf-8")
SETUP = ("Put a looser looped resistance band around your ankles and tighter (higher resistance) "
         "band above your knees.")


def shipped() -> Routine:
    routine = parse_routine(SHIPPED_TEXT).routine
    assert routine is not None
    return routine


def warning_lines(imported: Imported) -> list[int]:
    assert all(i.severity == "warning" and i.span is not None for i in imported.issues)
    return [i.span.line for i in imported.issues if i.span is not None]


def only(imported: Imported) -> Exercise:
    (exercise,) = imported.routine.exercises
    return exercise


def rx(text: str) -> Prescription:
    """The prescription of a one-exercise text, checking it imported without warnings."""
    imported = import_text(text)
    assert imported.issues == (), [i.render() for i in imported.issues]
    return only(imported).prescription


# --- the seed -------------------------------------------------------------------------------

def test_seed_exercise_lines_give_the_shipped_sections() -> None:
    imported = import_text((DATA / "import_seed_lines.txt").read_text("utf-8"))
    assert imported.routine.sections == shipped().sections
    assert imported.issues == ()
    assert [s.title for s in imported.routine.sections] == [
        None, "Glute activation exercises", None, None]
    assert imported.routine.sections[1].setup == SETUP


def test_seed_article_gives_the_shipped_sections_and_header() -> None:
    imported = import_text((DATA / "import_seed_article.txt").read_text("utf-8"), "seed.txt")
    routine = imported.routine
    assert routine.sections == shipped().sections
    assert routine.title == "Butt and Leg Workout For Runners"
    assert routine.equipment == (
        "Resistance bands", "small yoga block or ball",
        "two medium-to-heavy dumbbells or one kettlebell", "an exercise ball")
    assert routine.directions is not None
    assert routine.directions.startswith("Start with the warmup and glute activation exercises")
    assert routine.directions.endswith("Finish the workout with the short cooldown below.")
    # The headline, the three intro paragraphs and the sentence after the equipment list are
    # kept as notes, each reported where it is.
    assert warning_lines(imported) == [1, 3, 5, 7, 11]
    assert all(i.source == "seed.txt" for i in imported.issues)
    assert routine.notes is not None
    notes = routine.notes.split("\n")
    assert notes[0] == "Butt workout for a woman on the run"
    assert notes[1].startswith("As runners, we know how important")
    assert notes[2].startswith("That's why we're presenting you")
    assert notes[3].startswith("So grab your water")
    assert notes[4] == "Modifications will be provided if you don't have an exercise ball."
    assert imported.issues[4].span is not None and imported.issues[4].span.column == 134


def test_seed_article_import_can_be_saved_and_read_back_strictly() -> None:
    routine = import_text((DATA / "import_seed_article.txt").read_text("utf-8")).routine
    parsed = parse_routine(format_routine(routine))
    assert parsed.issues == ()
    assert parsed.routine == routine


# --- 1. the name run into the prescription --------------------------------------------------

@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Goblet squat2-3 sets of 12-15 reps", "Goblet squat",
     Prescription(sets=Range(2, 3), reps=Range(12, 15))),
    ("Squat to overhead reach1 set of 10 reps", "Squat to overhead reach",
     Prescription(sets=Range.one(1), reps=Range.one(10))),
    ("Half Pigeon pose3 holds of 30 seconds on each leg", "Half Pigeon pose",
     Prescription(sets=Range.one(3), seconds=Range.one(30), side="leg", set_word="hold")),
    ("Glute bridge: 2 sets of 12 reps", "Glute bridge",
     Prescription(sets=Range.one(2), reps=Range.one(12))),
    ("Lateral lunge - 2 sets of 12 reps on each leg", "Lateral lunge",
     Prescription(sets=Range.one(2), reps=Range.one(12), side="leg")),
    ("Step-up – 3x10", "Step-up", Prescription(sets=Range.one(3), reps=Range.one(10))),
    ("Wall sit (3 x 45 seconds)", "Wall sit",
     Prescription(sets=Range.one(3), seconds=Range.one(45))),
    ("Push-up AMRAP", "Push-up", Prescription(max_reps=True)),
    ("90/90 hip switch 2x8", "90/90 hip switch",
     Prescription(sets=Range.one(2), reps=Range.one(8))),
    ("Squat 3 sets, 10 reps", "Squat", Prescription(sets=Range.one(3), reps=Range.one(10))),
    ("Clamshell 2 x 15 reps.", "Clamshell", Prescription(sets=Range.one(2), reps=Range.one(15))),
])
def test_name_run_into_the_prescription(text: str, name: str, expected: Prescription) -> None:
    imported = import_text(text)
    assert imported.issues == ()
    assert only(imported).name == name
    assert only(imported).prescription == expected


# --- 2. phases with no heading --------------------------------------------------------------

def test_phases_are_inferred_from_order_and_exercises() -> None:
    text = ("Leg swing1 set of 10 reps\nArm circle1 set of 10 reps\n\n"
            "Split squat2 sets of 10 reps on each leg\nDeadlift3 sets of 8 reps\n\n"
            "Quad stretch2 sets of 30 seconds on each leg\nChild's pose1 hold of 60 seconds\n")
    imported = import_text(text)
    assert [s.kind for s in imported.routine.sections] == ["warm-up", "main", "cool-down"]
    assert [s.title for s in imported.routine.sections] == [None, None, None]
    assert imported.issues == ()


def test_a_first_block_that_is_not_light_is_main() -> None:
    text = "Squat 3x10\nLunge 3x10\n\nHamstring stretch 2 x 30 seconds\n"
    assert [s.kind for s in import_text(text).routine.sections] == ["main", "cool-down"]


def test_a_lone_block_is_main_and_warm_up_words_make_a_warm_up() -> None:
    assert [s.kind for s in import_text("Squat 1x10\nLunge 1x10").routine.sections] == ["main"]
    text = "Jog 1 x 5 minutes\nLeg swings 2 x 10\n\nSquat 3x10\n"
    assert [s.kind for s in import_text(text).routine.sections] == ["warm-up", "main"]


@pytest.mark.parametrize(("heading", "kind"), [
    ("Warm up", "warm-up"), ("Warmup", "warm-up"), ("WARM-UP:", "warm-up"),
    ("Activation", "activation"), ("Prime the glutes", "activation"),
    ("Activate", "activation"), ("Primer", "activation"),
    ("Cool down", "cool-down"), ("Cooldown", "cool-down"), ("Stretches", "cool-down"),
    ("Mobility", "cool-down"), ("Recovery", "cool-down"),
    ("Workout", "main"), ("Strength", "main"), ("Circuit", "main"), ("The main event", "main"),
])
def test_a_headings_words_decide_its_kind(heading: str, kind: str) -> None:
    imported = import_text(f"{heading}\nSquat 2 x 10\n")
    (section,) = imported.routine.sections
    assert section.kind == kind
    assert section.title == heading.rstrip(":")
    assert imported.issues == ()


def test_blank_lines_inside_a_list_of_paragraphs_do_not_split_it() -> None:
    # Each exercise its own paragraph: only a wider gap separates blocks.
    text = "Squat 3x10\n\nLunge 3x10\n\nBridge 3x10\n\n\nPigeon pose 2 x 30 seconds\n"
    sections = import_text(text).routine.sections
    assert [(s.kind, len(s.exercises)) for s in sections] == [("main", 3), ("cool-down", 1)]


# --- 3. headings, and a heading that carries setup instructions -----------------------------

def test_heading_sentence_with_a_colon_carries_the_setup() -> None:
    text = ("Glute activation exercises:\u00a0put a looser looped resistance band around your "
            "ankles and tighter (higher resistance) band above your knees.\n\n"
            "Standing clamshell2 sets of 12 reps\nMonster walk2 sets of 10 reps\n")
    imported = import_text(text)
    (section,) = imported.routine.sections
    assert (section.kind, section.title, section.setup) == (
        "activation", "Glute activation exercises", SETUP)
    assert [e.name for e in section.exercises] == ["Standing clamshell", "Monster walk"]
    assert imported.issues == ()


def test_a_heading_ending_in_a_colon_has_no_setup() -> None:
    (section,) = import_text("Band work:\nClamshell 2 x 15\n").routine.sections
    assert (section.title, section.setup, section.kind) == ("Band work", None, "main")


@pytest.mark.parametrize(("line", "title", "kind"), [
    ("Warm-up", "Warm-up", "warm-up"),
    ("## Cool-down", "Cool-down", "cool-down"),
    ("WORKOUT", "WORKOUT", "main"),
    ("Part 2: Strength", "Part 2: Strength", "main"),
    ("**Glute activation**", "Glute activation", "activation"),
])
def test_short_lines_over_exercises_are_headings(line: str, title: str, kind: str) -> None:
    text = f"Squat 3x10\n\n{line}\nBridge 2 x 12\nLunge 2 x 10\n"
    imported = import_text(text)
    assert imported.issues == ()
    last = imported.routine.sections[-1]
    assert (last.title, last.kind, len(last.exercises)) == (title, kind, 2)
    assert [x.role for x in imported.lines] == ["exercise", "heading", "exercise", "exercise"]


def test_a_strong_heading_may_have_setup_lines_before_its_exercises() -> None:
    text = "## Activation\nLoop a band above your knees for all of these.\nClamshell 2 x 15\n"
    imported = import_text(text)
    (section,) = imported.routine.sections
    assert section.setup == "Loop a band above your knees for all of these."
    assert warning_lines(imported) == [2]  # a guess, so it is reported
    assert import_text("## Activation\nSetup: band above knees\nClamshell 2x15").issues == ()


def test_a_heading_with_no_readable_exercises_is_kept_as_a_note() -> None:
    imported = import_text("Squat 3x10\n\nFinisher\nBurpees 0 x 10\n")
    assert [s.title for s in imported.routine.sections] == [None]
    assert only(imported).notes == "Finisher\nBurpees 0 x 10"
    assert warning_lines(imported) == [3, 4]


# --- 4. numbered and bulleted lists ---------------------------------------------------------

@pytest.mark.parametrize(("line", "name", "sets", "reps"), [
    ("1. Glute bridge: 3x12", "Glute bridge", 3, 12),
    ("2) Lunge 3 x 10", "Lunge", 3, 10),
    ("3.Goblet squat 3x12", "Goblet squat", 3, 12),
    ("- Side plank: 3 x 30 sec", "Side plank", 3, None),
    ("• Clamshell 2 sets of 15 reps", "Clamshell", 2, 15),
    ("* Bird dog 2 x 10", "Bird dog", 2, 10),
    ("(4) Dead bug 3 x 8", "Dead bug", 3, 8),
    ("12. Step-down 2 x 6", "Step-down", 2, 6),
    ("1. 3 x 10 Bulgarian split squats", "Bulgarian split squats", 3, 10),
])
def test_list_markers_are_stripped(line: str, name: str, sets: int, reps: int | None) -> None:
    imported = import_text(line)
    assert imported.issues == ()
    exercise = only(imported)
    assert exercise.name == name
    assert exercise.prescription.sets == Range.one(sets)
    assert exercise.prescription.reps == (Range.one(reps) if reps else None)


def test_a_number_that_belongs_to_the_prescription_is_kept() -> None:
    assert rx("- 30 seconds plank") == Prescription(seconds=Range.one(30))
    assert rx("2-3 sets of 12-15 reps goblet squat") == Prescription(
        sets=Range(2, 3), reps=Range(12, 15))
    assert rx("Side plank: 3 x 30 sec") == Prescription(sets=Range.one(3), seconds=Range.one(30))


# --- 5. 'Sets: 2 Reps: 8-12' ----------------------------------------------------------------

def test_fields_on_the_name_line() -> None:
    assert rx("Goblet squat Sets: 2 Reps: 8-12") == Prescription(sets=Range.one(2),
                                                                 reps=Range(8, 12))
    imported = import_text("Lateral lunge - Sets: 3 | Reps: 10 each leg")
    assert only(imported).name == "Lateral lunge"
    assert only(imported).prescription == Prescription(sets=Range.one(3), reps=Range.one(10),
                                                       side="leg")


def test_fields_on_the_lines_below_the_name() -> None:
    text = ("1. Goblet squat\nSets: 2\nReps: 8-12\nRest: 60 s\n\n"
            "2. Plank\nTime: 30 seconds\n\n3. Clamshell\nReps: 12\n\n"
            "4. Side plank\nSets: 3 Time: 20\n")
    imported = import_text(text)
    assert imported.issues == ()
    assert [(e.name, e.prescription) for e in imported.routine.exercises] == [
        ("Goblet squat", Prescription(sets=Range.one(2), reps=Range(8, 12),
                                      rest_seconds=Range.one(60))),
        ("Plank", Prescription(seconds=Range.one(30))),
        ("Clamshell", Prescription(reps=Range.one(12))),
        ("Side plank", Prescription(sets=Range.one(3), seconds=Range.one(20))),
    ]
    assert [x.role for x in imported.lines][:4] == ["exercise", "detail", "detail", "detail"]


def test_a_prescription_alone_on_the_line_below_the_name() -> None:
    imported = import_text("Goblet squat\n2-3 sets of 12-15 reps\n")
    assert only(imported).name == "Goblet squat"
    assert only(imported).prescription == Prescription(sets=Range(2, 3), reps=Range(12, 15))


def test_rest_below_an_exercise_is_merged_and_a_second_amount_is_a_note() -> None:
    assert rx("Squat 3x10\nRest: 90 s") == Prescription(
        sets=Range.one(3), reps=Range.one(10), rest_seconds=Range.one(90))
    imported = import_text("Squat 3x10\nReps: 12\n")
    assert only(imported).notes == "Reps: 12"
    assert warning_lines(imported) == [2]


def test_a_bad_field_points_at_its_line_and_column() -> None:
    imported = import_text("Goblet squat\nSets: 2\nReps: 500\n")
    assert imported.routine.exercises == ()
    (issue,) = imported.issues
    assert issue.span is not None and (issue.span.line, issue.span.column) == (3, 7)
    assert imported.routine.notes == "Goblet squat\nSets: 2\nReps: 500"


# --- 6. the count before the name -----------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "expected"), [
    ("10 reps of single-leg deadlifts (each side)", "single-leg deadlifts",
     Prescription(reps=Range.one(10), side="side")),
    ("3 x 10 Bulgarian split squats", "Bulgarian split squats",
     Prescription(sets=Range.one(3), reps=Range.one(10))),
    ("30 seconds plank", "plank", Prescription(seconds=Range.one(30))),
    ("2 sets of 12 glute bridges", "glute bridges",
     Prescription(sets=Range.one(2), reps=Range.one(12))),
    ("3 x 30 sec side plank each side", "side plank",
     Prescription(sets=Range.one(3), seconds=Range.one(30), side="side")),
])
def test_count_before_the_name(text: str, name: str, expected: Prescription) -> None:
    imported = import_text(text)
    assert imported.issues == ()
    assert (only(imported).name, only(imported).prescription) == (name, expected)


# --- 7. Unicode -----------------------------------------------------------------------------

def test_unicode_dashes_times_and_quotes() -> None:
    text = ("Runner’s gastrocnemius stretch3 sets of 30 seconds on each leg\n"
            "Goblet squat 2–3 × 12—15\n"
            "Lunge\u2011walk 2 \u2212 3 sets of 10 reps\n"
            "“Dead” bug 3 x 8.\n")
    imported = import_text(text)
    assert imported.issues == ()
    assert [e.name for e in imported.routine.exercises] == [
        "Runner's gastrocnemius stretch", "Goblet squat", "Lunge-walk", '"Dead" bug']
    assert imported.routine.exercises[1].prescription == Prescription(
        sets=Range(2, 3), reps=Range(12, 15))


def test_names_keep_their_spelling_and_lose_a_trailing_period() -> None:
    imported = import_text("Single-Leg RDL.: 3x8\nbanded Hip Thrust. - 3x10\n")
    assert [e.name for e in imported.routine.exercises] == ["Single-Leg RDL", "banded Hip Thrust"]


# --- 8. routine header lines ----------------------------------------------------------------

def test_header_lines() -> None:
    text = ("Hip Strength For Runners\nBy Jo Coach, PT\n\n"
            "Equipment needed: a loop band, a step, and two dumbbells\n"
            "Directions: Do the warm-up first.\n    Then the rest.\n\n"
            "Warm-up\nLeg swings 1 x 10 each leg\n")
    imported = import_text(text)
    routine = imported.routine
    assert imported.issues == ()
    assert routine.title == "Hip Strength For Runners"
    assert routine.credit == "Jo Coach, PT"
    assert routine.equipment == ("a loop band", "a step", "two dumbbells")
    assert routine.directions == "Do the warm-up first.\nThen the rest."
    assert [x.role for x in imported.lines] == [
        "title", "credit", "equipment", "directions", "directions", "heading", "exercise"]


def test_equipment_and_instructions_variants() -> None:
    text = ("Equipment:\n- loop band\n- step\nInstructions: Go slowly.\nCredit: A. Physio\n\n"
            "Squat 3x10")
    routine = import_text(text).routine
    assert routine.equipment == ("loop band", "step")
    assert (routine.directions, routine.credit) == ("Go slowly.", "A. Physio")


def test_a_title_directly_over_exercises_is_a_heading() -> None:
    routine = import_text("My Leg Day\n\nSquat 3x10\n").routine
    assert routine.title is None
    assert routine.sections[0].title == "My Leg Day"


def test_prose_before_the_workout_is_kept_as_notes_one_warning_a_paragraph() -> None:
    text = ("Strength work keeps runners healthy, and this routine takes about twenty minutes.\n"
            "It needs only a band, and you can do it at home after an easy run.\n\n"
            "Do these twice a week.\n\nSquat 3x10\n")
    imported = import_text(text)
    assert warning_lines(imported) == [1, 4]
    assert imported.routine.notes is not None
    assert imported.routine.notes.count("\n") == 2
    assert len(imported.routine.exercises) == 1


# --- 9. circuits ----------------------------------------------------------------------------

def test_circuits() -> None:
    text = ("Circuit (3 rounds)\nSquat 10 reps\nLunge 3 x 10 reps on each leg\n\n"
            "Finisher\nBurpee 10 reps\nPlank 30 seconds\nRepeat 4 times.\n\n"
            "3 rounds:\nJumping jacks 20 reps\n\n"
            "Core: 2 rounds\nDead bug 10 reps\n")
    imported = import_text(text)
    assert imported.issues == ()
    sections = imported.routine.sections
    assert [(s.title, s.rounds) for s in sections] == [
        ("Circuit", 3), ("Finisher", 4), (None, 3), ("Core", 2)]
    assert sections[0].exercises[0].prescription.sets is None
    assert sections[0].exercises[1].prescription.sets == Range.one(3)
    assert [x.role for x in imported.lines if x.role == "rounds"] == ["rounds", "rounds"]


def test_rounds_out_of_range_are_reported() -> None:
    text = "Circuit: 25 rounds\nSquat 10 reps\nLunge 10 reps\n\nSquat 10 reps\nRepeat 0 times"
    imported = import_text(text)
    # Not circuits; and an unheaded block of the same kind joins the section above it.
    assert [(s.title, s.rounds, len(s.exercises)) for s in imported.routine.sections] == [
        ("Circuit", None, 3)]
    assert [(i.span.line, i.span.column) for i in imported.issues if i.span] == [(1, 10), (6, 1)]


# --- 10. out of range -----------------------------------------------------------------------

def test_out_of_range_prescriptions_are_notes_with_the_column() -> None:
    text = "Bridge 3x10\nSquat 0 sets of 10 reps\nLunge 3 x 10000 reps\nPlank 2 x 9999 s\n"
    imported = import_text(text)
    assert [e.name for e in imported.routine.exercises] == ["Bridge"]
    assert only(imported).notes == (
        "Squat 0 sets of 10 reps\nLunge 3 x 10000 reps\nPlank 2 x 9999 s")
    assert [(i.span.line, i.span.column) for i in imported.issues if i.span] == [
        (2, 7), (3, 11), (4, 7)]
    assert "kept the line as a note" in imported.issues[0].message


# --- more of what articles do -------------------------------------------------------------

def test_a_markdown_article() -> None:
    text = ("# 20-Minute Hip Strength Routine\n\n"
            "Weak hips are behind many running injuries. This routine targets them.\n\n"
            "**What you'll need:** a mini band and a step.\n\n"
            "## Warm-Up\n\n1. Leg swings – 1 x 10 each leg\n2. Walking lunges – 1 x 10\n\n"
            "## The Workout\n\nDo 3 rounds of the following:\n\n"
            "1. **Clamshells** – 15 reps each side\n   Lie on your side with knees bent.\n"
            "2. **Single-leg glute bridge** – 12 reps per leg\n"
            "3. **Side plank** – hold for 30 seconds per side\n\n"
            "## Cool-Down\n\n- Figure-four stretch: 30 seconds each side\n")
    imported = import_text(text)
    routine = imported.routine
    assert routine.title == "20-Minute Hip Strength Routine"
    assert routine.equipment == ("a mini band", "a step")
    assert [(s.kind, s.title, s.rounds, len(s.exercises)) for s in routine.sections] == [
        ("warm-up", "Warm-Up", None, 2), ("main", "The Workout", 3, 3),
        ("cool-down", "Cool-Down", None, 1)]
    clamshells, bridge, plank = routine.sections[1].exercises
    assert clamshells.prescription == Prescription(reps=Range.one(15), side="side")
    assert clamshells.notes == "Lie on your side with knees bent."
    assert bridge.prescription == Prescription(reps=Range.one(12), side="leg")
    assert (plank.name, plank.prescription) == (
        "Side plank", Prescription(seconds=Range.one(30), side="side"))
    assert warning_lines(imported) == [3, 17]


def test_superset_labels_and_rest_between_sets() -> None:
    imported = import_text("A1. Goblet squat 3 x 10\nA2: Hamstring curl 3 x 12, rest 60 seconds "
                           "between sets\nB) Plank 3 x 30s")
    assert imported.issues == ()
    assert [e.name for e in imported.routine.exercises] == [
        "Goblet squat", "Hamstring curl", "Plank"]
    assert imported.routine.exercises[1].prescription.rest_seconds == Range.one(60)


def test_a_name_line_with_the_prescription_below_and_a_description() -> None:
    text = ("Glute Bridge\n3 sets of 12 reps\nLie on your back.\n\n"
            "Clamshell\n2 x 15 each side\nLie on your side.\n")
    imported = import_text(text)
    assert [(e.name, e.notes) for e in imported.routine.exercises] == [
        ("Glute Bridge", "Lie on your back."), ("Clamshell", "Lie on your side.")]
    assert imported.routine.exercises[1].prescription == Prescription(
        sets=Range.one(2), reps=Range.one(15), side="side")
    assert warning_lines(imported) == [3, 7]


def test_a_listed_name_without_a_count_is_a_movement_with_no_prescription() -> None:
    # Issue 13: a list of stretches or mobility items with no counts is a list of exercises.
    imported = import_text("- Glute bridge\n- Squat 3x10\n- Lunge 3x10\n- Side plank\n")
    assert [(e.name, e.prescription) for e in imported.routine.exercises] == [
        ("Glute bridge", Prescription()),
        ("Squat", Prescription(sets=Range.one(3), reps=Range.one(10))),
        ("Lunge", Prescription(sets=Range.one(3), reps=Range.one(10))),
        ("Side plank", Prescription())]
    assert imported.issues == ()


def test_names_alone_in_a_list_under_a_heading_or_separated_by_bare_bullets() -> None:
    text = ("Stretches:\nPigeon pose\nChild's pose\n\n-\nCat / cow\n-\nHappy baby\n-\n"
            "Thread the needle\n")
    imported = import_text(text)
    assert [e.name for e in imported.routine.exercises] == [
        "Pigeon pose", "Child's pose", "Cat / cow", "Happy baby", "Thread the needle"]
    assert all(e.prescription == Prescription() for e in imported.routine.exercises)


def test_instructions_and_lone_names_are_not_movements() -> None:
    text = ("Squat 3x10\n- Keep your chest up\n- Sit back into the heels\n"
            "Glute bridge\nLunge 3 x 10\n- Step forward.\n- Lower the back knee.\n")
    imported = import_text(text)
    assert [e.name for e in imported.routine.exercises] == ["Squat", "Lunge"]
    assert imported.routine.exercises[0].notes == (
        "- Keep your chest up\n- Sit back into the heels\nGlute bridge")


def test_a_sentence_with_rounds_ending_in_a_colon_starts_a_block_of_its_own() -> None:
    text = ("- Run\n- Row\nThe classic way is to break it into 20 rounds of:\n"
            "- 5 Pull-ups\n- 10 Push-ups\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription.sets) for e in exercises] == [
        ("Run", None), ("Row", None), ("Pull-ups", Range.one(20)), ("Push-ups", Range.one(20))]


def test_a_prescription_below_the_name_may_carry_rest_load_and_a_period() -> None:
    text = ("Goblet squat\n2 sets of 12 reps on each leg, rest 60 s\n\n"
            "Lunge\n3 x 10 @ 20 kg\n\nClamshell\n2 x 15 reps.\n")
    imported = import_text(text)
    assert imported.issues == ()
    assert [(e.name, e.prescription) for e in imported.routine.exercises] == [
        ("Goblet squat", Prescription(sets=Range.one(2), reps=Range.one(12), side="leg",
                                      rest_seconds=Range.one(60))),
        ("Lunge", Prescription(sets=Range.one(3), reps=Range.one(10), load=Load(20, "kg"))),
        ("Clamshell", Prescription(sets=Range.one(2), reps=Range.one(15))),
    ]
    assert [x.role for x in imported.lines] == ["exercise", "detail"] * 3


def test_wordings_read_natively() -> None:
    assert rx("Row 10 reps x 3 sets") == Prescription(sets=Range.one(3), reps=Range.one(10))
    assert rx("Lunge 10 each leg, rest 45 s") == Prescription(
        reps=Range.one(10), side="leg", rest_seconds=Range.one(45))
    assert rx("Squat 3 sets; 8-10 reps") == Prescription(sets=Range.one(3), reps=Range(8, 10))


def test_a_bad_number_after_a_bare_count_points_at_its_column() -> None:
    imported = import_text("Bridge 3x10\nLunge 10 each leg, rest 5000 s\n")
    assert [(i.span.line, i.span.column) for i in imported.issues if i.span] == [(2, 20)]
    assert "a rest of 5000 s" in imported.issues[0].message


def test_a_large_paste_reads_the_same_with_the_garbage_collector_paused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    part = (DATA / "import_seed_article.txt").read_text("utf-8")
    big = "\n\n\n".join([part] * 40)
    assert len(big) > importer.GC_PAUSE_CHARS
    paused = import_text(big)
    assert gc.isenabled()
    monkeypatch.setattr(importer, "GC_PAUSE_CHARS", len(big) + 1)
    assert import_text(big) == paused
    assert len(paused.routine.exercises) == 40 * len(shipped().exercises)


def test_lines_that_are_only_a_list_marker_or_hashes() -> None:
    # A bullet alone ('- ', '•') separates items like a blank line; a number or a label alone
    # is kept as a note.
    imported = import_text("A1.\n- \n1.\n#\n(3)\n•\nB2)\nSquat 3x10")
    assert [x.line for x in imported.lines] == [1, 3, 4, 5, 7, 8]
    assert [x.role for x in imported.lines] == ["note"] * 4 + ["heading", "exercise"]
    assert [e.name for e in imported.routine.exercises] == ["Squat"]


# --- lines that are not exercises -----------------------------------------------------------

def test_unreadable_lines_are_notes_on_the_exercise_before() -> None:
    text = ("Squat 3x10\nKeep your chest up.\nGlute bridge\nLunge 3 x 10\n"
            "Lie on your side, knees bent.\n")
    imported = import_text(text)
    assert [e.notes for e in imported.routine.exercises] == [
        "Keep your chest up.\nGlute bridge", "Lie on your side, knees bent."]
    assert warning_lines(imported) == [2, 3, 5]
    assert imported.issues[0].message == (
        "could not read this line as an exercise; kept it as a note")


def test_empty_and_blank_text() -> None:
    for text in ("", "\n\n", "   \t  \n"):
        imported = import_text(text)
        assert imported.routine == Routine(sections=())
        assert imported.issues == ()
        assert imported.lines == ()


def test_long_lines_are_prose_not_exercises() -> None:
    line = "Squat " + "very " * 80 + "slowly 3x10"
    imported = import_text("Bridge 3x10\n" + line)
    assert only(imported).notes == " ".join(line.split())
    assert warning_lines(imported) == [2]


def test_sections_compare_by_value_not_by_span() -> None:
    a = import_text("Squat 3x10").routine.sections
    b = import_text("\n\n  Squat 3x10").routine.sections
    assert a == b == (Section("main", (Exercise("Squat", rx("Squat 3x10")),)),)


# --- never raises, never drops a line -------------------------------------------------------

LINES = st.sampled_from([
    "", "", "Squat 3x10", "Goblet squat2-3 sets of 12-15 reps", "Warm-up", "## Cool-down",
    "Glute activation exercises: put a band round your ankles.", "Sets: 2 Reps: 8-12",
    "Rest: 60 s", "3 rounds", "Repeat 3 times", "Equipment: band, step and ball",
    "Directions: go.", "By A. Coach", "1. Glute bridge: 3x12", "- Plank: 3 x 30 sec",
    "10 reps of single-leg deadlifts (each side)", "Squat 0 sets of 10 reps", "Glute bridge",
    "Some words here.", "Setup: band above the knees", "Circuit (3 rounds)", "x" * 400,
    "Pigeon pose 2 holds of 30 seconds", "Plank", "Time: 30", "WORKOUT", "Part 2: Strength",
])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(LINES, st.text(max_size=30))).map("\n".join))


def _check_every_line_is_accounted_for(text: str, imported: Imported) -> None:
    # A bullet alone ('-', '•') is a separator, read as a blank line.
    nonblank = [n for n, line in enumerate(text.splitlines(), start=1)
                if line.strip() and not is_separator(line)]
    assert [x.line for x in imported.lines] == nonblank
    warned = {i.span.line for i in imported.issues if i.span is not None}
    # Each run of lines kept as notes has a warning in it (a paragraph may have one).
    run: list[int] = []
    for x in (*imported.lines, None):
        if x is not None and x.role == "note":
            run.append(x.line)
            continue
        assert not run or warned & set(run), (run, imported.issues)
        run = []
    for issue in imported.issues:
        assert issue.severity == "warning" and issue.span is not None
        assert issue.span.line in nonblank and issue.span.column >= 1


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_import_never_raises_and_accounts_for_every_line(text: str) -> None:
    imported = import_text(text, "pasted.txt")
    _check_every_line_is_accounted_for(text, imported)
    assert all(i.source == "pasted.txt" for i in imported.issues)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=25).map("\n".join))
def test_imported_routines_can_be_saved_in_the_strict_format(text: str) -> None:
    routine = import_text(text).routine
    if routine.sections:
        parsed = parse_routine(format_routine(routine))
        assert parsed.routine == routine, [i.render() for i in parsed.issues]


def test_import_is_linear_on_awkward_input() -> None:
    awkward = [
        "1" * 200_000,
        ("Squat " + "3 " * 140 + "\n") * 700,
        ("a1 " * 90 + "\n") * 700,
        "\n" * 100_000 + "Squat 3x10",
        ("Warm-up\n" * 20_000) + "Squat 3x10",
        ("Sets: 2 Reps: 3 " * 40 + "\n") * 300,
    ]
    for text in awkward:
        start = time.perf_counter()
        import_text(text)
        assert time.perf_counter() - start < 3.0


def test_a_line_repeated_in_the_text_reads_as_if_read_afresh(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from strongstride.routine import importer
    from strongstride.routine.import_lines import classify

    text = "\n".join([
        "Day A", "Warm-up", "Glute bridge", "Sets: 2 Reps: 10", "Rest 60 seconds", "",
        "Circuit, 3 rounds:", "Squat: 10 reps", "Plank: 30 seconds", "Rest 60 seconds", "",
        "Day B", "Warm-up", "Glute bridge", "Sets: 2 Reps: 10", "Rest 60 seconds", "",
        "Squat: 10 reps", "Squat: 10 reps", "Stretch", "Pigeon pose: hold 30 seconds each side",
        "Pigeon pose: hold 30 seconds each side", "a line nobody can read ~~", "a line nobody "
        "can read ~~"])
    shared = importer.import_text(text)
    monkeypatch.setattr(importer, "_classified",
                        lambda t: [classify(raw) for raw in t.splitlines()])
    afresh = importer.import_text(text)
    assert shared == afresh
    assert len(shared.routine.exercises) >= 6


# --- classes of real workout texts (tests/routine/corpus) ----------------------------------

def test_text_after_the_prescription_is_a_note_on_the_exercise() -> None:
    imported = import_text("Box jump 2x8 medium to high effort\nStep-up 3 x 10 each leg  RPE 7\n")
    assert [(e.name, e.prescription, e.notes) for e in imported.routine.exercises] == [
        ("Box jump", Prescription(sets=Range.one(2), reps=Range.one(8)), "medium to high effort"),
        ("Step-up", Prescription(sets=Range.one(3), reps=Range.one(10), side="leg"), "RPE 7")]


def test_a_sentence_with_a_prescription_in_it_is_not_an_exercise() -> None:
    imported = import_text("Squat 3x10\nTake 45 seconds to breathe after the squats\n")
    assert [e.name for e in imported.routine.exercises] == ["Squat"]


def test_a_circuit_heading_holds_over_blank_lines_and_captions_until_the_next_heading() -> None:
    from strongstride.routine.json_view import import_dict

    text = ("Block A: 3 rounds\n\n1. Step-up\n\n8 reps per leg\n\nPhoto: a step\n\n"
            "2. Calf raise\n\n15 reps\n\nBlock B: 2 rounds\n\n1. Plank\n\n30 seconds\n")
    imported = import_text(text)
    assert [(s.title, s.rounds, [e.name for e in s.exercises])
            for s in imported.routine.sections] == [
        ("Block A", 3, ["Step-up", "Calf raise"]), ("Block B", 2, ["Plank"])]
    sets = [e["sets"] for s in import_dict(imported)["sections"] for e in s["exercises"]]
    assert sets == [[3, 3], [3, 3], [2, 2]]


@pytest.mark.parametrize(("text", "name", "expected", "notes"), [
    ("3x12 farmer carries with 20 lbs", "farmer carries",
     Prescription(sets=Range.one(3), reps=Range.one(12)), "with 20 lbs"),
    ("- 12 slow sit-ups (count to three)", "slow sit-ups",
     Prescription(reps=Range.one(12)), "(count to three)"),
    ("- 45-second wall sit", "wall sit", Prescription(seconds=Range.one(45)), ""),
    ("Side lunge x 16", "Side lunge", Prescription(reps=Range.one(16)), ""),
    ("Goblet squat x 3 sets of 6-8 reps, heavier each set", "Goblet squat",
     Prescription(sets=Range.one(3), reps=Range(6, 8)), "heavier each set"),
])
def test_counts_written_around_the_name(text: str, name: str, expected: Prescription,
                                        notes: str) -> None:
    e = only(import_text(text))
    assert (e.name, e.prescription, e.notes) == (name, expected, notes)


def test_a_bare_count_in_front_of_words_is_reps_only_in_a_list() -> None:
    imported = import_text("Squat 3x10\n3 tips for a strong back\n")
    assert [e.name for e in imported.routine.exercises] == ["Squat"]


def test_a_count_in_brackets_after_the_name() -> None:
    imported = import_text("- Dead bug (8x each side)\n- Superman hold (20x)\n")
    assert [(e.name, e.prescription) for e in imported.routine.exercises] == [
        ("Dead bug", Prescription(reps=Range.one(8), side="side")),
        ("Superman hold", Prescription(reps=Range.one(20)))]


# --- sets said once for a block --------------------------------------------------------------

def sets_of(text: str) -> list[tuple[str, Range | None]]:
    return [(e.name, e.prescription.sets) for e in import_text(text).routine.exercises]


def test_sets_said_in_a_sentence_apply_to_the_exercises_below_it() -> None:
    text = ("Work through the list, then go again. For each move, do two to four rounds.\n\n"
            "Lower body\n- Step-up - 12 reps\n- Wall sit - 40 sec\n")
    assert sets_of(text) == [("Step-up", Range(2, 4)), ("Wall sit", Range(2, 4))]


def test_sets_said_in_a_sentence_give_way_to_an_exercise_s_own_and_to_a_circuit_s_rounds(
        ) -> None:
    text = ("Complete 3 sets of everything below.\n\n- Bridge 2 x 15\n- Clam 20 reps\n\n"
            "Finisher: 4 rounds\n- Burpee 10 reps\n")
    imported = import_text(text).routine
    assert [(e.name, e.prescription.sets) for e in imported.exercises] == [
        ("Bridge", Range.one(2)), ("Clam", Range.one(3)), ("Burpee", None)]
    assert imported.sections[-1].rounds == 4


def test_sets_said_in_a_sentence_end_at_the_next_heading_after_their_exercises() -> None:
    text = ("Do up to 3 circuits, resting 1 minute between them.\n\n- Squat jump 10 reps\n"
            "- Skater 12 reps\n\nExtras:\n- Plank 30 seconds\n")
    assert sets_of(text) == [("Squat jump", Range(1, 3)), ("Skater", Range(1, 3)),
                             ("Plank", None)]


def test_repeat_more_times_counts_the_first_time_too_and_training_days_are_not_sets() -> None:
    text = "Repeat 2 more times.\n\n- Lunge 8 each leg\n"
    assert sets_of(text) == [("Lunge", Range.one(3))]
    assert sets_of("Do this 2 times a day.\n\n- Calf raise 15 reps\n") == [("Calf raise", None)]


def test_one_round_under_a_heading_is_one_set_each() -> None:
    text = "Warm-up: 1 round\n- Jumping jacks 30 seconds\n- Leg swing 10 each leg\n"
    assert sets_of(text) == [("Jumping jacks", Range.one(1)), ("Leg swing", Range.one(1))]


# --- several movements on one line -----------------------------------------------------------

def moves(text: str) -> list[tuple[str, Range | None, Range | None, Range | None, str | None]]:
    return [(e.name, e.prescription.sets, e.prescription.reps, e.prescription.seconds,
             e.prescription.side) for e in import_text(text).routine.exercises]


def test_counted_movements_separated_by_commas_are_one_exercise_each() -> None:
    assert moves("- 8 inchworms, 12 air squats; 6 tuck jumps\n") == [
        ("inchworms", None, Range.one(8), None, None),
        ("air squats", None, Range.one(12), None, None),
        ("tuck jumps", None, Range.one(6), None, None)]
    assert moves("20 mountain climbers, 10 push-ups\n") == [
        ("mountain climbers", None, Range.one(20), None, None),
        ("push-ups", None, Range.one(10), None, None)]


def test_a_movement_followed_by_another_keeps_its_own_aside() -> None:
    e1, e2 = import_text("- 6 bear crawls (slowly), followed by 8 dead bugs (exhale)\n"
                         ).routine.exercises
    assert [(e1.name, e1.notes), (e2.name, e2.notes)] == [
        ("bear crawls", "(slowly)"), ("dead bugs", "(exhale)")]


def test_movements_joined_by_a_plus_are_two_exercises() -> None:
    assert moves("3x12 band pull-aparts + 3x8 face pulls\n") == [
        ("band pull-aparts", Range.one(3), Range.one(12), None, None),
        ("face pulls", Range.one(3), Range.one(8), None, None)]


def test_a_load_or_a_unit_after_the_comma_is_not_another_movement() -> None:
    assert moves("- 10 goblet squats, 20 lb\n") == [
        ("goblet squats", None, Range.one(10), None, None)]
    assert moves("3 tips for a strong back, 2 for legs\n") == [
        ("tips for a strong back", None, Range.one(3), None, None)]


def test_a_numbered_list_run_together_on_one_line_is_split() -> None:
    text = ("1. Copenhagen plank - hold 20 s per side 2. Nordic curl - 5 reps "
            "3. Wall sit - 45 seconds\n")
    assert moves(text) == [("Copenhagen plank", None, None, Range.one(20), "side"),
                           ("Nordic curl", None, Range.one(5), None, None),
                           ("Wall sit", None, None, Range.one(45), None)]


def test_unlisted_count_first_lines_are_exercises_among_lines_like_them() -> None:
    text = ("Chipper\n\n30 box step-ups\n\n25x burpee\n20 kettlebell swings (16 kg)\n"
            "1 mile run\n")
    assert moves(text) == [("box step-ups", None, Range.one(30), None, None),
                           ("burpee", None, Range.one(25), None, None),
                           ("kettlebell swings", None, Range.one(20), None, None),
                           ("run", None, None, None, None)]  # a distance (1 mi), no count
    # Alone, or next to an exercise named first, such a line is prose.
    assert moves("Squat 3x10\n\n3 tips for a strong back\n") == [
        ("Squat", Range.one(3), Range.one(10), None, None)]


def test_a_time_capped_block_s_heading_is_a_heading_and_takes_no_sets_from_above() -> None:
    text = ("Do 3 rounds of each block.\n\nBlock one\n- Bridge 10 reps\n\nAMRAP 12 min:\n"
            "- Burpee 5 reps\n- Air squat 10 reps\n\nFor time\n- Lunge 20 reps\n")
    routine = import_text(text).routine
    assert [s.title for s in routine.sections] == ["Block one", "AMRAP 12 min", "For time"]
    assert [(e.name, e.prescription.sets) for e in routine.exercises] == [
        ("Bridge", Range.one(3)), ("Burpee", None), ("Air squat", None), ("Lunge", None)]


# --- rounds with different counts --------------------------------------------------------------

def test_rounds_with_their_own_counts_are_one_pass_each() -> None:
    text = ("Round 1\n- 12 thrusters\n- 9 box jumps\n\nRound 2\n- 10 thrusters\n- 7 box jumps\n"
            "\nRound 3: 8 thrusters, 5 box jumps\n")
    routine = import_text(text).routine
    assert [(s.title, s.rounds) for s in routine.sections] == [
        ("Round 1", None), ("Round 2", None), ("Round 3", None)]
    assert moves(text) == [
        ("thrusters", Range.one(1), Range.one(12), None, None),
        ("box jumps", Range.one(1), Range.one(9), None, None),
        ("thrusters", Range.one(1), Range.one(10), None, None),
        ("box jumps", Range.one(1), Range.one(7), None, None),
        ("thrusters", Range.one(1), Range.one(8), None, None),
        ("box jumps", Range.one(1), Range.one(5), None, None)]


def test_a_count_of_rounds_is_still_a_circuit() -> None:
    routine = import_text("Rounds: 4\n- Row 60 seconds\n- Dip 8 reps\n").routine
    assert [s.rounds for s in routine.sections] == [4]


# --- prescriptions written in a sentence ---------------------------------------------------------

def test_a_name_over_a_paragraph_takes_the_prescription_the_paragraph_gives() -> None:
    text = ("Standing hip hinge\n\nStand tall with soft knees and push your hips back until "
            "you feel the hamstrings. Build up to 15 repetitions per leg.\n\n"
            "2/ WALL ANGEL\nBack against the wall, slide your arms up slowly and "
            "hold it for 45 seconds on each side, two or three times.\n")
    imported = import_text(text)
    assert moves(text) == [
        ("Standing hip hinge", None, Range.one(15), None, "leg"),
        ("WALL ANGEL", Range(2, 3), None, Range.one(45), "side")]
    assert [r.role for r in imported.lines] == ["exercise", "detail", "exercise", "detail"]


def test_a_lone_name_over_a_paragraph_with_no_count_gives_no_exercise() -> None:
    # (A paragraph with both a hold and reps now gives a hold in each rep: see below.)
    text = ("Hip circle\nStand on one leg and draw slow circles with the other knee, "
            "keeping the pelvis level.\n")
    assert import_text(text).routine.exercises == ()


def test_names_over_describing_paragraphs_are_movements_with_the_paragraph_as_notes() -> None:
    text = ("5 ways to warm up\n\nWarming up matters before every run, so take ten minutes.\n\n"
            "Butt kicks\nMoving forward, kick your heels up towards your seat at a quick beat.\n\n"
            "Leg swings\nHold a wall and swing one leg forward and back. Do 10 reps on each leg.\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription) for e in exercises] == [
        ("Butt kicks", Prescription()),
        ("Leg swings", Prescription(reps=Range.one(10), side="leg"))]
    assert exercises[0].notes.startswith("Moving forward")


def test_a_name_and_its_description_on_one_line_in_a_list_of_such_lines() -> None:
    text = ("Head rolls - Gently roll your head around five times each way.\n"
            "Quads: Lie face down with both legs on the roller and roll hip to knee.\n"
            "Lunges \u2014 Step forward and hold for 30 seconds on each side.\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription) for e in exercises] == [
        ("Head rolls", Prescription(reps=Range.one(5))), ("Quads", Prescription()),
        ("Lunges", Prescription(seconds=Range.one(30), side="side"))]
    assert exercises[1].notes == "Lie face down with both legs on the roller and roll hip to knee."


def test_a_lone_name_and_description_line_is_not_a_movement() -> None:
    imported = import_text("Note: go easy on the first day.\nSquat 3x10\n")
    assert [e.name for e in imported.routine.exercises] == ["Squat"]


def test_reps_said_in_a_sentence_apply_to_the_names_below_it_that_give_none() -> None:
    text = ("For each exercise, complete 3 sets of 15 repetitions.\n"
            "Front pull\nStand with your back to the door and step away until it is taut.\n"
            "Back pull\nFace the door and pull the tethered foot back, then return.\n"
            "Crossover\nCross the tethered foot over in front of the other one slowly.\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription) for e in exercises] == [
        (name, Prescription(sets=Range.one(3), reps=Range.one(15)))
        for name in ("Front pull", "Back pull", "Crossover")]


def test_a_log_of_sets_after_the_name_gives_the_sets_and_the_reps() -> None:
    text = ("Squat \u2013 135\u00d78, 155\u00d78, 185\u00d78, 8, 90SRP\n"
            "Hack squat - 270x10, 10, 10, 10\nCurl: 12, 10, 8\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription.sets, e.prescription.reps) for e in exercises] == [
        ("Squat", Range.one(4), Range.one(8)), ("Hack squat", Range.one(4), Range.one(10)),
        ("Curl", Range.one(3), Range(8, 12))]
    assert exercises[0].notes == "135x8, 155x8, 185x8, 8, 90SRP"


def test_a_number_run_into_a_capitalised_name_is_its_list_number() -> None:
    exercises = import_text("1Inner range quads\n3 sets of 10 reps\n2Heel raise\n"
                            "3 sets of 8 reps\n").routine.exercises
    assert [(e.name, e.prescription.reps) for e in exercises] == [
        ("Inner range quads", Range.one(10)), ("Heel raise", Range.one(8))]


def test_a_description_gives_a_count_of_times_a_hold_or_only_the_side() -> None:
    text = ("Pigeon pose\nBend the front leg and walk your palms forward. Hold for at least "
            "45 seconds. Repeat on the right.\n\nQuad stretch\nStep back into a lunge and bend "
            "the back leg. Raise and lower three or four times. Repeat on the other leg.\n\n"
            "Hip circles\nStand tall and draw big circles with one knee, then switch sides.\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription) for e in exercises] == [
        ("Pigeon pose", Prescription(seconds=Range.one(45), side="side")),
        ("Quad stretch", Prescription(reps=Range(3, 4), side="leg")),
        ("Hip circles", Prescription(side="side"))]


def test_sets_alone_on_the_line_below_the_name_join_the_work_on_the_next_line() -> None:
    imported = import_text("Knee extension\n3 sets\n15 seconds\n\nHeel raise\n2 sets\n10 reps\n")
    assert imported.issues == ()
    assert [(e.name, e.prescription) for e in imported.routine.exercises] == [
        ("Knee extension", Prescription(sets=Range.one(3), seconds=Range.one(15))),
        ("Heel raise", Prescription(sets=Range.one(2), reps=Range.one(10)))]


def test_a_block_sentence_gives_its_exercises_their_time_and_rest_but_not_the_rounds_rest(
) -> None:
    text = ("Do each exercise for 40 seconds, then rest 20 seconds. Complete 3 sets.\n"
            "- Squats\n- Push-ups\n- Burpees\n\n"
            "Perform each move for 1 minute and rest 2 minutes between rounds.\n"
            "- Plank\n- Wall sit\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription) for e in exercises] == [
        *((name, Prescription(sets=Range.one(3), seconds=Range.one(40),
                              rest_seconds=Range.one(20)))
          for name in ("Squats", "Push-ups", "Burpees")),
        ("Plank", Prescription(seconds=Range.one(60))),
        ("Wall sit", Prescription(seconds=Range.one(60)))]


def test_a_sentence_that_starts_with_hold_or_do_gives_the_count_of_the_name_above() -> None:
    imported = import_text("Calf stretch\nHold the stretch for 30 seconds. Repeat on the other "
                           "leg.\nHeel raise\nDo 15 reps.\n")
    assert [(e.name, e.prescription) for e in imported.routine.exercises] == [
        ("Calf stretch", Prescription(seconds=Range.one(30), side="leg")),
        ("Heel raise", Prescription(reps=Range.one(15)))]


def test_a_block_done_for_a_time_carries_its_time_and_gives_no_sets() -> None:
    text = ("Do 3 sets of each.\n\nAMRAP 12 min:\n- 10 burpees\n- 15 squats\n\n"
            "As many rounds as possible in 7 minutes:\n- 5 pull-ups\n\nFor time:\n"
            "- 21 thrusters\n\n12-minute AMRAP\n- 5 lunges\n- 5 sit-ups\n")
    imported = import_text(text)
    assert [(s.title, s.time_cap_seconds, [e.name for e in s.exercises])
            for s in imported.routine.sections] == [
        ("AMRAP 12 min", 720, ["burpees", "squats"]),
        ("As many rounds as possible in 7 minutes", 420, ["pull-ups"]),
        ("For time", None, ["thrusters"]),
        ("12-minute AMRAP", 720, ["lunges", "sit-ups"])]
    assert all(e.prescription.sets is None for e in imported.routine.exercises)
    saved = parse_routine(format_routine(imported.routine))
    assert saved.routine is not None and saved.routine.sections == imported.routine.sections


def test_names_in_one_line_separated_by_commas_under_a_colon_are_movements() -> None:
    text = ("Poses in this sequence:\nTadasana, Uttanasana, Lunge pose, Pigeon and Child's pose\n"
            "\nWhy it works: squats, lunges, and more will help you run.\n")
    imported = import_text(text)
    assert [(e.name, e.prescription) for e in imported.routine.exercises] == [
        (name, Prescription()) for name in
        ("Tadasana", "Uttanasana", "Lunge pose", "Pigeon", "Child's pose")]


def test_a_sentence_with_a_prescription_gives_it_to_the_block_under_it() -> None:
    text = ("For these moves, 4x8-15 with 2 min rest\n- Nordic curl\n- Slider curl\n\n"
            "Upper body:\nWeighted hip thrust\nSit with a bench behind you and drive through "
            "the heels. Lower and repeat 8 to 10 times for 3 sets.\n\nBent-over row\n"
            "Hold a dumbbell and row it back to the hip, then lower it slowly.\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription) for e in exercises] == [
        *((name, Prescription(sets=Range.one(4), reps=Range(8, 15),
                              rest_seconds=Range.one(120)))
          for name in ("Nordic curl", "Slider curl")),
        ("Weighted hip thrust", Prescription(sets=Range.one(3), reps=Range(8, 10))),
        ("Bent-over row", Prescription())]


def test_a_paragraph_with_both_reps_and_a_hold_gives_a_hold_in_each_rep() -> None:
    text = ("Curl-up\nLie on your back with one knee bent. Hold for 8-10 seconds, and do 3-5 "
            "reps on each side.\n")
    (exercise,) = import_text(text).routine.exercises
    assert exercise.prescription == Prescription(reps=Range(3, 5), side="side",
                                                 hold=Range(8, 10))


def test_a_name_over_its_count_then_a_name_over_a_description_are_both_movements() -> None:
    text = ("Cool down\nPigeon pose\nHold for 45 seconds. Repeat on the other side.\n\n"
            "Child's pose\nSink back onto your heels and breathe slowly for a minute.\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.prescription) for e in exercises] == [
        ("Pigeon pose", Prescription(seconds=Range.one(45), side="side")),
        ("Child's pose", Prescription())]


def test_the_reps_of_each_side_after_a_total_are_the_reps() -> None:
    assert rx("Reverse lunge 4 sets x 20 reps (10 each leg)") == Prescription(
        sets=Range.one(4), reps=Range.one(10), side="leg")


def test_the_side_of_a_name_over_a_paragraph_with_its_count() -> None:
    text = ("Quad stretch\nStand by a wall and pull your foot back towards your seat. Hold for "
            "about 20 seconds. Repeat with the left leg.\n")
    assert only(import_text(text)).prescription == Prescription(seconds=Range.one(20),
                                                                  side="leg")


def test_a_count_followed_by_each_alone_is_per_side() -> None:
    assert rx("- Leg swings x 10 each") == Prescription(reps=Range.one(10), side="side")


def test_a_block_on_the_clock_gives_its_rounds_as_sets() -> None:
    text = "On the 2 minute interval for 20 minutes\n\n16 jumping lunges\n12 kettlebell swings\n"
    assert [(e.name, e.prescription.sets) for e in import_text(text).routine.exercises] == [
        ("jumping lunges", Range.one(10)), ("kettlebell swings", Range.one(10))]


def test_an_aside_offering_a_choice_and_a_load_in_a_name_are_notes() -> None:
    text = ("- Hamstring curls (machine or ball) 3 x 12\n- Calf press (on the leg press) 3 x 15\n"
            "- Squats (with band) 3 x 8\nStanding calf raise - 295lbs x 10\n")
    exercises = import_text(text).routine.exercises
    assert [(e.name, e.notes) for e in exercises] == [
        ("Hamstring curls", "(machine or ball)"), ("Calf press", "(on the leg press)"),
        ("Squats (with band)", ""), ("Standing calf raise", "295lbs")]
