"""The player state machine, driven by a fake clock."""

from __future__ import annotations

from strongstride.plan.session import build_plan, with_variations
from strongstride.player.clock import FakeClock
from strongstride.player.machine import (
    Abandon,
    Actuals,
    AddRest,
    Adjust,
    Back,
    Complete,
    Cue,
    Effect,
    Ended,
    Event,
    Finish,
    Pause,
    PlayerState,
    Prefill,
    Problem,
    Resume,
    Save,
    Saved,
    SaveFailed,
    Skip,
    Start,
    Tick,
    new_player,
    next_due,
    progress,
    remaining,
)
from strongstride.routine.parse import parse_routine

TEXT = """\
## main
Lunge: 2 sets of 10 reps on each leg
Squat: 1 set of 12 reps, 20 kg
## cool-down
Pigeon: 1 hold of 30 seconds on each leg
"""


def plan_of(text: str = TEXT):  # type: ignore[no-untyped-def]
    routine = parse_routine(text).routine
    assert routine is not None
    return build_plan(routine)


class Driver:
    """Feeds events with a fake clock and plays the store: every Save is acknowledged."""

    def __init__(self, state: PlayerState, clock: FakeClock, store: bool = True) -> None:
        self.state, self.clock, self.store = state, clock, store
        self.effects: list[Effect] = []
        self.saved: list[Save] = []

    def send(self, event: Event) -> list[Effect]:
        self.state, effects = step_(self.state, event, self.clock.now())
        out = list(effects)
        for effect in effects:
            if isinstance(effect, Save) and self.store:
                self.saved.append(effect)
                out += self.send(Saved(effect.step.key))
        self.effects += effects
        return out

    def wait(self, seconds: float) -> list[Effect]:
        """Move the clock, ticking only when the machine says something is due."""
        end = self.clock.now() + seconds
        out: list[Effect] = []
        while True:
            due = next_due(self.state)
            if due is None or due > end:
                break
            self.clock.advance(max(0.0, due - self.clock.now()))
            out += self.send(Tick())
        self.clock.advance(end - self.clock.now())
        return out


def step_(state: PlayerState, event: Event, now: float):  # type: ignore[no-untyped-def]
    from strongstride.player.machine import step

    return step(state, event, now)


def driver(text: str = TEXT, **kw: object) -> Driver:
    return Driver(new_player(plan_of(text)), FakeClock(), **kw)  # type: ignore[arg-type]


def test_start_enters_the_first_step() -> None:
    d = driver()
    assert d.state.status == "ready"
    d.send(Start())
    assert d.state.status == "running"
    assert d.state.step is not None and d.state.step.key == "s1.e1.set1.left.work"


def test_a_set_is_not_left_until_the_store_says_it_is_saved() -> None:
    d = driver(store=False)
    d.send(Start())
    effects = d.send(Complete(Actuals(reps=9)))
    save = next(e for e in effects if isinstance(e, Save))
    assert save.actuals.reps == 9 and save.step.side == "left"
    assert d.state.status == "saving"
    d.send(Complete())
    d.send(Skip())
    d.send(Back())
    assert d.state.step.key == "s1.e1.set1.left.work"  # type: ignore[union-attr]
    d.send(Saved("some-other-key"))
    assert d.state.status == "saving"
    d.send(Saved(save.step.key))
    assert d.state.step.key == "s1.e1.set1.right.switch"  # type: ignore[union-attr]
    assert save.step.key in d.state.done


def test_a_failed_save_stays_on_the_set_and_says_so() -> None:
    d = driver(store=False)
    d.send(Start())
    d.send(Complete())
    effects = d.send(SaveFailed("disk full"))
    assert any(isinstance(e, Problem) and "disk full" in e.message for e in effects)
    assert d.state.status == "running"
    assert d.state.step.key == "s1.e1.set1.left.work"  # type: ignore[union-attr]


def test_reps_and_load_are_prefilled_per_side_and_adjustable() -> None:
    d = driver()
    d.send(Start())
    d.send(Complete())
    assert d.saved[-1].actuals.reps == 10
    d.wait(5)  # the switch
    d.send(Adjust(reps=8, load=5, unit="kg"))
    d.send(Complete())
    assert (d.saved[-1].actuals.reps, d.saved[-1].actuals.load) == (8, 5)
    d.send(Skip())  # the rest
    d.send(Complete())  # set 2, left: what the left leg did, not the right's 8
    assert (d.saved[-1].actuals.reps, d.saved[-1].actuals.load) == (10, None)
    d.wait(5)
    d.send(Complete())  # set 2, right: the right leg's numbers
    assert (d.saved[-1].actuals.reps, d.saved[-1].actuals.load) == (8, 5)


def test_a_form_with_nothing_to_go_on_starts_at_the_bottom_of_the_range() -> None:
    d = driver("## main\nSquat: 2 sets of 12-15 reps\n")
    d.send(Start())
    d.send(Complete())
    assert d.saved[-1].actuals.reps == 12


def test_prefill_from_last_time() -> None:
    plan = plan_of()
    state = new_player(plan, prefill={(0, 1, ""): Prefill(reps=11, load=22.5, unit="kg")})
    d = Driver(state, FakeClock())
    d.send(Start())
    for _ in range(6):  # lunge: 2 sets x 2 sides, with switches and rests
        if d.state.step.kind == "work":  # type: ignore[union-attr]
            d.send(Complete())
        else:
            d.send(Skip())
    while d.state.step.name != "Squat" or d.state.step.kind != "work":  # type: ignore[union-attr]
        d.send(Skip() if d.state.step.kind != "work" else Complete())  # type: ignore[union-attr]
    d.send(Complete())
    assert (d.saved[-1].actuals.reps, d.saved[-1].actuals.load, d.saved[-1].actuals.unit) == (
        11, 22.5, "kg")


def test_rest_ends_at_its_deadline_whatever_the_tick_rate() -> None:
    for tick_every in (0.05, 0.5, 7.0):
        d = driver("## main\nSquat: 2 sets of 10 reps, rest 60 s\n")
        d.send(Start())
        d.send(Complete())
        rest_start = d.clock.now()
        assert d.state.step.kind == "rest" and d.state.deadline == rest_start + 60  # type: ignore[union-attr]
        cues: list[Cue] = []
        while d.state.step.kind == "rest":  # type: ignore[union-attr]
            d.clock.advance(tick_every)
            cues += [e for e in d.send(Tick()) if isinstance(e, Cue)]
        # The next step begins at the deadline, not at the late tick: no drift.
        assert d.state.started == rest_start + 60
        assert [c.text for c in cues if c.kind == "countdown"] == ["3", "2", "1"]
        assert [c.due - rest_start for c in cues if c.kind == "countdown"] == [57, 58, 59]


def test_a_hold_has_halfway_and_countdown_cues_and_logs_itself() -> None:
    d = driver("## cool-down\nPigeon: 1 hold of 30 seconds on each leg\n")
    start_effects = d.send(Start())
    assert any(isinstance(e, Cue) and e.kind == "go" for e in start_effects)
    began = d.clock.now()
    effects = d.wait(30)
    cues = [e for e in effects if isinstance(e, Cue)]
    assert [(c.kind, c.due - began) for c in cues[:4]] == [
        ("halfway", 15), ("countdown", 27), ("countdown", 28), ("countdown", 29)]
    assert d.saved[0].actuals.seconds == 30
    assert any(c.kind == "switch" and "right" in c.text for c in cues)
    assert d.state.step.kind == "switch"  # type: ignore[union-attr]


def test_next_exercise_is_announced_at_the_rest() -> None:
    d = driver("## main\nA: 1 set of 5 reps\nB: 1 set of 5 reps on each leg\n")
    d.send(Start())
    effects = d.send(Complete())
    assert any(isinstance(e, Cue) and e.text == "Next: B, left leg" for e in effects)


def test_pause_stops_the_clock_and_resume_restarts_it() -> None:
    d = driver("## main\nSquat: 2 sets of 10 reps, rest 60 s\n")
    d.send(Start())
    d.send(Complete())
    d.clock.advance(20)
    d.send(Pause())
    d.clock.advance(500)
    assert d.send(Tick()) == [] and d.state.step.kind == "rest"  # type: ignore[union-attr]
    assert remaining(d.state, d.clock.now()) >= 40
    d.send(Resume())
    assert d.state.deadline == d.clock.now() + 40
    d.wait(39.9)
    assert d.state.step.kind == "rest"  # type: ignore[union-attr]
    d.wait(0.2)
    assert d.state.step.kind == "work"  # type: ignore[union-attr]


def test_add_15_seconds_to_a_rest_moves_the_countdown_too() -> None:
    d = driver("## main\nSquat: 2 sets of 10 reps, rest 30 s\n")
    d.send(Start())
    d.send(Complete())
    began = d.clock.now()
    d.wait(28)  # the "3" and "2" have sounded
    d.send(AddRest())
    assert d.state.deadline == began + 45
    cues = [e for e in d.wait(20) if isinstance(e, Cue) and e.kind == "countdown"]
    assert [c.due - began for c in cues] == [42, 43, 44]


def test_skip_logs_a_skipped_set_and_back_returns_to_the_previous_set() -> None:
    d = driver()
    d.send(Start())
    d.send(Skip())
    assert d.saved[-1].skipped is True
    d.send(Back())
    assert d.state.step.key == "s1.e1.set1.left.work"  # type: ignore[union-attr]
    d.send(Back())  # nothing before the first set: stays
    assert d.state.step.key == "s1.e1.set1.left.work"  # type: ignore[union-attr]


def test_finishing_the_last_step_ends_the_session() -> None:
    d = driver("## main\nA: 1 set of 5 reps\n")
    d.send(Start())
    effects = d.send(Complete())
    assert Ended("finished") in effects
    assert d.state.status == "finished"
    assert d.send(Complete()) == []


def test_finish_and_abandon() -> None:
    d = driver()
    d.send(Start())
    assert d.send(Abandon()) == [Ended("abandoned")]
    assert d.state.status == "abandoned"
    d2 = driver()
    d2.send(Start())
    assert d2.send(Finish()) == [Ended("finished")]


def test_resume_starts_at_the_first_step_with_no_log() -> None:
    plan = plan_of()
    done = frozenset({"s1.e1.set1.left.work", "s1.e1.set1.right.work"})
    state = new_player(plan, done)
    assert state.step is not None and state.step.key == "s1.e1.set2.left.work"
    all_work = frozenset(s.key for s in plan.steps if s.kind == "work")
    assert new_player(plan, all_work).step is None


def test_resume_before_an_untouched_section_starts_at_its_setup() -> None:
    plan = plan_of("## main\nA: 1 set of 5 reps\n"
                   "## activation\nsetup: Bands on.\nB: 1 set of 5 reps\n")
    state = new_player(plan, frozenset({"s1.e1.set1.work"}))
    assert state.step is not None and state.step.kind == "setup"


def test_progress_and_time_left_fall_as_the_session_goes() -> None:
    d = driver()
    total = d.state.plan.total_seconds()[0]
    assert remaining(d.state, d.clock.now()) == total
    assert progress(d.state, d.clock.now()) == 0
    d.send(Start())
    d.send(Complete())
    d.clock.advance(2)
    assert remaining(d.state, d.clock.now()) < total
    assert 0 < progress(d.state, d.clock.now()) < 1


def test_a_slow_save_does_not_push_the_timeline_back() -> None:
    d = driver("## cool-down\nPigeon: 2 holds of 30 seconds, rest 20 s\n", store=False)
    d.send(Start())
    began = d.clock.now()
    d.clock.advance(30.2)
    effects = d.send(Tick())
    save = next(e for e in effects if isinstance(e, Save))
    d.clock.advance(0.5)  # the store takes its time
    d.send(Saved(save.step.key))
    assert d.state.step.kind == "rest"  # type: ignore[union-attr]
    assert d.state.started == began + 30
    assert d.state.deadline == began + 50


def test_a_cleared_load_stays_cleared_for_the_rest_of_the_exercise() -> None:
    d = driver("## main\nSquat: 2 sets of 10 reps, rest 30 s\n")
    d.send(Adjust(reps=9, load=20, unit="kg"))
    d.send(Start())
    d.send(Adjust(clear_load=True))  # she emptied the load field: bodyweight from now on
    d.send(Complete())
    assert (d.saved[-1].actuals.reps, d.saved[-1].actuals.load) == (9, None)
    d.send(Skip())  # the rest
    d.send(Complete())
    assert (d.saved[-1].actuals.reps, d.saved[-1].actuals.load) == (9, None)


def test_the_cue_names_the_variation_done_for_want_of_equipment() -> None:
    plan = with_variations(plan_of("## main\nA: 1 set of 5 reps\nB: 1 set of 5 reps\n"),
                           {"B": "B, no band"})
    d = Driver(new_player(plan), FakeClock())
    d.send(Start())
    effects = d.send(Complete())
    assert [e.text for e in effects if isinstance(e, Cue)] == ["Next: B, no band"]


def test_a_hold_ended_early_is_logged_to_the_tenth_a_half_rounding_up() -> None:
    d = driver("## main\nPlank: 1 hold of 60 seconds\n")
    d.send(Start())
    d.clock.advance(27.25)
    d.send(Complete())
    assert d.saved[-1].actuals.seconds == 27.3  # as the page logs it


def test_a_step_begun_at_the_clocks_zero_resumes_with_the_pause_left_out() -> None:
    d = Driver(new_player(plan_of("## main\nPlank: 1 hold of 60 seconds\n")), FakeClock(0.0))
    d.send(Start())
    d.clock.advance(10)
    d.send(Pause())
    d.clock.advance(5)
    d.send(Resume())
    assert (d.state.started, d.state.deadline) == (5.0, 65.0)
    d.clock.advance(10)
    d.send(Complete())
    assert d.saved[-1].actuals.seconds == 20.0  # 10 s before the pause, 10 s after
