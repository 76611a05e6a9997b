"""Any load she owns in the terminal player: typed in the log dialog (8, 12, 16 kg, 12 lb, 0
for none, up to the documented 1000), and ] and [ stepping by a step she chooses (2.5 or 1 kg,
5 or 2.5 lb)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from strongstride.player.clock import FakeClock
from strongstride.store import Store
from strongstride.tui.app import PlayerApp
from strongstride.tui.dialogs import LogSetDialog
from tests.conftest import Run
from tests.tui.test_player_app import _past_goblet_sessions, begin


async def _log_with_load(store: Store, load: str, unit: str) -> tuple[object, str]:
    """Open the dialog on the first set, type `load`, press Enter: (the set stored or None,
    the dialog's error line)."""
    workout = begin(store, FakeClock())
    app = PlayerApp(workout, unit=unit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogSetDialog)
        dialog.query_one("#load", Input).value = load
        dialog.query_one("#load", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        error = str(dialog.query_one("#error", Static).render()) if dialog.is_attached else ""
        logs = store.sets_of(workout.session.id)
        return (logs[0] if logs else None), error


@pytest.mark.parametrize(("typed", "unit", "stored"), [
    ("8", "kg", 8.0), ("12", "kg", 12.0), ("16", "kg", 16.0), ("12", "lb", 12.0),
    ("17.5", "lb", 17.5), ("1000", "kg", 1000.0), ("0", "kg", None), ("", "kg", None)])
async def test_any_load_she_owns_is_taken(store: Store, typed: str, unit: str,
                                          stored: float | None) -> None:
    log, error = await _log_with_load(store, typed, unit)
    assert log is not None, error
    assert (log.load, log.unit) == (stored, unit if stored is not None else None)  # type: ignore[attr-defined]


@pytest.mark.parametrize("typed", ["-2", "1000.5", "heavy"])
async def test_a_load_out_of_range_is_named_and_nothing_is_stored(store: Store,
                                                                  typed: str) -> None:
    log, error = await _log_with_load(store, typed, "kg")
    assert log is None
    assert error.startswith("load: ")
    assert "from 0 to 1000" in error or "is not a number" in error


async def _loads_after(store: Store, keys: list[str], **options: object) -> list[float | None]:
    """The load of the first set's form after each key, starting from nothing."""
    workout = begin(store, FakeClock())
    app = PlayerApp(workout, **options)  # type: ignore[arg-type]
    seen: list[float | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            step = workout.state.step
            assert step is not None
            seen.append(workout.state.prefill_for(step).load)
    return seen


@pytest.mark.parametrize(("options", "loads"), [
    ({"unit": "kg"}, [2.5, 5.0, 2.5, 0.0, 0.0]),
    ({"unit": "kg", "load_step": 1.0}, [1.0, 2.0, 1.0, 0.0, 0.0]),
    ({"unit": "lb"}, [5.0, 10.0, 5.0, 0.0, 0.0]),
    ({"unit": "lb", "load_step": 2.5}, [2.5, 5.0, 2.5, 0.0, 0.0])])
async def test_the_load_keys_step_by_the_step_she_chose(store: Store, options: dict[str, object],
                                                        loads: list[float]) -> None:
    keys = ["right_square_bracket", "right_square_bracket", "left_square_bracket",
            "left_square_bracket", "left_square_bracket"]
    assert await _loads_after(store, keys, **options) == loads


async def test_from_todays_load_the_keys_step_on_from_it(store: Store) -> None:
    """Goblet squat aimed at 18.5 kg today, with 1 kg steps: 19.5, then 17.5 (not rounded
    to a plate)."""
    _past_goblet_sessions(store)
    workout = begin(store, FakeClock())
    app = PlayerApp(workout, unit="kg", load_step=1.0)
    async with app.run_test(size=(80, 24)) as pilot:
        while workout.state.step is not None and workout.state.step.name != "Goblet squat":
            await pilot.press("s")
            await pilot.pause()
        step = workout.state.step
        assert step is not None
        assert workout.state.prefill_for(step).load == 18.5
        seen = []
        for key in ("right_square_bracket", "left_square_bracket", "left_square_bracket"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(workout.state.prefill_for(step).load)
        assert seen == [19.5, 18.5, 17.5]
        await pilot.press("space")
        await pilot.pause()
    [goblet] = [log for log in store.sets_of(workout.session.id) if not log.skipped]
    assert (goblet.exercise, goblet.load, goblet.unit) == ("Goblet squat", 17.5, "kg")


@pytest.mark.parametrize(("unit", "step"), [("kg", "5"), ("lb", "1"), ("kg", "0")])
def test_a_load_step_that_does_not_fit_the_unit_is_a_usage_error(
        run: Run, tmp_path: object, unit: str, step: str) -> None:
    result = run("--db", f"sqlite:///{tmp_path}/cli.db", "start", "--autoplay", "--unit", unit,
                 "--load-step", step)
    assert result.returncode == 2
    assert "'--load-step'" in result.stderr
    assert {"kg": "2.5 or 1", "lb": "5 or 2.5"}[unit] in result.stderr
    assert result.stdout == ""


def test_a_load_step_that_fits_the_unit_is_taken(run: Run, tmp_path: object) -> None:
    result = run("--db", f"sqlite:///{tmp_path}/cli.db", "start", "--autoplay", "--unit", "lb",
                 "--load-step", "2.5")
    assert result.returncode == 0, result.stderr
