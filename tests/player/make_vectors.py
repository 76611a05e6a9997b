"""The player's rules as test vectors: tests/player/vectors.json.

The player exists twice, in Python (player/machine.py, the terminal) and in the page's
JavaScript (web/static/machine.js). This script plays event sequences through the Python
machine over plans made by the production serializer (`routines.plan_dict`, the plan the
page receives) and writes down, after every event, the effects and the state it gave.
tests/player/test_vectors.py replays the file against the Python machine, and
tests/js/machine.test.mjs (`node --test tests/js`) against machine.js, so a rule changed in
one language and not the other fails a test, with or without a browser.

    python tests/player/make_vectors.py           # says whether the file is up to date
    python tests/player/make_vectors.py --write   # writes it again, after a change of rules

Events are written as the page sends them to machine.js ({"type": "adjust", "clearLoad":
true, ...}); `to_event` turns them into the Python machine's events.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, get_args

from strongstride.plan.session import SessionPlan
from strongstride.player.machine import (
    Abandon,
    Actuals,
    AddRest,
    Adjust,
    Back,
    Complete,
    Cue,
    Effect,
    EndBlock,
    Ended,
    Event,
    Finish,
    Pause,
    PlayerState,
    Prefill,
    Problem,
    Resume,
    Save,
    Saved,
    SaveFailed,
    Skip,
    Start,
    Tick,
    new_player,
    next_due,
    progress,
    remaining,
    resume_index,
    step,
)
from strongstride.routines import builtin_routine, plan, plan_dict, plan_of_text

VECTORS = Path(__file__).with_name("vectors.json")
REGENERATE = "python tests/player/make_vectors.py --write"

Json = dict[str, Any]

# A routine with what the shipped one lacks: max reps, a hold given as a range, a load in the
# prescription, a rest as short as its countdown, a circuit walked in rounds, and reps each
# held for a time (counted in reps, not timed: Done ends the set).
SMALL = """\
# Small circuit
## activation: Bands
setup: A loop band round the ankles.
Clamshell: 2 sets of 10 reps
## main
Squat: 2-3 sets of 12-15 reps, rest 3 s, 20 kg
Heel raise: 1 set of max reps on each leg
## main, 2 rounds: Circuit
Bridge: 10 reps, hold 2 s each
Plank: 20-30 seconds
"""

# What the importer reads (issue 13): a stretch with no counts, distances, a work/rest interval
# and a block done for a time, between sections of sets.
TIMED = """\
# Short block
## warm-up
Leg swings: 10 reps on each leg
## main, AMRAP 2 min: Burner
Run: 200 m
Squat: 10 reps
Plank: 20 seconds on, 10 seconds off
## main, for 90 seconds: Second
Skater: 10 reps
## cool-down
Child's pose
Walk: 400 m
"""

NO_KIT = ("exercise-ball", "weights", "sliders", "step", "small-ball")


@dataclass(frozen=True)
class Source:
    """Where a plan comes from: a shipped routine by slug, or a routine's text."""

    name: str
    routine: str | None = None
    text: str | None = None
    without: tuple[str, ...] = ()

    def plan(self) -> SessionPlan:
        missing = frozenset(self.without)
        if self.routine is not None:
            return plan(builtin_routine(self.routine).routine, missing)
        assert self.text is not None
        return plan_of_text(self.text, missing)

    def entry(self) -> Json:
        return {"routine": self.routine, "text": self.text, "without": list(self.without),
                "plan": plan_dict(self.plan())}


GLUTE = Source("runner-glute", routine="runner-glute")
NO_BAND = Source("runner-glute without bands", routine="runner-glute", without=("band",))
NO_KIT_GLUTE = Source("runner-glute without ball, weights, sliders, step, small ball",
                      routine="runner-glute", without=NO_KIT)
SMALL_PLAN = Source("small circuit", text=SMALL)
TIMED_PLAN = Source("a block done for a time", text=TIMED)
SOURCES = (GLUTE, NO_BAND, NO_KIT_GLUTE, SMALL_PLAN, TIMED_PLAN)


def source(vectors: Json, name: str) -> Source:
    entry = vectors["plans"][name]
    return Source(name, entry["routine"], entry["text"], tuple(entry["without"]))


# The page's events and effects, and the Python machine's --------------------------------------
def event_name(kind: type) -> str:
    """The page's name of an event class: AddRest -> addRest."""
    return kind.__name__[0].lower() + kind.__name__[1:]


EVENT_TYPES = tuple(event_name(kind) for kind in get_args(Event))


def to_event(event: Json) -> Event:
    """A page's event as the Python machine's."""
    kind = event["type"]
    simple: dict[str, Event] = {"start": Start(), "tick": Tick(), "skip": Skip(), "back": Back(),
                                "pause": Pause(), "resume": Resume(), "finish": Finish(),
                                "abandon": Abandon(), "endBlock": EndBlock()}
    if kind in simple:
        return simple[kind]
    if kind == "complete":
        return Complete(Actuals(**event.get("actuals", {})))
    if kind == "adjust":
        return Adjust(event.get("reps"), event.get("load"), event.get("unit"),
                      bool(event.get("clearLoad")))
    if kind == "addRest":
        return AddRest(event["seconds"])
    if kind == "saved":
        return Saved(event["stepKey"])
    if kind == "saveFailed":
        return SaveFailed(event["message"])
    raise ValueError(f"no event of type {kind!r}")


def effect_view(effect: Effect) -> Json:
    """An effect as the page's machine gives it; a set's actuals without the empty fields."""
    if isinstance(effect, Cue):
        return {"type": "cue", "kind": effect.kind, "text": effect.text, "due": effect.due}
    if isinstance(effect, Save):
        actuals = {k: v for k, v in asdict(effect.actuals).items() if v not in (None, "")}
        return {"type": "save", "step": effect.step.key, "actuals": actuals,
                "skipped": effect.skipped}
    if isinstance(effect, Ended):
        return {"type": "ended", "status": effect.status}
    assert isinstance(effect, Problem)
    return {"type": "problem", "message": effect.message}


def prefill_view(fill: Prefill) -> Json:
    return {"reps": fill.reps, "load": fill.load, "unit": fill.unit}


def state_view(state: PlayerState, now: float, before: Iterable[str] = ()) -> Json:
    """What both machines must agree on after an event, with the page's names. Of the steps
    done, those done `before` the sequence began are counted, not listed (the file stays
    small)."""
    return {
        "index": state.index, "status": state.status, "started": state.started,
        "deadline": state.deadline, "pausedLeft": state.paused_left,
        "fired": sorted(state.fired), "doneCount": len(state.done),
        "doneNow": sorted(state.done - frozenset(before)),
        "pending": None if state.pending is None else state.pending.step.key,
        "pendingSince": state.pending_since,
        "prefill": {f"{s}:{e}:{side}": prefill_view(fill)
                    for (s, e, side), fill in sorted(state.prefill)},
        "nextDue": next_due(state), "remaining": remaining(state, now),
        "progress": progress(state, now), "blockSection": state.block_section,
        "blockDeadline": state.block_deadline, "blockLeft": state.block_left,
    }


def start_player(plan: SessionPlan, done: Iterable[str], prefill: Json) -> PlayerState:
    """A player as the page makes one: done step keys, prefill keyed "section:exercise:side"
    (the server's `start_amounts`)."""
    fills = {}
    for key, value in prefill.items():
        section, exercise, side = key.split(":")
        fills[(int(section), int(exercise), side)] = Prefill(**value)
    return new_player(plan, frozenset(done), fills)


def each_side(plan: SessionPlan, prefill: Json) -> Json:
    """A script's prefill by "section:exercise", given to every side the plan does it on."""
    out: Json = {}
    for key, value in prefill.items():
        section, exercise = (int(x) for x in key.split(":"))
        sides = sorted({st.side or "" for st in plan.steps if st.kind == "work"
                        and st.section == section and st.exercise == exercise})
        for side in sides:
            out[f"{section}:{exercise}:{side}"] = value
    return out


def replay(plan: SessionPlan, sequence: Json) -> Iterable[tuple[int, Json, Json]]:
    """Plays a sequence's events through the Python machine: (index, expected, got)."""
    state = start_player(plan, sequence["done"], sequence["prefill"])
    before = sequence["done"]
    yield -1, sequence["start"], state_view(state, sequence["at"], before)
    for i, record in enumerate(sequence["events"]):
        now = record["at"]
        state, effects = step(state, to_event(record["event"]), now)
        got = {"at": now, "event": record["event"],
               "effects": [effect_view(e) for e in effects],
               "state": state_view(state, now, before)}
        yield i, record, got


# Writing sequences ---------------------------------------------------------------------------
class Script:
    """One sequence: events sent to the Python machine at times on a made-up clock, each
    written down with what it gave. A set the machine hands out is stored a quarter second
    later unless the script says otherwise, as the page answers once IndexedDB has it."""

    def __init__(self, name: str, plan: Source, *, done: Iterable[str] = (),
                 prefill: Json | None = None, at: float = 1000.0) -> None:
        self.plan = plan.plan()
        self.now = at
        done = sorted(done)
        prefill = each_side(self.plan, prefill or {})
        self.state = start_player(self.plan, done, prefill)
        self.before = done
        self.events: list[Json] = []
        self.record: Json = {"name": name, "plan": plan.name, "at": at, "done": done,
                             "prefill": prefill, "start": state_view(self.state, at, done),
                             "events": self.events}
        self.store_sets = True

    def send(self, event: Json, *, after: float = 0.0) -> list[Effect]:
        self.now += after
        self.state, effects = step(self.state, to_event(event), self.now)
        self.events.append({"at": self.now, "event": event,
                            "effects": [effect_view(e) for e in effects],
                            "state": state_view(self.state, self.now, self.before)})
        if self.store_sets and any(isinstance(e, Save) for e in effects):
            self.store()
        return effects

    def store(self, failure: str | None = None) -> None:
        """The page's answer to the set it was handed: stored, or refused with `failure`."""
        pending = self.state.pending
        assert pending is not None, "no set to store"
        answer = ({"type": "saved", "stepKey": pending.step.key} if failure is None
                  else {"type": "saveFailed", "message": failure})
        keep, self.store_sets = self.store_sets, False
        self.send(answer, after=0.25)
        self.store_sets = keep

    def tick(self, after: float = 0.0) -> None:
        self.send({"type": "tick"}, after=after)

    def run_out(self) -> None:
        """Tick at each moment the machine names until the current timed step is over."""
        index = self.state.index
        while self.state.index == index and self.state.status == "running":
            due = next_due(self.state)
            assert due is not None, "the step is not timed"
            self.now = max(self.now, due)
            self.tick()

    def skip_to(self, key: str) -> None:
        """Skip steps until the one with this key."""
        while (current := self.state.step) is not None and current.key != key:
            self.send({"type": "skip"})
        assert self.state.step is not None, f"no step {key}"

    def wait(self, seconds: float) -> None:
        self.now += seconds


def work_keys(plan: SessionPlan, before: str | None = None, sections: int | None = None
              ) -> list[str]:
    """The work steps before the step `before`, or those of the first `sections` sections."""
    keys = []
    for s in plan.steps:
        if s.key == before or (sections is not None and s.section >= sections):
            break
        if s.kind == "work":
            keys.append(s.key)
    return keys


def complete(**actuals: Any) -> Json:
    return {"type": "complete", "actuals": actuals}


def adjust(reps: int | None = None, load: float | None = None, unit: str | None = None,
           clear_load: bool = False) -> Json:
    """An adjust as the page's set form sends it: every field, empty ones as null."""
    return {"type": "adjust", "reps": reps, "load": load, "unit": unit, "clearLoad": clear_load}


def warm_up() -> Json:
    """All equipment: every event on the warm-up, a failed save, a paused rest, back."""
    s = Script("all equipment: warm-up, a failed save, pause and extra rest, skip, back, finish",
               GLUTE)
    s.tick()
    s.send({"type": "pause"})
    s.send(complete())  # not started: nothing to complete
    s.send(adjust(reps=9))  # the form can be changed before the start
    s.send({"type": "start"})
    s.send({"type": "start"}, after=0.5)
    s.send({"type": "addRest", "seconds": 15})  # only a rest can be made longer
    s.send({"type": "resume"})
    s.store_sets = False
    s.send(complete(), after=28.5)  # the nine reps she was shown
    s.send({"type": "finish"})  # nothing moves while the set is being written
    s.send({"type": "skip"})
    s.send({"type": "saved", "stepKey": "s1.e2.set1.work"})  # an answer for another set
    s.store_sets = True
    s.store()  # the rest began when the set ended, not when the write finished
    s.run_out()
    s.store_sets = False
    s.send(complete(reps=10, load=5, unit="kg", pain=1, note="tight left hip"), after=31.75)
    s.store("the phone's storage is full")
    s.send({"type": "saveFailed", "message": "again"})  # nothing is being written
    s.store_sets = True
    s.send(complete(reps=10, load=5, unit="kg"), after=3)
    s.send({"type": "pause"}, after=4)
    s.tick(after=60)
    s.send({"type": "addRest", "seconds": 15})
    s.send({"type": "pause"})
    s.send({"type": "resume"}, after=2)
    s.now = next_due(s.state) or s.now
    s.tick()  # the first count of the countdown
    s.send({"type": "addRest", "seconds": 15})  # the countdown is given again
    s.run_out()
    s.send({"type": "skip"}, after=5)  # the third warm-up move
    s.send({"type": "skip"}, after=1)  # its rest
    s.send(adjust(reps=5), after=2)  # the setup has no reps
    s.send({"type": "back"}, after=1)
    s.send(complete(reps=10), after=20)  # logged again: done already holds it
    s.send(complete(), after=3)  # "done" on a rest ends it
    s.send(complete(), after=40)  # set up
    s.send({"type": "back"}, after=5)
    s.send({"type": "pause"})
    s.send({"type": "back"}, after=1)
    s.send({"type": "finish"}, after=10)
    s.tick(after=5)
    s.send(complete())
    s.send({"type": "abandon"})
    return s.record


def without_bands() -> Json:
    """The cue names the variation; a cleared load field; abandoned in a rest."""
    s = Script("without bands: the variation in the cues, a cleared load, abandon", NO_BAND,
               done=work_keys(NO_BAND.plan(), sections=1),
               prefill={"1:1": {"reps": 9, "load": None, "unit": None}}, at=500.0)
    s.send({"type": "start"})
    s.send(complete(), after=45)  # the bands are not there to put on
    s.send(adjust(reps=12, load=5, unit="kg"), after=2)
    s.send(adjust(reps=11, clear_load=True), after=2)
    s.send(complete(), after=40)
    s.run_out()
    s.send(complete(reps=12), after=38)
    s.run_out()
    s.send(complete(), after=20)  # nine reps, as last time
    s.tick(after=10)
    s.send({"type": "abandon"}, after=2)
    s.tick(after=30)
    s.send({"type": "resume"})
    return s.record


def without_kit() -> Json:
    """Variations of the main section: legs one at a time, switches, loads in pounds."""
    plan = NO_KIT_GLUTE.plan()
    s = Script("without ball, weights, sliders, step: sides, switches, last time in lb",
               NO_KIT_GLUTE, done=work_keys(plan, sections=2),
               prefill={"2:0": {"reps": 7, "load": None, "unit": None},
                        "2:3": {"reps": 8, "load": 20, "unit": "lb"}})
    s.send({"type": "start"})
    s.send(complete(), after=30)  # seven, as last time
    s.send({"type": "pause"}, after=1)  # in the switch
    s.send({"type": "resume"}, after=3)
    s.run_out()
    s.send(complete(reps=8), after=29)
    s.run_out()
    s.send(complete(), after=27)
    s.send({"type": "back"}, after=1)  # from the switch, to the leg just done
    s.send({"type": "skip"}, after=2)
    s.send({"type": "skip"}, after=1)
    s.send({"type": "skip"}, after=1)
    s.skip_to("s3.e4.set1.left.work")
    s.send(adjust(load=22.5), after=3)
    s.send(complete(), after=30)
    s.run_out()
    s.send(complete(load=0, pain=0), after=29)  # 0 kg means "as before"
    s.send(adjust(reps=3), after=1)  # a rest has no reps
    s.send({"type": "addRest", "seconds": 15}, after=1)
    s.run_out()
    s.store_sets = False
    s.send(complete(), after=25)
    s.send({"type": "abandon"}, after=0.25)  # while the set is being written
    return s.record


def sides_apart() -> Json:
    """Each leg keeps its own numbers: left 8, right 7, and the next left set starts at 8;
    a form with nothing to go on starts at the bottom of the prescription."""
    plan = GLUTE.plan()
    s = Script("each side keeps its own numbers", GLUTE, done=work_keys(plan, sections=2))
    s.send({"type": "start"})
    s.skip_to(next(st.key for st in plan.steps if st.kind == "work" and st.side == "left"
                   and st.section == 2 and st.reps is not None and st.set_number == 1))
    s.send(complete(reps=8), after=30)
    s.run_out()
    s.send(complete(reps=7), after=30)
    s.run_out()
    s.send(complete(), after=30)  # eight, as the left leg did
    s.run_out()
    s.send(complete(), after=30)  # seven, as the right leg did
    return s.record


def optional_set() -> Json:
    """A session resumed part-way through a section; the optional third set is not counted
    in the time left."""
    plan = GLUTE.plan()
    s = Script("all equipment: resumed at the goblet squat, its optional third set", GLUTE,
               done=work_keys(plan, before="s3.e7.set1.work"), at=2000.0)
    s.send({"type": "start"})
    s.send(complete(reps=15, load=16, unit="kg"), after=45)
    s.run_out()
    s.send(complete(), after=44)
    s.send({"type": "skip"}, after=10)  # the rest
    s.send({"type": "skip"}, after=3)  # the optional set
    s.run_out()
    s.send({"type": "finish"}, after=12)
    return s.record


def holds() -> Json:
    """Holds from the clock's zero: cues, a paused hold, a hold that ran out and whose set
    could not be written at first, a hold ended early, then skipped to the end."""
    plan = GLUTE.plan()
    s = Script("all equipment: the cool-down's last holds from the clock's zero, to the end",
               GLUTE, done=work_keys(plan, before="s4.e3.set1.left.work"), at=0.0)
    s.send({"type": "start"})
    s.now = 15.0
    s.tick()  # halfway
    s.send({"type": "pause"}, after=5)
    s.send({"type": "resume"}, after=5)
    s.store_sets = False
    s.run_out()  # held for its full time
    s.tick(after=0.1)  # still being written
    s.store("database is locked")
    s.tick(after=0.5)  # handed out again
    s.store_sets = True
    s.store()
    s.run_out()  # the switch
    s.send(complete(), after=27.25)  # ended early: 27.25 s is logged as 27.3
    s.send({"type": "skip"}, after=4)  # the rest
    s.send(complete(seconds=12), after=10)
    s.send({"type": "back"}, after=2)
    s.send({"type": "pause"}, after=3)
    s.send({"type": "back"}, after=6)
    s.skip_to("s4.e4.set1.left.work")
    s.run_out()
    s.run_out()  # the switch
    s.send(complete(seconds=25), after=4)  # she says how long, the clock does not decide
    while s.state.status == "running":
        s.send({"type": "skip"}, after=1)
    s.send({"type": "start"})
    s.tick(after=1)
    s.send({"type": "abandon"})
    return s.record


def small_circuit() -> Json:
    """Max reps (no reps to fill in), a hold given as a range, a 3 s rest, circuit rounds,
    and a bridge of 10 reps held 2 s each: no timer, Done logs its reps."""
    s = Script("small circuit: max reps, a hold of 20-30 seconds, rounds", SMALL_PLAN, at=100.0)
    s.send({"type": "start"})
    s.skip_to("s2.e1.set1.work")
    s.send(complete(), after=40)  # the routine's 20 kg is not a prefill: reps only
    s.run_out()  # 3 s of rest: no "3" at its very start, then 2 and 1
    s.skip_to("s2.e2.set1.left.work")
    s.send(adjust(reps=20), after=1)
    s.send(complete(), after=30)
    s.run_out()
    s.send(complete(reps=18), after=30)
    s.skip_to("s3.e2.r1.set1.work")
    s.run_out()
    s.run_out()
    s.send(complete(), after=30)  # the held bridge: reps, prefilled, with no timer
    s.run_out()
    s.run_out()
    return s.record


def timed_block() -> Json:
    """A block done for a time: its clock starts with its first step, a distance and reps
    wait for Done, an interval's work and rest run by the clock, a pause stops the block's
    clock, Back stays in the block, and when its time is up the set under way is dropped and
    the next block begins; she ends that one herself; then a stretch with no counts."""
    s = Script("a block done for a time: the time runs out, then she ends the next one",
               TIMED_PLAN, at=500.0)
    s.send({"type": "start"})
    s.send(complete(), after=20)
    s.run_out()  # the switch
    s.send(complete(reps=9), after=20)
    s.send({"type": "endBlock"}, after=1)  # not in a block: nothing
    s.run_out()  # the rest before the block
    s.send(complete(), after=50)  # 200 m: the block's clock is running
    s.send(complete(reps=12), after=25)
    s.run_out()  # the plank's 20 s
    s.send({"type": "pause"}, after=4)  # in its 10 s off: the block's clock stops too
    s.send({"type": "resume"}, after=60)
    s.run_out()
    s.send({"type": "back"}, after=5)  # to the plank: the block's time goes on
    s.send({"type": "skip"}, after=1)
    s.send({"type": "pause"}, after=2)  # the rest, paused
    s.send({"type": "skip"}, after=3)  # a step begun while paused: the block's clock again
    s.send(complete(), after=3)  # round 2's 200 m
    s.tick(after=1)
    while s.state.status == "running" and s.state.block_section == 1:
        due = next_due(s.state)
        assert due is not None
        s.now = due  # the squats are under way when the time is up
        s.tick()
    s.send(complete(reps=10), after=20)  # the next block's first set
    s.send({"type": "pause"}, after=1)
    s.send({"type": "endBlock"}, after=2)  # she ends it, paused: on to the cool-down
    s.send(complete(), after=45)  # a stretch with no counts: nothing but done
    s.send({"type": "skip"}, after=5)  # the rest
    s.send(complete(), after=150)  # 400 m: the session is complete
    return s.record


def store_late_in_a_block() -> Json:
    """The block's time runs out while a set is being written: the set is kept and the block
    ends as the write is answered."""
    plan = TIMED_PLAN.plan()
    s = Script("a block done for a time: its time runs out while a set is being written",
               TIMED_PLAN, done=work_keys(plan, before="s2.e1.r1.set1.work"), at=0.0)
    s.send({"type": "start"})
    s.send(complete(), after=60)
    s.store_sets = False
    s.send(complete(), after=59.65)  # the squats end 0.1 s before the time is up
    s.tick(after=1)  # nothing moves while it is written
    s.store()  # the plank begins, 0.1 s before the time is up
    s.tick()  # the time is up: the plank is not logged
    s.store_sets = True
    s.send({"type": "finish"}, after=30)
    return s.record


def random_walk(name: str, plan: Source, seed: int, length: int,
                more: tuple[Json, ...] = ()) -> Json:
    """Events in a random order, for the mixes nobody thought to write down."""
    rng = random.Random(seed)
    s = Script(name, plan)
    s.send({"type": "start"})
    for _ in range(length):
        if s.state.status in ("finished", "abandoned"):
            break
        if s.state.status == "saving":
            s.store("disk full" if rng.random() < 0.1 else None)
            continue
        roll = rng.random()
        due = next_due(s.state)
        if roll < 0.3 and due is not None:
            s.now = max(s.now, due)  # on time, as the page's timer aims to be
            s.tick()
            continue
        s.wait(rng.choice([0, 0.25, 1, 2.5, 4.999, 5, 10, 15, 31]))
        choices: list[Json] = [
            {"type": "tick"}, complete(), complete(reps=rng.randint(0, 15)),
            complete(reps=9, load=12.5, unit="kg", pain=2, note="ok"), {"type": "skip"},
            {"type": "back"}, {"type": "pause"}, {"type": "resume"},
            {"type": "addRest", "seconds": 15}, adjust(reps=rng.randint(5, 12)),
            adjust(load=7.5, unit="lb"), adjust(reps=6, clear_load=True), *more]
        s.send(rng.choice(choices))
    return s.record


# Start points of sessions taken up again, beyond those the sequences start from.
def resume_cases() -> list[Json]:
    plan = GLUTE.plan()
    work = [s.key for s in plan.steps if s.kind == "work"]
    rng = random.Random(3)
    cases: list[list[str]] = [
        [], work, work[:1], work[:3],  # a setup ahead, the section untouched
        work[:4],  # the section begun: straight to its next set
        [k for k in work if not k.startswith("s3.e2.set2")],  # a set with both legs to do
        [k for k in work if k != "s3.e2.set2.right.work"],  # the second leg: at its switch
        *(sorted(rng.sample(work, rng.randint(1, len(work)))) for _ in range(3)),
    ]
    small = SMALL_PLAN.plan()
    small_work = [s.key for s in small.steps if s.kind == "work"]
    timed = TIMED_PLAN.plan()
    timed_work = [s.key for s in timed.steps if s.kind == "work"]
    return [{"plan": GLUTE.name, "done": done, "index": resume_index(plan, frozenset(done))}
            for done in cases] + [
        {"plan": SMALL_PLAN.name, "done": done, "index": resume_index(small, frozenset(done))}
        for done in ([], small_work[:2], small_work[:-1])] + [
        {"plan": TIMED_PLAN.name, "done": done, "index": resume_index(timed, frozenset(done))}
        for done in (timed_work[:3], timed_work[:5], timed_work[:-2])]


ABOUT = ("The player's rules as event sequences, written by the Python machine over plans from "
         "the production serializer; replayed by tests/player/test_vectors.py and by "
         f"`node --test tests/js`. Do not edit: run `{REGENERATE}`.")


def build() -> Json:
    return {
        "about": ABOUT,
        "plans": {src.name: src.entry() for src in SOURCES},
        "resume": resume_cases(),
        "sequences": [
            warm_up(), without_bands(), without_kit(), sides_apart(), optional_set(), holds(),
            small_circuit(), timed_block(), store_late_in_a_block(),
            random_walk("random events, all equipment", GLUTE, 11, 90),
            random_walk("random events, small circuit", SMALL_PLAN, 12, 90),
            random_walk("random events, a block done for a time", TIMED_PLAN, 13, 120,
                        ({"type": "endBlock"},)),
        ],
    }


# One line per plan step, per resume case and per event, so a diff shows what changed.
LINES = {"plans", "steps", "resume", "sequences", "events"}


def _has_lines(value: Any) -> bool:
    if isinstance(value, dict):
        return any(k in LINES or _has_lines(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lines(v) for v in value)
    return False


def _write(value: Any, key: str | None, pad: str, top: bool = False) -> str:
    inner = pad + " "
    if isinstance(value, dict) and value and (top or key in LINES or _has_lines(value)):
        body = ",\n".join(f"{inner}{json.dumps(k)}: {_write(v, k, inner)}"
                          for k, v in value.items())
        return "{\n" + body + "\n" + pad + "}"
    if isinstance(value, list) and value and key in LINES:
        return "[\n" + ",\n".join(inner + _write(v, None, inner) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def text(vectors: Json) -> str:
    return _write(vectors, None, "", top=True) + "\n"


def main(argv: list[str]) -> int:
    fresh = text(build())
    if "--write" in argv:
        VECTORS.write_text(fresh, encoding="utf-8")
        print(f"wrote {VECTORS} ({len(fresh.encode()):,} bytes)")
        return 0
    if VECTORS.exists() and VECTORS.read_text(encoding="utf-8") == fresh:
        print(f"{VECTORS} is up to date")
        return 0
    print(f"{VECTORS} is out of date: run {REGENERATE}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
