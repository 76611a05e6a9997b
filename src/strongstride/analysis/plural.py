"""Counts in words: "1 session", "2 sessions", "1 set of 12 reps"."""

from __future__ import annotations


def plural(n: float, noun: str) -> str:
    """The noun as it goes with the count `n` (no number): "session" or "sessions"."""
    if n == 1:
        return noun
    return noun + "s"


def counted(n: float, noun: str) -> str:
    """The count and its noun: "1 session", "3 sessions", "0 sets", "2.5 sets"."""
    text = str(n) if isinstance(n, int) else f"{n:g}"
    return f"{text} {plural(n, noun)}"
