"""Strength sessions placed around a running week (DOMAIN.md, Scheduling around running).

Pure: no clock of its own (the caller passes `start`), no I/O. Hours between events are
counted in local wall-clock time. The rules, in the order they win:

1. never inside the 24 h before a long run or key workout (quality run or race);
2. strength sessions 48 h apart where possible;
3. prefer 48 h before a long run or key workout (lower-body fatigue lasts 48-72 h);
4. prefer quality days, after the run ("hard days hard"), then the long-run day, then easy,
   free and rest days.

The regular weekly days are chosen once, on the week seen as a cycle, and kept every week;
only weeks touched by a race are placed again. Every compromise is said in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import combinations, pairwise
from typing import Literal

from strongstride.schedule.week import DAY_NAMES, Role, RunningWeek

Kind = Literal["normal", "deload", "taper"]
_Score = tuple[int, int, int, int, int, float, tuple[int, ...]]
DELOAD_WORDS = "halve the sets, keep the days and exercises"
TAPER_WORDS = "light session: halve the sets, no heavy loads"
# Lower is better; the long-run day is a hard day too, so lifting after it keeps others easy.
_ROLE_COST: dict[Role | None, int] = {"quality": 0, "long": 4, "easy": 2, None: 2, "rest": 3}
_ROLE_HEAD: dict[Role | None, str] = {
    "quality": "is a quality day: lift after the run", "long": "is the long-run day: lift "
    "after the run", "easy": "is an easy run day: lift after the run", "rest": "is a rest day",
    None: "has no run"}


@dataclass(frozen=True, slots=True)
class ScheduleRules:
    """Defaults from DOMAIN.md; days of recovery after a race are our own choice."""

    min_hours_before_hard: int = 24
    preferred_hours_before_hard: int = 48
    min_hours_between_sessions: int = 48
    min_hours_after_run: int = 6
    marathon_last_hard_days: int = 10  # the last hard session 10-14 days before
    short_race_light_days: int = 7  # the last week before a shorter race is light
    race_rest_days: int = 3  # no strength in the last 3 days
    recovery_days_short: int = 2  # (design)
    recovery_days_long: int = 7  # (design)
    long_race_km: float = 30.0  # at and above: tapered like a marathon


@dataclass(frozen=True, slots=True)
class Race:
    date: date
    distance: str = "marathon"  # "5k", "10k", "half", "marathon" or e.g. "50k", "15 mi"

    @property
    def km(self) -> float | None:
        text = self.distance.strip().lower()
        named = {"5k": 5.0, "10k": 10.0, "half": 21.1, "half marathon": 21.1, "marathon": 42.2}
        if text in named:
            return named[text]
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(k|km|mi|miles?)", text)
        if m is None:
            return None
        return float(m.group(1)) * (1.609 if m.group(2).startswith("mi") else 1.0)

    def is_long(self, rules: ScheduleRules) -> bool:
        km = self.km
        return (km is not None and km >= rules.long_race_km) or "ultra" in self.distance.lower()

    @property
    def label(self) -> str:
        text = self.distance.strip().lower()
        if text == "marathon":
            return "the marathon"
        return "the half marathon" if text.startswith("half") else f"the {self.distance} race"


@dataclass(frozen=True, slots=True)
class ScheduledSession:
    date: date
    time: time
    kind: Kind
    reason: str
    week: int  # 1-based week of the plan
    warnings: tuple[str, ...] = ()  # compromises, also said in the reason

    @property
    def weekday(self) -> str:
        return DAY_NAMES[self.date.weekday()]

    @property
    def at(self) -> datetime:
        return datetime.combine(self.date, self.time)


@dataclass(frozen=True, slots=True)
class PatternDay:
    """A regular strength day and why it was chosen (a weekly slot)."""

    weekday: int
    reason: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Schedule:
    week: RunningWeek
    start: date
    weeks: int
    sessions_per_week: int
    race: Race | None
    strength_time: time
    pattern: tuple[PatternDay, ...]
    sessions: tuple[ScheduledSession, ...]
    notes: tuple[str, ...]

    @property
    def end(self) -> date:
        """The last day of the plan."""
        return self.start + timedelta(days=7 * self.weeks - 1)


@dataclass(frozen=True, slots=True)
class _Hard:
    at: datetime
    label: str


def _h(hours: float) -> str:
    return f"{hours:.0f}" if hours == int(hours) else f"{hours:.1f}"


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _hard_events(week: RunningWeek, first: date, last: date, race: Race | None) -> list[_Hard]:
    out = []
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        role = week.role(day.weekday())
        if role in ("long", "quality") and (race is None or day != race.date):
            what = "long run" if role == "long" else "quality run"
            out.append(_Hard(datetime.combine(day, week.run_time),
                             f"{DAY_NAMES[day.weekday()]}'s {what}"))
    if race is not None:
        out.append(_Hard(datetime.combine(race.date, week.run_time), race.label))
    return sorted(out, key=lambda e: e.at)


def _next_hard(at: datetime, hard: Sequence[_Hard]) -> tuple[_Hard, float] | None:
    nxt = next((e for e in hard if e.at > at), None)
    return None if nxt is None else (nxt, (nxt.at - at).total_seconds() / 3600)


def _gap(a: datetime, b: datetime) -> float:
    return abs((a - b).total_seconds()) / 3600


class _Placer:
    """Scores and explains sets of strength days against one timeline of hard runs."""

    def __init__(self, week: RunningWeek, rules: ScheduleRules, hard: list[_Hard]) -> None:
        self.week, self.rules, self.hard = week, rules, hard
        self.lift = week.lift_time

    def at(self, day: date) -> datetime:
        return datetime.combine(day, self.lift)

    def score(self, days: Sequence[date], context: Sequence[datetime],
              usual: frozenset[date] = frozenset()) -> _Score:
        r, hard_n, soft_n, shortfall = self.rules, 0, 0, 0.0
        times = [self.at(d) for d in days]
        for t in times:
            found = _next_hard(t, self.hard)
            hours = found[1] if found else float("inf")
            hard_n += hours < r.min_hours_before_hard
            soft_n += r.min_hours_before_hard <= hours < r.preferred_hours_before_hard
            shortfall += max(0.0, r.preferred_hours_before_hard - hours)
        every = sorted([(t, True) for t in times] + [(t, False) for t in context])
        close_n = sum(1 for (a, mine_a), (b, mine_b) in pairwise(every)
                      if (mine_a or mine_b) and _gap(a, b) < r.min_hours_between_sessions)
        moved = sum(d not in usual for d in days) if usual else 0
        roles = sum(_ROLE_COST[self.week.role(d.weekday())] for d in days)
        ordinals = tuple(d.weekday() for d in days)
        return (hard_n, close_n, soft_n, moved, roles, shortfall, ordinals)

    def best(self, candidates: Iterable[tuple[date, ...]], context: Sequence[datetime] | None,
             usual: Iterable[date] = ()) -> tuple[date, ...]:
        keep = frozenset(usual)

        def key(days: tuple[date, ...]) -> _Score:
            ctx = context if context is not None else [
                self.at(d) + timedelta(days=s) for d in days for s in (-7, 7)]
            return self.score(days, ctx, keep)
        return min(candidates, key=key, default=())

    def cause(self, day: date, others: Sequence[datetime]) -> str | None:
        """Why a session on `day` would be a compromise, or None."""
        t, r = self.at(day), self.rules
        found = _next_hard(t, self.hard)
        if found and found[1] < r.min_hours_before_hard:
            return f"{found[0].label} is only {_h(found[1])} h later"
        if found and found[1] < r.preferred_hours_before_hard:
            return f"{found[0].label} is {_h(found[1])} h later (48 h preferred)"
        near = [o for o in others if o != t and _gap(o, t) < r.min_hours_between_sessions]
        if near:
            return (f"it is only {_h(_gap(near[0], t))} h from {DAY_NAMES[near[0].weekday()]}'s "
                    "strength session")
        return None

    def explain(self, day: date, others: Sequence[datetime], n: int) -> tuple[str, tuple[str, ...]]:
        """The reason for a session on `day` and the compromises it carries."""
        r, week, t = self.rules, self.week, self.at(day)
        role = week.role(day.weekday())
        parts = [f"{DAY_NAMES[day.weekday()]} {_ROLE_HEAD[role]}"]
        warnings: list[str] = []
        if day.weekday() in week.run_days:
            after = (t - datetime.combine(day, week.run_time)).total_seconds() / 3600
            if after < 0:
                warnings.append(f"the {self.lift:%H:%M} session comes before the "
                                f"{week.run_time:%H:%M} run: lift after it, "
                                f"{r.min_hours_after_run} h apart")
            elif after < r.min_hours_after_run:
                warnings.append(f"only {_h(after)} h after the run "
                                f"({r.min_hours_after_run} h apart preferred)")
        found = _next_hard(t, self.hard)
        if found and found[1] < r.min_hours_before_hard:
            warnings.append(
                f"only {_h(found[1])} h before {found[0].label} (under the 24 h minimum): "
                f"{n} sessions do not fit without one inside the 24 h before a long run or key "
                "workout, so this is the least bad day")
        elif found and found[1] < r.preferred_hours_before_hard:
            warnings.append(f"{found[0].label} is {_h(found[1])} h later (48 h preferred)")
        elif found:
            parts.append(f"{found[0].label} is {_h(found[1])} h later")
        for o in sorted(others):
            if o != t and _gap(o, t) < r.min_hours_between_sessions:
                warnings.append(f"only {_h(_gap(o, t))} h from {DAY_NAMES[o.weekday()]}'s "
                                f"strength session ({r.min_hours_between_sessions} h preferred)")
        return "; ".join(parts + warnings) + ".", tuple(warnings)


def _choose_pattern(week: RunningWeek, n: int, start: date, rules: ScheduleRules,
                    notes: list[str]) -> tuple[PatternDay, ...]:
    """The regular days, chosen on the week as a cycle, with notes on what was given up."""
    placer = _Placer(week, rules, _hard_events(week, start - timedelta(7), start + timedelta(20),
                                               None))
    block = [start + timedelta(days=k) for k in range(7)]
    chosen = placer.best(combinations(block, n), None)
    ring = [placer.at(d) + timedelta(days=s) for d in chosen for s in (-7, 0, 7)]
    pattern = []
    for d in sorted(chosen, key=lambda d: d.weekday()):
        reason, warnings = placer.explain(d, ring, n)
        pattern.append(PatternDay(d.weekday(), reason, warnings))
    names = [DAY_NAMES[p.weekday] for p in pattern]
    if names:
        notes.append(f"Strength on {_and(names)} at {week.lift_time:%H:%M} "
                     f"({n} session{'s' if n != 1 else ''} a week).")
    instead = [DAY_NAMES[d.weekday()] for d in sorted(chosen, key=lambda d: d.weekday())
               if d.weekday() not in week.quality]
    for d in block:
        if d.weekday() not in week.quality or d in chosen:
            continue
        cause = placer.cause(d, ring)
        day = DAY_NAMES[d.weekday()]
        if cause is None:
            notes.append(f"{day} is a quality day but {n} session{'s' if n != 1 else ''} a week "
                         f"are placed on {_and(names) if names else 'no day'}.")
        else:
            where = f"moved to {_and(instead)}" if instead else "no strength that day"
            notes.append(f"{day} is a quality day but {cause}: {where}.")
    if any(any("least bad" in w for w in p.warnings) for p in pattern):
        notes.append(f"{n} sessions a week cannot all stay out of the 24 h before a long run "
                     "or key workout: the least bad days are used (see each session).")
    return tuple(pattern)


def _blocked(day: date, race: Race | None, rules: ScheduleRules) -> str | None:
    if race is None:
        return None
    before = (race.date - day).days
    if before == 0:
        return f"it is the day of {race.label}"
    if 0 < before <= rules.race_rest_days:
        return f"it is in the last {rules.race_rest_days} days before {race.label}"
    rest = rules.recovery_days_long if race.is_long(rules) else rules.recovery_days_short
    if 0 < -before <= rest:
        return f"it is in the {rest} days of recovery after {race.label}"
    return None


def _in_taper(day: date, race: Race | None, rules: ScheduleRules) -> bool:
    if race is None:
        return False
    light = (rules.marathon_last_hard_days - 1 if race.is_long(rules)
             else rules.short_race_light_days)
    return rules.race_rest_days < (race.date - day).days <= light


def schedule_weeks(week: RunningWeek, *, start: date, weeks: int, sessions_per_week: int = 2,
               race: Race | None = None, deload_every: int = 6,
               rules: ScheduleRules | None = None) -> Schedule:
    """Place `sessions_per_week` strength sessions in each of `weeks` 7-day weeks from `start`.

    Every `deload_every` weeks is a deload (0: never). A race tapers the weeks before it.
    """
    if weeks < 0 or not 0 <= sessions_per_week <= 7 or deload_every < 0:
        raise ValueError("weeks >= 0, sessions_per_week 0-7 and deload_every >= 0")
    rules = rules or ScheduleRules()
    n, notes = sessions_per_week, []
    if not 2 <= n <= 3:
        notes.append(f"{n} strength session{'s' if n != 1 else ''} a week: 2-3 improve running "
                     "economy, twice a week is the usual in-season dose.")
    if deload_every and not 4 <= deload_every <= 8:
        notes.append(f"A deload every {deload_every} weeks: about every 6 (4-8) is usual.")
    if race is not None and race.date < start:
        notes.append(f"{race.label.capitalize()} ({race.date}) is before the plan: ignored.")
        race = None
    pattern = _choose_pattern(week, n, start, rules, notes)
    usual_days = {p.weekday for p in pattern}
    by_day = {p.weekday: p for p in pattern}
    end = start + timedelta(days=7 * weeks - 1)
    placer = _Placer(week, rules, _hard_events(week, start - timedelta(7),
                                               end + timedelta(14), race))
    sessions: list[ScheduledSession] = []
    week_notes: list[str] = []
    taper_used, prev_moved = 0, False
    for i in range(weeks):
        block = [start + timedelta(days=7 * i + k) for k in range(7)]
        usual = [d for d in block if d.weekday() in usual_days]
        deload = deload_every > 0 and (i + 1) % deload_every == 0
        touched = prev_moved or any(_blocked(d, race, rules) or _in_taper(d, race, rules)
                                    for d in block)
        if deload:
            week_notes.append(f"Week {i + 1} (from {block[0]}): deload: {DELOAD_WORDS}.")
        if not touched:
            for d in usual:
                p = by_day[d.weekday()]
                reason = p.reason + (f" Deload week (every {deload_every} weeks): "
                                     f"{DELOAD_WORDS}." if deload else "")
                sessions.append(ScheduledSession(d, week.lift_time, "deload" if deload
                                                 else "normal", reason, i + 1, p.warnings))
            prev_moved = False
            continue
        allowed = [d for d in block if not _blocked(d, race, rules)]
        window = {d for d in allowed if _in_taper(d, race, rules)}
        cap = max(0, 1 - taper_used)
        k = min(n, len(allowed) - len(window) + min(cap, len(window)))
        options = [c for c in combinations(allowed, k) if sum(d in window for d in c) <= cap]
        context = [s.at for s in sessions[-7:]]
        if i + 1 < weeks:
            context += [placer.at(d + timedelta(7)) for d in usual
                        if not _blocked(d + timedelta(7), race, rules)]
        chosen = placer.best(options, context, usual)
        taper_used += sum(d in window for d in chosen)
        prev_moved = set(chosen) != set(usual)
        times = [placer.at(d) for d in chosen] + context
        lost = [d for d in usual if d not in chosen]
        added = [d for d in chosen if d not in usual]
        instead: dict[date, str] = {}
        for j, d in enumerate(lost):
            why = (_blocked(d, race, rules) or
                   ("only one light session is kept in the taper" if d in window else None) or
                   placer.cause(d, times) or "fewer sessions fit this week")
            where = (f"moved to {_and([f'{DAY_NAMES[a.weekday()]} {a}' for a in added])}"
                     if added else "dropped")
            week_notes.append(f"Week {i + 1}: {DAY_NAMES[d.weekday()]} {d}: {why}: {where}.")
            if j < len(added):
                instead[added[j]] = f"Instead of {DAY_NAMES[d.weekday()]} ({why}): "
        for d in chosen:
            reason, warnings = placer.explain(d, times, k)
            reason = instead.get(d, "") + reason
            kind: Kind = "taper" if d in window else "deload" if deload else "normal"
            if kind == "taper" and race is not None:
                reason += (f" Taper, {(race.date - d).days} days before {race.label}: "
                           f"{TAPER_WORDS}.")
            elif kind == "deload":
                reason += f" Deload week (every {deload_every} weeks): {DELOAD_WORDS}."
            sessions.append(ScheduledSession(d, week.lift_time, kind, reason, i + 1, warnings))
    if race is not None:
        notes.extend(_race_notes(race, sessions, rules))
    return Schedule(week, start, weeks, n, race, week.lift_time, pattern,
                        tuple(sorted(sessions, key=lambda s: s.date)), tuple(notes + week_notes))


def _race_notes(race: Race, sessions: Sequence[ScheduledSession],
                rules: ScheduleRules) -> list[str]:
    hard = [s for s in sessions if s.kind != "taper" and s.date < race.date]
    out = []
    if race.is_long(rules):
        out.append(f"{race.label.capitalize()} on {race.date}: the last hard strength session "
                   f"at least {rules.marathon_last_hard_days} days before (10-14); strength "
                   "gains hold about 4 weeks.")
    else:
        out.append(f"{race.label.capitalize()} on {race.date}: the last week is light "
                   f"({DELOAD_WORDS.split(',')[0]}), none in the last {rules.race_rest_days} days.")
    if hard:
        last = hard[-1]
        out.append(f"Last hard strength session: {last.weekday} {last.date}, "
                   f"{(race.date - last.date).days} days before {race.label}.")
    return out

