"""Plans of what the importer reads: exercises with no counts, distances, work/rest
intervals, blocks done for a time and circuits written one section per round."""

from __future__ import annotations

from strongstride.plan.session import MAX_BLOCK_ROUNDS, build_plan
from strongstride.plan.timing import Timing
from strongstride.routine.model import Distance, Range
from strongstride.routine.parse import parse_routine
from strongstride.routines import plan_dict


def plan_of(text: str):  # type: ignore[no-untyped-def]
    routine = parse_routine(text).routine
    assert routine is not None
    return build_plan(routine)


def test_an_exercise_with_no_counts_is_one_set_with_no_target() -> None:
    plan = plan_of("## cool-down\nChild's pose\nThread the needle: 2 sets\nPigeon: on each leg\n")
    work = plan.work_steps
    assert [s.key for s in work] == [
        "s1.e1.set1.work", "s1.e2.set1.work", "s1.e2.set2.work", "s1.e3.set1.left.work",
        "s1.e3.set1.right.work"]
    first = work[0]
    assert (first.reps, first.hold_seconds, first.max_reps, first.distance) == (
        None, None, False, None)
    timing = Timing()
    assert first.seconds == (timing.no_counts + timing.setup_per_set,) * 2
    step = plan_dict(plan)["steps"][0]
    assert (step["reps"], step["hold_seconds"], step["distance"]) == (None, None, None)


def test_a_distance_is_a_set_that_waits_for_done_and_takes_its_time() -> None:
    plan = plan_of("## main\nRun: 2 x 400 m\nWalk: 1 mi\n")
    run = plan.work_steps[0]
    assert run.distance == Distance(400, "m") and run.sets_total == 2
    assert run.reps is None and run.hold_seconds is None
    assert run.seconds[0] == round(400 * Timing().seconds_per_metre) + Timing().setup_per_set
    walk = plan.work_steps[2]
    assert walk.seconds[0] > 500  # a mile is far longer than 400 m
    assert plan_dict(plan)["steps"][0]["distance"] == "400 m"


def test_an_interval_in_a_circuit_rests_as_written_then_goes_on() -> None:
    plan = plan_of("## main, 2 rounds\nPlank: 40 seconds on, 20 seconds off\n"
                   "Climbers: 30 seconds on, 15 seconds off\n")
    assert [(s.key, s.seconds, s.hold_seconds) for s in plan.steps] == [
        ("s1.e1.r1.set1.work", (45, 45), Range(40, 40)),
        ("s1.e1.r1.set1.rest", (20, 20), None),
        ("s1.e2.r1.set1.work", (35, 35), Range(30, 30)),
        ("s1.e2.r1.set1.rest", (15, 15), None),
        ("s1.e1.r2.set1.work", (45, 45), Range(40, 40)),
        ("s1.e1.r2.set1.rest", (20, 20), None),
        ("s1.e2.r2.set1.work", (35, 35), Range(30, 30)),
    ]


def test_a_block_done_for_a_time_is_rounds_without_rest_and_lasts_its_time() -> None:
    text = ("## warm-up\nLeg swings: 10 reps\n"
            "## main, AMRAP 10 min: Burner\nsetup: Two kettlebells.\nSquat: 10 reps\n"
            "Push-up: 10 reps\n## cool-down\nChild's pose\n")
    plan = plan_of(text)
    block = [s for s in plan.steps if s.section == 1]
    assert block[0].kind == "setup" and block[0].time_cap_seconds is None
    rounds = [s for s in block if s.kind == "work"]
    assert all(s.kind == "work" for s in block[1:])  # no rest unless the routine gives one
    assert all(s.time_cap_seconds == 600 for s in rounds)
    round_seconds = rounds[0].seconds[0] + rounds[1].seconds[0]  # 35 + 35
    expected = round(600 / round_seconds)
    assert {s.round for s in rounds if not s.optional} == set(range(1, expected + 1))
    assert max(s.round or 0 for s in rounds) == min(MAX_BLOCK_ROUNDS, 2 * expected)
    setup = block[0].seconds[0]
    assert plan.section_seconds(1) == (setup + 600, setup + 600)
    total = plan.total_seconds()
    assert total[0] == sum(plan.section_seconds(i)[0] for i in range(3))
    assert total[1] == sum(plan.section_seconds(i)[1] for i in range(3))
    first = plan.steps.index(rounds[0])
    assert plan_dict(plan)["steps"][first]["time_cap_seconds"] == 600
    assert plan_dict(plan)["steps"][first - 1]["time_cap_seconds"] is None  # the setup


def test_a_block_with_a_written_rest_rests() -> None:
    plan = plan_of("## main, for 5 minutes\nBurpee: 10 reps, rest 30 s\n")
    assert [s.kind for s in plan.steps[:4]] == ["work", "rest", "work", "rest"]
    assert plan.steps[1].seconds == (30, 30)


def test_a_circuit_whose_reps_differ_by_round_is_a_section_a_round() -> None:
    plan = plan_of("## main: Round 1\nSwing: 1 set of 20 reps\nSquat: 1 set of 15 reps\n"
                   "## main: Round 2\nSwing: 1 set of 15 reps\nSquat: 1 set of 10 reps\n")
    work = plan.work_steps
    assert [(s.key, s.reps) for s in work] == [
        ("s1.e1.set1.work", Range(20, 20)), ("s1.e2.set1.work", Range(15, 15)),
        ("s2.e1.set1.work", Range(15, 15)), ("s2.e2.set1.work", Range(10, 10))]
    assert all(s.sets_total == 1 for s in work)
    assert plan_dict(plan)["steps"][0]["section_title"] == "Round 1"
