"""Without bands, the web player shows each banded move as the library's variation, marked
as substituted, with how to do it, and the band setup as what she does instead; the sets it
logs record the variation."""

from __future__ import annotations

from typing import Any


def test_the_player_plays_the_variation_and_logs_it(runner: Any, shots: Any) -> None:
    page = runner.page
    runner.register()
    page.goto("/equipment")
    page.uncheck("#have-band")
    with page.expect_navigation():
        page.click("form[action='/equipment'] [type=submit]")
    page.goto("/play/runner-glute")
    page.click("#start")
    runner.wait_step("s1.e1.set1.work", "running")
    assert page.query_selector("#instead") is None  # the warm-up needs no band
    for n in (1, 2, 3):
        runner.press("#done")
        runner.press("#skip")  # the rest after it
        if n < 3:
            runner.wait_step(f"s1.e{n + 1}.set1.work", "running")
    runner.wait_step("s2.setup")
    # the band setup is not asked for: what she does instead, marked
    page.wait_for_selector("#instead")
    assert page.inner_text("#exercise") == "Set up"
    assert page.inner_text("#instead") == "substituted for the equipment you don't have"
    assert page.inner_text("#clock") == ("Nothing to set up: you have no band, and the "
                                         "exercises below are done another way.")
    assert "band around your ankles" not in page.inner_text("#screen")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "player-setup-without-band.png"))
    how = page.inner_text(".pl-how")  # open during a setup, for the exercise up next
    assert "Standing clamshell, no band: Do it without a band" in how
    assert "band around your ankles" not in how  # its steps leave out the band too
    runner.press("#skip")  # no band to put on
    runner.wait_step("s2.e1.set1.work", "running")
    assert page.inner_text("#exercise") == "Standing clamshell, no band"
    assert page.inner_text("#instead") == "substituted in place of Standing clamshell"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "player-variation.png"))
    how = page.inner_text(".pl-how")
    assert "How to do the standing clamshell, no band" in how
    page.click(".pl-how summary")
    assert "press your knees out slowly" in page.inner_text(".pl-instead-how")
    runner.press("#done")
    runner.outbox_empty()
    api = runner.api()
    active = api.get("/api/sessions?status=active").json()[0]
    session = api.get(f"/api/sessions/{active['id']}").json()
    assert session["without"] == ["band"]
    clamshell = [s for s in session["sets"] if s["exercise"] == "Standing clamshell"]
    assert [s["variation"] for s in clamshell] == ["Standing clamshell, no band"]
    others = [s for s in session["sets"] if s["exercise"] != "Standing clamshell"]
    assert others and all(s["variation"] is None for s in others)
    assert runner.errors == []
