"""The dashboard's top card: three lines in plain words before any chart or table.

- this week: sessions done of planned (her running week's schedule, else the weekly target),
  and when the next one is;
- the one thing to work on (`analysis.focus`);
- pain: a stop, else the last pain score as a traffic light, and whether it settled.

No index, median or term a runner would have to look up: the numbers say what they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from strongstride.analysis import Report
from strongstride.analysis.history import iso_week
from strongstride.analysis.plural import counted

Tone = Literal["good", "watch", "stop", "plain"]


@dataclass(frozen=True, slots=True)
class Line:
    ident: str
    label: str
    headline: str
    words: str
    tone: Tone = "plain"


@dataclass(frozen=True, slots=True)
class Glance:
    lines: tuple[Line, ...]
    planned_by_schedule: bool
    """The week's plan comes from her running week (else from the weekly target)."""


def day_name(day: date, today: date) -> str:
    """"today", "tomorrow, Tuesday 8 Dec" or "Saturday 5 Dec" (kept on one line)."""
    if day == today:
        return "today"
    named = f"{day:%A}\u00a0{day.day}\u00a0{day:%b}"
    return f"tomorrow, {named}" if day == today + timedelta(days=1) else named


def glance(report: Report, planned: Sequence[date] | None) -> Glance:
    """The card for `report`; `planned` is the days her running week places sessions on this
    week (None: she has no running week for it, and the weekly target stands in)."""
    return Glance((_week(report, planned), _focus(report), _pain(report)), planned is not None)


def _week(report: Report, planned: Sequence[date] | None) -> Line:
    today = report.today
    this_week = iso_week(today)
    done = next((w.sessions for w in report.adherence.weeks if w.week == this_week), 0)
    count = len(planned) if planned is not None else report.adherence.target
    if count == 0:
        return Line("week", "This week", "No session planned",
                    f"{counted(done, 'session')} done; your plan has a rest this week.",
                    "good")
    if done >= count:
        head = (f"{done} of {counted(count, 'session')} done" if done == count
                else f"{counted(done, 'session')} done, {count} planned")
        return Line("week", "This week", head, "All of this week's sessions are done. "
                    "Well done.", "good")
    head = f"{done} of {counted(count, 'session')} done"
    left = count - done
    if planned is None:
        return Line("week", "This week", head,
                    f"{left} to go, for your target of {count} a week.")
    upcoming = [d for d in planned[done:] if d >= today]
    if not upcoming:
        return Line("week", "This week", head, f"{left} to go: the days in your plan have "
                                               f"passed, so fit it in when you can.")
    return Line("week", "This week", head,
                f"{left} to go. Next in your plan: {day_name(upcoming[0], today)}.")


def _focus(report: Report) -> Line:
    f = report.focus
    if f is not None:
        return Line("focus", "Work on", f.headline, f.words,
                    "plain" if f.kind == "deload" else "watch")
    if not report.progress:
        return Line("focus", "Work on", "Nothing yet",
                    "Log a session and this says what to work on.")
    return Line("focus", "Work on", "Nothing stands out",
                "No left/right gap that lasts, and no exercise has stalled: keep to the plan.",
                "good")


def _pain(report: Report) -> Line:
    pain, s = report.pain, report.settings
    if pain.stops:
        names = ", ".join(stop.exercise for stop in pain.stops)
        return Line("pain", "Pain", f"Stop {names} and see your physio",
                    " ".join(stop.message for stop in pain.stops), "stop")
    points = [(p.date, p.pain, t.exercise) for t in pain.trends for p in t.points]
    stiff = (" Your morning stiffness rose this week: hold off on adding more."
             if pain.stiffness_rising else "")
    if not points:
        return Line("pain", "Pain", "No pain logged",
                    f"When something hurts, give it a score from 0 to 10 after the set: "
                    f"0-{s.green_max} is fine to keep going.{stiff}",
                    "watch" if stiff else "good")
    last = max(d for d, _, _ in points)
    worst, where = max((p, e) for d, p, e in points if d == last)
    when = day_name(last, report.today)
    on = f"{worst}/10 on {where}, {when}"
    if worst > s.amber_max:
        return Line("pain", "Pain", f"Red: {on}",
                    f"{s.amber_max + 1} or more is red: that exercise steps back one step "
                    f"next time.{_morning(report, last)}{stiff}", "stop")
    if worst > s.green_max:
        return Line("pain", "Pain", f"Amber: {on}",
                    f"{s.green_max + 1}-{s.amber_max} is amber: repeat the same next time; it "
                    f"should settle by the next morning.{_morning(report, last)}{stiff}",
                    "watch")
    return Line("pain", "Pain", "Green last time",
                f"Your highest pain score {'today' if last == report.today else 'on ' + when} "
                f"was {worst}/10; 0-{s.green_max} is green: fine to keep moving on.{stiff}",
                "watch" if stiff else "good")


def _morning(report: Report, day: date) -> str:
    found = next((m for m in report.pain.mornings if m.session_date == day), None)
    if found is None or found.status == "no check-in":
        if day >= report.today:
            return " Check in tomorrow morning to say whether it settled."
        return " There was no check-in the next morning to say whether it settled."
    if found.status == "settled":
        return f" It had settled the next morning ({found.morning_pain}/10)."
    return (f" It had not settled the next morning ({found.morning_pain}/10): the exercise "
            f"steps back next time.")
