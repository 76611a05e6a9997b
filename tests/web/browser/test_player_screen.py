"""The player is the whole screen: the site's menu folded into one button, the how-to one tap
from the exercise's name, timers that survive a reload."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def start(runner: Any, asked: list[str] | None = None) -> Any:
    page = runner.page
    runner.register()
    if asked is not None:
        page.on("request", lambda request: asked.append(request.url.split("/", 3)[3]))
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    return page


def test_the_player_asks_for_its_data_once_while_its_code_loads(runner: Any) -> None:
    asked: list[str] = []
    start(runner, asked)
    before_start = asked[:asked.index("api/sessions")] if "api/sessions" in asked else asked
    # The page names what the player fetches first (preload), and the player's own requests
    # take those answers: each is asked for once, not twice.
    assert before_start.count("api/routines/runner-glute") == 1, asked
    assert asked.count("api/sessions?status=active") == 1, asked
    assert runner.errors == []


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not on screen"
    return dict(found)


def test_the_site_menu_folds_into_one_button_and_the_exercise_comes_first(
        runner: Any, shots: Path) -> None:
    page = start(runner)
    header = box(page, "header.top")
    assert header["height"] <= 56, header
    # Nothing of the site's menu shows until asked for: one button in the corner.
    assert page.locator("header.top nav a").first.is_visible() is False
    menu = box(page, "header.top summary")
    assert menu["y"] + menu["height"] <= 56 and menu["x"] > 250
    # Below the player's one top row (progress and time left, beside the menu button) comes
    # the exercise: its section and its name, high on the screen.
    top_row = box(page, ".pl-top")
    exercise = box(page, "#exercise")
    assert top_row["y"] + top_row["height"] <= 56
    assert exercise["y"] < 110, exercise
    between = page.evaluate("""() => {
        const name = document.getElementById('exercise').getBoundingClientRect().top;
        return [...document.querySelectorAll('#player *')]
          .filter((el) => el.getClientRects().length && !el.closest('.pl-top, .pl-head'))
          .filter((el) => el.getBoundingClientRect().bottom <= name).map((el) => el.className);
    }""")
    assert between == []
    page.screenshot(path=str(shots / "player-work-step.png"))
    # The progress row does not run under the menu button.
    assert top_row["x"] + top_row["width"] <= menu["x"]

    page.click("header.top summary")
    links = page.locator("header.top nav a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [
        "Routines", "Dashboard", "History", "Plan", "Equipment", "Account"]
    assert links.first.is_visible()
    history = box(page, "header.top nav a[href='/history']")
    assert history["height"] >= 44 and history["x"] + history["width"] <= 390
    with page.expect_navigation():
        page.click("header.top nav a[href='/history']")
    assert page.url.endswith("/history")
    assert runner.errors == []


def test_the_how_to_opens_over_the_player_from_beside_the_name(runner: Any,
                                                              shots: Path) -> None:
    page = start(runner)
    button = box(page, "#how-to")
    name = box(page, "#exercise")
    assert abs(button["y"] - name["y"]) < 20 and button["x"] > name["x"]
    assert page.get_attribute("#how-to", "aria-label") == "How to do the squat to overhead reach"
    page.click("#how-to")
    dialog = page.locator("dialog#how-dialog")
    assert dialog.is_visible()
    assert page.evaluate("document.getElementById('how-dialog').open")
    assert dialog.locator("h2").inner_text() == "How to do the squat to overhead reach"
    assert dialog.locator("ol li").count() >= 2
    # Over the player: the dialog covers the middle of the screen, the player waits under it.
    inside = box(page, "dialog#how-dialog")
    assert inside["width"] >= 330 and inside["y"] < 300
    page.screenshot(path=str(shots / "player-how-to.png"))
    page.click("#how-close")
    dialog.wait_for(state="detached")
    assert page.get_attribute("#screen", "data-status") == "running"

    # On a rest it is the how-to of what comes next.
    runner.press("#done")
    runner.wait_step("s1.e1.set1.rest", "running")
    assert page.get_attribute("#how-to", "aria-label") == "How to do the good morning"
    page.click("#how-to")
    assert page.locator("dialog#how-dialog h2").inner_text() == "How to do the good morning"
    page.keyboard.press("Escape")
    page.locator("dialog#how-dialog").wait_for(state="detached")
    assert runner.errors == []


def seconds_left(page: Any) -> int:
    text = page.inner_text("#clock")
    found = re.fullmatch(r"(\d+):(\d\d)", text.strip())
    assert found, text
    return int(found.group(1)) * 60 + int(found.group(2))


def test_a_reload_during_a_rest_carries_on_counting_down(runner: Any) -> None:
    page = start(runner)
    runner.press("#done")
    runner.wait_step("s1.e1.set1.rest", "running")
    full = page.evaluate("window.__player.state.steps[window.__player.state.index].seconds[0]")
    assert full >= 10
    page.wait_for_timeout(4000)
    before = seconds_left(page)
    assert before <= full - 3

    page.reload()
    # No tap needed: the rest goes on from where it was, not from the top.
    runner.wait_step("s1.e1.set1.rest", "running")
    after = seconds_left(page)
    assert before - 6 <= after <= before, (full, before, after)  # not the full rest again
    assert page.inner_text("#pause") == "Pause"

    # Paused, reloaded: still paused, with the same time left.
    page.click("#pause")
    paused = seconds_left(page)
    page.reload()
    runner.wait_step("s1.e1.set1.rest", "paused")
    assert seconds_left(page) == paused
    page.wait_for_timeout(1500)
    assert seconds_left(page) == paused
    page.click("#pause")  # Resume
    runner.wait_step("s1.e2.set1.work", "running")  # the rest ran out from where it was
    assert runner.errors == []


KEPT = """async () => !!navigator.serviceWorker.controller
  && !!(await caches.match('/play/runner-glute')) && !!(await caches.match('/static/app.css'))"""


def test_offline_a_link_from_the_player_says_what_works_and_history_is_its_last_copy(
        runner: Any, shots: Path) -> None:
    from tests.web.browser.test_offline import poll

    page = start(runner)
    runner.press("#done")
    runner.outbox_empty()
    poll(page, KEPT)
    page.goto("/history")  # seen online: the service worker keeps this copy
    assert "1 of" in page.inner_text("main")
    poll(page, "async () => !!(await caches.match('/history'))")
    page.goto("/play/runner-glute")
    runner.wait_step("s1.e1.set1.rest", "running")

    runner.context.set_offline(True)
    page.click("header.top summary")
    with page.expect_navigation():
        page.click("header.top nav a[href='/plan']")
    assert page.inner_text("h1") == "You are offline"
    text = page.inner_text("main")
    assert "What works offline" in text and "The player" in text
    assert page.locator("main a[href='/play/runner-glute']").inner_text() == \
        "Butt and Leg Workout for Runners"
    assert "History, as of" in text
    assert page.locator("main a[href='/plan']").inner_text() == "Try again"
    page.screenshot(path=str(shots / "offline.png"))

    with page.expect_navigation():
        page.click("main a[href='/history']")
    note = page.inner_text(".offline-copy")
    assert note.startswith("Offline: this is your history as of ")
    assert "Butt and Leg Workout for Runners" in page.inner_text("main")
    assert page.locator("main > .offline-copy").count() == 1

    page.goto("/dashboard")  # never opened online here: the offline page, not an error
    assert page.inner_text("h1") == "You are offline"
    page.goto("/play/runner-glute")  # and the player still plays
    runner.wait_step("s1.e1.set1.rest")

    # Back online, the page is the live one again, unmarked.
    runner.context.set_offline(False)
    page.goto("/history")
    assert page.locator(".offline-copy").count() == 0
    # Signing out takes her last-seen pages off the phone.
    page.goto("/account")
    with page.expect_navigation():
        page.click("form[action='/logout'] [type=submit]")
    poll(page, "async () => !(await caches.match('/history'))")
    assert runner.errors == []
