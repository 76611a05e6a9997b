"""Today's target per exercise for the players: the next-session suggestion, read from the
store the way the report reads it, with the session being played left out (so a target does
not move while its sets are logged).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from strongstride.analysis import DEFAULT_SETTINGS, Settings, Suggestion, next_session
from strongstride.reports.build import DEFAULT_WEEKS, morning_checks, window
from strongstride.routine.model import Prescription

if TYPE_CHECKING:
    from strongstride.store import Store

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

    def as_dict(self) -> dict[str, object]:
        t = self.suggestion.target
        return {"action": self.suggestion.action, "sets": t.sets, "reps": t.reps,
                "load": t.load, "unit": t.unit, "seconds": t.seconds, "band": t.band,
                "reason": self.suggestion.reason, "text": self.text, "prefill": self.prefill}


def session_targets(store: Store, user_id: int, prescriptions: Mapping[str, Prescription],
                    today: date, *, leave_out: str | None = None,
                    weeks: int = DEFAULT_WEEKS,
                    settings: Settings = DEFAULT_SETTINGS) -> dict[str, TodayTarget]:
    """Exercise name (as `prescriptions` spell it) -> today's target, from the user's last
    `weeks` weeks up to `today`, without the session `leave_out` (the one being played)."""
    if not prescriptions:
        return {}
    since, until = window(today, weeks)
    sessions = [s for s in store.user_sessions(user_id, until=until) if s.id != leave_out]
    logs = [s for s in store.user_sets(user_id, since=since, until=until)
            if s.session_id != leave_out]
    checks = morning_checks(store.checkins(user_id, since=since and since.date(), until=today))
    found = next_session(sessions, logs, prescriptions, today, settings, checks)
    return {s.exercise: TodayTarget(s.exercise, s) for s in found}
