"""Plans of reps each held for a time ('10 reps, hold 5 s each', issue 13): the hold is in
the estimate and on the step, and the set is still counted in reps."""

from __future__ import annotations

from strongstride.plan.session import build_plan
from strongstride.plan.timing import Timing
from strongstride.routine.model import Exercise, Prescription, Range
from strongstride.routine.parse import parse_routine
from strongstride.routines import plan_dict

ROUTINE = """\
## activation
Quad set: 10 reps, hold 5 s each
Curl-up: 3-5 reps on each side, hold 8-10 s each
Clamshell: 10 reps
"""


def test_the_hold_in_each_rep_is_added_to_the_pace_of_each_rep() -> None:
    timing = Timing()
    bridge = Exercise("Glute bridge", Prescription(reps=Range(10, 10), hold=Range(2, 4)))
    assert timing.rep_seconds(bridge) == (timing.seconds_per_rep + 2, timing.seconds_per_rep + 4)
    plain = Exercise("Glute bridge", Prescription(reps=Range(10, 10)))
    assert timing.rep_seconds(plain) == (timing.seconds_per_rep,) * 2
    # a tempo sets the pace; the hold comes on top of it
    slow = Exercise("Squat", Prescription(reps=Range(5, 5), tempo=(3, 1, 1), hold=Range(2, 2)))
    assert timing.rep_seconds(slow) == (7.0, 7.0)


def test_a_held_rep_step_carries_its_hold_and_takes_longer() -> None:
    routine = parse_routine(ROUTINE).routine
    assert routine is not None
    plan = build_plan(routine)
    timing = Timing()
    quad, curl_left, curl_right, clam = plan.work_steps
    assert (quad.reps, quad.rep_hold_seconds, quad.hold_seconds) == (
        Range(10, 10), Range(5, 5), None)
    assert quad.seconds == (round(10 * (timing.seconds_per_rep + 5)) + timing.setup_per_set,) * 2
    assert curl_left.rep_hold_seconds == curl_right.rep_hold_seconds == Range(8, 10)
    assert curl_left.seconds == (
        round(3 * (timing.seconds_per_rep + 8)) + timing.setup_per_set,
        round(5 * (timing.seconds_per_rep + 10)) + timing.setup_per_set)
    assert clam.rep_hold_seconds is None
    assert clam.seconds == (round(10 * timing.seconds_per_rep) + timing.setup_per_set,) * 2
    steps = plan_dict(plan)["steps"]
    assert steps[0]["rep_hold_seconds"] == [5, 5] and steps[0]["hold_seconds"] is None
    assert steps[-1]["rep_hold_seconds"] is None
