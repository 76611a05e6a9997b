"""Pain monitoring (Silbernagel 2007): the traffic light, trends, the next-morning check-in
and the red flags that stop an exercise.

This module repeats what the user logged and points to their physio; it never names a cause.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from strongstride.analysis.history import Grouped, SessionSets, by_exercise, iso_week, max_pain
from strongstride.analysis.plural import counted
from strongstride.analysis.settings import DEFAULT_SETTINGS, Settings
from strongstride.library import name_key
from strongstride.records import LogSide, SessionInfo, SetLog

Light = Literal["green", "amber", "red"]
Direction = Literal["rising", "falling", "steady"]
Settled = Literal["settled", "not settled", "no check-in"]
FlagKind = Literal["note", "red pain"]

# "no swelling", "not sharp", "didn't limp": a negation just before the word, in the same
# clause, means the note is not a red flag.
_NEGATED = re.compile(r"(?:\b(?:no|not|never|without|zero)|n['’]t)(?:\s+\w+)?\s*$", re.I)


def traffic_light(pain: int, settings: Settings = DEFAULT_SETTINGS) -> Light:
    """0-3 green (progress), 4-5 amber (hold; must settle by next morning), 6+ red (regress)."""
    if pain <= settings.green_max:
        return "green"
    return "amber" if pain <= settings.amber_max else "red"


def is_red(pain: int | None, settings: Settings = DEFAULT_SETTINGS) -> bool:
    return pain is not None and traffic_light(pain, settings) == "red"


def is_amber(pain: int | None, settings: Settings = DEFAULT_SETTINGS) -> bool:
    return pain is not None and traffic_light(pain, settings) == "amber"


@dataclass(frozen=True, slots=True)
class MorningCheck:
    """How the user felt in the morning: pain and stiffness, 0-10.

    Overall when `exercise` is None (stiffness is then given, or None when not asked); else
    the pain of one exercise on `side` (stiffness None)."""

    date: date
    pain: int
    stiffness: int | None
    exercise: str | None = None
    side: LogSide = "both"

    def about(self, exercise: str | None) -> bool:
        """True for an overall check, or one about `exercise` (any exercise when None)."""
        return (self.exercise is None or exercise is None
                or name_key(self.exercise) == name_key(exercise))


@dataclass(frozen=True, slots=True)
class SetLight:
    key: str
    exercise: str
    session_id: str
    side: LogSide
    set_number: int
    pain: int
    light: Light


@dataclass(frozen=True, slots=True)
class PainPoint:
    session_id: str
    date: date
    pain: int
    light: Light


@dataclass(frozen=True, slots=True)
class PainTrend:
    """The highest pain per session on one exercise and side, over the last sessions."""

    exercise: str
    side: LogSide
    points: tuple[PainPoint, ...]
    direction: Direction


@dataclass(frozen=True, slots=True)
class MorningResult:
    """Whether pain from a session's amber or red sets had settled by the next morning."""

    session_date: date
    session_pain: int
    status: Settled
    morning_pain: int | None = None
    stiffness: int | None = None


@dataclass(frozen=True, slots=True)
class StiffnessWeek:
    week: str
    mean: float


@dataclass(frozen=True, slots=True)
class RedFlag:
    exercise: str
    session_id: str
    date: date
    side: LogSide
    kind: FlagKind
    what: str
    """What the user logged, in their terms: "swelling", "pain 7/10"."""


@dataclass(frozen=True, slots=True)
class Stop:
    """An exercise to stop until the user has seen their physio."""

    exercise: str
    flags: tuple[RedFlag, ...]
    message: str


def set_lights(logs: Sequence[SetLog], settings: Settings = DEFAULT_SETTINGS,
               sessions: Sequence[SessionInfo] = (), *,
               grouped: Grouped | None = None) -> tuple[SetLight, ...]:
    """The light of every done set with a pain score, in session and set order."""
    out: list[SetLight] = []
    for exercise, history in by_exercise(sessions, logs, grouped=grouped).items():
        for done in history:
            out += [SetLight(s.key, exercise, done.session_id, s.side, s.set_number, s.pain,
                             traffic_light(s.pain, settings))
                    for s in done.sets if s.pain is not None]
    return tuple(out)


def pain_trends(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
                settings: Settings = DEFAULT_SETTINGS, *,
                grouped: Grouped | None = None) -> tuple[PainTrend, ...]:
    """Per exercise and side, the last `pain_window` sessions that logged pain."""
    out: list[PainTrend] = []
    for exercise, history in by_exercise(sessions, logs, grouped=grouped).items():
        for side in ("left", "right", "both"):
            points = [PainPoint(d.session_id, d.date, pain, traffic_light(pain, settings))
                      for d in history if (pain := max_pain(d.on(side))) is not None]
            points = points[-settings.pain_window:]
            if not points:
                continue
            first, last = points[0].pain, points[-1].pain
            direction: Direction = ("rising" if last > first else
                                    "falling" if last < first else "steady")
            out.append(PainTrend(exercise, side, tuple(points), direction))
    return tuple(out)


def morning_after(day: date, pain: int, checks: Sequence[MorningCheck],
                  settings: Settings = DEFAULT_SETTINGS,
                  exercise: str | None = None) -> MorningResult:
    """Pain must settle (back to green) by the next morning. For an `exercise`, only the
    overall check-ins and those about that exercise count."""
    # Two check-ins on one morning: the worse one counts.
    mornings = [c for c in checks if c.date == day + timedelta(days=1) and c.about(exercise)]
    check = max(mornings, key=lambda c: (c.pain, c.stiffness or 0), default=None)
    if check is None:
        return MorningResult(day, pain, "no check-in")
    settled: Settled = "settled" if check.pain <= settings.green_max else "not settled"
    return MorningResult(day, pain, settled, check.pain, check.stiffness)


def morning_results(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
                    checks: Sequence[MorningCheck],
                    settings: Settings = DEFAULT_SETTINGS, *,
                    grouped: Grouped | None = None) -> tuple[MorningResult, ...]:
    """For every day with amber or red pain in a set, whether it settled by the next morning."""
    worst: dict[date, int] = {}
    for history in by_exercise(sessions, logs, grouped=grouped).values():
        for done in history:
            pain = max_pain(done.sets)
            if pain is not None and pain > settings.green_max:
                worst[done.date] = max(pain, worst.get(done.date, 0))
    return tuple(morning_after(day, worst[day], checks, settings) for day in sorted(worst))


def stiffness_weeks(checks: Sequence[MorningCheck]) -> tuple[StiffnessWeek, ...]:
    weeks: dict[str, list[int]] = {}
    for check in checks:
        if check.exercise is None and check.stiffness is not None:
            weeks.setdefault(iso_week(check.date), []).append(check.stiffness)
    return tuple(StiffnessWeek(w, statistics.fmean(weeks[w])) for w in sorted(weeks))


def stiffness_rising(checks: Sequence[MorningCheck]) -> bool:
    """Morning stiffness must not rise week to week: the last week against the one before."""
    weeks = stiffness_weeks(checks)
    return len(weeks) >= 2 and weeks[-1].mean > weeks[-2].mean


def note_flags(note: str, settings: Settings = DEFAULT_SETTINGS) -> tuple[str, ...]:
    """The red-flag words a set note mentions (case-insensitive, not when negated)."""
    found: list[str] = []
    if not note:
        return ()
    for label, pattern in settings.red_flag_words:
        for match in re.finditer(pattern, note, re.I):
            clause = re.split(r"[.,;:!?\n]", note[:match.start()])[-1]
            if not _NEGATED.search(clause):
                found.append(label)
                break
    return tuple(found)


def exercise_flags(exercise: str, history: Sequence[SessionSets],
                   settings: Settings = DEFAULT_SETTINGS) -> tuple[RedFlag, ...]:
    """Red flags in the exercise's last `pain_window` sessions: notes that name one, and red
    pain when it came in `red_pain_sessions` or more of those sessions.

    Give the history with skipped sets too (`by_exercise(..., done_only=False)`): a set
    skipped because of sharp pain says so in its note."""
    recent = history[-settings.pain_window:]
    flags: list[RedFlag] = []
    red: list[RedFlag] = []
    for done in recent:
        for log in done.sets:
            flags += [RedFlag(exercise, done.session_id, done.date, log.side, "note", what)
                      for what in note_flags(log.note, settings)]
        pains = [s for s in done.sets if is_red(s.pain, settings)]
        if pains:
            top = max(pains, key=lambda s: s.pain or 0)
            red.append(RedFlag(exercise, done.session_id, done.date, top.side, "red pain",
                               f"pain {top.pain}/10"))
    if len(red) >= settings.red_pain_sessions:
        flags += red
    return tuple(sorted(set(flags), key=lambda f: (f.date, f.session_id, f.kind, f.what, f.side)))


def stop_message(exercise: str, flags: Sequence[RedFlag],
                 settings: Settings = DEFAULT_SETTINGS) -> str:
    noted = list(dict.fromkeys(f.what for f in flags if f.kind == "note"))
    reds = {f.session_id for f in flags if f.kind == "red pain"}
    parts = [f"you noted {_listed(noted)}"] if noted else []
    if reds:
        parts.append(f"you logged pain of {settings.amber_max + 1} or more in "
                     f"{counted(len(reds), 'session')}")
    return f"Stop {exercise} and see your physio: {'; '.join(parts)}."


def _listed(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def red_flags(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
              settings: Settings = DEFAULT_SETTINGS, *,
              grouped: Grouped | None = None) -> tuple[Stop, ...]:
    """The exercises to stop, by exercise name."""
    out: list[Stop] = []
    for exercise, history in by_exercise(sessions, logs, False, grouped).items():
        flags = exercise_flags(exercise, history, settings)
        if flags:
            out.append(Stop(exercise, flags, stop_message(exercise, flags, settings)))
    return tuple(out)
