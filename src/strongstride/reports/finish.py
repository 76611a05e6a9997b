"""The finish summary as the faces show it: JSON for the API (and the web finish screen) and
sections of plain lines for the terminal and the session page. The words are made once, here
and in `analysis.summary`, so every face says the same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strongstride.analysis.summary import FinishSummary, SideToday
from strongstride.reports.view import target_text

CHECKIN_URL = "/checkin"
AT_TARGET = ("Where both sides reached the target on every set, the sets cannot show a gap: "
             "one set to failure on each leg would measure it.")


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the summary: a heading and its lines."""

    title: str
    lines: tuple[str, ...]


def took_text(seconds: int | None) -> str:
    """'41 min', '1 h 05 min', 'under a minute'; '' when unknown."""
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def sets_text(summary: FinishSummary) -> str:
    """'38 of 40 sets done, 2 skipped'."""
    text = f"{summary.done} of {summary.planned} sets done"
    return text + (f", {summary.skipped} skipped" if summary.skipped else "")


def change_text(exercise: str, action: str, amount: str, reason: str) -> str:
    return f"{exercise}: {action}{f' ({amount})' if amount else ''}. {reason}"


def checkin_text(summary: FinishSummary) -> str:
    c = summary.checkin
    when = c.day.strftime("%A %d %B").replace(" 0", " ")
    if not c.due:
        return f"Morning check-in ({when}): done, thank you."
    return f"Check in tomorrow morning ({when}): pain and stiffness, 0-10. {c.why}"


def _side(part: SideToday) -> dict[str, Any]:
    return {"text": part.text, "reps": list(part.reps), "seconds": list(part.seconds),
            "loads": list(part.loads), "unit": part.unit, "band": part.band,
            "skipped": part.skipped}


def finish_dict(summary: FinishSummary) -> dict[str, Any]:
    """The summary as JSON-ready values (`web.schemas.FinishSummaryOut` is its shape)."""
    pain = summary.pain
    return {
        "session_id": summary.session_id,
        "routine": summary.routine,
        "status": summary.status,
        "started_at": summary.started_at.isoformat(),
        "ended_at": summary.ended_at.isoformat() if summary.ended_at else None,
        "seconds": summary.seconds,
        "took": took_text(summary.seconds),
        "planned": summary.planned, "done": summary.done, "skipped": summary.skipped,
        "sets_text": sets_text(summary),
        "sides": [{"exercise": s.exercise, "left": _side(s.left), "right": _side(s.right),
                   "gap": s.gap, "why_no_gap": s.why_no_gap, "weaker": s.weaker,
                   "at_target": s.at_target}
                  for s in summary.sides],
        "pain": None if pain is None else {
            "highest": pain.highest, "light": pain.light, "exercise": pain.exercise,
            "side": pain.side, "set_number": pain.set_number, "sets": pain.sets,
            "text": pain.text},
        "bests": [{"exercise": b.exercise, "side": b.side, "kind": b.kind, "value": b.value,
                   "before": b.before, "load": b.load, "unit": b.unit, "band": b.band,
                   "text": b.text} for b in summary.bests],
        "next_time": [{"exercise": s.exercise, "action": s.action,
                       "target": target_text(s.target), "reason": s.reason}
                      for s in summary.next_time],
        "unchanged": summary.unchanged,
        "checkin": {"day": summary.checkin.day.isoformat(), "due": summary.checkin.due,
                    "why": summary.checkin.why, "url": CHECKIN_URL,
                    "text": checkin_text(summary)},
    }


def finish_parts(summary: FinishSummary) -> tuple[Part, ...]:
    """The summary in plain lines, part by part; parts with nothing to say are left out."""
    took = took_text(summary.seconds)
    parts = [Part("Done", tuple(x for x in (sets_text(summary),
                                              f"Time taken: {took}" if took else "") if x))]
    if summary.sides:
        lines: list[str] = []
        for s in summary.sides:
            lines.append(f"{s.exercise}: left {s.left.text}; right {s.right.text}")
            if s.gap:
                lines.append(f"  {s.gap}")
            elif s.why_no_gap and not s.at_target:
                lines.append(f"  No gap to tell: {s.why_no_gap}.")
        if any(s.at_target for s in summary.sides):
            lines.append(AT_TARGET)
        parts.append(Part("Left and right", tuple(lines)))
    parts.append(Part("Pain", (summary.pain.text if summary.pain else "No pain noted.",)))
    if summary.bests:
        parts.append(Part("Personal bests", tuple(f"{b.exercise}: {b.text}"
                                                  for b in summary.bests)))
    same = ("" if not summary.unchanged else "The other exercise stays as it is."
            if summary.unchanged == 1 else f"The other {summary.unchanged} exercises stay as "
            "they are.")
    changes = [change_text(s.exercise, s.action, target_text(s.target), s.reason)
               for s in summary.next_time]
    parts.append(Part("Next time", (*changes, same) if changes and same else tuple(changes)
                      or ("Nothing changes: the same again next time.",)))
    parts.append(Part("Tomorrow morning", (checkin_text(summary),)))
    return tuple(parts)
