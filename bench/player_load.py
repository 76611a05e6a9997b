"""Cold load of the web player on a slow phone and a slow network, measured in the page.

Run:  .venv/bin/python bench/player_load.py [--runs 9]

Starts the web app (see web_page.py) and, for each run, signs up a runner in a fresh
Chromium context, then opens `/play/runner-glute` in a new tab as a first visit: the HTTP
cache off, no service worker, an empty IndexedDB. The tab has Chrome DevTools Protocol's
slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a CPU slowed 4x
(`Emulation.setCPUThrottlingRate`). The page itself notes, in performance.now() time from
the start of the navigation, when the Start button is on screen and can be tapped (in the
page and enabled, then the next frame painted). Prints each run, the median and the p90.
Target: median at most 1.0 s.
"""

from __future__ import annotations

import argparse
import statistics
from typing import Any

from web_page import LAUNCH_ARGS, chromium, serve_app, sign_up

TARGET_S = 1.0
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8,
           "uploadThroughput": 750e3 / 8}

# Watches the page from its first byte: the moment #start is there and enabled, and the
# frame after it (the button painted).
WATCH_START = """(() => {
  const seen = () => { const b = document.getElementById('start'); return b && !b.disabled; };
  const mark = () => {
    if (window.__startUsable !== undefined || !seen()) return;
    window.__startUsable = performance.now();
    requestAnimationFrame(() => { window.__startPainted = performance.now(); });
  };
  new MutationObserver(mark).observe(document,
    { subtree: true, childList: true, attributes: true });
})();"""


def one_run(browser: Any, base: str) -> dict[str, float]:
    context = browser.new_context(base_url=base, service_workers="block",
                                  viewport={"width": 390, "height": 844})
    try:
        sign_up(context.new_page())
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.add_init_script(WATCH_START)
        page.goto("/play/runner-glute", wait_until="commit")
        page.wait_for_function("() => window.__startPainted !== undefined", timeout=30000)
        usable = page.evaluate("window.__startUsable")
        painted = page.evaluate("window.__startPainted")
        return {"usable": usable / 1000, "painted": painted / 1000, "requests": len(requests)}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with serve_app() as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
        one_run(browser, base)  # warm the server (first imports, first queries); not counted
        runs = []
        for n in range(args.runs):
            run = one_run(browser, base)
            runs.append(run)
            print(f"run {n + 1}: Start usable {run['usable']:.3f} s, painted "
                  f"{run['painted']:.3f} s, {run['requests']} requests", flush=True)
        browser.close()
    painted = sorted(r["painted"] for r in runs)
    p90 = painted[min(len(painted) - 1, round(0.9 * (len(painted) - 1)))]
    print(f"\nStart button usable and painted, slow 4G + CPU 4x, {len(runs)} cold loads: "
          f"median {statistics.median(painted):.3f} s, p90 {p90:.3f} s  "
          f"[target median <= {TARGET_S:g} s]")


if __name__ == "__main__":
    main()
