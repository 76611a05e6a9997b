"""The terminal player over what the importer reads: a distance, a block done for a time
(its time left, e to end it) and a stretch with no counts, stored to SQLite."""

from __future__ import annotations

from textual.widgets import Static

from strongstride.app import Strongstride
from strongstride.player.clock import FakeClock
from strongstride.routine.parse import parse_routine
from strongstride.routines import LoadedRoutine
from strongstride.store import Store
from strongstride.tui.app import PlayerApp
from strongstride.workout import Workout

ROUTINE = """\
# Short block
## main, AMRAP 2 min: Burner
Run: 200 m
Squat: 10 reps
## cool-down
Child's pose
"""


def begin(store: Store, clock: FakeClock) -> Workout:
    routine = parse_routine(ROUTINE).routine
    assert routine is not None
    return Strongstride(store).play(store.ensure_user(), LoadedRoutine("short", "short.routine",
                                                                       routine), clock=clock)


def text(app: PlayerApp, widget: str) -> str:
    return str(app.query_one(f"#{widget}", Static).render())


async def test_a_block_shows_its_time_left_and_e_ends_it(store: Store) -> None:
    clock = FakeClock()
    workout = begin(store, clock)
    app = PlayerApp(workout)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert text(app, "exercise") == "RUN"
        assert text(app, "target").startswith("200 m")
        assert text(app, "section") == "Burner  ·  2:00 left in the block (e: end it now)"
        clock.advance(50)
        await pilot.press("space")  # the run: done, nothing else to log
        await pilot.pause()
        assert text(app, "section") == "Burner  ·  1:10 left in the block (e: end it now)"
        await pilot.press("e")
        await pilot.pause()
        assert text(app, "exercise") == "CHILD'S POSE"
        assert text(app, "section") == "Cool-down"
        assert text(app, "target").startswith("As long as you like")
        await pilot.press("e")  # not in a block: nothing
        await pilot.pause()
        assert text(app, "exercise") == "CHILD'S POSE"
        await pilot.press("space")
        await pilot.pause()
    logs = store.sets_of(workout.session.id)
    assert [(x.exercise, x.reps, x.seconds) for x in logs] == [
        ("Run", None, None), ("Child's pose", None, None)]


async def test_the_block_ends_on_its_own_when_its_time_is_up(store: Store) -> None:
    clock = FakeClock()
    workout = begin(store, clock)
    app = PlayerApp(workout)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        clock.advance(120)
        app.tick()
        await pilot.pause()
        assert text(app, "exercise") == "CHILD'S POSE"
        assert any(c.kind == "time" for c in app.cue_log)
    assert store.sets_of(workout.session.id) == []
