"""FIT workout export, checked by decoding the bytes with Garmin's own SDK (garmin-fit-sdk)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from garmin_fit_sdk import Decoder, Profile, Stream

from strongstride.exchange.fit import (
    MAX_FIT_STEPS,
    FitExportError,
    routine_to_fit,
    workout_steps,
)
from strongstride.exchange.fit_names import FIT_EXERCISES, UNKNOWN, fit_exercise
from strongstride.library import load_library
from strongstride.plan.session import build_plan
from strongstride.plan.substitute import adapt
from strongstride.plan.timing import Timing
from strongstride.routine.model import (
    Exercise,
    Load,
    Prescription,
    Range,
    Routine,
    Section,
)
from tests.exchange.routines import GOLDEN, UPDATE, circuit, seed

TYPES: dict[str, dict[int, str]] = Profile["types"]


def decode(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """Decode as a watch would: integrity first, then a fresh Decoder for the messages."""
    checker = Decoder(Stream.from_byte_array(bytearray(data)))
    assert checker.is_fit()
    assert checker.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages


# The expected steps, written from the routine and the timing model ------------------------
SECTION_INTENSITY = {"warm-up": "warmup", "activation": "active", "main": "active",
                     "cool-down": "cooldown"}


def expected_exercise(index: int, kind: str, exercise: Exercise,
                      side: str | None) -> dict[str, Any]:
    p = exercise.prescription
    fit = fit_exercise(exercise.name)
    step: dict[str, Any] = {
        "message_index": index,
        "wkt_step_name": exercise.name + (f" - {side}" if side else ""),
        "intensity": SECTION_INTENSITY[kind],
        "target_type": "open",
        "exercise_category": TYPES["exercise_category"][fit.category_id],
    }
    if fit.name_id is not None:
        step["exercise_name"] = fit.name_id
    if p.max_reps:
        step |= {"duration_type": "open"}
    elif p.seconds is not None:
        ms = p.seconds.hi * 1000
        step |= {"duration_type": "time", "duration_value": ms, "duration_time": ms / 1000}
    else:
        assert p.reps is not None
        step |= {"duration_type": "reps", "duration_value": p.reps.hi,
                 "duration_reps": p.reps.hi}
    if p.load is not None:
        kg = p.load.value if p.load.unit == "kg" else p.load.value * 0.45359237
        step |= {"exercise_weight": pytest.approx(kg, abs=0.006),
                 "weight_display_unit": "kilogram" if p.load.unit == "kg" else "pound"}
    return step


def expected_rest(index: int, seconds: int) -> dict[str, Any]:
    return {"message_index": index, "wkt_step_name": "Rest", "intensity": "rest",
            "target_type": "open", "duration_type": "time",
            "duration_value": seconds * 1000, "duration_time": float(seconds)}


def expected_repeat(index: int, start: int, passes: int) -> dict[str, Any]:
    return {"message_index": index, "duration_type": "repeat_until_steps_cmplt",
            "duration_value": start, "duration_step": start, "target_type": "open",
            "target_value": passes, "repeat_steps": passes}


def expected_steps(routine: Routine) -> list[dict[str, Any]]:
    timing = Timing()
    out: list[dict[str, Any]] = []

    def work(kind: str, exercise: Exercise) -> None:
        sides = ("Left", "Right") if exercise.prescription.per_side else (None,)
        for side in sides:
            out.append(expected_exercise(len(out), kind, exercise, side))

    def rest(seconds: int) -> None:
        if seconds:
            out.append(expected_rest(len(out), seconds))

    for section in routine.sections:
        if section.rounds is None:
            for exercise in section.exercises:
                start = len(out)
                work(section.kind, exercise)
                rest(timing.rest_after_set(exercise, section.kind)[1])
                sets = (exercise.prescription.sets or Range.one(1)).hi
                if sets > 1:
                    out.append(expected_repeat(len(out), start, sets))
        else:
            start = len(out)
            for ei, exercise in enumerate(section.exercises):
                last = ei == len(section.exercises) - 1
                seconds = (timing.rest_after_set(exercise, section.kind)[1] if last
                           else timing.circuit_rest)
                for _ in range((exercise.prescription.sets or Range.one(1)).hi):
                    work(section.kind, exercise)
                    rest(seconds)
            out.append(expected_repeat(len(out), start, section.rounds))
    if out[-1].get("intensity") == "rest":
        out.pop()
    return out


def without_notes(step: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in step.items() if k != "notes"}


def walk(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The steps in the order a watch does them, following every repeat."""
    done: list[dict[str, Any]] = []
    passes: dict[int, int] = {}
    i = 0
    while i < len(steps):
        step = steps[i]
        if step["duration_type"] != "repeat_until_steps_cmplt":
            done.append(step)
            i += 1
            continue
        count = passes.get(i, 1)
        if count < step["repeat_steps"]:
            passes[i] = count + 1
            i = step["duration_step"]
        else:
            passes.pop(i, None)
            i += 1
    return done


# The tests ----------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [seed, circuit], ids=["seed", "circuit"])
def test_every_step_matches_the_routine(make: Any) -> None:
    routine = make()
    messages = decode(routine_to_fit(routine))
    steps = messages["workout_step_mesgs"]
    expected = expected_steps(routine)
    assert len(steps) == len(expected)
    for got, want in zip(steps, expected, strict=True):
        assert without_notes(got) == want
    (workout,) = messages["workout_mesgs"]
    assert workout["num_valid_steps"] == len(steps)
    assert workout["sport"] == "training" and workout["sub_sport"] == "strength_training"
    assert workout["wkt_name"] == routine.title
    (file_id,) = messages["file_id_mesgs"]
    assert file_id["type"] == "workout" and file_id["manufacturer"] == "development"
    assert file_id["time_created"] == dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("make", [seed, circuit], ids=["seed", "circuit"])
def test_done_in_order_the_exercise_steps_are_the_session_plans_work(make: Any) -> None:
    routine = make()
    done = walk(decode(routine_to_fit(routine))["workout_step_mesgs"])
    exercises = [s for s in done if s["intensity"] != "rest"]
    plan = build_plan(routine).work_steps
    assert len(exercises) == len(plan)
    for step, work in zip(exercises, plan, strict=True):
        side = f" - {work.side.title()}" if work.side else ""
        assert step["wkt_step_name"] == f"{work.name}{side}"
        if work.hold_seconds is not None:
            assert step["duration_value"] == work.hold_seconds.hi * 1000
        elif work.reps is not None:
            assert step["duration_reps"] == work.reps.hi
        else:
            assert step["duration_type"] == "open"


def test_the_seed_routine_in_detail() -> None:
    steps = decode(routine_to_fit(seed()))["workout_step_mesgs"]
    by_name = {s.get("wkt_step_name"): s for s in steps}
    goblet = by_name["Goblet squat"]
    assert (goblet["exercise_category"], goblet["exercise_name"]) == ("squat", 37)
    assert goblet["duration_type"] == "reps" and goblet["duration_value"] == 15
    assert "2-3 sets: set 3 is optional" in goblet["notes"]
    assert "12-15 reps" in goblet["notes"]
    i = goblet["message_index"]
    assert steps[i + 1]["intensity"] == "rest" and steps[i + 1]["duration_value"] == 60_000
    assert steps[i + 2]["repeat_steps"] == 3 and steps[i + 2]["duration_step"] == i
    left = by_name["Single-leg deadlift - Left"]
    right = by_name["Single-leg deadlift - Right"]
    assert right["message_index"] == left["message_index"] + 1
    assert left["notes"] == "Left leg" and right["notes"] == "Right leg"
    assert (left["exercise_category"], left["exercise_name"]) == ("deadlift", 14)
    pigeon = by_name["Half Pigeon pose - Left"]
    assert pigeon["duration_type"] == "time" and pigeon["duration_value"] == 30_000
    assert pigeon["intensity"] == "cooldown"
    assert steps[0]["intensity"] == "warmup"
    setup = by_name["Standing clamshell"]["notes"]
    assert setup.startswith("Setup: Put a looser looped resistance band")
    assert steps[-1]["duration_type"] == "repeat_until_steps_cmplt"  # last cool-down stretch
    assert sum(s["duration_type"] == "repeat_until_steps_cmplt" for s in steps) == 21


def test_the_circuit_is_one_repeat_over_the_round() -> None:
    routine = circuit()
    steps = decode(routine_to_fit(routine))["workout_step_mesgs"]
    repeats = [s for s in steps if s["duration_type"] == "repeat_until_steps_cmplt"]
    round_repeat = repeats[0]
    assert round_repeat["repeat_steps"] == 3
    start = round_repeat["duration_step"]
    names = [s.get("wkt_step_name") for s in steps[start:round_repeat["message_index"]]]
    assert names == ["Goblet squat", "Rest", "Side plank - Left", "Side plank - Right", "Rest",
                     "Monster walk", "Rest"]
    rests = [s["duration_value"] for s in steps[start:round_repeat["message_index"]]
             if s["intensity"] == "rest"]
    assert rests == [15_000, 15_000, 60_000]  # between moves, then the round's rest
    goblet = steps[start]
    assert goblet["exercise_weight"] == 16 and goblet["weight_display_unit"] == "kilogram"
    monster = steps[start + 5]
    assert monster["duration_type"] == "open" and "as many reps as you can" in monster["notes"]
    assert "band: heavy" in monster["notes"]
    pigeon = next(s for s in steps if s.get("wkt_step_name") == "Half pigeon - Left")
    assert pigeon["duration_value"] == 45_000 and "30-45 seconds" in pigeon["notes"]
    rest = steps[pigeon["message_index"] + 2]
    assert rest["duration_value"] == 30_000 and rest["notes"] == "rest 20-30 s"
    mystery = next(s for s in steps if s.get("wkt_step_name") == "Mystery move")
    assert mystery["exercise_category"] == "unknown" and "exercise_name" not in mystery
    assert mystery["weight_display_unit"] == "pound"
    assert mystery["exercise_weight"] == pytest.approx(15.88)
    assert "tempo 3-1-1" in mystery["notes"] and "load 35 lb" in mystery["notes"]
    # rest 0 s: no rest step; the repeat comes straight after the exercise
    after = steps[mystery["message_index"] + 1]
    assert after["duration_type"] == "repeat_until_steps_cmplt" and after["repeat_steps"] == 2


def test_exercise_titles_name_each_mapped_pair_once() -> None:
    routine = seed()
    titles = decode(routine_to_fit(routine))["exercise_title_mesgs"]
    pairs = [(t["exercise_category"], t["exercise_name"]) for t in titles]
    assert len(pairs) == len(set(pairs)) == 16
    by_pair = {(t["exercise_category"], t["exercise_name"]): t["wkt_step_name"] for t in titles}
    assert by_pair[("squat", 37)] == "Goblet squat"
    assert by_pair[("warm_up", 37)] == "Runner's gastrocnemius stretch"
    steps = decode(routine_to_fit(routine))["workout_step_mesgs"]
    for step in steps:
        if "exercise_name" in step:
            name = step["wkt_step_name"].removesuffix(" - Left").removesuffix(" - Right")
            assert by_pair[(step["exercise_category"], step["exercise_name"])] == name
    assert [t["message_index"] for t in titles] == list(range(16))


def test_the_name_table_agrees_with_garmins_profile() -> None:
    library = load_library()
    seed_ids = {library.find(e.name).id for e in seed().exercises}  # type: ignore[union-attr]
    assert seed_ids == set(FIT_EXERCISES)  # every seed exercise is mapped by hand
    for fit in FIT_EXERCISES.values():
        assert TYPES["exercise_category"][fit.category_id] == fit.category
        if fit.name_id is not None:
            assert TYPES[f"{fit.category}_exercise_name"][fit.name_id] == fit.name
    assert TYPES["exercise_category"][UNKNOWN.category_id] == "unknown"
    # The facts in DOMAIN.md
    assert fit_exercise("Goblet squat").category_id == 28
    assert fit_exercise("dumbbell goblet squat").name_id == 37  # found by alias
    assert fit_exercise("Underwater basket weaving") == UNKNOWN


def test_the_same_routine_gives_the_same_bytes() -> None:
    first = routine_to_fit(seed())
    assert routine_to_fit(seed()) == first
    assert routine_to_fit(seed(), name="Glutes") != first
    serials = {decode(routine_to_fit(r))["file_id_mesgs"][0]["serial_number"]
               for r in (seed(), circuit())}
    assert len(serials) == 2  # a different routine is a different file to a watch


def test_the_name_overrides_the_title_and_long_text_is_cut() -> None:
    long_name = "Ä" * 300
    routine = Routine(sections=(Section("main", (
        Exercise(long_name, Prescription(sets=Range.one(1), reps=Range.one(5))),)),))
    messages = decode(routine_to_fit(routine, name="Hips"))
    assert messages["workout_mesgs"][0]["wkt_name"] == "Hips"
    step_name = messages["workout_step_mesgs"][0]["wkt_step_name"]
    assert step_name == "Ä" * 127  # 254 bytes of UTF-8, cut on a character boundary
    untitled = decode(routine_to_fit(routine))["workout_mesgs"][0]["wkt_name"]
    assert untitled == "Strength workout"


def test_the_hold_of_each_rep_is_in_the_notes_of_a_step_of_reps() -> None:
    routine = Routine(sections=(Section("activation", (
        Exercise("Quad set", Prescription(sets=Range.one(2), reps=Range.one(10),
                                          hold=Range(5, 8))),)),))
    step = decode(routine_to_fit(routine))["workout_step_mesgs"][0]
    assert step["duration_type"] == "reps" and step["duration_value"] == 10
    assert step["notes"] == "hold 5-8 s each rep"


def test_a_load_too_heavy_for_the_field_stays_in_the_notes() -> None:
    routine = Routine(sections=(Section("main", (
        Exercise("Sled", Prescription(sets=Range.one(1), reps=Range.one(5),
                                      load=Load(700, "kg"))),)),))
    (step,) = decode(routine_to_fit(routine))["workout_step_mesgs"]
    assert "exercise_weight" not in step and "load 700 kg" in step["notes"]


def test_too_many_steps_is_an_error_that_says_how_many() -> None:
    with pytest.raises(FitExportError, match="needs 82 FIT workout steps, more than the 50"):
        routine_to_fit(seed(), max_steps=50)
    assert len(workout_steps(seed())) == 82
    huge = Routine(sections=(Section("main", tuple(
        Exercise(f"Move {i}", Prescription(sets=Range.one(20), reps=Range.one(5), side="leg"))
        for i in range(70)), rounds=2),))
    with pytest.raises(FitExportError, match=f"more than the {MAX_FIT_STEPS}"):
        routine_to_fit(huge)
    with pytest.raises(ValueError):
        routine_to_fit(seed(), max_steps=MAX_FIT_STEPS + 1)


def shown(item: dict[str, Any], key: str) -> str:
    value = item[key]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if key == "exercise_name":  # the number, and its name in Garmin's profile
        names = TYPES.get(f"{item['exercise_category']}_exercise_name", {})
        return f"{value} ({names.get(value, '?')})"
    return repr(value)


def dump(messages: dict[str, list[dict[str, Any]]]) -> str:
    """One line per message, fields sorted: a readable snapshot of the decoded file."""
    lines = []
    for kind, items in messages.items():
        for item in items:
            fields = " ".join(f"{key}={shown(item, key)}" for key in sorted(item))
            lines.append(f"{kind.removesuffix('_mesgs')}: {fields}")
    return "\n".join(lines) + "\n"


def test_golden_dump_of_the_seed_routine() -> None:
    text = dump(decode(routine_to_fit(seed())))
    path = GOLDEN / "fit_runner_glute.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), "run with STRONGSTRIDE_UPDATE_GOLDEN=1 to write the golden file"
    assert text == path.read_text(encoding="utf-8")


def test_without_bands_the_watch_reads_the_variations_and_no_band_setup() -> None:
    adapted = adapt(seed(), {"band"})
    messages = decode(routine_to_fit(seed(), adaptation=adapted))
    steps = messages["workout_step_mesgs"]
    names = [s.get("wkt_step_name") for s in steps]
    assert "Monster walk, no band" in names and "Monster walk" not in names
    assert "Split squat, slow lowering - Left" in names
    assert "Standing hip extension, no band - Right" in names
    assert "Goblet squat" in names  # needs no band: as written
    walk = next(s for s in steps if s.get("wkt_step_name") == "Monster walk, no band")
    assert walk["notes"].startswith("substituted for Monster walk (no band)")
    assert walk["exercise_category"] == "unknown"  # the numbers name the banded move
    notes = " ".join(s.get("notes", "") for s in steps)
    assert "around your ankles" not in notes
    assert "Setup (substituted): Nothing to set up: you have no band" in notes
    titles = [t["wkt_step_name"] for t in messages.get("exercise_title_mesgs", [])]
    assert not any("Monster walk" in t or "Banded" in t for t in titles)
    plain = routine_to_fit(seed())
    assert routine_to_fit(seed(), adaptation=adapted) != plain
    assert routine_to_fit(seed(), adaptation=adapt(seed(), frozenset())) == plain
    serials = {decode(data)["file_id_mesgs"][0]["serial_number"]
               for data in (plain, routine_to_fit(seed(), adaptation=adapted))}
    assert len(serials) == 2  # another workout for the watch, not a copy of the first
