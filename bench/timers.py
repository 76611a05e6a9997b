"""Timer accuracy of the terminal player with the real clock (issue 3).

Run:  .venv/bin/python bench/timers.py [--minutes 10]

Plays a session of holds and rests in the real Textual app (headless) on the monotonic clock
for about MINUTES minutes, with a slow redraw, and prints every cue's lateness against its
deadline (median, p99, max) and the drift: how far the last deadline lies from where the
plan put it. Target: max lateness < 10 ms, no drift.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
from pathlib import Path

from strongstride.app import Strongstride
from strongstride.player.clock import MonotonicClock
from strongstride.routine.parse import parse_routine
from strongstride.routines import LoadedRoutine
from strongstride.store import Store
from strongstride.tui.app import PlayerApp


def routine_text(minutes: float) -> str:
    # One hold of 30 s a side plus a 5 s switch and a 20 s rest: about 85 s a set.
    sets = max(1, round(minutes * 60 / 85))
    return f"## cool-down\nHold: {sets} holds of 30 seconds on each leg, rest 20 s\n"


async def play(minutes: float, redraw: float) -> tuple[list[float], float, int]:
    routine = parse_routine(routine_text(minutes)).routine
    assert routine is not None
    with tempfile.TemporaryDirectory() as folder, \
            Store.open(f"sqlite:///{Path(folder) / 'timers.db'}") as store:
        workout = Strongstride(store).play(store.ensure_user(),
                                           LoadedRoutine("t", "t", routine),
                                           clock=MonotonicClock())
        app = PlayerApp(workout, refresh_every=redraw)
        async with app.run_test(size=(100, 40)) as pilot:
            start = workout.state.started
            assert start is not None
            while workout.state.status != "finished":
                await pilot.pause(0.5)
        late = [(heard - cue.due) * 1000 for cue, heard in zip(app.cue_log, app.cue_heard,
                                                                strict=True)
                if cue.kind in ("countdown", "halfway", "switch", "next")]
        planned = sum(s.seconds[0] - (5 if s.kind == "work" else 0)
                      for s in workout.plan.steps)
        ended = max(c.due for c in app.cue_log if c.kind != "done")
        # The last cue (the final "1" of the last hold) is due 1 s before the plan's end.
        drift = (ended + 1 - start - planned) * 1000
        return late, drift, len(late)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--redraw", type=float, default=0.25,
                        help="seconds between redraws (the display rate)")
    args = parser.parse_args()
    late, drift, count = asyncio.run(play(args.minutes, args.redraw))
    late.sort()
    p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
    print(f"cues: {count} over {args.minutes:g} min, redraw every {args.redraw} s")
    print(f"lateness: median {statistics.median(late):.2f} ms, p99 {p99:.2f} ms, "
          f"max {late[-1]:.2f} ms  [target max < 10 ms]")
    print(f"drift at the end of the session: {drift:.2f} ms  [target: none]")


if __name__ == "__main__":
    main()
