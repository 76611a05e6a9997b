"""Strong CSV exports: both dialects read exactly, bad files refused with a place and a reason,
imports written in one transaction and never twice."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride.app import Strongstride
from strongstride.errors import StrongstrideError
from strongstride.exchange.csvread import MAX_BYTES, Imported, ImportedSet, Skipped, read_text
from strongstride.exchange.history_import import HistoryImport
from strongstride.exchange.strong import read_strong
from strongstride.plan.session import build_plan
from strongstride.routine.parse import parse_routine
from strongstride.store import Store

DATA = Path(__file__).parent / "data"
CURRENT = (DATA / "strong_current.csv").read_text(encoding="utf-8")
OLD = (DATA / "strong_old_semicolon.csv").read_text(encoding="utf-8")
HEVY = (DATA / "hevy_kg.csv").read_text(encoding="utf-8")
HEADER = CURRENT.splitlines()[0]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[Store, int, Path]]:
    path = tmp_path / "strongstride.db"
    with Store.open(f"sqlite:///{path}") as store:
        yield store, store.ensure_user(), path


def keep(store: Store, user: int, imported: Imported, *, tz: tzinfo) -> HistoryImport:
    """Store what was read, as `strongstride import-history` does."""
    return Strongstride(store).store_history(user, imported, tz=tz)


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: to show that a refused import changed nothing."""
    with sqlite3.connect(path) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("routines", "routine_versions", "sessions", "set_logs")}


# Reading ---------------------------------------------------------------------------------------
def test_the_current_format_is_read_set_by_set() -> None:
    result = read_strong(CURRENT, "strong.csv", unit="kg")
    assert result.ok and result.issues == ()
    leg, run = result.workouts
    assert (leg.started_at, leg.title, leg.duration_seconds, leg.notes) == (
        datetime(2024, 1, 15, 18, 30), "Leg day", 3900, "Knees felt fine, easy pace")
    assert [(s.line, s.exercise_index, s.set_number, s.kind) for s in leg.sets] == [
        (2, 0, 1, "warm-up"), (3, 0, 2, "normal"), (5, 0, 3, "normal"),
        (6, 1, 1, "normal"), (7, 1, 2, "normal"), (8, 1, 3, "drop"), (9, 2, 1, "normal")]
    assert leg.sets[2] == ImportedSet(
        "Goblet Squat (Kettlebell)", "goblet-squat", 0, 3, "normal", weight=22.5, unit="kg",
        reps=10, rpe=8.5, note='Last rep slow, "grind"')
    assert leg.sets[3].exercise_id is None  # Bulgarian split squat: a custom exercise
    assert leg.sets[6] == ImportedSet("Plank", None, 2, 1, seconds=60.0)  # zeros are "not used"
    assert run.duration_seconds == 2400
    assert run.sets[0] == ImportedSet("Running", None, 0, 1, seconds=1800.0, distance=5.2,
                                      note="Windy.\nCalves tight after")
    assert run.sets[0].line == 11  # the record spans lines 11-12
    assert [(s.kind, s.reps) for s in run.sets[1:]] == [
        ("normal", 15), ("normal", 15), ("failure", 22)]


def test_rest_timer_and_empty_rows_are_skipped_with_their_line() -> None:
    assert read_strong(CURRENT, "strong.csv").skipped == (
        Skipped(4, "rest timer (Strong logs each rest as a row of its own)"),
        Skipped(10, "empty row"),
        Skipped(14, "rest timer (Strong logs each rest as a row of its own)"))
    report = read_strong(CURRENT, "strong.csv", unit="kg").report()
    assert report[0] == "strong.csv: Strong export: 2 workouts, 11 sets read, 3 rows skipped"
    assert ("strong.csv:14: skipped: rest timer (Strong logs each rest as a row of its own)"
            in report)


def test_without_a_unit_the_current_format_is_read_as_kg_with_a_warning() -> None:
    result = read_strong(CURRENT, "strong.csv")
    assert result.ok
    assert {s.unit for w in result.workouts for s in w.sets if s.weight} == {"kg"}
    (warning,) = result.issues
    assert warning.severity == "warning" and warning.span is not None
    assert warning.span.line == 2 and "read as kg" in warning.message
    in_lb = read_strong(CURRENT, "strong.csv", unit="lb")
    assert {s.unit for w in in_lb.workouts for s in w.sets if s.weight} == {"lb"}
    assert in_lb.issues == ()


def test_the_old_semicolon_format_keeps_kg_and_lbs_as_written() -> None:
    result = read_strong(OLD, "old.csv")
    assert result.ok and result.issues == ()
    glutes, treadmill = result.workouts
    assert (glutes.title, glutes.duration_seconds) == ("Glutes", 2700)
    assert [(s.line, s.kind, s.weight, s.unit, s.reps, s.rpe) for s in glutes.sets] == [
        (2, "warm-up", 40.0, "kg", 10, None), (3, "normal", 60.0, "kg", 10, 8.0),
        (4, "normal", 62.5, "kg", 8, 9.5), (6, "normal", 25.0, "lb", 12, None),
        (7, "normal", 27.5, "lb", 10, None), (8, "drop", 15.0, "lb", 12, None)]
    assert glutes.sets[2].note == "Pause at top; 2 s"
    assert glutes.sets[3].exercise_id == "lateral-lunge"
    assert result.skipped == (Skipped(5, "rest timer (Strong logs each rest as a row of its own)"),
                              Skipped(9, "empty row"))
    (run,) = treadmill.sets
    assert (run.distance, run.distance_unit, run.seconds, treadmill.notes) == (
        3.1, "mi", 1500.0, "Hot gym")


def test_a_byte_order_mark_and_windows_line_ends_change_nothing() -> None:
    plain = read_strong(CURRENT, "strong.csv", unit="kg")
    windows = read_strong("\ufeff" + CURRENT.replace("\n", "\r\n"), "strong.csv", unit="kg")
    assert windows == plain
    assert read_strong(CURRENT.replace("\n", "\r"), "strong.csv", unit="kg") == plain
    assert [s.line for w in windows.workouts for s in w.sets] == [
        s.line for w in plain.workouts for s in w.sets]


def test_an_unknown_set_order_is_skipped_and_said() -> None:
    text = f"{HEADER}\n2024-01-15 18:30:00,Leg day,1h,Squat,X,1,1,0,0,,,\n"
    assert read_strong(text, "s.csv").skipped == (
        Skipped(2, "Set Order 'X' is not a set number, W, D, F or Rest Timer"),)


# Refusing bad files ----------------------------------------------------------------------------
def refused(db: tuple[Store, int, Path], text: str, message: str,
            where: tuple[int, int] | None) -> None:
    """The file is reported with `message` at `where` (line, column), and importing it
    leaves the database exactly as it was."""
    store, user, path = db
    keep(store, user, read_strong(CURRENT, "strong.csv", unit="kg"), tz=UTC)
    before = snapshot(path)
    result = read_strong(text, "bad.csv")
    assert not result.ok
    issue = result.errors[0]
    assert message in issue.message
    assert (None if issue.span is None else (issue.span.line, issue.span.column)) == where
    assert issue.render().startswith("bad.csv:")
    with pytest.raises(StrongstrideError, match="nothing was imported") as caught:
        keep(store, user, result, tz=UTC)
    assert caught.value.issues == result.errors
    assert snapshot(path) == before


def test_a_hevy_file_given_as_strong_says_what_it_looks_like(db: tuple[Store, int, Path]) -> None:
    refused(db, HEVY, "this is not a Strong export: its header looks like a Hevy export "
                      "(read it with --hevy)", (1, 1))


def test_a_file_of_another_kind_is_told_the_header_strong_writes(
        db: tuple[Store, int, Path]) -> None:
    refused(db, "name,age\nAna,40\n", f"expected the header line {HEADER}", (1, 1))
    refused(db, "", "the file is empty; a Strong export starts with the header line", (1, 1))
    text = HEADER.replace(",Set Order", "") + "\n"
    refused(db, text, "the header lacks the column 'Set Order'", (1, 1))


def test_a_truncated_file_is_an_unterminated_quote(db: tuple[Store, int, Path]) -> None:
    cut = CURRENT[:CURRENT.index("Windy.") + 3]
    refused(db, cut, "a quoted field opened here never closes: the file is cut off", (11, 66))


def test_a_bad_date_names_the_line_and_the_column(db: tuple[Store, int, Path]) -> None:
    text = CURRENT.replace("2024-01-18 07:05:00", "2024-13-45 07:05", 1)
    refused(db, text, "Date '2024-13-45 07:05' is not a date and time like 2024-01-15 18:30:00",
            (11, 1))


def test_a_bad_number_names_the_line_and_the_column(db: tuple[Store, int, Path]) -> None:
    text = CURRENT.replace("Plank,1,0,0", "Plank,1,zero,0", 1)
    refused(db, text, "Weight 'zero' is not a number", (9, 43))
    refused(db, CURRENT.replace(",8.5\n", ",11\n"), "RPE '11' is out of range: it must be "
                                                    "from 1 to 10", (5, 131))
    refused(db, CURRENT.replace("1h 5m", "an hour", 1), "Duration 'an hour' is not a duration",
            (2, 29))


def test_a_row_with_too_many_fields_asks_for_quotes(db: tuple[Store, int, Path]) -> None:
    text = CURRENT.replace("Plank,1,0", "Plank, side,1,0", 1)
    refused(db, text, "this row has 13 fields but the header has 12; a value holding ',' must "
                      "be in double quotes", (9, 88))


def test_a_binary_file_is_refused(db: tuple[Store, int, Path]) -> None:
    refused(db, HEADER + "\n\x00\x01\x02", "binary file", (2, 1))


def test_a_huge_file_is_refused_before_it_is_read(db: tuple[Store, int, Path],
                                                  tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as f:
        f.truncate(100 * 2**20)
    with pytest.raises(StrongstrideError, match=r"the file is 100.0 MB; history files are "
                                                r"limited to 32 MB"):
        read_text(huge)
    store, user, path = db
    before = snapshot(path)
    with pytest.raises(StrongstrideError, match="limited to 32 MB"):
        Strongstride(store).import_history(user, huge, "strong")
    assert snapshot(path) == before
    refused(db, HEADER + "\n" + "x" * MAX_BYTES, "limited to 32 MB", None)


def test_a_lone_surrogate_is_refused_not_a_crash(db: tuple[Store, int, Path]) -> None:
    # Found in review: it read cleanly, then uuid5() failed to encode the exercise name.
    refused(db, f"{HEADER}\n2024-01-15 18:30:00,Leg day,1h,Squat\ud800,1,1,1,0,0,,,\n",
            "not valid Unicode", (2, 1))


def test_too_many_errors_are_cut_short() -> None:
    text = HEADER + "\n" + "bad date,Leg day,1h,Squat,1,1,1,0,0,,,\n" * 500
    result = read_strong(text, "s.csv")
    assert len(result.errors) == 101
    assert result.errors[-1].message == "400 more errors not shown; fix these first"


# Importing -------------------------------------------------------------------------------------
def test_an_import_is_one_transaction_and_a_second_one_adds_nothing(
        db: tuple[Store, int, Path]) -> None:
    store, user, path = db
    done = keep(store, user, read_strong(CURRENT, "strong.csv", unit="kg"), tz=UTC)
    assert (done.count.sessions_added, done.count.sets_added) == (2, 11)
    assert counts(path) == {"routines": 2, "routine_versions": 2, "sessions": 2, "set_logs": 11}
    again = keep(store, user, read_strong(CURRENT, "copy.csv", unit="kg"), tz=UTC)
    assert (again.count.sessions_added, again.count.sets_added) == (0, 0)
    assert (again.count.sessions_present, again.count.sets_present) == (2, 11)
    assert counts(path) == {"routines": 2, "routine_versions": 2, "sessions": 2, "set_logs": 11}
    assert again.report()[-1] == ("copy.csv: 0 sessions and 0 sets added; 2 sessions and "
                                  "11 sets were there already")


def test_a_later_export_adds_only_the_new_workouts(db: tuple[Store, int, Path]) -> None:
    store, user, _ = db
    first = CURRENT[:CURRENT.index("\n2024-01-18")] + "\n"
    assert keep(store, user, read_strong(first, "jan.csv"), tz=UTC).count.sets_added == 7
    later = keep(store, user, read_strong(CURRENT, "feb.csv"), tz=UTC)
    assert (later.count.sessions_added, later.count.sets_added, later.count.sets_present) == (
        1, 4, 7)


def test_imported_sessions_keep_every_value(db: tuple[Store, int, Path]) -> None:
    store, user, _ = db
    keep(store, user, read_strong(OLD, "old.csv"), tz=UTC)
    glutes, treadmill = sorted(store.history(user), key=lambda s: s.started_at)
    assert (glutes.routine_slug, glutes.routine_title, glutes.status) == (
        "imported-strong-glutes", "Glutes", "finished")
    assert glutes.started_at == datetime(2020, 6, 2, 17, 45, 10, tzinfo=UTC)
    assert (glutes.ended_at - glutes.started_at).total_seconds() == 2700  # type: ignore[operator]
    assert (glutes.planned_sets, glutes.sets_done) == (6, 6)
    sets = store.sets_of(glutes.id)
    assert [(s.exercise, s.step_key, s.load, s.unit, s.reps, s.rpe) for s in sets] == [
        ("Hip Thrust (Barbell)", "s1.e1.set1.warm-up", 40.0, "kg", 10, None),
        ("Hip Thrust (Barbell)", "s1.e1.set2.work", 60.0, "kg", 10, 8.0),
        ("Hip Thrust (Barbell)", "s1.e1.set3.work", 62.5, "kg", 8, 9.5),
        ("Lateral lunge", "s1.e2.set1.work", 25.0, "lb", 12, None),
        ("Lateral lunge", "s1.e2.set2.work", 27.5, "lb", 10, None),
        ("Lateral lunge", "s1.e2.set3.drop", 15.0, "lb", 12, None)]
    assert sets[2].note == "Pause at top; 2 s"
    (run,) = store.sets_of(treadmill.id)
    assert (run.seconds, run.note) == (1500.0, "distance 3.1 mi")
    version = store.routine_version(glutes.routine_version_id)
    assert version.text == (
        "# Glutes\nnotes: Imported from Strong.\n\n## main\n"
        "Hip Thrust (Barbell): 3 sets of 8-10 reps\n    1 warm-up set\n"
        "Lateral lunge: 3 sets of 10-12 reps\n    Strong name: Lateral Lunge (Dumbbell)\n"
        "    1 drop set\n")
    parsed = parse_routine(version.text)
    assert parsed.issues == () and parsed.routine is not None
    plan_keys = {step.key for step in build_plan(parsed.routine).work_steps}
    assert {s.step_key for s in sets if s.step_key.endswith(".work")} <= plan_keys


def test_a_long_or_odd_note_is_kept_as_a_set_keeps_notes(db: tuple[Store, int, Path]) -> None:
    """Another app's notes may run long or hold carriage returns and control characters:
    the set keeps them cleaned and cut, and the rest of the file still comes in."""
    store, user, _ = db
    header, first = CURRENT.splitlines()[:2]
    odd = "Left knee\r\nclicked\x07 twice"
    long = "x" * 2500
    rows = [first.replace(",,\"Knees", f",\"{note}\",\"Knees") for note in (odd, long)]
    text = "\n".join([header, rows[0], rows[1].replace(",W,", ",1,")]) + "\n"
    done = keep(store, user, read_strong(text, "notes.csv", unit="kg"), tz=UTC)
    assert done.count.sets_added == 2
    (session,) = store.history(user)
    notes = [s.note for s in store.sets_of(session.id)]
    assert notes[0] == "Left knee\nclicked  twice"
    assert len(notes[1]) == 2000 and notes[1].endswith("…")


def test_workouts_done_the_same_way_share_a_routine_version(
        db: tuple[Store, int, Path]) -> None:
    store, user, path = db
    day = "2024-01-15 18:30:00,Leg day,1h,Goblet Squat,1,20,10,0,0,,,\n"
    text = HEADER + "\n" + day + day.replace("2024-01-15", "2024-01-22")
    keep(store, user, read_strong(text, "s.csv"), tz=UTC)
    assert counts(path) == {"routines": 1, "routine_versions": 1, "sessions": 2, "set_logs": 2}


def test_times_without_a_zone_are_read_in_the_zone_given(db: tuple[Store, int, Path]) -> None:
    from zoneinfo import ZoneInfo

    store, user, _ = db
    keep(store, user, read_strong(OLD, "old.csv"), tz=ZoneInfo("Europe/Paris"))
    first = min(store.history(user), key=lambda s: s.started_at)
    assert first.started_at == datetime(2020, 6, 2, 15, 45, 10, tzinfo=UTC)  # CEST is UTC+2


def test_two_users_import_the_same_file_apart(db: tuple[Store, int, Path]) -> None:
    store, me, path = db
    ana = store.ensure_user("ana")
    keep(store, me, read_strong(OLD, "old.csv"), tz=UTC)
    keep(store, ana, read_strong(OLD, "old.csv"), tz=UTC)
    assert counts(path)["set_logs"] == 14
    assert {s.id for s in store.history(me)}.isdisjoint(s.id for s in store.history(ana))


def test_import_file_reads_and_imports(db: tuple[Store, int, Path]) -> None:
    store, user, _ = db
    done = Strongstride(store).import_history(user, DATA / "strong_old_semicolon.csv",
                                              "strong", tz=UTC)
    assert done.count.sets_added == 7
    with pytest.raises(StrongstrideError, match="cannot read the file"):
        Strongstride(store).import_history(user, DATA / "missing.csv", "strong")


# Fuzzing ---------------------------------------------------------------------------------------
MUTATION = st.tuples(st.integers(0, len(CURRENT)), st.integers(0, 12),
                     st.text(alphabet=st.sampled_from(list(',;"\n\r\t W0123456789.-:x\x00é')),
                             max_size=6))


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    return text


def never_raises(text: str, store: Store, user: int) -> None:
    result = read_strong(text, "fuzz.csv")
    assert all(i.source == "fuzz.csv" for i in result.issues)
    result.report()
    if result.ok:
        keep(store, user, result, tz=UTC)  # what reads cleanly also imports
    else:
        with pytest.raises(StrongstrideError):
            keep(store, user, result, tz=UTC)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gives_a_clean_result(text: str) -> None:
    with Store.open("sqlite://") as store:
        never_raises(text, store, store.ensure_user())
        never_raises(HEADER + "\n" + text, store, store.ensure_user())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=4), st.sampled_from([CURRENT, OLD]))
def test_mutated_files_give_a_clean_result(edits: list[tuple[int, int, str]], base: str) -> None:
    with Store.open("sqlite://") as store:
        never_raises(mutate(base, edits), store, store.ensure_user())
