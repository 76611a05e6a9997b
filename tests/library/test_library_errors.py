"""Broken library files give one clear StrongstrideError that says where and how to fix it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strongstride.errors import NotFound, Span, StrongstrideError
from strongstride.library import load_library


def entry(exercise_id: str = "a-move", **changes: Any) -> dict[str, Any]:
    """A valid exercise; `changes` replace fields, and a value of None removes the field."""
    fields: dict[str, Any] = {
        "id": exercise_id,
        "name": exercise_id.replace("-", " ").capitalize(),
        "aliases": [],
        "primary_muscles": ["glute max"],
        "equipment": [],
        "one_sided": False,
        "seconds_per_rep": 3.0,
        "steps": ["Stand tall.", "Squat down.", "Stand up."],
        "cues": ["Chest up", "Knees out"],
        "mistakes": ["Rounding your back."],
    }
    fields.update(changes)
    return {key: value for key, value in fields.items() if value is not None}


def toml_text(*entries: dict[str, Any]) -> str:
    lines: list[str] = []
    for fields in entries:
        lines.append("[[exercise]]")
        mods = fields.get("modifications")
        # Each modification gets a variation name unless the entry says which to write.
        names = fields.get("variations", {key: f"{key} variation" for key in mods or {}})
        for key, value in fields.items():
            if key not in ("modifications", "variations"):
                lines.append(f"{key} = {_value(value)}")
        if mods is not None:
            lines.append("[exercise.modifications]")
            lines.extend(f"{key} = {_value(value)}" for key, value in mods.items())
        if names:
            lines.append("[exercise.variations]")
            lines.extend(f"{key} = {_value(value)}" for key, value in names.items())
        lines.append("")
    return "\n".join(lines)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)  # JSON strings and lists are valid TOML


def load_error(tmp_path: Path, text: str) -> tuple[Path, StrongstrideError]:
    path = tmp_path / "exercises.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StrongstrideError) as caught:
        load_library(path)
    return path, caught.value


def line_of(text: str, start: str, occurrence: int = 1) -> int:
    numbers = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    return numbers[occurrence - 1]


def test_the_helpers_write_a_file_that_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(
        toml_text(entry(), entry("b-move", equipment=["band"], modifications={"band": "Go slow."}))
    )
    library = load_library(path)
    assert [info.id for info in library] == ["a-move", "b-move"]
    assert library.get("b-move").modifications == (("band", "Go slow."),)
    assert library.get("b-move").variation("band") == "band variation"
    assert library.get("b-move").variation("weights") is None


def test_a_modification_needs_a_variation_name(tmp_path: Path) -> None:
    text = toml_text(entry(equipment=["band"], modifications={"band": "Go slow."},
                           variations={}))
    path, error = load_error(tmp_path, text)
    assert error.message == (
        f"{path}: exercise 1 ('a-move'), field 'variations': no name for the exercise as done "
        "without 'band'; add `band = \"name of the variation\"` under [exercise.variations]")
    assert error.issues[0].span is not None
    # no [exercise.variations] table to point at: the exercise's own header
    assert error.issues[0].span.line == line_of(text, "[[exercise]]")


def test_a_variation_name_needs_its_modification(tmp_path: Path) -> None:
    text = toml_text(entry(equipment=["band", "step"], modifications={"band": "Go slow.",
                                                                      "step": "Use a book."},
                           variations={"band": "Slow move", "step": "Book move",
                                       "wall": "Wall move"}))
    path, error = load_error(tmp_path, text)
    assert error.message == (
        f"{path}: exercise 1 ('a-move'), field 'variations' key 'wall': 'wall' has a "
        "variation name but no modification; add `wall = \"what to do instead\"` under "
        "[exercise.modifications]")
    assert error.issues[0].span is not None
    assert error.issues[0].span.line == line_of(text, "wall = ")


def test_missing_field(tmp_path: Path) -> None:
    text = toml_text(entry(), entry("b-move", cues=None))
    path, error = load_error(tmp_path, text)
    assert error.message == (
        f"{path}: exercise 2 ('b-move'), field 'cues': required field is missing; "
        "add a `cues = ...` line to this exercise"
    )
    assert len(error.issues) == 1
    assert error.issues[0].span == Span(line_of(text, "[[exercise]]", 2), 1)
    assert error.issues[0].source == str(path)


def test_unknown_field_suggests_the_known_one(tmp_path: Path) -> None:
    text = toml_text(entry(cue=["Slow"]))
    path, error = load_error(tmp_path, text)
    assert error.message == (
        f"{path}: exercise 1 ('a-move'), field 'cue': unknown field; did you mean 'cues'?"
    )
    assert error.issues[0].span == Span(line_of(text, "cue = "), 1)


def test_too_few_cues(tmp_path: Path) -> None:
    text = toml_text(entry(), entry("monster-walk", cues=["Stay low"]))
    path, error = load_error(tmp_path, text)
    assert error.message == (
        f"{path}: exercise 2 ('monster-walk'), field 'cues': give 2 to 4 cues (found 1)"
    )
    assert error.issues[0].span == Span(line_of(text, "cues = ", 2), 1)
    assert error.issues[0].render().startswith(f"{path}:{line_of(text, 'cues = ', 2)}:1: error:")


def test_too_many_steps_and_no_mistakes_are_both_reported(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, toml_text(entry(steps=["Go."] * 7, mistakes=[])))
    assert [issue.message for issue in error.issues] == [
        "exercise 1 ('a-move'), field 'steps': give 3 to 6 steps (found 7)",
        "exercise 1 ('a-move'), field 'mistakes': give 1 to 4 mistakes (found 0)",
    ]


def test_duplicate_id(tmp_path: Path) -> None:
    text = toml_text(entry("a-move"), entry("b-move"), entry("a-move", name="Other move"))
    path, error = load_error(tmp_path, text)
    assert error.message == (
        f"{path}: exercise 3 ('a-move'), field 'id': 'a-move' is already the id of "
        "exercise 1; give each exercise its own id"
    )
    assert error.issues[0].span == Span(line_of(text, "id = ", 3), 1)


def test_duplicate_alias_across_exercises_ignoring_case_and_apostrophes(tmp_path: Path) -> None:
    first = entry("calf-stretch", name="Runner's calf stretch")
    second = entry("wall-stretch", aliases=["wall stretch", "RUNNER’S CALF STRETCH"])
    path, error = load_error(tmp_path, toml_text(first, second))
    assert error.message == (
        f"{path}: exercise 2 ('wall-stretch'), field 'aliases': 'RUNNER’S CALF STRETCH' "
        "already names exercise 1 ('calf-stretch') (names are matched ignoring case, "
        "apostrophes and hyphens); use another name or remove it"
    )


def test_an_alias_repeated_within_one_exercise(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, toml_text(entry(aliases=["squat", "squat"])))
    assert error.issues[0].message == (
        "exercise 1 ('a-move'), field 'aliases': 'squat' is listed twice; keep it once"
    )


def test_unknown_equipment_id(tmp_path: Path) -> None:
    text = toml_text(entry(equipment=["mat", "bands"]))
    path, error = load_error(tmp_path, text)
    assert error.message.startswith(
        f"{path}: exercise 1 ('a-move'), field 'equipment' item 2: unknown equipment id "
        "'bands'; did you mean 'band'? use one of: band, exercise-ball, weights,"
    )
    assert error.issues[0].span == Span(line_of(text, "equipment = "), 1)


def test_missing_modification_for_used_lackable_equipment(tmp_path: Path) -> None:
    text = toml_text(entry(equipment=["weights", "wall"]))
    path, error = load_error(tmp_path, text)
    assert error.message == (
        f"{path}: exercise 1 ('a-move'), field 'modifications': no modification for "
        "'weights', which a user may not have; add `weights = \"what to do instead\"` "
        "under [exercise.modifications]"
    )


def test_a_wall_or_mat_needs_no_modification(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(toml_text(entry(equipment=["wall", "mat"])))
    assert load_library(path).get("a-move").modifications == ()


def test_modification_key_must_be_known_equipment(tmp_path: Path) -> None:
    text = toml_text(entry(equipment=["band"], modifications={"band": "Go.", "bandz": "Go."}))
    path, error = load_error(tmp_path, text)
    assert error.message.startswith(
        f"{path}: exercise 1 ('a-move'), field 'modifications' key 'bandz': unknown "
        "equipment id 'bandz'; did you mean 'band'?"
    )
    assert error.issues[0].span == Span(line_of(text, "bandz = "), 1)


def test_modification_for_equipment_the_exercise_does_not_use(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, toml_text(entry(modifications={"weights": "Use a bag."})))
    assert error.issues[0].message == (
        "exercise 1 ('a-move'), field 'modifications' key 'weights': the exercise does not "
        "use 'weights'; add it to equipment or remove this line"
    )


def test_wrong_type_says_what_was_expected_and_found(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, toml_text(entry(one_sided="yes", seconds_per_rep="3")))
    assert [issue.message for issue in error.issues] == [
        "exercise 1 ('a-move'), field 'one_sided': expected true or false, found the text 'yes'",
        "exercise 1 ('a-move'), field 'seconds_per_rep': expected a number, like 3.0, "
        "found the text '3'",
    ]


def test_blank_text_and_bad_id(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, toml_text(entry("Goblet Squat", steps=["Go.", "  ", "Up."])))
    messages = [issue.message for issue in error.issues]
    assert messages[0].startswith(
        "exercise 1 ('Goblet Squat'), field 'id': 'Goblet Squat' is not kebab-case"
    )
    assert messages[1] == (
        "exercise 1 ('Goblet Squat'), field 'steps' item 2: is empty; "
        "write the text or remove the entry"
    )


def test_a_cue_too_long_for_a_phone(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, toml_text(entry(cues=["Chest up", "x" * 61])))
    assert error.issues[0].message == (
        "exercise 1 ('a-move'), field 'cues' item 2: is 61 characters long; "
        "keep it to 60 so it fits on a phone screen"
    )


def test_hold_and_seconds_per_rep_must_agree(tmp_path: Path) -> None:
    text = toml_text(entry(hold=True), entry("b-move", seconds_per_rep=0.0))
    _, error = load_error(tmp_path, text)
    assert [issue.message for issue in error.issues] == [
        "exercise 1 ('a-move'), field 'seconds_per_rep': a held stretch has no reps; "
        "set seconds_per_rep = 0",
        "exercise 2 ('b-move'), field 'seconds_per_rep': give the seconds one rep takes "
        "(about 2 to 5), or set hold = true for a held stretch",
    ]


def test_toml_syntax_error_gives_file_line_and_column(tmp_path: Path) -> None:
    text = '[[exercise]]\nid = "a-move"\nname = "A" "B"\n'
    path, error = load_error(tmp_path, text)
    assert error.message.startswith(f"{path}:3:12: TOML syntax error: Expected newline")
    assert error.message.endswith(
        "check the quotes, brackets and commas here and on the line before"
    )
    assert error.issues[0].span == Span(3, 12)
    assert error.issues[0].render().startswith(f"{path}:3:12: error: TOML syntax error")


def test_toml_error_at_end_of_document_points_at_the_last_line(tmp_path: Path) -> None:
    path, error = load_error(tmp_path, '[[exercise]]\nsteps = ["a", "b"\n')
    assert error.issues[0].span == Span(2, 18)
    assert error.message.startswith(f"{path}:2:18: TOML syntax error: Unclosed array")


def test_a_key_set_twice_is_explained(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, '[[exercise]]\nid = "a"\nid = "b"\n')
    assert error.issues[0].span == Span(3, 9)
    assert "the key is set twice in one table; keep one" in error.message


def test_an_empty_file_and_a_single_bracket_table(tmp_path: Path) -> None:
    path, error = load_error(tmp_path, "# nothing yet\n")
    assert error.message == (
        f"{path}: the file has no exercises; add one [[exercise]] table per exercise"
    )
    _, error = load_error(tmp_path, '[exercise]\nid = "a"\n')
    assert error.issues[0].message == (
        "write each exercise as an [[exercise]] table, with double brackets"
    )


def test_unknown_top_level_key(tmp_path: Path) -> None:
    _, error = load_error(tmp_path, "version = 2\n" + toml_text(entry()))
    assert error.issues[0].message == (
        "unknown top-level key 'version'; the file holds only [[exercise]]"
    )


def test_every_problem_in_the_file_is_reported_at_once(tmp_path: Path) -> None:
    text = toml_text(entry(cues=["One"]), entry("b-move"), entry("c-move", steps=None))
    path, error = load_error(tmp_path, text)
    assert [issue.message.split(":")[0] for issue in error.issues] == [
        "exercise 1 ('a-move'), field 'cues'",
        "exercise 3 ('c-move'), field 'steps'",
    ]
    assert error.message.count(f"{path}: exercise") == 2


def test_a_missing_file_and_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no such file"):
        load_library(tmp_path / "nope.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[[exercise]]\nname = "caf\xe9"\n')
    with pytest.raises(StrongstrideError) as caught:
        load_library(path)
    assert caught.value.message == f"{path}:2: the file is not UTF-8 text; save it as UTF-8"
