"""The end of a terminal session: the finish summary, on a screen of its own."""

from __future__ import annotations

from textual.widgets import Static

from strongstride.player.clock import FakeClock
from strongstride.store import Store
from strongstride.tui.app import PlayerApp
from strongstride.tui.dialogs import LogSetDialog
from strongstride.tui.finish import FinishScreen
from tests.tui.test_player_app import begin


async def test_a_finished_session_ends_with_its_summary(store: Store) -> None:
    workout = begin(store, FakeClock())
    app = PlayerApp(workout)
    lunges = {"left": "8", "right": "10"}
    async with app.run_test(size=(80, 24)) as pilot:
        while workout.state.status == "running":
            step = workout.state.step
            assert step is not None
            if step.kind == "work" and step.name == "Lunge" and step.side is not None:
                # Each lunge set through the dialog: left 8 reps (pain 3 on the first), right 10.
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, LogSetDialog)
                app.screen.query_one("#reps").value = lunges[step.side]  # type: ignore[attr-defined]
                if step.key == "s1.e1.set1.left.work":
                    app.screen.query_one("#pain").value = "3"  # type: ignore[attr-defined]
                await pilot.press("enter")
            elif step.kind == "work" and step.hold_seconds is None:
                await pilot.press("space")
            else:
                await pilot.press("s")  # rests, switches and the holds: skip
            await pilot.pause()
        assert workout.state.status == "finished"
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        shown = str(app.screen.query_one("#summary", Static).render())
        assert "Session complete: Test day" in shown
        assert "5 of 7 sets done, 2 skipped" in shown  # the two pigeon holds skipped
        assert "Lunge: left 8, 8 reps; right 10, 10 reps" in shown
        assert "Left 8, right 10 reps a set: 20% fewer reps on the left." in shown
        assert "Highest pain 3/10 (green): Lunge, left side, set 1." in shown
        assert "Pigeon" not in shown  # skipped on both sides: only counted
        assert "Check in tomorrow morning" in shown
        # The player's keys are put away under the summary: only q (close) is offered.
        assert not app.check_action("skip", ()) and not app.check_action("complete", ())
        await pilot.press("space", "s")
        assert isinstance(app.screen, FinishScreen)
        await pilot.press("q")
    assert store.session(workout.session.id).status == "finished"
