"""Today's target per exercise for the players: the next-session suggestion over what the
report reads, with the session being played left out (so a target does not move while its
sets are logged).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from strongstride.analysis import (
    DEFAULT_SETTINGS,
    MorningCheck,
    Settings,
    Suggestion,
    next_session,
)
from strongstride.player.machine import Prefill
from strongstride.records import SessionInfo, SetLog
from strongstride.routine.model import Prescription

# No pre-filled amounts for these: "start" has no history (the step's own target is the
# form's default) and "stop" means not doing the exercise.
_NO_PREFILL = frozenset({"start", "stop"})


@dataclass(frozen=True, slots=True)
class TodayTarget:
    exercise: str
    suggestion: Suggestion

    @property
    def text(self) -> str:
        """"Today: 2 x 12 reps, 10 kg — Both sides reached 12 reps at RPE 7 twice: add..."."""
        from strongstride.reports.view import target_text

        s = self.suggestion
        if s.action == "stop":
            return s.reason
        amount = target_text(s.target)
        return f"Today: {amount} — {s.reason}" if amount else f"Today: {s.reason}"

    @property
    def prefill(self) -> bool:
        """Whether the set form starts from this target's reps and load."""
        t = self.suggestion.target
        return self.suggestion.action not in _NO_PREFILL and (
            t.reps is not None or t.load is not None)

    @property
    def amounts(self) -> Prefill | None:
        """The reps and load the set form starts from, when it does (a hold has none)."""
        aim = self.suggestion.target
        if not self.prefill or (aim.seconds is not None and aim.reps is None):
            return None
        return Prefill(reps=aim.reps, load=aim.load, unit=aim.unit)

    def as_dict(self) -> dict[str, object]:
        t = self.suggestion.target
        return {"action": self.suggestion.action, "sets": t.sets, "reps": t.reps,
                "load": t.load, "unit": t.unit, "seconds": t.seconds, "band": t.band,
                "reason": self.suggestion.reason, "text": self.text, "prefill": self.prefill}


def session_targets(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
                    checks: Sequence[MorningCheck], prescriptions: Mapping[str, Prescription],
                    today: date, settings: Settings = DEFAULT_SETTINGS
                    ) -> dict[str, TodayTarget]:
    """Exercise name (as `prescriptions` spell it) -> today's target, from the sessions, sets
    and morning checks given (the application reads the last weeks, without the session
    being played)."""
    found = next_session(list(sessions), list(logs), prescriptions, today, settings,
                         list(checks))
    return {s.exercise: TodayTarget(s.exercise, s) for s in found}
