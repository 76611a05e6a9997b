"""The exercise's figure in the player, at 390 x 844: beside the clock on every work step,
mirrored to the side of the set with the working leg highlighted, still under reduced motion,
paused with its own button or a tap, and kept by the service worker for a session offline.

Which exercises are drawn is read from the routine's answer (`figure_url`), so the tests hold
for whatever figures exist."""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser.conftest import Runner

# The work steps whose exercise has a figure, in plan order, as (key, side, figure_url).
DRAWN_STEPS = """async () => {
  const routine = await (await fetch('/api/routines/runner-glute')).json();
  return routine.plan.steps.filter((s) => s.kind === 'work')
    .map((s) => [s.key, s.side, routine.sections[s.section].exercises[s.exercise].figure_url])
    .filter(([, , url]) => url);
}"""

# Every animation of the figure paused at the same moment of the rep (`fraction` of it).
FREEZE = """(fraction) => {
  const svg = document.querySelector('#figure svg');
  for (const a of svg.getAnimations({ subtree: true })) {
    a.pause();
    a.currentTime = a.effect.getComputedTiming().duration * fraction;
  }
  return svg.getAnimations({ subtree: true }).length;
}"""

# Where the highlighted (working) leg is across the figure's box: 0 left edge, 1 right edge.
ACCENT_X = """() => {
  const svg = document.querySelector('#figure svg');
  const box = svg.getBoundingClientRect();
  const parts = [...svg.querySelectorAll('.a')];
  const xs = parts.map((el) => {
    const r = el.getBoundingClientRect();
    return (r.left + r.right) / 2;
  });
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { count: parts.length, x: (mean - box.left) / box.width,
           colour: parts.length ? getComputedStyle(parts[0]).stroke : null,
           other: getComputedStyle(svg.querySelector('line.b, line.f')).stroke };
}"""


def poll(page: Any, script: str, arg: Any = None, timeout: float = 10.0) -> Any:
    """Evaluate an async script until it answers something true (wait_for_function does not
    await)."""
    end = time.monotonic() + timeout
    while not (found := page.evaluate(script, arg)):
        assert time.monotonic() < end, f"still false after {timeout} s: {script}"
        page.wait_for_timeout(100)
    return found


def begin(runner: Runner) -> None:
    runner.register()
    runner.start_routine()


def go_to(runner: Runner, key: str) -> None:
    """Skip through the plan to the step `key`, running."""
    page = runner.page
    while runner.step() != key:
        runner.press("#skip")
    runner.wait_step(key, "running")
    page.wait_for_selector("#figure[data-state='shown'] svg")


def drawn_steps(runner: Runner) -> list[tuple[str, str | None, str]]:
    return [tuple(s) for s in runner.page.evaluate(DRAWN_STEPS)]  # type: ignore[misc]


def first_sides(steps: list[tuple[str, str | None, str]]) -> tuple[str, str]:
    """The first left set of a drawn one-sided exercise, and its right set after it."""
    left = next((s for s in steps if s[1] == "left"), None)
    if left is None:
        pytest.skip("no one-sided exercise of the routine is drawn yet")
    right = next(s for s in steps if s[1] == "right" and s[2] == left[2]
                 and steps.index(s) > steps.index(left))
    return left[0], right[0]


def test_the_figure_is_mirrored_to_the_side_of_the_set(runner: Runner, shots: Path) -> None:
    page = runner.page
    begin(runner)
    steps = drawn_steps(runner)
    left, right = first_sides(steps)

    go_to(runner, left)
    figure = page.locator("#figure")
    assert figure.get_attribute("data-side") == "left"
    assert "side=left" in (figure.get_attribute("data-url") or "")
    # Mid-rep: every moving part paused halfway through the rep.
    assert page.evaluate(FREEZE, 0.5) > 0
    on_left = page.evaluate(ACCENT_X)
    assert on_left["count"] >= 2  # the working leg: thigh, shin and foot in the accent colour
    assert on_left["colour"] != on_left["other"]
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "player-figure-left.png"))
    done_is_reachable(page)

    go_to(runner, right)
    assert figure.get_attribute("data-side") == "right"
    page.evaluate(FREEZE, 0.5)
    on_right = page.evaluate(ACCENT_X)
    # The right set is the mirror image: the working leg where the left one was, across.
    assert on_right["count"] == on_left["count"]
    assert abs(on_left["x"] + on_right["x"] - 1) < 0.02, (on_left, on_right)
    assert abs(on_left["x"] - 0.5) > 0.01  # not a case the mirror leaves in place
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "player-figure-right.png"))
    assert runner.errors == []


def done_is_reachable(page: Any) -> None:
    """The figure stands beside the clock: the exercise, the set, the clock and the set form
    start on the first screen, and Done is at most a short scroll away."""
    figure = page.locator("#figure").bounding_box()
    clock = page.locator("#clock").bounding_box()
    done = page.locator("#done").bounding_box()
    assert figure is not None and clock is not None and done is not None
    # Large, to be read from the mat: a standing figure by its height, a lying one its width.
    assert max(figure["width"], figure["height"]) >= 150, figure
    assert abs((figure["y"] + figure["height"] / 2) - (clock["y"] + clock["height"] / 2)) < 60
    assert figure["x"] + figure["width"] <= clock["x"] + 1  # beside it, not above it
    assert done["y"] < 844 + 120, done


def test_the_figure_is_a_still_under_reduced_motion(make_runner: Any, shots: Path) -> None:
    runner = make_runner(reduced_motion="reduce")
    page = runner.page
    begin(runner)
    key = drawn_steps(runner)[0][0]
    go_to(runner, key)
    names = page.evaluate("""() => [...document.querySelectorAll('#figure svg g')]
        .map((g) => getComputedStyle(g).animationName)""")
    assert names and set(names) == {"none"}
    assert page.evaluate(
        "document.querySelector('#figure svg').getAnimations({subtree: true}).length") == 0
    assert page.locator("#figure-pause").is_hidden()  # nothing moves: nothing to pause
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "player-figure-reduced.png"))
    assert runner.errors == []


PLAY_STATES = """() => [...new Set([...document.querySelectorAll('#figure svg g')]
  .filter((g) => getComputedStyle(g).animationName !== 'none')
  .map((g) => getComputedStyle(g).animationPlayState))]"""


def test_the_figure_pauses_with_its_button_or_a_tap(runner: Runner) -> None:
    page = runner.page
    begin(runner)
    go_to(runner, drawn_steps(runner)[0][0])
    button = page.get_by_role("button", name="Pause the figure")
    assert button.get_attribute("aria-pressed") == "false"
    assert page.evaluate(PLAY_STATES) == ["running"]
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.querySelector('#figure svg').classList.contains('paused')")
    assert page.evaluate(PLAY_STATES) == ["paused"]
    # The set's timer is not the figure's: the step runs on.
    assert page.get_attribute("#screen", "data-status") == "running"
    page.click("#figure .pl-figure-art")  # a tap on the figure plays it again
    assert button.get_attribute("aria-pressed") == "false"
    assert page.evaluate(PLAY_STATES) == ["running"]
    page.click("#figure .pl-figure-art")
    # Her choice holds for the figures after, on this phone.
    page.reload()
    page.wait_for_selector("#figure[data-state='shown'] svg")
    assert page.evaluate(PLAY_STATES) == ["paused"]
    again = page.get_by_role("button", name="Pause the figure")
    assert again.get_attribute("aria-pressed") == "true"
    # The how-to over the player shows the move too.
    page.click("#how-to")
    shown = page.locator("dialog#how-dialog img.pl-how-figure")
    page.wait_for_function(LOADED, arg=shown.element_handle())
    assert "drawn through one rep" in (shown.get_attribute("alt") or "")
    assert runner.errors == []


FIGURES_KEPT = """async (urls) => !!navigator.serviceWorker.controller
  && (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean)"""


def test_offline_the_figures_come_from_the_phone(runner: Runner) -> None:
    page = runner.page
    begin(runner)
    steps = drawn_steps(runner)
    wanted = sorted({url + ("&" if "?" in url else "?") + f"side={side}" if side else url
                     for _, side, url in steps})
    poll(page, FIGURES_KEPT, wanted)  # every figure of the session, each side, is kept

    first, _side, url = steps[0]
    go_to(runner, first)
    runner.context.set_offline(True)
    page.reload()
    runner.wait_step(first, "ready")
    page.click("#start")
    runner.wait_step(first, "running")
    page.wait_for_selector("#figure[data-state='shown'] svg")  # from the phone

    # A figure the phone does not have leaves the step as it was: the clock and Done.
    page.evaluate("""async (path) => {
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys())
            if (new URL(request.url).pathname === path) await cache.delete(request);
        }}""", url.split("?")[0])
    runner.context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.reload()
    runner.wait_step(first, "ready")
    page.click("#start")
    runner.wait_step(first, "running")
    page.wait_for_selector("#figure", state="detached")
    assert page.locator(".pl-with-figure").count() == 0
    assert page.locator("#clock").is_visible()
    runner.press("#done")
    assert runner.errors == []


LOADED = "(img) => img.complete && img.naturalWidth > 0"


def test_the_routine_page_shows_each_move_beside_its_name(runner: Runner, shots: Path) -> None:
    page = runner.page
    runner.register()
    page.goto("/routines/runner-glute")
    figures = page.locator("li.exercise img.figure")
    assert figures.count() >= 1
    first = figures.first
    first.scroll_into_view_if_needed()
    page.wait_for_function(LOADED, arg=first.element_handle())
    assert first.get_attribute("loading") == "lazy"
    assert (first.get_attribute("alt") or "").startswith("Figure: ")
    shown = first.bounding_box()
    name = first.locator("xpath=..").locator("h3").bounding_box()
    assert shown is not None and name is not None
    assert shown["width"] == 88 and shown["x"] > name["x"] + 150  # beside the name, at the right
    page.evaluate("(y) => window.scrollTo(0, y - 80)", shown["y"] + page.evaluate("scrollY"))
    page.screenshot(path=str(shots / "routine-figures.png"))
    # The how-to has it larger.
    first.locator("xpath=..").locator("details summary").click()
    large = first.locator("xpath=..").locator("img.figure-large")
    page.wait_for_function(LOADED, arg=large.element_handle())
    assert runner.errors == []


# Installed before a tap: on the first frame that paints the next step (its requestAnimationFrame
# callbacks run just before that paint), what the screen holds, in window.__firstFrame.
FIRST_FRAME = """(from) => {
  const screen = document.querySelector('#screen');
  window.__firstFrame = null;
  // Where a part is down the screen, and its size (a line above the screen, 'sets waiting to
  // be sent', comes and goes as the outbox sends them).
  const box = (sel) => {
    const at = document.querySelector(sel)?.getBoundingClientRect();
    if (!at) return null;
    return { y: at.y - screen.getBoundingClientRect().y, width: at.width, height: at.height };
  };
  const seen = new MutationObserver(() => {
    if (screen.dataset.step === from) return;
    seen.disconnect();
    requestAnimationFrame(() => {
      window.__firstFrame = {
        step: screen.dataset.step,
        name: document.querySelector('#exercise')?.textContent ?? null,
        done: box('#done'), figure: box('#figure'), clock: box('#clock'),
        svg: document.querySelectorAll('#figure svg').length,
        state: document.querySelector('#figure')?.dataset.state ?? null,
      };
    });
  });
  seen.observe(screen, { attributes: true, attributeFilter: ['data-step'] });
}"""


def first_frame_of(runner: Runner, button: str) -> dict[str, Any]:
    """Tap `button` and answer what the first frame of the next step painted."""
    page = runner.page
    page.evaluate(FIRST_FRAME, runner.step())
    runner.press(button)
    page.wait_for_function("() => window.__firstFrame !== null")
    return dict(page.evaluate("window.__firstFrame"))


def box_of(page: Any, selector: str) -> dict[str, float]:
    """Its size, and where it is down the player's screen."""
    return dict(page.evaluate("""(sel) => {
        const at = document.querySelector(sel).getBoundingClientRect();
        const screen = document.querySelector('#screen').getBoundingClientRect();
        return { y: at.y - screen.y, width: at.width, height: at.height };
    }""", selector))


def test_a_set_paints_before_its_figure_goes_in(runner: Runner) -> None:
    """The second set of an exercise: its figure was fetched and read for the first, yet the
    step's name, clock and Done are painted a frame before the drawing goes in, in a box
    already the figure's size, so Done does not move when it does."""
    page = runner.page
    begin(runner)
    steps = drawn_steps(runner)
    # The first two sets in a row with the same figure (the same exercise, the same side).
    first, second = next((a[0], b[0]) for a, b in pairwise(steps)
                         if a[1:] == b[1:])
    go_to(runner, first)
    url = page.get_attribute("#figure", "data-url")
    page.click("#done")
    page.wait_for_function("(key) => document.querySelector('#screen').dataset.step !== key",
                           arg=first)
    while True:  # the rest (or the switch) between them, Skip to the second set
        plan = page.evaluate("window.__player.state.steps.map((s) => s.key)")
        if plan[plan.index(runner.step()) + 1] == second:
            break
        runner.press("#skip")
    frame = first_frame_of(runner, "#skip")
    assert runner.step() == second and page.get_attribute("#figure", "data-url") == url
    assert frame["step"] == second and frame["name"] and frame["done"] and frame["clock"]
    assert frame["svg"] == 0 and frame["state"] == "read"  # the drawing comes a frame later
    # Its room is kept: when the drawing goes in, nothing on the screen moves.
    assert min(frame["figure"]["width"], frame["figure"]["height"]) >= 100
    page.wait_for_selector("#figure[data-state='shown'] svg")
    for part in ("#done", "#clock", "#figure"):
        assert box_of(page, part) == pytest.approx(frame[part[1:]], abs=0.5), part
    assert page.locator("#figure svg").count() == 1
    assert runner.errors == []


def test_a_slow_figure_never_holds_the_step_nor_lands_on_another(make_runner: Any) -> None:
    """The figure's answer held back: the set is on screen whole without it; when it comes
    after the step has gone by, nothing is put anywhere."""
    runner = make_runner(service_workers="block")  # every figure asked of the network here
    page = runner.page
    held: list[Any] = []

    def hold(route: Any) -> None:
        held.append(route)

    runner.context.route("**/figure.svg*", hold)
    runner.register()
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    page.wait_for_function("document.querySelector('#figure')?.dataset.state === 'loading'")
    assert page.locator("#exercise").is_visible() and page.locator("#done").is_visible()
    assert page.locator("#clock").is_visible()
    loading = box_of(page, "#figure")
    assert loading["height"] >= 150  # a standing figure's room, kept for it
    done_at = box_of(page, "#done")["y"]
    page.wait_for_timeout(300)  # and it stays so
    assert page.get_attribute("#figure", "data-state") == "loading"
    assert box_of(page, "#done")["y"] == done_at
    runner.press("#done")  # the set is logged while its figure is still on the way
    runner.wait_step("s1.e1.set1.rest")
    assert held, "the figure was asked for"
    for route in held:
        route.continue_()
    runner.context.unroute("**/figure.svg*")  # the network answers again, at once
    page.wait_for_timeout(500)
    assert page.locator("#figure").count() == 0
    assert page.locator("#screen svg:not(.pl-how-figure *)").count() == 0
    runner.press("#skip")  # the next set, with its figure
    page.wait_for_selector("#figure[data-state='shown'] svg")
    assert page.locator("#figure svg").count() == 1
    assert runner.errors == []


def test_a_pause_keeps_the_figure_as_it_is(runner: Runner) -> None:
    page = runner.page
    begin(runner)
    page.wait_for_selector("#figure[data-state='shown'] svg")
    page.evaluate("document.querySelector('#figure svg').dataset.mark = 'first'")
    page.click("#pause")
    runner.wait_step("s1.e1.set1.work", "paused")
    assert page.locator(".pl-paused").is_visible()
    assert page.get_attribute("#figure svg", "data-mark") == "first"  # not drawn again
    page.click("#pause")
    runner.wait_step("s1.e1.set1.work", "running")
    assert page.get_attribute("#figure svg", "data-mark") == "first"
    assert page.locator("#figure svg").count() == 1
    assert runner.errors == []
