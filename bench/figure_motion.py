"""How smoothly the player's figure moves on a slow phone.

Run:  .venv/bin/python bench/figure_motion.py [--cpu 4] [--seconds 3] [--figures 6]

Starts the web app (see web_page.py), signs up a runner and opens the player on the seed
routine at 390x844, then goes through the session with real taps. On the first work step of
each of `--figures` exercises (the glute star, the largest figure, always among them) it slows
the CPU by `--cpu` (Chrome DevTools Protocol `Emulation.setCPUThrottlingRate`) and, for
`--seconds` with the figure moving and again with it paused (the baseline, same step, same
run), records the time between frames in the page (`requestAnimationFrame`) and Chromium's
own counts of layouts and style recalculations (`Performance.getMetrics`).

Printed per figure: the median and p95 frame interval, the share of frames later than 20 ms
(a 60 Hz frame missed), and the layouts per second while it moves (the figure moves with
transforms only, so a layout should not happen at all). Target (issue 12): smooth at 4x, no
layout work.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
from typing import Any

from web_page import serve_app, start_session, tap_on

FRAMES = """(ms) => new Promise((done) => {
  const times = [];
  const end = performance.now() + ms;
  const tick = (t) => {
    times.push(t);
    if (t < end) requestAnimationFrame(tick); else done(times);
  };
  requestAnimationFrame(tick);
})"""


FIGURE_SETTLED = """() => { const f = document.querySelector('#figure');
  return !f || f.dataset.state === 'shown'; }"""


def metrics(cdp: Any) -> dict[str, float]:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


def sample(page: Any, cdp: Any, seconds: float) -> dict[str, float]:
    before = metrics(cdp)
    times = page.evaluate(FRAMES, seconds * 1000)
    after = metrics(cdp)
    gaps = sorted(b - a for a, b in itertools.pairwise(times))
    return {
        "median": statistics.median(gaps),
        "p95": gaps[min(len(gaps) - 1, int(len(gaps) * 0.95))],
        "late": sum(g > 20 for g in gaps) / len(gaps),
        "layouts": (after["LayoutCount"] - before["LayoutCount"]) / seconds,
        "styles": (after["RecalcStyleCount"] - before["RecalcStyleCount"]) / seconds,
        # the main thread's time per second spent on layout and style, in ms
        "work": 1000 * (after["LayoutDuration"] + after["RecalcStyleDuration"]
                        - before["LayoutDuration"] - before["RecalcStyleDuration"]) / seconds,
    }


def step_info(page: Any) -> dict[str, Any]:
    return page.evaluate("(() => { const s = window.__player.state;"
                         " const st = s.steps[s.index];"
                         " return {status: s.status, kind: st.kind, name: st.name}; })()")


def run(base: str, cpu: float, seconds: float, wanted: int) -> list[tuple[str, dict, dict]]:
    from playwright.sync_api import sync_playwright

    found: list[tuple[str, dict, dict]] = []
    with sync_playwright() as pw:
        browser, context, page = start_session(pw, base)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        seen: set[str] = set()
        while True:
            # A set's figure goes in a frame after the set is painted, or its box goes away
            # when there is none to be had.
            page.wait_for_function(FIGURE_SETTLED, timeout=5000)
            info = step_info(page)
            if info["status"] == "finished":
                break
            name = info["name"] or ""
            measure = (info["kind"] == "work" and name not in seen
                       and (len(found) < wanted - 1 or name == "Glute star"
                            or "Glute star" in seen))
            if measure and page.is_visible("#figure svg") and page.is_visible("#figure-pause"):
                seen.add(name)
                page.wait_for_timeout(300)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
                moving = sample(page, cdp, seconds)
                page.tap("#figure-pause")
                paused = sample(page, cdp, seconds)
                page.tap("#figure-pause")
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
                found.append((name, moving, paused))
                if len(found) >= wanted and "Glute star" in seen:
                    break
            tap_on(page, info["kind"])
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpu", type=float, default=4.0)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--figures", type=int, default=6)
    args = parser.parse_args()
    with serve_app() as base:
        rows = run(base, args.cpu, args.seconds, args.figures)
    if not rows:
        raise SystemExit("no figure was measured")
    print(f"Player figure at 390x844, CPU {args.cpu:g}x slower, {args.seconds:g} s each: "
          "frame interval median / p95, frames over 20 ms, layouts per s, and the main "
          "thread's ms per s on layout and style; moving, then paused (the baseline)")
    for name, moving, paused in rows:
        line = "  ".join(f"{label} {m['median']:4.1f}/{m['p95']:4.1f} ms {m['late']:4.0%} "
                         f"late {m['layouts']:4.1f}/s {m['work']:5.1f} ms/s"
                         for label, m in (("moving", moving), ("paused", paused)))
        print(f"  {name[:28]:28s} {line}")


if __name__ == "__main__":
    main()
