"""The player as a pure function: step(state, event, now) -> (state, effects).

Timers are deadlines on a monotonic clock: a 30 s hold that starts at t ends at t + 30
however often the screen asks. The interface calls `step` with `Tick()` whenever it likes
(`next_due` says when the next thing happens) and acts on the effects: it plays cues, and
it writes a set to the store on `Save`, then answers `Saved` (or `SaveFailed`). The player
does not move past a set until the store has said it is written.

The web page runs the same rules in JavaScript (web/static/machine.js); both replay the test
vectors in tests/player/vectors.json, which tests/player/make_vectors.py writes from this module.

A block done for a time (AMRAP: steps with `time_cap_seconds`) has a deadline of its own,
set when its first step begins: when it passes, the set under way is dropped (not logged),
a "time" cue sounds and the player goes on with the first step after the block. She may end
the block sooner (`EndBlock`). A pause stops the block's clock too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Literal

from strongstride.plan.session import SessionPlan, Step

Status = Literal["ready", "running", "paused", "saving", "finished", "abandoned"]
CueKind = Literal["countdown", "halfway", "switch", "next", "go", "done", "time"]


@dataclass(frozen=True, slots=True)
class Actuals:
    """What was done in a set; None means 'as prescribed' or 'not recorded'."""

    reps: int | None = None
    seconds: float | None = None
    load: float | None = None
    unit: Literal["kg", "lb"] | None = None
    band: str | None = None
    rpe: float | None = None
    pain: int | None = None
    note: str = ""


# Events --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Start:
    pass


@dataclass(frozen=True, slots=True)
class Tick:
    pass


@dataclass(frozen=True, slots=True)
class Complete:
    actuals: Actuals = Actuals()


@dataclass(frozen=True, slots=True)
class Saved:
    step_key: str


@dataclass(frozen=True, slots=True)
class SaveFailed:
    message: str


@dataclass(frozen=True, slots=True)
class Adjust:
    """Change the pre-filled reps or load for the rest of this exercise.

    None leaves a value as it was; `clear_load` empties the load (she cleared the field: the
    move is done without weight from now on).
    """

    reps: int | None = None
    load: float | None = None
    unit: Literal["kg", "lb"] | None = None
    clear_load: bool = False


@dataclass(frozen=True, slots=True)
class Skip:
    pass


@dataclass(frozen=True, slots=True)
class Back:
    pass


@dataclass(frozen=True, slots=True)
class Pause:
    pass


@dataclass(frozen=True, slots=True)
class Resume:
    pass


@dataclass(frozen=True, slots=True)
class AddRest:
    seconds: float = 15.0


@dataclass(frozen=True, slots=True)
class EndBlock:
    """She ends the block done for a time before its time is up."""


@dataclass(frozen=True, slots=True)
class Finish:
    pass


@dataclass(frozen=True, slots=True)
class Abandon:
    pass


Event = (Start | Tick | Complete | Saved | SaveFailed | Adjust | Skip | Back | Pause | Resume
         | AddRest | EndBlock | Finish | Abandon)


# Effects -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    text: str
    due: float  # when it should have sounded, on the monotonic clock


@dataclass(frozen=True, slots=True)
class Save:
    step: Step
    actuals: Actuals
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class Ended:
    status: Literal["finished", "abandoned"]


@dataclass(frozen=True, slots=True)
class Problem:
    message: str


Effect = Cue | Save | Ended | Problem


# (section, exercise, side or "") of a work step: see `prefill_key`.
PrefillKey = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Prefill:
    reps: int | None = None
    load: float | None = None
    unit: Literal["kg", "lb"] | None = None


@dataclass(frozen=True, slots=True)
class PlayerState:
    plan: SessionPlan
    index: int = 0
    status: Status = "ready"
    started: float | None = None  # when the current step began
    deadline: float | None = None  # when the current timed step ends
    paused_left: float | None = None
    fired: frozenset[str] = frozenset()  # cues already given for the current step
    done: frozenset[str] = frozenset()  # step keys the store holds
    pending: Save | None = None
    pending_since: float | None = None  # when the pending set ended: the next step starts then
    prefill: tuple[tuple[PrefillKey, Prefill], ...] = field(default=())
    block_section: int | None = None  # the block done for a time under way (its section)
    block_deadline: float | None = None  # when its time is up
    block_left: float | None = None  # its time left, while paused

    @property
    def step(self) -> Step | None:
        steps = self.plan.steps
        return steps[self.index] if 0 <= self.index < len(steps) else None

    def prefill_for(self, step: Step) -> Prefill:
        """What the set form starts from: this side's last set today, else what the player
        was started with for this side (today's target or last session), else the bottom of
        the prescription (where the next-session rules start her)."""
        wanted = prefill_key(step)
        for key, value in self.prefill:
            if key == wanted:
                return value
        return Prefill(reps=step.reps.lo if step.reps else None)

    def with_prefill(self, step: Step, fill: Prefill) -> PlayerState:
        key = prefill_key(step)
        rest = tuple((k, v) for k, v in self.prefill if k != key)
        return replace(self, prefill=(*rest, (key, fill)))


def prefill_key(step: Step) -> PrefillKey:
    """Pre-filled amounts are kept per exercise of the routine and per side: her left and
    right legs do not share numbers."""
    return (step.section, step.exercise or 0, step.side or "")


def duration(step: Step) -> float | None:
    """How long a timed step lasts; None for a step that waits for the user."""
    if step.kind in ("rest", "switch"):
        return float(step.seconds[0])
    if step.kind == "work" and step.hold_seconds is not None:
        return float(step.hold_seconds.lo)
    return None


def resume_index(plan: SessionPlan, done: frozenset[str]) -> int:
    """The first work step the store has no log for (at its section's setup, if untouched)."""
    for i, step in enumerate(plan.steps):
        if step.kind == "work" and step.key not in done:
            j = i
            while j > 0 and plan.steps[j - 1].kind in ("switch", "setup"):
                j -= 1
            section_started = any(s.key in done for s in plan.steps[:i]
                                  if s.section == step.section and s.kind == "work")
            if plan.steps[j].kind == "setup" and section_started:
                return i
            return j
    return len(plan.steps)


def in_block(state: PlayerState) -> bool:
    """The current step is in the block done for a time that is under way."""
    step = state.step
    return (step is not None and state.block_section == step.section
            and step.time_cap_seconds is not None and step.kind != "setup")


def block_left(state: PlayerState, now: float) -> float | None:
    """Seconds left in the block done for a time under way; None outside one."""
    if not in_block(state):
        return None
    if state.block_left is not None:
        return state.block_left
    assert state.block_deadline is not None
    return max(0.0, state.block_deadline - now)


def after_block(plan: SessionPlan, index: int) -> int:
    """The first step after the block that step `index` is in."""
    section = plan.steps[index].section
    steps = plan.steps
    end = index
    while end < len(steps) and steps[end].section == section:
        end += 1
    return end


def new_player(plan: SessionPlan, done: frozenset[str] = frozenset(),
               prefill: dict[PrefillKey, Prefill] | None = None) -> PlayerState:
    """A player at the first step with no log; `prefill` is (section, exercise, side) -> the
    amounts her set forms start from (see `player.sets.starting_amounts`)."""
    return PlayerState(plan=plan, index=resume_index(plan, done), done=done,
                       prefill=tuple((prefill or {}).items()))


def shown(step: Step) -> str:
    """What she does: the variation when equipment is missing, else the exercise as written."""
    return step.variation or step.name or ""


def label(step: Step) -> str:
    """The step as a cue names it: what she does, and the leg."""
    side = f", {step.side} leg" if step.side else ""
    return f"{shown(step)}{side}"


def tenths(seconds: float) -> float:
    """Seconds to the nearest tenth, a half rounding up (27.25 -> 27.3), as the page's
    Math.round does; Python's round() would give 27.2, and the two players would log
    different times for the same hold."""
    scaled = seconds * 10
    whole = math.floor(scaled)
    return (whole + 1 if scaled - whole >= 0.5 else whole) / 10


def _next_work(state: PlayerState, after: int) -> Step | None:
    return next((s for s in state.plan.steps[after + 1:] if s.kind == "work"), None)


def _end_block(state: PlayerState, now: float, due: float | None
               ) -> tuple[PlayerState, list[Effect]]:
    """Leave the block under way for the step after it; `due`: its time ran out then."""
    after = after_block(state.plan, state.index)
    state = replace(state, block_section=None, block_deadline=None, block_left=None)
    new, effects = _enter(state, after, now)
    if due is None:
        return new, effects
    return new, [Cue("time", "Time is up", due), *effects]


def _enter(state: PlayerState, index: int, now: float) -> tuple[PlayerState, list[Effect]]:
    """Begin step `index`; past the end, the session is finished."""
    if state.block_left is not None:  # a step begun while paused: the block's clock runs again
        state = replace(state, block_deadline=now + state.block_left, block_left=None)
    if index >= len(state.plan.steps):
        done = replace(state, index=index, status="finished", started=None, deadline=None,
                       fired=frozenset(), pending=None, block_section=None, block_deadline=None)
        return done, [Cue("done", "Session complete. Well done!", now), Ended("finished")]
    step = state.plan.steps[index]
    if step.time_cap_seconds is None or step.kind == "setup":
        state = replace(state, block_section=None, block_deadline=None)
    elif state.block_section != step.section or state.block_deadline is None:
        state = replace(state, block_section=step.section,
                        block_deadline=now + step.time_cap_seconds)
    elif now >= state.block_deadline:  # the set that ended was the block's last
        return _end_block(replace(state, index=index), now, state.block_deadline)
    length = duration(step)
    new = replace(state, index=index, status="running", started=now, pending=None,
                  deadline=None if length is None else now + length, fired=frozenset(),
                  paused_left=None)
    effects: list[Effect] = []
    if step.kind == "switch":
        effects.append(Cue("switch", f"Switch sides: {step.side} leg", now))
    elif step.kind == "rest":
        following = _next_work(state, index)
        if following is not None:
            effects.append(Cue("next", f"Next: {label(following)}", now))
    elif step.kind == "work" and length is not None:
        effects.append(Cue("go", f"Hold: {label(step)}", now))
    return new, effects


def _due_cues(state: PlayerState) -> list[tuple[str, Cue]]:
    """Every cue of the current timed step with its id and due time, in order."""
    step = state.step
    if step is None or state.deadline is None or state.started is None:
        return []
    cues: list[tuple[str, Cue]] = []
    end = state.deadline
    if step.kind == "work" and step.hold_seconds is not None:
        half = state.started + (end - state.started) / 2
        cues.append(("halfway", Cue("halfway", "Halfway", half)))
    counts = step.kind == "rest" or (step.kind == "work" and step.hold_seconds is not None)
    for n in (3, 2, 1) if counts else ():
        if end - n > state.started:
            cues.append((f"count{n}", Cue("countdown", str(n), end - n)))
    return sorted(cues, key=lambda c: c[1].due)


def next_due(state: PlayerState) -> float | None:
    """When the interface should next send Tick: the next cue, the deadline or the end of
    the block done for a time."""
    if state.status != "running":
        return None
    times = [c.due for cid, c in _due_cues(state) if cid not in state.fired]
    if state.deadline is not None:
        times.append(state.deadline)
    if in_block(state) and state.block_deadline is not None:
        times.append(state.block_deadline)
    return min(times) if times else None


def remaining(state: PlayerState, now: float) -> float:
    """Seconds left in the session: this step's time left plus the estimates of the rest."""
    step = state.step
    if step is None:
        return 0.0
    left = block_left(state, now)
    if left is not None:  # the block's time, then the steps after it
        return left + sum(s.seconds[0] for s in state.plan.steps[state.index + 1:]
                          if not s.optional and s.section != step.section)
    if state.status == "paused" and state.paused_left is not None:
        current = state.paused_left
    elif state.deadline is not None:
        current = max(0.0, state.deadline - now)
    else:
        current = float(step.seconds[0])
    later = sum(s.seconds[0] for s in state.plan.steps[state.index + 1:] if not s.optional)
    return current + later


def progress(state: PlayerState, now: float) -> float:
    """Fraction of the session's estimated time behind us, 0..1."""
    total = float(state.plan.total_seconds()[0]) or 1.0
    return min(1.0, max(0.0, 1.0 - remaining(state, now) / total))


def _tick(state: PlayerState, now: float) -> tuple[PlayerState, list[Effect]]:
    block = state.block_deadline if in_block(state) else None
    if state.status != "running" or (state.deadline is None and block is None):
        return state, []
    effects: list[Effect] = []
    fired = set(state.fired)
    for cid, cue in _due_cues(state):
        if cid not in fired and cue.due <= now:
            fired.add(cid)
            effects.append(cue)
    deadline = state.deadline
    state = replace(state, fired=frozenset(fired))
    if block is not None and now >= block and (deadline is None or block < deadline):
        # The block's time is up before this step's: the set under way is not logged.
        new, more = _end_block(state, block, block)
        return new, [*effects, *more]
    if deadline is None or now < deadline:
        return state, effects
    step = state.step
    assert step is not None
    if step.kind == "work":  # a hold ran to its end: log it as held for its full time
        length = duration(step) or 0.0
        save = Save(step, Actuals(seconds=length))
        return (replace(state, status="saving", pending=save, pending_since=deadline),
                [*effects, save])
    new, more = _enter(state, state.index + 1, deadline)
    return new, [*effects, *more]


def _complete(state: PlayerState, actuals: Actuals, now: float,
              skipped: bool = False) -> tuple[PlayerState, list[Effect]]:
    step = state.step
    assert step is not None
    if step.kind != "work":
        return _enter(state, state.index + 1, now)
    if not skipped and actuals.reps is None and step.reps is not None:
        fill = state.prefill_for(step)
        actuals = replace(actuals, reps=fill.reps, load=actuals.load or fill.load,
                          unit=actuals.unit or fill.unit)
    if not skipped and actuals.reps is not None and step.reps is not None:
        # The next set on this side starts from what this one was.
        state = state.with_prefill(step, Prefill(actuals.reps, actuals.load, actuals.unit))
    if not skipped and actuals.seconds is None and step.hold_seconds is not None:
        held = None if state.started is None else tenths(now - state.started)
        actuals = replace(actuals, seconds=held)
    save = Save(step, actuals, skipped)
    return replace(state, status="saving", pending=save, pending_since=now), [save]


def step(state: PlayerState, event: Event, now: float) -> tuple[PlayerState, list[Effect]]:
    """Apply one event at time `now`. Never raises for an event that does not apply."""
    if state.status in ("finished", "abandoned"):
        return state, []
    match event:
        case Start() if state.status == "ready":
            return _enter(state, state.index, now)
        case Tick():
            return _tick(state, now)
        case Saved(step_key) if state.pending is not None and state.pending.step.key == step_key:
            # The next step starts when the set ended, not when the write finished: a hold's
            # end is its deadline, so slow storage never pushes the session's timeline back.
            began = state.pending_since if state.pending_since is not None else now
            state = replace(state, done=state.done | {step_key}, pending_since=None)
            return _enter(state, state.index + 1, began)
        case SaveFailed(message) if state.status == "saving":
            return (replace(state, status="running", pending=None),
                    [Problem(f"The set was not saved: {message}. Try again.")])
        case Abandon():
            return replace(state, status="abandoned", pending=None), [Ended("abandoned")]
        case Finish() if state.status != "saving":
            return replace(state, status="finished", pending=None), [Ended("finished")]
    if state.status == "saving":
        return state, []  # nothing else moves until the store answers
    current = state.step
    if current is None:
        return state, []
    match event:
        case Complete(actuals) if state.status in ("running", "paused"):
            return _complete(state, actuals, now)
        case Skip() if state.status in ("running", "paused"):
            return _complete(state, Actuals(), now, skipped=True)
        case Back() if state.status in ("running", "paused"):
            earlier = [i for i, s in enumerate(state.plan.steps[:state.index]) if s.kind == "work"]
            return _enter(state, earlier[-1], now) if earlier else (state, [])
        case EndBlock() if state.status in ("running", "paused") and in_block(state):
            return _end_block(state, now, None)
        case Pause() if state.status == "running":
            left = None if state.deadline is None else max(0.0, state.deadline - now)
            return replace(state, status="paused", paused_left=left,
                           block_left=block_left(state, now)), []
        case Resume() if state.status == "paused":
            if state.block_left is not None:
                state = replace(state, block_deadline=now + state.block_left, block_left=None)
            if state.paused_left is None:
                return replace(state, status="running"), []
            # Shift the step's start with its deadline, so elapsed time excludes the pause.
            # (A step that began at 0.0 on the clock is still a step that began.)
            deadline = now if state.deadline is None else state.deadline
            started = now if state.started is None else state.started
            shift = now + state.paused_left - deadline
            return replace(state, status="running", deadline=now + state.paused_left,
                           started=started + shift, paused_left=None), []
        case AddRest(seconds) if current.kind == "rest" and state.deadline is not None:
            countdown = frozenset(c for c in state.fired if not c.startswith("count"))
            left = None if state.paused_left is None else state.paused_left + seconds
            return replace(state, deadline=state.deadline + seconds, paused_left=left,
                           fired=countdown), []
        case Adjust(reps, load, unit, clear_load) if current.kind == "work":
            old = state.prefill_for(current)
            new = Prefill(reps if reps is not None else old.reps,
                          None if clear_load else load if load is not None else old.load,
                          unit if unit is not None else old.unit)
            return state.with_prefill(current, new), []
    return state, []
