"""The user's own data out and back: deterministic JSON and CSV, and a JSON restore that is one
transaction, idempotent, and gives back exactly what was exported."""

from __future__ import annotations

import csv
import functools
import io
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride.app import Strongstride
from strongstride.errors import StrongstrideError
from strongstride.exchange.backup import CSV_COLUMNS
from strongstride.exchange.strong import read_strong
from strongstride.library.equipment import EQUIPMENT
from strongstride.records import CheckIn, ImportSession, ImportVersion, Restored, SetLog
from strongstride.schedule.placing import Race
from strongstride.schedule.setup import RACE_DISTANCES, ScheduleSetup
from strongstride.schedule.week import ROLES, RunningWeek
from strongstride.store import Store

DATA = Path(__file__).parent / "data"
SEED = (Path(__file__).parents[2] / "src/strongstride/data/routines/runner-glute.routine"
        ).read_text(encoding="utf-8")
T0 = datetime(2025, 3, 1, 7, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-5)))
WEEK = RunningWeek(long=frozenset({6}), quality=frozenset({1, 3}), easy=frozenset({0, 2, 5}),
                   rest=frozenset({4}), strength_time=time(18, 30), run_time=time(6, 15),
                   timezone="Europe/Paris")
SETUP = ScheduleSetup(WEEK, date(2025, 3, 3), 10, 3, Race(date(2025, 4, 27), "half"), 60, "hips")
CHECKINS = (
    CheckIn(date(2025, 3, 2), 2, 4, note="stiff calves, \"both\" — ça va"),
    CheckIn(date(2025, 3, 2), 3, exercise="Single-leg bridge with adductor ball squeeze",
            side="left"),
    CheckIn(date(2025, 3, 2), 0, exercise="Single-leg bridge with adductor ball squeeze",
            side="right"),
    CheckIn(date(2025, 3, 4), 0))


# The application's backup use cases, as the tests call them on a store.
def export_json(store: Store, user: int) -> str:
    return Strongstride(store).export_json(user)


def export_csv(store: Store, user: int) -> str:
    return Strongstride(store).export_csv(user)


def import_json(store: Store, user: int, text: str, source: str = "<backup>", *,
                now: datetime | None = None) -> Restored:
    app = Strongstride(store) if now is None else Strongstride(store, wall=lambda: now)
    return app.restore_backup_text(user, text, source)


def import_file(store: Store, user: int, path: Path) -> Restored:
    return Strongstride(store).restore_backup(user, path)


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def a_set(session_id: str, key: str, at: datetime, **changes: Any) -> SetLog:
    fields: dict[str, Any] = {
        # each key its own step: a session holds one set per step
        "key": key, "session_id": session_id, "step_key": f"s3.e1.set1.left.{key}",
        "exercise": "Single-leg bridge with adductor ball squeeze", "section": 2,
        "exercise_index": 0, "set_number": 1, "side": "left", "logged_at": at,
        "target_reps": (8, 8), "reps": 8}
    fields.update(changes)
    return SetLog(**fields)


def fill(store: Store, user: int) -> None:
    """A user's life: two versions of a routine, finished, active and abandoned sessions with
    every kind of value, and a Strong history."""
    old = store.save_routine(user, "runner-glute", "Butt and Leg Workout", SEED)
    store.save_routine(user, "runner-glute", "Butt and Leg Workout (harder)",
                       SEED.replace("2 sets of 8 reps", "3 sets of 8 reps"))
    hips = store.save_routine(user, "hips", None, "## main\nClamshell: 2 sets of 15 reps\n")
    store.start_session(user, old.id, session_id="s-finished", started_at=T0,
                        equipment=("loop band", "kettlebell"), planned_sets=40)
    variants: list[dict[str, Any]] = [
        {}, {"side": "right", "reps": 7, "pain": 3, "note": "twinge,\n\"sharp\" — ça va"},
        {"side": "both", "load": 12.5, "unit": "kg", "rpe": 7.5, "band": "heavy",
         "target_reps": None, "target_seconds": (30, 45), "seconds": 31.25, "round": 2},
        {"load": 0.1 + 0.2, "unit": "lb", "skipped": True, "reps": None,
         "variation": "Bridge walk-outs"}]
    for i, changes in enumerate(variants):
        store.log_set(a_set("s-finished", f"k{i}", T0 + timedelta(minutes=i), **changes))
    store.finish_session("s-finished", T0 + timedelta(minutes=40, microseconds=7))
    store.start_session(user, hips.id, session_id="s-abandoned", started_at=T0 + timedelta(1))
    store.abandon_session("s-abandoned", T0 + timedelta(days=1, minutes=3))
    store.start_session(user, hips.id, session_id="s-active", started_at=T0 + timedelta(2))
    store.log_set(a_set("s-active", "same-time-b", T0 + timedelta(2), exercise="Clamshell"))
    store.log_set(a_set("s-active", "same-time-a", T0 + timedelta(2), exercise="Clamshell"))
    text = (DATA / "strong_old_semicolon.csv").read_text(encoding="utf-8")
    Strongstride(store).store_history(user, read_strong(text, "old.csv"), tz=UTC)
    store.set_missing_equipment(user, ["weights", "exercise-ball"])
    store.set_injured_side(user, "left")
    store.save_plan_setup(user, SETUP, now=T0)
    store.set_calendar_token(user, "secret-calendar-token")
    for checkin in CHECKINS:
        store.save_checkin(user, checkin, now=T0)


@pytest.fixture
def source(tmp_path: Path) -> Iterator[tuple[Store, int]]:
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        store.ensure_user("someone else")
        other = store.ensure_user("other")
        fill(store, store.ensure_user("me"))
        store.save_routine(other, "theirs", None, "x")
        yield store, store.ensure_user("me")


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[Store, int, Path]]:
    path = tmp_path / "b.db"
    with Store.open(f"sqlite:///{path}") as store:
        yield store, store.ensure_user("restored"), path


def test_export_then_import_into_a_new_database_then_export_is_identical(
        source: tuple[Store, int], fresh: tuple[Store, int, Path]) -> None:
    store, me = source
    exported = export_json(store, me)
    target, user, _ = fresh
    done = import_json(target, user, exported, "backup.json")
    count = done.sessions
    assert (count.routines_added, count.versions_added, count.sessions_added,
            count.sets_added) == (4, 5, 5, 13)
    assert (done.checkins_added, done.checkins_present) == (4, 0)
    assert done.written == ("missing equipment", "injured side", "running week")
    assert export_json(target, user) == exported
    assert export_csv(target, user) == export_csv(store, me)
    assert target.plan_setup(user) == SETUP and target.checkins(user) == store.checkins(me)
    assert target.calendar_token(user) is None  # a secret: never in the backup


def test_importing_a_backup_again_adds_nothing(source: tuple[Store, int],
                                               fresh: tuple[Store, int, Path]) -> None:
    exported = export_json(*source)
    target, user, path = fresh
    import_json(target, user, exported)
    before = snapshot(path)
    done = import_json(target, user, exported)
    again = done.sessions
    assert (again.routines_added, again.versions_added, again.sessions_added,
            again.sets_added, again.sessions_present, again.sets_present) == (0, 0, 0, 0, 5, 13)
    assert (done.checkins_added, done.checkins_present, done.written, done.kept) == (
        0, 4, (), ("missing equipment", "injured side", "running week"))
    assert snapshot(path) == before
    import_json(*source, exported)  # into the database it came from: also nothing
    assert export_json(*source) == exported


def test_the_export_is_stable_sorted_and_holds_no_database_ids(
        source: tuple[Store, int]) -> None:
    exported = export_json(*source)
    assert export_json(*source) == exported
    doc = json.loads(exported)
    assert (doc["format"], doc["format_version"]) == ("strongstride-backup", 3)
    assert [r["slug"] for r in doc["routines"]] == [
        "hips", "imported-strong-glutes", "imported-strong-treadmill", "runner-glute"]
    assert [v["version"] for v in doc["routines"][3]["versions"]] == [1, 2]
    assert doc["routines"][3]["title"] == "Butt and Leg Workout (harder)"
    starts = [s["started_at"] for s in doc["sessions"]]
    assert starts == sorted(starts)
    finished = next(s for s in doc["sessions"] if s["id"] == "s-finished")
    assert finished["started_at"] == "2025-03-01T12:30:15.123456+00:00"
    assert finished["ended_at"] == "2025-03-01T13:10:15.123463+00:00"
    assert finished["without"] == ["loop band", "kettlebell"]
    assert finished["sets"][3]["load"] == 0.30000000000000004
    assert finished["sets"][2]["target_seconds"] == [30, 45]
    active = next(s for s in doc["sessions"] if s["id"] == "s-active")
    assert [s["key"] for s in active["sets"]] == ["same-time-a", "same-time-b"]
    assert finished["sets"][3]["variation"] == "Bridge walk-outs"
    assert finished["sets"][0]["variation"] is None
    assert "routine_version_id" not in exported and '"user' not in exported
    assert "theirs" not in exported
    assert doc["profile"] == {"without": ["weights", "exercise-ball"],
                              "injured_side": "left"}
    assert doc["running_week"] == {
        "week": "long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri; strength: 18:30; "
                "run: 06:15; tz: Europe/Paris",
        "start": "2025-03-03", "weeks": 10, "sessions_per_week": 3,
        "race": {"date": "2025-04-27", "distance": "half"}, "alarm_minutes": 60,
        "routine": "hips"}
    assert doc["checkins"][:2] == [
        {"day": "2025-03-02", "exercise": None, "side": "both", "pain": 2, "stiffness": 4,
         "note": "stiff calves, \"both\" — ça va"},
        {"day": "2025-03-02", "exercise": "Single-leg bridge with adductor ball squeeze",
         "side": "left", "pain": 3, "stiffness": None, "note": ""}]
    assert len(doc["checkins"]) == 4
    assert "secret-calendar-token" not in exported and "calendar" not in exported


def test_the_csv_export_has_a_row_per_version_session_and_set(
        source: tuple[Store, int]) -> None:
    text = export_csv(*source)
    assert text == export_csv(*source)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [sum(r["kind"] == kind for r in rows) for kind in
            ("profile", "routine_version", "session", "set", "checkin")] == [1, 5, 5, 13, 4]
    assert (rows[0]["kind"], rows[0]["without"], rows[0]["side"]) == (
        "profile", '["weights", "exercise-ball"]', "left")
    assert [(r["day"], r["exercise"], r["side"], r["pain"], r["stiffness"])
            for r in rows[-4:-2]] == [("2025-03-02", "", "both", "2", "4"), (
        "2025-03-02", "Single-leg bridge with adductor ball squeeze", "left", "3", "")]
    assert "secret-calendar-token" not in text
    finished = next(i for i, r in enumerate(rows) if r["session"] == "s-finished")
    assert rows[finished]["kind"] == "session"
    assert rows[finished]["without"] == '["loop band", "kettlebell"]'
    bridge = rows[finished + 3]
    assert (bridge["kind"], bridge["load"], bridge["unit"], bridge["target_seconds"],
            bridge["rpe"], bridge["band"], bridge["round"], bridge["skipped"]) == (
        "set", "12.5", "kg", "30-45", "7.5", "heavy", "2", "false")
    assert rows[finished + 2]["note"] == "twinge,\n\"sharp\" — ça va"
    assert rows[finished + 1]["target_reps"] == "8-8"
    assert (rows[finished + 4]["variation"], rows[finished + 1]["variation"]) == (
        "Bridge walk-outs", "")


# Refusing bad backups --------------------------------------------------------------------------
def refused(fresh: tuple[Store, int, Path], text: str, message: str) -> StrongstrideError:
    store, user, path = fresh
    store.save_routine(user, "mine", None, "## main\nSquat: 1 set of 5 reps\n")
    before = snapshot(path)
    with pytest.raises(StrongstrideError) as caught:
        import_json(store, user, text, "backup.json")
    assert message in caught.value.message + "".join(i.render() for i in caught.value.issues)
    assert snapshot(path) == before
    return caught.value


def test_a_file_that_is_not_json_names_the_line(fresh: tuple[Store, int, Path]) -> None:
    error = refused(fresh, '{\n  "format": "strongstride-backup",\n  oops\n}', "not JSON")
    assert error.issues[0].render() == (
        "backup.json:3:3: error: not valid JSON: Expecting property name enclosed in double "
        "quotes")


def test_another_json_file_is_not_a_backup(fresh: tuple[Store, int, Path]) -> None:
    refused(fresh, '{"name": "x"}', "format: Field required")
    refused(fresh, "[1, 2]", "(the whole file): Input should be an object")
    refused(fresh, json.dumps({"format": "strongstride-backup", "format_version": 4,
                               "routines": [], "sessions": []}),
            "format_version: Input should be 1, 2 or 3")


def test_a_wrong_value_names_its_field(source: tuple[Store, int],
                                       fresh: tuple[Store, int, Path]) -> None:
    doc = json.loads(export_json(*source))
    doc["sessions"][0]["sets"][1]["reps"] = "eight"
    refused(fresh, json.dumps(doc), "sessions[0].sets[1].reps: Input should be a valid integer")
    doc["sessions"][0]["sets"][1]["reps"] = 8
    doc["sessions"][0]["sets"][1]["rpe"] = 11
    refused(fresh, json.dumps(doc), "rpe must be from 1 to 10, not 11")
    doc["sessions"][0]["sets"][1]["rpe"] = None
    doc["sessions"][0]["started_at"] = "2025-03-01T07:30:00"
    refused(fresh, json.dumps(doc), "sessions[0].started_at: Input should have timezone info")
    doc = json.loads(export_json(*source))
    doc["sessions"][1]["routine_version"] = 9
    refused(fresh, json.dumps(doc), "sessions[1] is of routine 'imported-strong-treadmill' "
                                    "version 9, which the file's routines do not hold")


def test_a_failure_half_way_writes_nothing(source: tuple[Store, int],
                                           fresh: tuple[Store, int, Path]) -> None:
    """A set whose key is stored in another session is refused after the routines and
    sessions before it were written, in the same transaction: all of it rolls back."""
    store, user, _ = fresh
    version = store.save_routine(user, "mine", None, "## main\nSquat: 1 set of 5 reps\n")
    store.start_session(user, version.id, session_id="elsewhere", started_at=T0)
    store.log_set(a_set("elsewhere", "k3", T0))
    refused(fresh, export_json(*source), "set k3 is already stored in another session "
                                         "(elsewhere); nothing was imported")


def test_another_users_session_is_refused(source: tuple[Store, int], tmp_path: Path) -> None:
    exported = export_json(*source)
    with Store.open(f"sqlite:///{tmp_path / 'c.db'}") as store:
        import_json(store, store.ensure_user("ana"), exported)
        ben = store.ensure_user("ben")
        before = snapshot(tmp_path / "c.db")
        with pytest.raises(StrongstrideError, match=r"session [-0-9a-f]+ already belongs to "
                                                    r"another user; nothing was imported"):
            import_json(store, ben, exported)
        assert snapshot(tmp_path / "c.db") == before


def test_a_taken_version_number_gives_the_next_one(source: tuple[Store, int],
                                                   fresh: tuple[Store, int, Path]) -> None:
    store, user, _ = fresh
    store.save_routine(user, "hips", "Hips", "## main\nBridge: 2 sets of 10 reps\n")
    import_json(store, user, export_json(*source))
    hips = [v for v in store.routine_versions(user) if v.slug == "hips"]
    assert [(v.version, v.text.splitlines()[-1]) for v in hips] == [
        (1, "Bridge: 2 sets of 10 reps"), (2, "Clamshell: 2 sets of 15 reps")]
    assert hips[0].title == "Hips"  # an existing routine keeps its title


BAD_FIELDS: list[tuple[str, Any, str]] = [
    ("profile.without", ["weights", "ball"],
     "profile.without: Value error, unknown equipment 'ball'; use ids from: "
     "band, exercise-ball,"),
    ("profile.without", ["band", "band"],
     "profile.without: Value error, 'band' is listed twice; give it once"),
    ("profile.injured_side", "both", "profile.injured_side: Input should be 'left' or 'right'"),
    ("running_week.week", "long: sun; quality: tue, fry",
     "running_week.week: Value error, column 26: 'fry' is not a day: did you mean 'fri'?"),
    ("running_week.weeks", 0, "running_week: Value error, weeks must be a whole number from 1 "
                              "to 52, not 0"),
    ("running_week.start", "3/3/2025", "running_week.start: Input should be a valid date"),
    ("running_week.race.distance", "far",
     "running_week.race.distance: Value error, race distance: 'far' is not one"),
    ("running_week.race.date", "2025-03-02", "running_week: Value error, race date: "
                                             "2025-03-02 is before the plan starts"),
    ("checkins.1.pain", 11, "checkins[1]: Value error, pain must be a whole number from 0 to "
                            "10, not 11"),
    ("checkins.2.note", "a\x01b", "checkins[2]: Value error, note holds a control character"),
    ("sessions.0.sets.2.note", "n" * 2001, "sessions[0]: Value error, sets[2]: note is 2001 "
                                           "characters; keep it to at most 2000"),
    ("checkins.0.side", "left", "checkins[0]: Value error, a side goes with an exercise"),
    ("checkins.1.stiffness", 2, "checkins[1]: Value error, morning stiffness is for how you "
                                "feel overall"),
    ("checkins.3.day", "2025-03-02", "checkins[3] is for the same morning, exercise and side "
                                     "as checkins[0]; keep one"),
    ("sessions.0.sets.3.variation", 5,
     "sessions[0].sets[3].variation: Input should be a valid string"),
    ("running_week.routine", None, "running_week.routine: Input should be a valid string"),
    ("sessions.0.sets.1.reps", "eight", "sessions[0].sets[1].reps: Input should be a valid "
                                        "integer"),
]


def with_value(exported: str, path: str, value: object) -> str:
    """The backup with the field at `path` (keys and indexes, by dots) set to `value`."""
    doc = json.loads(exported)
    *parents, last = path.split(".")
    holder = functools.reduce(lambda d, k: d[int(k) if k.isdigit() else k], parents, doc)
    holder[int(last) if last.isdigit() else last] = value
    return json.dumps(doc)


def test_a_wrong_profile_running_week_check_in_or_variation_names_its_field(
        source: tuple[Store, int], fresh: tuple[Store, int, Path]) -> None:
    exported = export_json(*source)
    for path, value, message in BAD_FIELDS:
        refused(fresh, with_value(exported, path, value), message)
    store, user, _ = fresh
    assert (store.plan_setup(user), store.checkins(user), store.injured_side(user)) == (
        None, [], None)


def test_the_doc_shows_a_real_backup_and_real_messages(source: tuple[Store, int]) -> None:
    import re

    doc = (Path(__file__).parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Your data"):doc.index("## From the web app")]
    example = json.loads(re.findall(r"```json\n(.*?)```", section, re.S)[0])
    real = json.loads(export_json(*source))

    assert set(example) == set(real)
    for name in ("profile", "running_week"):
        assert set(example[name]) == set(real[name])
    assert set(example["checkins"][0]) == set(real["checkins"][0])
    assert set(example["sessions"][0]) == set(real["sessions"][0])
    assert set(example["sessions"][0]["sets"][0]) == set(real["sessions"][0]["sets"][0])
    said = []
    with Store.open("sqlite://") as store:
        for path, value, _ in BAD_FIELDS:
            with pytest.raises(StrongstrideError) as caught:
                import_json(store, store.ensure_user(), with_value(json.dumps(real), path, value),
                            "backup.json")
            said += [i.render() for i in caught.value.issues] or [caught.value.message]
    shown = [line for line in section.splitlines() if line.startswith("backup.json:")]
    assert len(shown) >= 6
    for line in shown:
        assert any(line in message for message in said), line


def test_a_backup_of_format_version_1_is_read(fresh: tuple[Store, int, Path]) -> None:
    """A file from before the profile, running week, check-ins and variations were kept."""
    store, user, _ = fresh
    store.set_missing_equipment(user, ["step"])
    old = (DATA / "backup_v1.json").read_text(encoding="utf-8")
    done = import_json(store, user, old)
    # The file holds steps logged more than once (before one set per step): each comes in
    # as the set logged last; of two logged at the same instant, the later in the file.
    folded = {"k0", "k1", "k2", "same-time-a"}
    assert (done.sessions.sessions_added, done.sessions.sets_added,
            done.sessions.sets_present) == (5, 9, 4)
    assert (done.checkins_added, done.written, done.kept) == (0, (), ())
    assert store.account(user).missing_equipment == ("step",)
    now = json.loads(export_json(store, user))
    assert (now.pop("format_version"), now.pop("profile"), now.pop("running_week"),
            now.pop("checkins")) == (3, {"without": ["step"], "injured_side": None},
                                     None, [])
    for session in now["sessions"]:
        session["equipment"] = session.pop("without")  # its name before format 3
        for log in session["sets"]:
            assert log.pop("variation") is None
    was = {k: v for k, v in json.loads(old).items() if k != "format_version"}
    for session in was["sessions"]:
        session["sets"] = [log for log in session["sets"] if log["key"] not in folded]
    assert now == was


def test_a_backup_of_format_version_2_is_read(source: tuple[Store, int],
                                              fresh: tuple[Store, int, Path]) -> None:
    """Format 2 named the equipment she was without `equipment` in a session and
    `missing_equipment` in the profile: the same backup under those names reads the same."""
    doc = json.loads(export_json(*source))
    doc["format_version"] = 2
    doc["profile"]["missing_equipment"] = doc["profile"].pop("without")
    for session in doc["sessions"]:
        session["equipment"] = session.pop("without")
    store, user, _ = fresh
    import_json(store, user, json.dumps(doc))
    assert export_json(store, user) == export_json(*source)


def test_what_she_has_already_is_kept_and_the_rest_restored(
        source: tuple[Store, int], fresh: tuple[Store, int, Path]) -> None:
    exported = export_json(*source)
    store, user, _ = fresh
    store.set_injured_side(user, "right")
    mine = ScheduleSetup(RunningWeek(rest=frozenset({0})), date(2025, 1, 6))
    store.save_plan_setup(user, mine, now=T0)
    store.save_checkin(user, CheckIn(date(2025, 3, 2), 7, note="mine"), now=T0)
    done = import_json(store, user, exported)
    assert (done.written, done.kept) == (("missing equipment",),
                                         ("injured side", "running week"))
    assert (done.checkins_added, done.checkins_present) == (3, 1)
    assert store.injured_side(user) == "right" and store.plan_setup(user) == mine
    assert store.account(user).missing_equipment == ("weights", "exercise-ball")
    assert store.checkins(user)[0] == CheckIn(date(2025, 3, 2), 7, note="mine")
    assert store.checkins(user)[1:] == list(CHECKINS[1:])


def test_checks_run_before_the_transaction(fresh: tuple[Store, int, Path]) -> None:
    store, user, path = fresh
    before = snapshot(path)
    version = ImportVersion("x", None, "## main\nSquat: 1 set of 5 reps\n", T0)
    bad = ImportSession("s", version, T0, sets=(a_set("other", "k", T0),))
    with pytest.raises(StrongstrideError, match="names session other, but it is imported with "
                                                "session s"):
        store.import_sessions(user, [bad])
    assert snapshot(path) == before


# Any values survive the round trip -------------------------------------------------------------
# Any text the rules let in (`rules.text_issue`): no control characters but tab and new line.
TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t\n"),
               max_size=30)
REAL = st.floats(-1e6, 1e6, allow_nan=False) | st.none()
PAIR = st.none() | st.tuples(st.integers(0, 300), st.integers(0, 300))
SETS = st.lists(st.fixed_dictionaries({
    "side": st.sampled_from(["left", "right", "both"]), "reps": st.none() | st.integers(0, 999),
    "seconds": REAL, "load": REAL, "unit": st.sampled_from([None, "kg", "lb"]),
    "band": st.none() | TEXT, "rpe": st.none() | st.floats(1, 10),
    "pain": st.none() | st.integers(0, 10), "note": TEXT, "skipped": st.booleans(),
    "target_reps": PAIR, "target_seconds": PAIR, "round": st.none() | st.integers(1, 20),
    "exercise": TEXT.filter(str.strip), "offset": st.integers(0, 10**9),
    "variation": st.none() | TEXT}), max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SETS, TEXT, st.lists(TEXT.filter(str.strip), max_size=3))
def test_any_values_survive_the_round_trip(sets: list[dict[str, Any]], title: str,
                                           equipment: list[str]) -> None:
    with Store.open("sqlite://") as store, Store.open("sqlite://") as copy:
        user = store.ensure_user()
        version = store.save_routine(user, "r", title or None, title)
        store.start_session(user, version.id, session_id="s", started_at=T0,
                            equipment=tuple(equipment))
        for i, values in enumerate(sets):
            at = T0 + timedelta(microseconds=values.pop("offset"))
            store.log_set(a_set("s", f"k{i}", at, **values))
        exported = export_json(store, user)
        import_json(copy, copy.ensure_user(), exported)
        assert export_json(copy, copy.ensure_user()) == exported
        assert export_csv(copy, copy.ensure_user()) == export_csv(store, user)


DAY = st.dates(date(2000, 1, 1), date(2100, 12, 31))
CLOCK = st.builds(time, st.integers(0, 23), st.integers(0, 59))
ROLE_OF_DAY = st.dictionaries(st.integers(0, 6), st.sampled_from(ROLES), min_size=1)


@st.composite
def setups(draw: st.DrawFn) -> ScheduleSetup:
    roles = draw(ROLE_OF_DAY)
    week = RunningWeek(**{role: frozenset(d for d, r in roles.items() if r == role)
                          for role in ROLES},
                       strength_time=draw(st.none() | CLOCK), run_time=draw(CLOCK),
                       timezone=draw(st.sampled_from(["UTC", "Europe/Paris",
                                                      "America/Argentina/Buenos_Aires"])))
    start = draw(DAY)
    race = draw(st.none() | st.builds(
        Race, st.dates(start, date(2100, 12, 31)),
        st.sampled_from([*RACE_DISTANCES, "15 mi", "ultra trail", "21.1 km"])))
    return ScheduleSetup(week, start, draw(st.integers(1, 52)), draw(st.integers(1, 7)), race,
                     draw(st.integers(0, 1440)), draw(TEXT.filter(str.strip)))


@st.composite
def checkins(draw: st.DrawFn) -> CheckIn:
    exercise = draw(st.none() | TEXT.filter(str.strip))
    return CheckIn(draw(DAY), draw(st.integers(0, 10)),
                   None if exercise else draw(st.none() | st.integers(0, 10)), exercise,
                   draw(st.sampled_from(["left", "right", "both"])) if exercise else "both",
                   draw(TEXT))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list(EQUIPMENT)), unique=True),
       st.sampled_from([None, "left", "right"]), st.none() | setups(),
       st.lists(checkins(), max_size=5))
def test_any_profile_running_week_and_check_ins_survive_the_round_trip(
        missing: list[str], injured: str | None, setup: ScheduleSetup | None,
        found: list[CheckIn]) -> None:
    with Store.open("sqlite://") as store, Store.open("sqlite://") as copy:
        user = store.ensure_user()
        store.set_missing_equipment(user, missing)
        store.set_injured_side(user, injured)
        if setup is not None:
            store.save_plan_setup(user, setup, now=T0)
        for checkin in found:
            store.save_checkin(user, checkin, now=T0)
        exported = export_json(store, user)
        import_json(copy, copy.ensure_user(), exported)
        assert export_json(copy, copy.ensure_user()) == exported
        assert export_csv(copy, copy.ensure_user()) == export_csv(store, user)
        assert copy.plan_setup(copy.ensure_user()) == setup


# A backup's new parts with any JSON value in place of one of theirs: read or refused with a
# message that names the part.
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-2**40, 2**40)
    | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6)
NEW_FIELDS = [
    ("profile",), ("profile", "without"), ("profile", "without", 0),
    ("profile", "injured_side"), ("running_week",), ("running_week", "week"),
    ("running_week", "start"), ("running_week", "weeks"), ("running_week", "sessions_per_week"),
    ("running_week", "race"), ("running_week", "race", "date"),
    ("running_week", "race", "distance"), ("running_week", "alarm_minutes"),
    ("running_week", "routine"), ("checkins",), ("checkins", 0), ("checkins", 1, "day"),
    ("checkins", 1, "exercise"), ("checkins", 1, "side"), ("checkins", 0, "pain"),
    ("checkins", 0, "stiffness"), ("checkins", 2, "note"),
    ("sessions", 0, "sets", 3, "variation")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NEW_FIELDS), JSON_VALUE | TEXT.map(lambda t: f"long: sun; {t}"))
def test_any_value_in_a_new_field_is_read_or_refused_naming_it(
        where: tuple[str | int, ...], value: object) -> None:
    doc = json.loads(small_backup())
    holder = functools.reduce(lambda d, k: d[k], where[:-1], doc)
    holder[where[-1]] = value
    with Store.open("sqlite://") as store:
        user = store.ensure_user()
        try:
            import_json(store, user, json.dumps(doc))
        except StrongstrideError as error:
            named = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in where)
            said = error.message + "".join(i.message for i in error.issues)
            assert named.lstrip(".").split(".")[0].split("[")[0] in said, said
        else:
            assert import_json(store, user, export_json(store, user)).sessions.sets_added == 0


@functools.cache
def small_backup() -> str:
    with Store.open("sqlite://") as store:
        user = store.ensure_user()
        fill(store, user)
        return export_json(store, user)


def edited(edits: list[tuple[int, int, str]]) -> str:
    """A real backup with a few characters cut or inserted."""
    text = small_backup()
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    return text


EDIT = st.tuples(st.integers(0, 10**6), st.integers(0, 8),
                 st.text(alphabet=st.sampled_from(list('{}[]",:0123456789.-eE\\u nultrf')),
                         max_size=5))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200) | st.lists(EDIT, min_size=1, max_size=3).map(edited))
def test_any_text_is_imported_or_refused_cleanly(text: str) -> None:
    with Store.open("sqlite://") as store:
        try:
            import_json(store, store.ensure_user(), text)
        except StrongstrideError as error:
            assert error.message


def test_a_backup_file_is_read_and_restored(source: tuple[Store, int],
                                            fresh: tuple[Store, int, Path],
                                            tmp_path: Path) -> None:
    from strongstride.exchange.backup import MAX_BACKUP_BYTES

    store, user, path = fresh
    (tmp_path / "backup.json").write_text(export_json(*source), encoding="utf-8")
    assert import_file(store, user, tmp_path / "backup.json").sessions.sets_added == 13
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(MAX_BACKUP_BYTES + 1)
    before = snapshot(path)
    with pytest.raises(StrongstrideError, match=r"the file is 256.0 MB; backups are limited "
                                                r"to 256 MB. Is this the right file\?$"):
        import_file(store, user, huge)
    with pytest.raises(StrongstrideError, match="backups are limited to 256 MB"):
        import_json(store, user, " " * (MAX_BACKUP_BYTES + 1))
    (tmp_path / "latin1.json").write_bytes(b'{"note": "caf\xe9"}')
    with pytest.raises(StrongstrideError, match="byte 14 is not UTF-8 text"):
        import_file(store, user, tmp_path / "latin1.json")
    assert snapshot(path) == before
