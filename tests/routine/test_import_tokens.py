"""The quantities tagged on a line of pasted text (`routine.import_tokens`)."""

from __future__ import annotations

import pytest

from strongstride.routine.import_tokens import quantities, split_note_quantities


def kinds(text: str) -> list[tuple[str, str]]:
    return [(q.kind, q.text) for q in quantities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("3 sets of 10 reps each leg, rest 60 s",
     [("sets", "3 sets"), ("reps", "10 reps"), ("side", "each leg"), ("rest", "rest 60 s")]),
    ("Squat 3x8 tempo 3010", [("sets", "3x"), ("tempo", "tempo 3010")]),
    ("800 meter run", [("distance", "800 meter")]),
    ("Row 2 x 500m", [("sets", "2 x"), ("distance", "500m")]),
    ("5m plank", [("seconds", "5m")]),
    ("400m repeats @ RPE 8", [("distance", "400m"), ("rpe", "RPE 8")]),
    ("20 calorie row", [("calories", "20 calorie")]),
    ("80-cal. bike", [("calories", "80-cal.")]),
    ("Thrusters 95/65 lb", [("load", "95/65 lb")]),
    ("Wall balls 20# to 10 ft", [("load", "20#"), ("distance", "10 ft")]),
    ("Squat 5x5 at 80%", [("sets", "5x"), ("percent", "80%")]),
    ("Plank 1:30", [("seconds", "1:30")]),
    ("4 rounds", [("rounds", "4 rounds")]),
    ("Pigeon pose", []),
])
def test_each_amount_is_tagged_with_what_it_measures(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_amounts_that_are_never_a_count_are_taken_out_keeping_columns() -> None:
    cut, taken = split_note_quantities("800 m run, RPE 7")
    assert taken == ["800 m", "RPE 7"]
    assert len(cut) == len("800 m run, RPE 7")
    assert cut.split() == ["run,"]
    # Loads and tempos stay: the prescription reader reads them.
    assert split_note_quantities("Squat 3x5 @ 100 kg") == ("Squat 3x5 @ 100 kg", [])


def test_imported_distances_are_read_calories_are_notes_and_the_name_is_the_movement() -> None:
    from strongstride.routine.importer import import_text

    imported = import_text("- 800 meters easy run\n- 20 cal row\n- 10 burpees\n"
                           "- Bike 20 cal\n- 1 Mile Run\n")
    assert [(e.name, e.notes, str(e.prescription.distance or "")) for e in
            imported.routine.exercises] == [
        ("easy run", "", "800 m"), ("row", "20 cal", ""), ("burpees", "", ""),
        ("Bike", "20 cal", ""), ("Run", "", "1 mi")]
