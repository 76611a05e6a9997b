"""SIGKILL the real program at random moments: nothing acknowledged is lost or doubled."""

from __future__ import annotations

from pathlib import Path

from tests.durability.harness import kill_many


def test_fifty_kills_lose_nothing_and_resume_at_the_right_step(tmp_path: Path) -> None:
    tally = kill_many(tmp_path / "kill.db", kills=50)
    assert tally.problems == []
    assert tally.kills >= 50
    # The kills landed mid-session, and sets were acknowledged along the way.
    assert len(tally.acknowledged) > 50
    assert tally.finished_sessions >= 1
