"""What the symmetry result says to the user: neutral words, numbers they can check.

Differences between sides change size and side from day to day and are not shown to cause
harm (DOMAIN.md), so the words describe what was logged and suggest, never warn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from strongstride.analysis.history import other
from strongstride.analysis.plural import counted
from strongstride.analysis.settings import Settings

if TYPE_CHECKING:
    from strongstride.analysis.symmetry import SessionSymmetry, SymmetryResult

_VERBS = {
    "reps": "done fewer reps than",
    "seconds": "held for less time than",
    "epley": "had a lower estimated one-rep max than",
}


def percent(value: float) -> str:
    return f"{value:.0f}%"


def _last(n: int) -> str:
    """"session" for the last one, "4 sessions" for more."""
    return "session" if n == 1 else counted(n, "session")


def _verb(window: Sequence[SessionSymmetry]) -> str:
    bases = {r.basis for r in window}
    if len(bases) == 1:
        basis = next(iter(bases))
        if basis is not None:
            return _VERBS[basis]
    return "done less than"


def exercise_message(result: SymmetryResult, settings: Settings,
                     latest: SessionSymmetry | None,
                     window: Sequence[SessionSymmetry]) -> str:
    n = len(window)
    if result.status == "flagged" and result.weaker and result.median_lsi is not None:
        side = result.weaker
        return (f"Your {side} side has {_verb(window)} your {other(side)} on "
                f"{result.weaker_count} of the last {_last(n)} "
                f"(median {percent(result.median_lsi)}). "
                f"Consider starting with your {side} side.")
    if result.status == "balanced" and result.median_lsi is not None:
        median = percent(result.median_lsi)
        if result.median_lsi >= settings.lsi_cutoff and result.involved is not None:
            side = result.involved
            return (f"Your {side} side is at {median} of your {other(side)}: median over the "
                    f"last {_last(n)}.")
        if result.median_lsi >= settings.lsi_cutoff:
            return (f"Your left and right sides are close: median {median} over the last "
                    f"{_last(n)}.")
        return (f"The gap between your sides changes from session to session (median {median} "
                f"over the last {_last(n)}) and neither side was behind in "
                f"{settings.same_side_weaker} of them; day-to-day differences like this are "
                f"normal.")
    if result.status == "not measurable" and latest is not None:
        return (f"Last time {latest.why}, so those sets cannot show a difference between "
                f"your sides. To measure it, do one set to failure on each leg.")
    done, need = result.comparable, settings.min_comparable_sessions
    if done == 0:
        return (f"No sessions compared yet: log both sides at the same load and band; "
                f"{need} are needed to see a trend.")
    return (f"{done} of {counted(need, 'session')} compared so far: keep logging both sides at "
            f"the same load and band.")
