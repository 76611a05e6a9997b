"""Timer accuracy of the web player in headless Chromium, with the real clock.

Run:  .venv/bin/python bench/browser_timers.py [--minutes 10]

Starts the web app (see web_page.py), signs up a runner, opens the player on the seed routine,
skips to the cool-down (30 s holds on each leg, 5 s side switches, 10 s rests: nothing but
timers) and lets it play untouched for MINUTES minutes. Every hold that runs out is stored in
IndexedDB and sent to the server on the way, as in real use. The page logs each cue as
{due, fired} in performance.now() milliseconds (window.__cueLog); this prints the lateness
fired - due (median, p99, max) and the drift: how far the last step's start lies from where
the plan puts it. Target: max lateness < 50 ms, no drift.
"""

from __future__ import annotations

import argparse
import statistics
import time

from web_page import LAUNCH_ARGS, chromium, serve_app, sign_up

SKIP_TO_COOL_DOWN = """async () => {
  const p = window.__player;
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const ahead = () => p.state.steps.slice(p.state.index).find((s) => s.kind === 'work');
  while (!(ahead()?.hold_seconds && p.state.steps[p.state.index].kind === 'rest')) {
    p.dispatch({ type: 'skip' });
    while (p.state.status === 'saving') await settle();
  }
  window.__cueLog.length = 0;
  p.dispatch({ type: 'skip' });  // the rest before the first hold: the hold starts now
  return p.state.steps[p.state.index].key;
}"""


def play(base: str, minutes: float) -> tuple[list[dict], list[list], dict]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
        context = browser.new_context(base_url=base)
        page = context.new_page()
        sign_up(page)
        page.goto("/play/runner-glute")
        page.click("#start")
        page.wait_for_selector("#screen[data-status='running']")
        first = page.evaluate(SKIP_TO_COOL_DOWN)
        print(f"playing from {first} for {minutes:g} min with the real clock ...", flush=True)
        end = time.monotonic() + minutes * 60
        while time.monotonic() < end:
            page.wait_for_timeout(min(5000, max(0, (end - time.monotonic()) * 1000)))
            if page.evaluate("window.__player.state.status") == "finished":
                break
        cues = page.evaluate("window.__cueLog")
        # The plan from the first hold to where the player stands: (key, kind, timer seconds).
        steps = page.evaluate("""() => { const s = window.__player.state;
            return s.steps.map((x) => [x.key, x.kind, x.kind === 'work' ? x.hold_seconds?.[0]
                : x.seconds[0]]); }""")
        where = page.evaluate("""() => { const s = window.__player.state;
            return { index: s.index, started: s.started, status: s.status,
                     waiting: window.__player.outbox.last?.waiting ?? null }; }""")
        browser.close()
    return cues, steps, where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    with serve_app() as base:
        cues, steps, where = play(base, args.minutes)
    timed = [c for c in cues if c["kind"] in ("countdown", "halfway", "switch", "next", "go")]
    late = sorted(c["fired"] - c["due"] for c in timed)
    if not late:
        raise SystemExit("no cues were logged")
    p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
    by_kind: dict[str, list[float]] = {}
    for c in timed:
        by_kind.setdefault(c["kind"], []).append(c["fired"] - c["due"])
    # Drift: the current step started at (first cue's due) + the planned lengths of every step
    # in between, or the timeline slipped.
    first_key_index = next(i for i, s in enumerate(steps) if s[1] == "work" and s[2])
    planned = sum(s[2] for s in steps[first_key_index:where["index"]]) * 1000
    start = next(c["due"] for c in cues if c["kind"] == "go")
    drift = where["started"] * 1000 - start - planned
    print(f"cues: {len(late)} over {args.minutes:g} min, {where['index'] - first_key_index} "
          f"steps played; sets waiting to be sent at the end: {where['waiting']}")
    for kind, values in sorted(by_kind.items()):
        print(f"  {kind:9} {len(values):4}  median {statistics.median(values):6.2f} ms  "
              f"max {max(values):6.2f} ms")
    print(f"lateness: median {statistics.median(late):.2f} ms, p99 {p99:.2f} ms, "
          f"max {late[-1]:.2f} ms  [target max < 50 ms]")
    print(f"drift at the end: {drift:.3f} ms  [target: none]")


if __name__ == "__main__":
    main()
