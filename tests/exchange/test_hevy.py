"""Hevy CSV exports: kg and lbs files read exactly (multi-line notes, supersets), bad files
refused with a place and a reason, imports idempotent; the routine text made for an imported
workout always reads back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride.app import Strongstride
from strongstride.errors import StrongstrideError
from strongstride.exchange.csvread import ImportedSet, ImportedWorkout, Skipped
from strongstride.exchange.hevy import hevy_time, read_hevy
from strongstride.exchange.history_import import routine_text, session_of
from strongstride.library import default_library
from strongstride.plan.session import build_plan
from strongstride.routine.parse import parse_routine
from strongstride.store import Store

DATA = Path(__file__).parent / "data"
KG = (DATA / "hevy_kg.csv").read_text(encoding="utf-8")
LBS = (DATA / "hevy_lbs.csv").read_text(encoding="utf-8")
STRONG = (DATA / "strong_current.csv").read_text(encoding="utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[Store, int, Path]]:
    path = tmp_path / "strongstride.db"
    with Store.open(f"sqlite:///{path}") as store:
        yield store, store.ensure_user(), path


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


# Reading ---------------------------------------------------------------------------------------
def test_a_kg_file_is_read_set_by_set() -> None:
    result = read_hevy(KG, "hevy.csv")
    assert result.ok and result.issues == () and result.skipped == ()
    lower, run = result.workouts
    assert (lower.title, lower.started_at, lower.ended_at, lower.notes, lower.line) == (
        "Lower A", datetime(2026, 4, 7, 10, 14), datetime(2026, 4, 7, 11, 2), "Felt strong", 2)
    assert [(s.line, s.exercise_index, s.set_number, s.kind, s.weight, s.reps, s.rpe)
            for s in lower.sets] == [
        (2, 0, 1, "warm-up", 8.0, 10, None), (3, 0, 2, "normal", 16.0, 12, 8.0),
        (4, 0, 3, "normal", 16.0, 12, 9.0), (5, 1, 1, "normal", 14.0, 8, 8.5),
        (6, 1, 2, "failure", 14.0, 11, 10.0), (7, 1, 3, "drop", 8.0, 12, None),
        (8, 2, 1, "normal", None, None, None)]
    assert {s.unit for s in lower.sets if s.weight} == {"kg"}
    assert [s.exercise_id for s in lower.sets[2:5]] == [
        "goblet-squat", "single-leg-deadlift", "single-leg-deadlift"]
    assert lower.sets[3].note == "Left side weaker"
    assert lower.sets[6] == ImportedSet("Plank", None, 2, 1, seconds=45.0)
    assert run.sets == (ImportedSet("Running", None, 0, 1, seconds=2040.0, distance=6.4,
                                    distance_unit="km"),)


def test_a_lbs_file_keeps_lb_multi_line_notes_and_the_superset() -> None:
    result = read_hevy(LBS, "hevy.csv")
    assert result.ok and result.issues == ()
    (day,) = result.workouts
    assert day.notes == "Gym was busy.\nShort rests."
    assert [(s.line, s.exercise, s.weight, s.unit, s.reps, s.superset) for s in day.sets] == [
        (2, "Bulgarian Split Squat", 35.0, "lb", 10, "0"),
        (5, "Bulgarian Split Squat", 35.0, "lb", 10, "0"),
        (8, "Standing Calf Raise", 90.0, "lb", 15, "0"),
        (10, "Standing Calf Raise", 90.0, "lb", 15, "0"),
        (13, "Treadmill Walk", None, None, None, None)]
    assert day.sets[0].note == "Rear foot on bench.\nKeep torso upright"
    assert (day.sets[4].distance, day.sets[4].distance_unit, day.sets[4].seconds) == (
        0.5, "mi", 600.0)
    assert result.skipped == (Skipped(12, "empty row"),)
    windows = read_hevy("\ufeff" + LBS.replace("\n", "\r\n"), "hevy.csv")
    assert windows == result


def test_hevy_times_are_read_as_written() -> None:
    assert hevy_time("7 Apr 2026, 10:14") == datetime(2026, 4, 7, 10, 14)
    assert hevy_time("17 September 2025, 7:05") == datetime(2025, 9, 17, 7, 5)
    assert hevy_time("2026-04-07 10:14:00") == datetime(2026, 4, 7, 10, 14)
    assert hevy_time("31 Feb 2026, 10:14") is None
    assert hevy_time("7 Foo 2026, 10:14") is None


def test_an_unknown_set_type_is_skipped_and_said() -> None:
    text = KG.replace('"dropset"', '"cluster"')
    assert read_hevy(text, "h.csv").skipped == (
        Skipped(7, "set_type 'cluster' is not normal, warmup, dropset or failure"),)


# Refusing bad files ----------------------------------------------------------------------------
def refused(db: tuple[Store, int, Path], text: str, message: str,
            where: tuple[int, int] | None) -> None:
    store, user, path = db
    Strongstride(store).store_history(user, read_hevy(KG, "hevy.csv"), tz=UTC)
    before = snapshot(path)
    result = read_hevy(text, "bad.csv")
    assert not result.ok
    issue = result.errors[0]
    assert message in issue.message
    assert (None if issue.span is None else (issue.span.line, issue.span.column)) == where
    with pytest.raises(StrongstrideError, match="nothing was imported"):
        Strongstride(store).store_history(user, result, tz=UTC)
    assert snapshot(path) == before


def test_a_strong_file_given_as_hevy_says_what_it_looks_like(db: tuple[Store, int, Path]) -> None:
    refused(db, STRONG, "this is not a Hevy export: its header looks like a Strong export "
                        "(read it with --strong)", (1, 1))


def test_our_own_csv_export_given_as_hevy_points_to_the_backup(
        db: tuple[Store, int, Path]) -> None:
    from strongstride.exchange.backup import CSV_COLUMNS

    refused(db, ",".join(CSV_COLUMNS) + "\n", "looks like a strongstride export", (1, 1))


def test_a_truncated_file_is_an_unterminated_quote(db: tuple[Store, int, Path]) -> None:
    cut = LBS[:LBS.index("Keep torso")]
    refused(db, cut, "a quoted field opened here never closes", (3, 41))


def test_a_bad_time_names_the_line_and_the_column(db: tuple[Store, int, Path]) -> None:
    text = KG.replace('"9 Apr 2026, 06:40"', '"9 Apr 2026 at 06:40"')
    refused(db, text, "start_time '9 Apr 2026 at 06:40' is not a time like 7 Apr 2026, 10:14",
            (9, 15))


def test_a_bad_number_names_the_line_and_the_column(db: tuple[Store, int, Path]) -> None:
    refused(db, KG.replace('"normal",16,12,,,9', '"normal",16,twelve,,,9'),
            "reps 'twelve' is not a number", (4, 98))
    refused(db, KG.replace('"normal",16,12,,,9', '"normal",16,12.5,,,9'),
            "reps '12.5' is not a whole number", (4, 98))
    refused(db, KG.replace(',8,10,,,\n', ',8,10,,,0\n', 1), "rpe '0' is out of range", (2, 102))


def test_a_huge_file_is_refused(db: tuple[Store, int, Path]) -> None:
    refused(db, KG + "x" * (33 * 2**20), "history files are limited to 32 MB", None)


def test_the_end_before_the_start_is_a_warning_and_left_out() -> None:
    text = KG.replace('"9 Apr 2026, 07:15"', '"9 Apr 2026, 05:15"')
    result = read_hevy(text, "h.csv")
    assert result.ok and result.workouts[1].ended_at is None
    assert [i.severity for i in result.issues] == ["warning"]


# Importing -------------------------------------------------------------------------------------
def test_an_import_is_idempotent_and_keeps_lb(db: tuple[Store, int, Path]) -> None:
    store, user, path = db
    done = Strongstride(store).store_history(user, read_hevy(LBS, "hevy.csv"), tz=UTC)
    assert (done.count.sessions_added, done.count.sets_added) == (1, 5)
    before = snapshot(path)
    again = Strongstride(store).store_history(user, read_hevy(LBS, "hevy.csv"), tz=UTC)
    assert (again.count.sessions_added, again.count.sets_added, again.count.sets_present) == (
        0, 0, 5)
    assert snapshot(path) == before
    (info,) = store.history(user)
    assert info.ended_at == datetime(2026, 3, 12, 19, 0, tzinfo=UTC)
    sets = store.sets_of(info.id)
    assert [(s.load, s.unit) for s in sets[:4]] == [(35.0, "lb")] * 2 + [(90.0, "lb")] * 2
    assert sets[4].note == "distance 0.5 mi"
    text = store.routine_version(info.routine_version_id).text
    assert "Bulgarian Split Squat: 2 sets of 10 reps\n    superset 0\n" in text
    assert "    Gym was busy.\n    Short rests.\n" in text


# The routine text of an imported workout -------------------------------------------------------
NAMES = st.text(min_size=1, max_size=40)
SETS = st.lists(st.tuples(NAMES, st.sampled_from(["normal", "warm-up", "drop", "failure"]),
                          st.none() | st.integers(0, 100_000),
                          st.none() | st.floats(0, 1e7)), min_size=1, max_size=25)


def workout(title: str, notes: str, rows: list[tuple[str, str, int | None, float | None]]
            ) -> ImportedWorkout:
    sets, last, index, number = [], None, -1, 0
    for name, kind, reps, seconds in rows:
        if name != last:
            last, index, number = name, index + 1, 0
        number += 1
        sets.append(ImportedSet(name, None, index, number, kind,  # type: ignore[arg-type]
                                reps=reps, seconds=seconds))
    return ImportedWorkout(datetime(2026, 1, 1, 8), title, tuple(sets), notes=notes)


def reads_back(done: ImportedWorkout) -> None:
    session = session_of("me", "hevy", done, UTC, default_library())
    parsed = parse_routine(session.routine.text)
    assert parsed.issues == (), session.routine.text
    assert parsed.routine is not None
    keys = {step.key for step in build_plan(parsed.routine).work_steps}
    assert {s.step_key for s in session.sets if s.step_key.endswith(".work")
            and s.set_number <= 20} <= keys


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60), st.text(max_size=300), SETS)
def test_the_routine_text_of_any_workout_reads_back(title: str, notes: str,
                                                    rows: list[tuple[str, str, int | None,
                                                                     float | None]]) -> None:
    reads_back(workout(title, notes, rows))


@pytest.mark.parametrize(("title", "notes", "name"), [
    ("# Heading", "// a comment\n  indented\n\n## main", "## Squat: heavy"),
    ("", "x" * 5000, "setup"),
    ("\u2028\x85", "line\u2028break\x0bvertical", "// Plank"),
    ("Leg day", "", "Squat\x00\x1f"),
    ("T" * 5000, "word " * 3000, "N" * 3000),  # lines are limited to 2,000 characters
])
def test_awkward_titles_notes_and_names_read_back(title: str, notes: str, name: str) -> None:
    reads_back(workout(title, notes, [(name, "normal", 5, None), (name, "warm-up", None, None)]))


def test_a_half_second_hold_reads_back() -> None:
    # Found by hypothesis: 0.5 s rounded to 0 gave the backwards range "1-0 seconds".
    reads_back(workout("", "", [("0", "normal", None, 0.5)]))


def test_the_routine_text_says_what_was_done() -> None:
    (lower, _) = read_hevy(KG, "hevy.csv").workouts
    names = {"Goblet Squat": "Goblet squat",
             "Single Leg Romanian Deadlift (Dumbbell)": "Single-leg deadlift", "Plank": "Plank"}
    assert routine_text("hevy", lower, names) == (
        "# Lower A\nnotes: Imported from Hevy.\n"
        "    Felt strong\n\n## main\n"
        "Goblet squat: 3 sets of 10-12 reps\n    Hevy name: Goblet Squat\n    1 warm-up set\n"
        "Single-leg deadlift: 3 sets of 8-12 reps\n"
        "    Hevy name: Single Leg Romanian Deadlift (Dumbbell)\n    1 failure set, 1 drop set\n"
        "Plank: 1 set of 45 seconds\n")


# Fuzzing ---------------------------------------------------------------------------------------
MUTATION = st.tuples(st.integers(0, len(LBS)), st.integers(0, 12),
                     st.text(alphabet=st.sampled_from(list(',;"\n\r 0123456789.:aApr\x00')),
                             max_size=6))


def never_raises(text: str, store: Store, user: int) -> None:
    result = read_hevy(text, "fuzz.csv")
    result.report()
    if result.ok:
        Strongstride(store).store_history(user, result, tz=UTC)
    else:
        with pytest.raises(StrongstrideError):
            Strongstride(store).store_history(user, result, tz=UTC)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gives_a_clean_result(text: str) -> None:
    with Store.open("sqlite://") as store:
        never_raises(text, store, store.ensure_user())
        never_raises(LBS.splitlines()[0] + "\n" + text, store, store.ensure_user())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=4), st.sampled_from([KG, LBS]))
def test_mutated_files_give_a_clean_result(edits: list[tuple[int, int, str]], base: str) -> None:
    for at, cut, insert in edits:
        at %= len(base) + 1
        base = base[:at] + insert + base[at + cut:]
    with Store.open("sqlite://") as store:
        never_raises(base, store, store.ensure_user())
