"""What to do next session, per exercise, with the reason in words.

The rules are tried in this order, and the first that applies gives the suggestion:

1. a red flag in the exercise's recent sessions: stop, "see your physio";
2. no sessions yet: start with the prescription;
3. pain last time: red (6+) or amber that had not settled the next morning -> one step
   back; amber in 2 sessions running -> deload; amber -> hold;
4. stretches stay at 30 s;
5. a deload is due (about every 6 weeks), or the last 2 sessions stalled -> deload;
6. the exercise's forward rule (see `progression`), held back while morning stiffness rises.

Then, over the whole session, at most `changes_per_session` (3) exercises move forward: those
that have waited longest at their level, then in routine order; the others repeat last session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from strongstride.analysis.deload import DeloadDue, deload, deload_due, regress, stalls
from strongstride.analysis.history import (
    Grouped,
    SessionSets,
    exercise_order,
    group,
    lookup,
    max_pain,
)
from strongstride.analysis.pain import (
    MorningCheck,
    exercise_flags,
    is_amber,
    is_red,
    morning_after,
    stiffness_rising,
    stop_message,
)
from strongstride.analysis.plural import counted, plural
from strongstride.analysis.progression import (
    ExerciseState,
    Kind,
    forward,
    level_sessions,
    state_of,
)
from strongstride.analysis.settings import DEFAULT_SETTINGS, Settings
from strongstride.analysis.suggestion import PROGRESSIONS, Action, Suggestion, Target
from strongstride.library import Library, default_library
from strongstride.records import SessionInfo, SetLog
from strongstride.routine.model import Prescription

__all__ = ["Action", "Kind", "Outlook", "Suggestion", "Target", "next_session", "suggest"]


@dataclass(frozen=True, slots=True)
class Outlook:
    """What the next session's rules need besides the exercise's own logs."""

    today: date
    checks: tuple[MorningCheck, ...] = ()
    deload: DeloadDue | None = None
    stiffness_rising: bool = False


def _start(exercise: str, prescription: Prescription | None) -> Suggestion:
    p = prescription or Prescription()
    target = Target(
        sets=p.sets.lo if p.sets else None, reps=p.reps.lo if p.reps else None,
        load=p.load.value if p.load else None, unit=p.load.unit if p.load else None,
        seconds=p.seconds.lo if p.seconds else None, band=p.band)
    return Suggestion(exercise, "start", target,
                      "No sets logged yet: start at the bottom of the prescription.")


def _morning_rule(state: ExerciseState, outlook: Outlook) -> Suggestion | None:
    """Pain the morning after the last session, when the session itself was green: the load
    was not tolerated after all. Red steps back, amber holds."""
    s = state.settings
    morning = morning_after(state.latest.date, 0, outlook.checks, s, state.exercise)
    if morning.morning_pain is None or morning.morning_pain <= s.green_max:
        return None
    said = f"Pain {morning.morning_pain}/10 the morning after last session"
    if is_red(morning.morning_pain, s):
        return regress(state, f"{said} is red ({s.amber_max + 1} or more)")
    return state.suggest("hold", f"{said} is amber ({s.green_max + 1}-{s.amber_max}): repeat "
                                 "the same next time.")


def _pain_rule(state: ExerciseState, outlook: Outlook) -> Suggestion | None:
    s = state.settings
    pain = max_pain(state.latest.sets)
    if pain is None or pain <= s.green_max:
        return _morning_rule(state, outlook)
    if is_red(pain, s):
        return regress(state, f"Pain {pain}/10 last time is red ({s.amber_max + 1} or more)")
    morning = morning_after(state.latest.date, pain, outlook.checks, s, state.exercise)
    if morning.status == "not settled":
        return regress(state, f"Pain {pain}/10 last time had not settled by the next morning "
                              f"({morning.morning_pain}/10)")
    running = 0
    for done in reversed(state.history):
        if not (is_amber(max_pain(done.sets), s) or is_red(max_pain(done.sets), s)):
            break
        running += 1
    amber = f"{s.green_max + 1}-{s.amber_max}"
    if running >= s.amber_sessions_for_deload:
        return deload(state, f"Pain {amber} in the last {counted(running, 'session')}")
    return state.suggest("hold", f"Pain {pain}/10 last time is amber ({amber}): repeat the same "
                                 f"next time; it should settle by the next morning.")


def suggest(exercise: str, prescription: Prescription | None, history: Sequence[SessionSets],
            outlook: Outlook, settings: Settings = DEFAULT_SETTINGS,
            library: Library | None = None,
            logged: Sequence[SessionSets] | None = None) -> Suggestion:
    """The suggestion for one exercise, on its own (`next_session` also keeps the number of
    exercises that move forward in one session small).

    `history` holds the sessions with sets done, oldest first (`by_exercise`); `logged` the
    same with skipped sets too, for red flags in their notes (default: `history`).
    """
    return _suggest(exercise, prescription, history, outlook, settings, library, logged)[0]


def _suggest(exercise: str, prescription: Prescription | None, history: Sequence[SessionSets],
             outlook: Outlook, settings: Settings, library: Library | None,
             logged: Sequence[SessionSets] | None) -> tuple[Suggestion, ExerciseState | None]:
    flags = exercise_flags(exercise, logged if logged is not None else history, settings)
    if flags:
        return Suggestion(exercise, "stop", Target(),
                          stop_message(exercise, flags, settings)), None
    if not history:
        return _start(exercise, prescription), None
    state = state_of(exercise, history, prescription, settings, library or default_library())
    by_pain = _pain_rule(state, outlook)
    if by_pain is not None:
        return by_pain, state
    if state.kind == "stretch":
        return forward(state), state
    if outlook.deload is not None:
        return deload(state, outlook.deload.reason), state
    stalled = stalls(state)
    if stalled >= settings.deload_after_stalls:
        return deload(state, f"No progress in the last {counted(stalled, 'session')}"), state
    suggestion = forward(state)
    if suggestion.action in PROGRESSIONS and outlook.stiffness_rising:
        return state.suggest("hold", "Your morning stiffness rose this week: repeat last "
                                     "session before adding more."), state
    return suggestion, state


def few_changes(found: Sequence[tuple[Suggestion, ExerciseState | None]],
                settings: Settings = DEFAULT_SETTINGS) -> tuple[Suggestion, ...]:
    """At most `changes_per_session` exercises move forward in one session, so that a sore
    morning points at one of a few changes and the session's work grows by a little: those
    that waited longest at their level go first (then routine order); the others repeat."""
    cap = settings.changes_per_session
    forward_ones = [i for i, (s, state) in enumerate(found)
                    if s.action in PROGRESSIONS and state is not None]
    if len(forward_ones) <= cap:
        return tuple(s for s, _ in found)

    def waited(i: int) -> tuple[int, int]:
        state = found[i][1]
        assert state is not None
        return -level_sessions(state), i

    going = set(sorted(forward_ones, key=waited)[:cap])
    out: list[Suggestion] = []
    for i, (s, state) in enumerate(found):
        if i in forward_ones and i not in going:
            assert state is not None
            moves = "moves" if cap == 1 else "move"
            out.append(state.suggest("keep", f"Repeat last session: {cap} other "
                                             f"{plural(cap, 'exercise')} {moves} on this "
                                             f"time, at most {cap} at once. Waiting its "
                                             f"turn: {s.reason}"))
        else:
            out.append(s)
    return tuple(out)


def next_session(sessions: Sequence[SessionInfo], logs: Sequence[SetLog],
                 prescriptions: Mapping[str, Prescription], today: date,
                 settings: Settings = DEFAULT_SETTINGS, checks: Sequence[MorningCheck] = (),
                 last_deload: date | None = None,
                 library: Library | None = None, *, grouped: Grouped | None = None,
                 outlook: Outlook | None = None) -> tuple[Suggestion, ...]:
    """A suggestion per prescribed exercise, in the prescriptions' order (every logged
    exercise, by name, when no prescriptions are given). Only data up to `today` counts.

    A report that has grouped the logs (already cut at `today`) and made the outlook gives
    them as `grouped` and `outlook`, so neither is worked out twice."""
    if grouped is None:
        sessions = [i for i in sessions if i.started_at.date() <= today]
        logs = [s for s in logs if s.logged_at.date() <= today]
        grouped = group(sessions, logs)
    done, logged = grouped.done, grouped.logged
    if outlook is None:
        outlook = Outlook(
            today, tuple(c for c in checks if c.date <= today),
            deload_due(sessions, today, settings, last_deload),
            stiffness_rising([c for c in checks if c.date <= today]))
    names = list(prescriptions) or exercise_order((), logged)
    return few_changes([
        _suggest(name, lookup(prescriptions, name), lookup(done, name) or (), outlook,
                 settings, library, lookup(logged, name) or ())
        for name in names], settings)
