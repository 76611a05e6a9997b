"""Records in words, as the command line and the pages show them."""

from __future__ import annotations

from typing import Any

from strongstride.records import CheckIn, SessionInfo, SetLog


def checkin_line(checkin: CheckIn) -> str:
    """One line: "2026-04-08 overall: pain 2/10, stiffness 3/10 (stiff calves)"."""
    where = "overall" if checkin.exercise is None else (
        checkin.exercise + ("" if checkin.side == "both" else f", {checkin.side} side"))
    stiff = "" if checkin.stiffness is None else f", stiffness {checkin.stiffness}/10"
    note = f" ({checkin.note})" if checkin.note else ""
    return f"{checkin.day.isoformat()} {where}: pain {checkin.pain}/10{stiff}{note}"


def checkin_dict(checkin: CheckIn) -> dict[str, object]:
    return {"day": checkin.day.isoformat(), "exercise": checkin.exercise,
            "side": checkin.side, "pain": checkin.pain, "stiffness": checkin.stiffness,
            "note": checkin.note}


def session_dict(info: SessionInfo) -> dict[str, Any]:
    ended = info.ended_at
    return {
        "id": info.id,
        "routine": info.routine_slug,
        "title": info.routine_title,
        "status": info.status,
        "started_at": info.started_at.isoformat(),
        "ended_at": ended.isoformat() if ended else None,
        "duration_seconds": round((ended - info.started_at).total_seconds()) if ended else None,
        "sets_done": info.sets_done,
        "planned_sets": info.planned_sets,
        "without": list(info.equipment),
    }


def set_dict(log: SetLog) -> dict[str, Any]:
    return {
        "key": log.key, "step": log.step_key, "exercise": log.exercise,
        "set_number": log.set_number, "round": log.round, "side": log.side,
        "target_reps": list(log.target_reps) if log.target_reps else None,
        "target_seconds": list(log.target_seconds) if log.target_seconds else None,
        "reps": log.reps, "seconds": log.seconds, "load": log.load, "unit": log.unit,
        "band": log.band, "rpe": log.rpe, "pain": log.pain, "note": log.note,
        "skipped": log.skipped, "logged_at": log.logged_at.isoformat(),
        "variation": log.variation,
    }
