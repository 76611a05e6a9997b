"""What the terminal player shows, as plain strings (kept apart so it is easy to test)."""

from __future__ import annotations

from strongstride.plan.session import Step
from strongstride.player.machine import PlayerState, Status, block_left


def step_heading(step: Step | None, status: Status) -> tuple[str, str]:
    """(big line, the line under it): the exercise, then set and side."""
    if status == "finished" or step is None:
        return "SESSION COMPLETE", ""
    if status == "abandoned":
        return "SESSION ABANDONED", ""
    if step.kind == "setup":
        if step.variation:  # the setup needs equipment she lacks
            return "GET SET UP", f"Substituted: {step.variation}"
        return "GET SET UP", step.text or ""
    if step.kind == "rest":
        return "REST", ""
    shown = step.variation or step.name or ""
    side = f"  ·  {step.side.upper()} LEG" if step.side else ""
    where = f"Set {step.set_number} of {step.sets_total}{side}"
    if step.round is not None:
        where = f"Round {step.round}  ·  " + where
    if step.kind == "switch":
        return "SWITCH SIDES", f"{shown}: {where}"
    if step.variation:
        where += f"  ·  in place of {step.name}"
    return shown.upper(), where


def _minutes(seconds: float) -> str:
    whole = int(seconds) + (1 if seconds % 1 else 0)  # 29.2 s left shows 0:30
    return f"{whole // 60}:{whole % 60:02d}"


def block_text(state: PlayerState, now: float) -> str:
    """The time left in a block done for a time (AMRAP), and how to end it; '' outside one."""
    left = block_left(state, now)
    if left is None:
        return ""
    return f"{_minutes(left)} left in the block (e: end it now)"


def clock_text(state: PlayerState, now: float) -> str:
    """mm:ss left on a timed step, or mm:ss since an untimed step began."""
    if state.status == "paused" and state.paused_left is not None:
        seconds = state.paused_left
    elif state.deadline is not None:
        seconds = max(0.0, state.deadline - now)
        seconds = float(int(seconds) + (1 if seconds % 1 else 0))  # 29.2 s left shows 0:30
    elif state.started is not None and state.status in ("running", "paused"):
        seconds = max(0.0, now - state.started)
    else:
        return ""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def target_text(state: PlayerState) -> str:
    step = state.step
    if step is None or step.kind != "work":
        return ""
    if step.hold_seconds is not None:
        return f"Hold {step.hold_seconds} seconds"
    if step.max_reps:
        return "As many reps as you can"
    if step.distance is not None:
        return f"{step.distance}   ·   space: done"
    if step.reps is None:  # no counts: a stretch or a mobility item
        return "As long as you like   ·   space: done"
    fill = state.prefill_for(step)
    reps = f"{fill.reps} reps" if fill.reps is not None else f"{step.reps} reps"
    load = f" x {fill.load:g} {fill.unit}" if fill.load else ""
    target = f"  (target {step.reps})" if step.reps and fill.reps not in (None, step.reps.hi) \
        else ""
    # Reps each held for a time ('10 reps, hold 5 s each').
    hold = "" if step.rep_hold_seconds is None else f" · hold {step.rep_hold_seconds} s each"
    return f"{reps}{load}{target}{hold}   ·   space: done   enter: log reps, load, pain"


def up_next(state: PlayerState) -> str:
    steps = state.plan.steps
    current = state.step
    for later in steps[state.index + 1:]:
        if later.kind != "work":
            continue
        if current is not None and current.kind == "work" and later.name == current.name \
                and later.set_number == current.set_number:
            side = f" ({later.side} leg)" if later.side else ""
            return f"Up next: the other side{side}"
        side = f", {later.side} leg" if later.side else ""
        return f"Up next: {later.variation or later.name}, set {later.set_number}{side}"
    return "Up next: done"
