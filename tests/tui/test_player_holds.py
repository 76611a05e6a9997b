"""The terminal player shows the hold of each rep ('10 reps · hold 5 s each') and logs the
set in reps, stored to SQLite (issue 13)."""

from __future__ import annotations

from textual.widgets import Static

from strongstride.app import Strongstride
from strongstride.player.clock import FakeClock
from strongstride.routine.parse import parse_routine
from strongstride.routines import LoadedRoutine
from strongstride.store import Store
from strongstride.tui.app import PlayerApp

ROUTINE = """\
# Knee
## activation
Quad set: 1 set of 10 reps, 5 second hold
Clamshell: 1 set of 12 reps
"""


def text(app: PlayerApp, widget: str) -> str:
    return str(app.query_one(f"#{widget}", Static).render())


async def test_a_held_rep_shows_its_hold_and_is_logged_in_reps(store: Store) -> None:
    routine = parse_routine(ROUTINE).routine
    assert routine is not None
    workout = Strongstride(store).play(store.ensure_user(), LoadedRoutine(
        "knee", "knee.routine", routine), clock=FakeClock())
    app = PlayerApp(workout)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert text(app, "exercise") == "QUAD SET"
        assert text(app, "target").startswith("10 reps · hold 5 s each   ·   space: done")
        await pilot.press("space")
        await pilot.pause()
        assert text(app, "exercise") != "QUAD SET"
        while text(app, "exercise") != "CLAMSHELL":  # past the rest
            await pilot.press("s")
            await pilot.pause()
        assert "hold" not in text(app, "target")
    logs = store.sets_of(workout.session.id)
    first = logs[0]
    assert (first.exercise, first.reps, first.seconds) == ("Quad set", 10, None)
