"""Where each side's set form starts: this session's latest set on that side, else today's
target (its gaps from that side's last session), else the bottom of the prescription."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from strongstride.plan.session import SessionPlan, Step, build_plan
from strongstride.player.machine import Actuals, Prefill
from strongstride.player.sets import set_log, starting_amounts
from strongstride.records import SetLog
from strongstride.routine.parse import parse_routine

TEXT = "## main\nBridge: 2 sets of 8-12 reps on each leg\nSquat: 2 sets of 12-15 reps\n"
T0 = datetime(2026, 12, 1, 18, tzinfo=UTC)


def plan() -> SessionPlan:
    routine = parse_routine(TEXT).routine
    assert routine is not None
    return build_plan(routine)


def work(p: SessionPlan, name: str, set_number: int, side: str | None) -> Step:
    return next(s for s in p.steps if s.kind == "work" and s.name == name
                and s.set_number == set_number and s.side == side)


def logged(step: Step, minutes: int, session: str = "last", **done: object) -> SetLog:
    return set_log(step, Actuals(**done),  # type: ignore[arg-type]
                   session_id=session, logged_at=T0 + timedelta(minutes=minutes))


def test_each_side_starts_from_its_own_last_session() -> None:
    p = plan()
    last = {(0, 0): [logged(work(p, "Bridge", 1, "left"), 1, reps=10, load=8, unit="kg"),
                     logged(work(p, "Bridge", 1, "right"), 2, reps=9, load=8, unit="kg"),
                     logged(work(p, "Bridge", 2, "left"), 3, reps=11, load=8, unit="kg"),
                     logged(work(p, "Bridge", 2, "right"), 4, reps=8, load=8, unit="kg")]}
    got = starting_amounts(p, last, {})
    assert got[(0, 0, "left")] == Prefill(11, 8, "kg")
    assert got[(0, 0, "right")] == Prefill(8, 8, "kg")
    assert (0, 1, "") not in got  # nothing to go on: the player's default


def test_the_target_comes_before_last_session_and_last_session_fills_its_gaps() -> None:
    p = plan()
    last = {(0, 0): [logged(work(p, "Bridge", 1, "left"), 1, reps=12, load=8, unit="kg"),
                     logged(work(p, "Bridge", 1, "right"), 2, reps=12, load=8, unit="kg")],
            (0, 1): [logged(work(p, "Squat", 1, None), 3, reps=15, load=20, unit="kg")]}
    aims = {"Bridge": Prefill(reps=8, load=10, unit="kg"), "Squat": Prefill(reps=12)}
    got = starting_amounts(p, last, aims)
    assert got[(0, 0, "left")] == got[(0, 0, "right")] == Prefill(8, 10, "kg")
    assert got[(0, 1, "")] == Prefill(12, 20, "kg")  # "Today: 12 reps", never last time's 15


def test_a_resumed_session_starts_each_side_from_its_latest_set_today() -> None:
    p = plan()
    today = [logged(work(p, "Bridge", 1, "left"), 60, session="now", reps=8),
             logged(work(p, "Bridge", 1, "right"), 61, session="now", reps=7)]
    skipped = set_log(work(p, "Bridge", 2, "left"), Actuals(), session_id="now",
                      logged_at=T0 + timedelta(minutes=62), skipped=True)
    got = starting_amounts(p, {}, {"Bridge": Prefill(reps=12)}, [*today, skipped])
    assert got[(0, 0, "left")].reps == 8 and got[(0, 0, "right")].reps == 7
