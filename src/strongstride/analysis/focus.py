"""The one thing to work on, in plain words: the biggest flagged left/right gap, else the
exercise that has stalled longest, else a deload that is due.

A flagged gap comes first: it is the routine's purpose (one leg at a time, to even the legs
out) and it asks for one simple habit, starting with the weaker side. A stalled exercise
comes next; a deload, which changes the whole session, last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from strongstride.analysis.deload import DeloadDue, stalls
from strongstride.analysis.history import SessionSets, Side, lookup, other
from strongstride.analysis.plural import counted
from strongstride.analysis.progression import state_of
from strongstride.analysis.settings import Settings
from strongstride.analysis.suggestion import Suggestion
from strongstride.analysis.symmetry import SymmetryResult
from strongstride.library import Library, default_library
from strongstride.routine.model import Prescription

FocusKind = Literal["gap", "stalled", "deload"]


@dataclass(frozen=True, slots=True)
class Focus:
    kind: FocusKind
    headline: str
    """A few words: the exercise, or "A lighter week"."""
    words: str
    """What was logged and what to do, in a sentence or two."""
    exercise: str | None = None
    side: Side | None = None


def stalled_exercises(done: Mapping[str, Sequence[SessionSets]],
                      prescriptions: Mapping[str, Prescription], settings: Settings,
                      library: Library | None = None) -> dict[str, int]:
    """Exercise name -> stalled sessions running up to its latest (only those stalled)."""
    found = library or default_library()
    out: dict[str, int] = {}
    for name, history in done.items():
        if history:
            n = stalls(state_of(name, history, lookup(prescriptions, name), settings, found))
            if n:
                out[name] = n
    return out


_LESS = {"reps": "fewer reps than", "seconds": "shorter holds than",
         "epley": "less than"}


def _gap_words(gap: SymmetryResult) -> str:
    """"Your left side did fewer reps than your right in 4 of your last 4 sessions: about 88%
    as many. Start each set with your left side." (no index, no median: the numbers say it)"""
    weaker = gap.weaker or "left"
    compared = [s for s in gap.sessions if s.basis is not None][-gap.comparable:]
    bases = {s.basis for s in compared}
    basis = next(iter(bases)) if len(bases) == 1 else None
    less = _LESS.get(basis or "", "less than")
    amount = {"reps": "as many", "seconds": "as long"}.get(basis or "", "as much")
    return (f"Your {weaker} side did {less} your {other(weaker)} in {gap.weaker_count} of "
            f"your last {counted(gap.comparable, 'session')} compared: about "
            f"{gap.median_lsi or 0:.0f}% {amount}. Start each set with your {weaker} side.")


def focus(symmetry: Sequence[SymmetryResult], stalled: Mapping[str, int],
          suggestions: Sequence[Suggestion], deload: DeloadDue | None) -> Focus | None:
    """The one thing to work on (None: nothing stands out). `symmetry` and `suggestions` are
    in routine order, which breaks ties."""
    flagged = [r for r in symmetry if r.status == "flagged" and r.median_lsi is not None
               and r.weaker is not None]
    if flagged:
        gap = min(flagged, key=lambda r: r.median_lsi or 0.0)
        return Focus("gap", gap.exercise, _gap_words(gap), gap.exercise, gap.weaker)
    order = {s.exercise: i for i, s in enumerate(suggestions)}
    if stalled:
        name = min(stalled, key=lambda n: (-stalled[n], order.get(n, len(order)), n))
        said = (f"{name} has not moved on in the last {counted(stalled[name], 'session')}: "
                f"the same sets, load and band, and no more reps or seconds on the weaker side.")
        nxt = next((s for s in suggestions if s.exercise == name), None)
        return Focus("stalled", f"{name} has stalled",
                     f"{said} Next time: {nxt.reason}" if nxt else said, name)
    if deload is not None:
        since = "your last lighter week" if deload.after_deload else "your first session"
        why = ("This week is a lighter one" if deload.in_progress else
               f"It has been {counted(deload.weeks, 'week')} since {since}")
        return Focus("deload", "A lighter week", f"{why}: do half the sets at the same load, "
                     "on the same days. A lighter week now and then lets your legs take in "
                     "the work of the weeks before (a deload).")
    return None
