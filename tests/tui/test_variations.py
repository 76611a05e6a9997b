"""Without some equipment, the terminal player shows and logs the library's variation."""

from __future__ import annotations

from textual.widgets import Static

from strongstride.app import Strongstride
from strongstride.player.clock import FakeClock
from strongstride.player.machine import Complete, Start
from strongstride.routine.parse import parse_routine
from strongstride.routines import LoadedRoutine
from strongstride.store import Store
from strongstride.tui.app import PlayerApp
from strongstride.tui.text import step_heading, up_next

ROUTINE = """\
# Ball day
## main
Exercise-ball hamstring curl: 2 sets of 12 reps
Lateral lunge: 1 set of 8 reps on each leg
"""


def loaded() -> LoadedRoutine:
    routine = parse_routine(ROUTINE).routine
    assert routine is not None
    return LoadedRoutine("ball-day", "ball.routine", routine)


def test_the_variation_is_shown_logged_and_kept_on_resume(store: Store) -> None:
    user = store.ensure_user()
    workout = Strongstride(store).play(user, loaded(), clock=FakeClock(),
                            missing=frozenset({"exercise-ball"}))
    step = workout.state.step
    assert step is not None and step.variation == "Bridge walk-out"
    assert step_heading(step, "ready") == (
        "BRIDGE WALK-OUT", "Set 1 of 2  ·  in place of Exercise-ball hamstring curl")
    assert up_next(workout.state) == "Up next: Bridge walk-out, set 2"
    workout.send(Start())
    workout.send(Complete())
    (log,) = store.sets_of(workout.session.id)
    assert (log.exercise, log.variation) == ("Exercise-ball hamstring curl", "Bridge walk-out")
    assert workout.session.equipment == ("exercise-ball",)
    # she now says she has a ball, but the session she left keeps what she started with
    again = Strongstride(store).play(user, loaded(), clock=FakeClock(), missing=frozenset())
    assert again.session.id == workout.session.id
    assert again.state.step is not None and again.state.step.variation == "Bridge walk-out"
    assert [s.variation for s in again.plan.work_steps] == ["Bridge walk-out"] * 2 + [None] * 2


def test_with_all_the_equipment_nothing_changes(store: Store) -> None:
    workout = Strongstride(store).play(store.ensure_user(), loaded(), clock=FakeClock())
    assert all(s.variation is None for s in workout.plan.steps)
    step = workout.state.step
    assert step is not None
    assert step_heading(step, "ready") == ("EXERCISE-BALL HAMSTRING CURL", "Set 1 of 2")


async def test_the_player_screen_and_how_to_show_the_variation(store: Store) -> None:
    workout = Strongstride(store).play(store.ensure_user(), loaded(), clock=FakeClock(),
                            missing=frozenset({"exercise-ball"}))
    app = PlayerApp(workout)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert str(app.query_one("#exercise", Static).render()) == "BRIDGE WALK-OUT"
        await pilot.press("h")
        await pilot.pause()
        shown = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "Today: Bridge walk-out" in shown
        assert "walk your heels away" in shown
        assert "Exercise-ball hamstring curl" in shown


BANDS = """\
# Band day
## activation
setup: Put a looser looped resistance band around your ankles.
Monster walk: 1 set of 10 reps
"""


async def test_without_bands_the_setup_and_the_how_to_leave_the_band_out(store: Store) -> None:
    routine = parse_routine(BANDS).routine
    assert routine is not None
    workout = Strongstride(store).play(store.ensure_user(),
                                       LoadedRoutine("band-day", "band.routine", routine),
                                       clock=FakeClock(), missing=frozenset({"band"}))
    step = workout.state.step
    assert step is not None and step.kind == "setup"
    assert step_heading(step, "ready") == (
        "GET SET UP", "Substituted: Nothing to set up: you have no band, and the exercises "
                      "below are done another way.")
    app = PlayerApp(workout)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")  # the how-to of the move up next
        await pilot.pause()
        shown = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "Today: Monster walk, no band" in shown
        assert "substituted for Monster walk: no band" in shown
        assert "Take the same low, wide steps without a band" in shown
        assert "band" not in shown.split("How to do it", 1)[1].lower()
