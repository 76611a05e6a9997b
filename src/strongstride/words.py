"""Records in words, as the command line and the pages show them, and as JSON in the shapes
the API and the backup share (`strongstride.shapes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strongstride.records import CheckIn, SessionInfo, SetLog


def checkin_line(checkin: CheckIn) -> str:
    """One line: "2026-04-08 overall: pain 2/10, stiffness 3/10 (stiff calves)"."""
    where = "overall" if checkin.exercise is None else (
        checkin.exercise + ("" if checkin.side == "both" else f", {checkin.side} side"))
    stiff = "" if checkin.stiffness is None else f", stiffness {checkin.stiffness}/10"
    note = f" ({checkin.note})" if checkin.note else ""
    return f"{checkin.day.isoformat()} {where}: pain {checkin.pain}/10{stiff}{note}"


def checkin_dict(checkin: CheckIn) -> dict[str, Any]:
    from strongstride.shapes import CheckInShape

    return CheckInShape.of(checkin).model_dump(mode="json")


def session_dict(info: SessionInfo) -> dict[str, Any]:
    from strongstride.shapes import SessionSummary

    return SessionSummary.of(info).model_dump(mode="json")


def set_dict(log: SetLog) -> dict[str, Any]:
    from strongstride.shapes import SetShape

    return SetShape.of(log).model_dump(mode="json")


def duration_text(seconds: tuple[int, int] | list[int]) -> str:
    """'about 12 min' or '38-41 min', rounded to whole minutes."""
    lo, hi = round(seconds[0] / 60), round(seconds[1] / 60)
    if lo == hi:
        return f"about {lo} min" if lo else f"about {seconds[0]} s"
    return f"{lo}-{hi} min"
