"""Session plans: the order of steps, sides, rests, circuits and the duration estimate."""

from __future__ import annotations

from strongstride.plan.session import build_plan
from strongstride.plan.timing import Timing
from strongstride.routine.model import Range
from strongstride.routine.parse import parse_routine
from strongstride.routines import load_routine


def plan_of(text: str, **kw: object):  # type: ignore[no-untyped-def]
    routine = parse_routine(text).routine
    assert routine is not None
    return build_plan(routine, **kw)  # type: ignore[arg-type]


def test_straight_sets_one_sided_left_then_right_with_switch_and_rest() -> None:
    plan = plan_of("## main\nLunge: 2 sets of 10 reps on each leg\nSquat: 1 set of 5 reps\n")
    assert [s.key for s in plan.steps] == [
        "s1.e1.set1.left.work", "s1.e1.set1.right.switch", "s1.e1.set1.right.work",
        "s1.e1.set1.rest",
        "s1.e1.set2.left.work", "s1.e1.set2.right.switch", "s1.e1.set2.right.work",
        "s1.e1.set2.rest",
        "s1.e2.set1.work",
    ]
    work = plan.steps[0]
    assert work.reps == Range(10, 10) and work.sets_total == 2 and work.name == "Lunge"


def test_first_side_can_be_the_right() -> None:
    plan = plan_of("## main\nLunge: 1 set of 10 reps on each leg\n", first_side="right")
    assert [s.side for s in plan.work_steps] == ["right", "left"]


def test_durations_follow_the_timing_model() -> None:
    t = Timing()
    plan = plan_of("## main\nSquat: 2 sets of 10 reps\n")
    work, rest, _ = plan.steps
    assert work.seconds == (10 * 3 + t.setup_per_set,) * 2
    assert rest.seconds == (t.rest["main"],) * 2
    assert plan.total_seconds() == (2 * 35 + 60, 2 * 35 + 60)


def test_the_second_side_counts_as_rest_for_the_first() -> None:
    plan = plan_of("## main\nLunge: 2 sets of 10 reps on each leg\n")
    rest = next(s for s in plan.steps if s.kind == "rest")
    assert rest.seconds == (60 - 35, 60 - 35)


def test_holds_take_their_time_and_eccentrics_are_slower() -> None:
    plan = plan_of("## cool-down\nPigeon: 3 holds of 30 seconds on each leg\n"
                   "## main\nEccentric heel raise: 1 set of 10 reps\n"
                   "Heel raise: 1 set of 10 reps\n")
    hold = plan.work_steps[0]
    assert hold.hold_seconds == Range(30, 30) and hold.seconds == (35, 35)
    eccentric, plain = plan.work_steps[-2:]
    assert eccentric.seconds == (55, 55) and plain.seconds == (25, 25)


def test_written_rest_and_tempo_win_over_defaults() -> None:
    plan = plan_of("## main\nSquat: 2 sets of 10 reps, rest 90-120 s, tempo 3-1-1\n")
    work, rest, _ = plan.steps
    assert work.seconds == (55, 55)
    assert rest.seconds == (90, 120)


def test_a_range_of_sets_marks_the_extra_sets_optional_and_widens_the_estimate() -> None:
    plan = plan_of("## main\nGoblet squat: 2-3 sets of 12-15 reps\nNext: 1 set of 10 reps\n")
    assert [s.optional for s in plan.work_steps] == [False, False, True, False]
    lo, hi = plan.total_seconds()
    assert lo == 2 * (12 * 3 + 5) + 2 * 60 + 35  # the third set and its rest left out
    assert hi == 3 * (15 * 3 + 5) + 3 * 60 + 35


def test_setup_comes_first_in_its_section() -> None:
    plan = plan_of("## activation\nsetup: Band above the knees.\nWalk: 1 set of 10 reps\n")
    assert plan.steps[0].kind == "setup" and plan.steps[0].text == "Band above the knees."


def test_a_circuit_goes_round_the_exercises() -> None:
    plan = plan_of("## main, 2 rounds\nA: 10 reps\nB: 30 seconds\n")
    assert [(s.round, s.name) for s in plan.work_steps] == [(1, "A"), (1, "B"), (2, "A"),
                                                             (2, "B")]
    rests = [s.seconds for s in plan.steps if s.kind == "rest"]
    assert rests == [(15, 15), (60, 60), (15, 15)]  # short between moves, long between rounds


def test_the_seed_session() -> None:
    routine = load_routine().routine
    plan = build_plan(routine)
    # 3 warm-up + 6x2 activation + main + 4x3x2 cool-down work steps
    main_sets = sum((e.prescription.sets.hi) * (2 if e.prescription.per_side else 1)
                    for e in routine.sections[2].exercises)  # type: ignore[union-attr]
    assert len(plan.work_steps) == 3 + 12 + main_sets + 24
    assert plan.steps[-1].kind == "work"
    lo, hi = plan.total_seconds()
    assert 55 * 60 < lo < hi < 85 * 60
    assert sum(plan.section_seconds(i)[0] for i in range(4)) == lo
    assert len({s.key for s in plan.steps}) == len(plan.steps)
