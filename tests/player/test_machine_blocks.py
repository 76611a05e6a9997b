"""The player over what the importer reads: a work/rest interval circuit, a block done for a
time (its clock, its end, ending it sooner, pausing it), a stretch with no counts and
circuits written one section per round."""

from __future__ import annotations

from strongstride.player.clock import FakeClock
from strongstride.player.machine import (
    Actuals,
    Back,
    Complete,
    Cue,
    EndBlock,
    Pause,
    Resume,
    Save,
    Start,
    block_left,
    new_player,
    remaining,
)
from tests.player.test_machine import Driver, plan_of


def driver(text: str) -> Driver:
    return Driver(new_player(plan_of(text)), FakeClock())


def key(d: Driver) -> str | None:
    return None if d.state.step is None else d.state.step.key


INTERVALS = "## main, 2 rounds\nPlank: 40 seconds on, 20 seconds off\nClimbers: 30 seconds on\n"


def test_an_interval_circuit_runs_work_clock_then_rest_clock_then_the_next_exercise() -> None:
    d = driver(INTERVALS)
    d.send(Start())
    assert key(d) == "s1.e1.r1.set1.work"
    d.wait(39.9)
    assert key(d) == "s1.e1.r1.set1.work"
    d.wait(0.1)  # the hold is logged as held for its time, and the rest begins
    assert d.saved[-1].actuals.seconds == 40 and key(d) == "s1.e1.r1.set1.rest"
    d.wait(19.9)
    assert key(d) == "s1.e1.r1.set1.rest"
    d.wait(0.1)
    assert key(d) == "s1.e2.r1.set1.work"
    d.wait(30 + 60)  # the climbers, then the rest after the round
    assert key(d) == "s1.e1.r2.set1.work"


BLOCK = """\
## warm-up
Leg swings: 10 reps
## main, AMRAP 2 min: Burner
Run: 200 m
Squat: 10 reps
## cool-down
Child's pose
"""


def into_block(d: Driver) -> None:
    d.send(Start())
    d.send(Complete())
    d.wait(15)  # the warm-up's rest
    assert key(d) == "s2.e1.r1.set1.work"


def test_a_block_ends_when_its_time_is_up_and_the_set_under_way_is_not_logged() -> None:
    d = driver(BLOCK)
    into_block(d)
    began = d.clock.now()
    assert block_left(d.state, began) == 120
    d.wait(50)
    d.send(Complete())  # 200 m: a set with nothing but done
    assert d.saved[-1].actuals == Actuals()
    d.wait(30)
    d.send(Complete(Actuals(reps=10)))
    assert key(d) == "s2.e1.r2.set1.work"
    assert block_left(d.state, d.clock.now()) == 40
    assert remaining(d.state, d.clock.now()) == 40 + d.state.plan.steps[-1].seconds[0]
    saved = len(d.saved)
    effects = d.wait(40)
    assert any(isinstance(e, Cue) and e.kind == "time" and e.due == began + 120
               for e in effects)
    assert len(d.saved) == saved  # the run under way when the time was up
    assert key(d) == "s3.e1.set1.work"
    assert block_left(d.state, d.clock.now()) is None


def test_she_can_end_the_block_herself_and_a_pause_stops_its_clock() -> None:
    d = driver(BLOCK)
    into_block(d)
    d.send(EndBlock())
    assert key(d) == "s3.e1.set1.work"
    d.send(EndBlock())  # not in a block: nothing
    assert key(d) == "s3.e1.set1.work"

    d = driver(BLOCK)
    into_block(d)
    d.wait(30)
    d.send(Pause())
    d.wait(600)
    assert block_left(d.state, d.clock.now()) == 90
    d.send(Resume())
    d.wait(80)
    d.send(Complete())
    assert key(d) == "s2.e2.r1.set1.work"
    d.send(Back())  # within the block: its clock goes on
    assert key(d) == "s2.e1.r1.set1.work"
    d.wait(9.9)
    assert key(d) == "s2.e1.r1.set1.work"
    d.wait(0.1)
    assert key(d) == "s3.e1.set1.work"


def test_a_stretch_with_no_counts_is_logged_as_done_and_nothing_else() -> None:
    d = driver("## cool-down\nChild's pose\nPigeon: on each leg\n")
    d.send(Start())
    d.send(Complete())
    save = d.saved[-1]
    assert isinstance(save, Save) and save.actuals == Actuals() and not save.skipped
    assert key(d) == "s1.e1.set1.rest"


def test_a_circuit_written_a_section_a_round_plays_each_round_once() -> None:
    d = driver("## main: Round 1\nSwing: 1 set of 20 reps\n## main: Round 2\n"
               "Swing: 1 set of 15 reps\n")
    d.send(Start())
    d.send(Complete())
    assert d.saved[-1].actuals.reps == 20
    d.wait(60)
    d.send(Complete())
    assert d.saved[-1].actuals.reps == 15  # round 2's own count, not round 1's
    assert d.state.status == "finished"
