"""Next-session suggestions: double progression, the RPE table, the ladder, holds, stretches."""

from __future__ import annotations

from dataclasses import replace

import pytest

from strongstride.analysis import Settings
from strongstride.routine.model import Prescription, Range
from tests.analysis.make import holds
from tests.analysis.nexthelp import (
    BODYWEIGHT,
    BRIDGE,
    DEADLIFT,
    HIP_EXTENSION,
    HOLD,
    LOADED,
    PIGEON,
    PLANK,
    STRETCH,
    loaded,
    reps_only,
    suggest_one,
)


def test_both_sides_at_the_top_at_rpe_7_twice_adds_the_smallest_step() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(2))
    assert result.action == "add load"
    assert result.reason == "Both sides reached 12 reps at RPE 7 twice: add 2.5 kg."
    assert (result.target.load, result.target.unit, result.target.reps) == (22.5, "kg", 8)
    assert result.target.sets == 2


def test_once_is_not_enough() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(1))
    assert result.action == "keep" and result.target.load == 20
    assert result.reason == "Both sides reached 12 reps on every set: do it again to move on."


def test_the_weaker_side_gates_the_load() -> None:
    logs = loaded(1) + loaded(1, left=(12, 11), start=3)
    result = suggest_one(DEADLIFT, LOADED, logs)
    assert result.action == "add reps" and result.target.load == 20
    assert result.target.reps == 12
    assert result.reason.startswith("Your lowest set was 11 reps: aim for 12 on every set, both")


def test_every_prescribed_set_on_both_sides() -> None:
    logs = loaded(1) + loaded(1, start=3)
    short = [s for s in logs if not (s.session_id == "d003" and s.side == "right"
                                     and s.set_number == 2)]
    assert suggest_one(DEADLIFT, LOADED, short).action != "add load"


def test_the_two_sessions_must_be_at_the_same_load() -> None:
    logs = loaded(1, load=17.5) + loaded(1, start=3)
    assert suggest_one(DEADLIFT, LOADED, logs).action == "keep"


@pytest.mark.parametrize(("rpe", "action", "load"), [
    (5, "add load", 25.0), (6, "add load", 25.0), (7, "add load", 22.5), (8, "keep", 20.0),
    (9, "reduce load", 17.5), (10, "reduce load", 15.0)])
def test_rpe_table_in_kg(rpe: float, action: str, load: float) -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(2, rpe=rpe))
    assert (result.action, result.target.load, result.target.unit) == (action, load, "kg")


@pytest.mark.parametrize(("rpe", "load"), [(6, 55.0), (7, 50.0), (8, 45.0), (9, 40.0),
                                           (10, 35.0)])
def test_rpe_table_scales_to_the_pound_step(rpe: float, load: float) -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(2, load=45, unit="lb", rpe=rpe))
    assert (result.target.load, result.target.unit) == (load, "lb")


def test_the_smallest_step_is_a_setting() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(2, rpe=6),
                         settings=Settings(load_step_kg=1.25))
    assert result.target.load == 22.5 and result.reason.endswith("add 2.5 kg.")


def test_rpe_8_holds_the_load_at_the_top_of_the_range() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(2, rpe=8))
    assert result.reason == ("Both sides reached 12 reps at RPE 8 twice: keep 20 kg until it "
                             "feels easier (RPE 7 or less).")


def test_rpe_9_below_the_top_takes_load_off() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(1, left=(9, 8), right=(10, 9), rpe=9))
    assert (result.action, result.target.load) == ("reduce load", 17.5)
    assert result.reason == "Your hardest set last time was RPE 9: take off 2.5 kg."


def test_without_rpe_the_gate_uses_reps_and_adds_one_step() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(2, rpe=None))
    assert (result.action, result.target.load) == ("add load", 22.5)
    assert "no RPE logged" in result.reason


def test_bodyweight_ladder_step_1_reps_to_the_top() -> None:
    result = suggest_one(BRIDGE, BODYWEIGHT, reps_only(BRIDGE, 1, (10, 9)))
    assert (result.action, result.target.reps, result.target.sets) == ("add reps", 10, 2)


def test_bodyweight_ladder_step_2_one_more_set_and_nothing_else() -> None:
    result = suggest_one(BRIDGE, BODYWEIGHT, reps_only(BRIDGE, 2, (12, 12)))
    assert result.action == "add a set"
    assert result.target.sets == 3 and result.target.reps == 12 and result.target.band is None
    assert result.reason == "Both sides reached 12 reps twice: add one set (3 sets)."


def test_bodyweight_ladder_step_3_a_harder_variation_back_to_the_bottom() -> None:
    result = suggest_one(BRIDGE, BODYWEIGHT, reps_only(BRIDGE, 2, (12, 12, 12)))
    assert result.action == "harder variation"
    assert (result.target.sets, result.target.reps) == (3, 8)


def test_band_ladder_a_harder_band_back_to_the_bottom() -> None:
    logs = reps_only(HIP_EXTENSION, 2, (12, 12, 12), band="light")
    result = suggest_one(HIP_EXTENSION, BODYWEIGHT, logs)
    assert result.action == "harder band"
    assert (result.target.band, result.target.reps, result.target.sets) == ("medium", 8, 3)


def test_band_ladder_the_hardest_band_then_a_slower_tempo() -> None:
    logs = reps_only(HIP_EXTENSION, 2, (12, 12, 12), band="extra heavy")
    result = suggest_one(HIP_EXTENSION, BODYWEIGHT, logs)
    assert result.action == "slower tempo" and result.target.band == "extra heavy"
    assert "take 4 s to lower each rep" in result.reason


def test_an_unknown_band_name_asks_for_a_harder_band() -> None:
    logs = reps_only(HIP_EXTENSION, 2, (12, 12, 12), band="green")
    result = suggest_one(HIP_EXTENSION, BODYWEIGHT, logs)
    assert result.action == "harder band" and result.target.band is None
    assert "harder band than green" in result.reason


def test_band_ladder_below_the_top_adds_reps_first() -> None:
    logs = reps_only(HIP_EXTENSION, 2, (11, 12), band="light")
    result = suggest_one(HIP_EXTENSION, BODYWEIGHT, logs)
    assert (result.action, result.target.band) == ("add reps", "light")


@pytest.mark.parametrize(("held", "action", "seconds"), [
    (50, "add time", 55), (55, "add time", 60), (57, "add time", 60),
    (60, "harder variation", 30)])
def test_holds_add_5_seconds_up_to_60_then_a_harder_variation(
        held: int, action: str, seconds: int) -> None:
    result = suggest_one(PLANK, HOLD, holds(PLANK, left=(held, held), right=(held, 62)))
    assert (result.action, result.target.seconds) == (action, seconds)


def test_a_hold_goes_by_the_shorter_side() -> None:
    result = suggest_one(PLANK, HOLD, holds(PLANK, left=(40, 35), right=(45, 45)))
    assert result.target.seconds == 40
    assert result.reason.startswith("Your shortest hold was 35 s: hold 40 s")


def test_stretches_stay_at_30_seconds() -> None:
    result = suggest_one(PIGEON, STRETCH, holds(PIGEON, left=(45, 45, 45), right=(45, 45, 45)))
    assert (result.action, result.target.seconds) == ("keep", 30)


def test_no_sets_yet_starts_at_the_bottom_of_the_prescription() -> None:
    goblet = Prescription(sets=Range(2, 3), reps=Range(12, 15))
    result = suggest_one("Goblet squat", goblet, [])
    assert result.action == "start"
    assert (result.target.sets, result.target.reps) == (2, 12)


def test_fewer_sets_than_prescribed_goes_back_to_all_of_them_first() -> None:
    result = suggest_one(DEADLIFT, LOADED, loaded(2, left=(12,), right=(12,)))
    assert (result.action, result.target.sets) == ("keep", 2)


def test_suggestions_follow_the_prescriptions() -> None:
    from strongstride.analysis import next_session
    from tests.analysis.nexthelp import day, infos_of

    logs = loaded(1) + reps_only(BRIDGE, 1, (10, 10)) + reps_only("Old move", 1, (5, 5))
    infos = infos_of(logs)
    routine = {BRIDGE: BODYWEIGHT, DEADLIFT: LOADED, "Goblet squat": Prescription()}
    assert [s.exercise for s in next_session(infos, logs, routine, day(1))] == [
        BRIDGE, DEADLIFT, "Goblet squat"]
    assert [s.exercise for s in next_session(infos, logs, {}, day(1))] == [
        "Old move", BRIDGE, DEADLIFT]


def test_one_change_at_a_time() -> None:
    logs = reps_only(BRIDGE, 2, (12, 12))
    before = suggest_one(BRIDGE, BODYWEIGHT, logs[: len(logs) // 2]).target
    after = suggest_one(BRIDGE, BODYWEIGHT, logs).target
    assert after == replace(before, sets=3)


def test_without_a_prescription_one_extra_set_then_a_harder_variation() -> None:
    two = reps_only(BRIDGE, 2, (12, 12), target=(8, 12))
    assert suggest_one(BRIDGE, None, two).action == "add a set"
    three = two + reps_only(BRIDGE, 2, (12, 12, 12), start=6, target=(8, 12))
    assert suggest_one(BRIDGE, None, three).action == "harder variation"


def test_a_loaded_move_done_without_load_follows_the_ladder() -> None:
    result = suggest_one(DEADLIFT, LOADED, reps_only(DEADLIFT, 2, (12, 12)))
    assert result.action == "add a set" and result.target.load is None
