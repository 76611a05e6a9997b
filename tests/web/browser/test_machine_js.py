"""machine.js follows the same rules as the Python player (player/machine.py).

Random event scripts are played through the Python machine, which is the reference; the same
script (events and times) is then played through machine.js in Chromium, and every state and
effect along the way must match. No server is needed: the static folder is served to the page
through a route on a made-up origin.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from strongstride.plan.session import SessionPlan, Step, build_plan
from strongstride.player.machine import (
    Abandon,
    Actuals,
    AddRest,
    Adjust,
    Back,
    Complete,
    Cue,
    Effect,
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
from strongstride.routine.parse import parse_routine
from strongstride.routines import load_routine

STATIC = Path(__file__).resolve().parents[3] / "src" / "strongstride" / "web" / "static"
ORIGIN = "http://player.test"

SMALL = """\
## activation: Bands
setup: A loop band round the ankles.
Clamshell: 2 sets of 10 reps
## main
Lunge: 2 sets of 8-10 reps on each leg
Squat: 2-3 sets of 12-15 reps, 20 kg
Heel raise: 1 set of max reps on each leg
## main, 2 rounds: Circuit
Bridge: 10 reps
Plank: 20 seconds
## cool-down
Pigeon: 2 holds of 30 seconds on each leg
"""


def _pair(r: Any) -> list[int] | None:
    return None if r is None else [r.lo, r.hi]


def step_json(plan: SessionPlan, s: Step) -> dict[str, Any]:
    """A plan step as docs/api.md gives it."""
    return {"key": s.key, "kind": s.kind, "section": s.section,
            "section_title": plan.routine.sections[s.section].title, "exercise": s.exercise,
            "name": s.name, "set_number": s.set_number, "sets_total": s.sets_total,
            "round": s.round, "side": s.side, "reps": _pair(s.reps),
            "hold_seconds": _pair(s.hold_seconds), "max_reps": s.max_reps,
            "optional": s.optional, "seconds": list(s.seconds), "text": s.text}


def plan_json(plan: SessionPlan) -> dict[str, Any]:
    return {"total_seconds": list(plan.total_seconds()),
            "steps": [step_json(plan, s) for s in plan.steps]}


def to_python(event: dict[str, Any]) -> Event:
    kind = event["type"]
    simple: dict[str, Event] = {"start": Start(), "tick": Tick(), "skip": Skip(), "back": Back(),
                                "pause": Pause(), "resume": Resume(), "finish": Finish(),
                                "abandon": Abandon()}
    if kind in simple:
        return simple[kind]
    if kind == "complete":
        return Complete(Actuals(**event["actuals"]))
    if kind == "addRest":
        return AddRest(event["seconds"])
    if kind == "adjust":
        return Adjust(event.get("reps"), event.get("load"), event.get("unit"))
    if kind == "saved":
        return Saved(event["stepKey"])
    if kind == "saveFailed":
        return SaveFailed(event["message"])
    raise ValueError(kind)


def effect_view(effect: Effect) -> list[Any]:
    if isinstance(effect, Cue):
        return ["cue", effect.kind, effect.text, round(effect.due, 6)]
    if isinstance(effect, Save):
        actuals = {k: v for k, v in asdict(effect.actuals).items() if v not in (None, "")}
        return ["save", effect.step.key, actuals, effect.skipped]
    if isinstance(effect, Ended):
        return ["ended", effect.status]
    assert isinstance(effect, Problem)
    return ["problem", effect.message]


def state_view(state: PlayerState, now: float) -> dict[str, Any]:
    r = lambda x: None if x is None else round(x, 6)  # noqa: E731
    return {"index": state.index, "status": state.status, "started": r(state.started),
            "deadline": r(state.deadline), "pausedLeft": r(state.paused_left),
            "fired": sorted(state.fired), "done": sorted(state.done),
            "prefill": {f"{k[0]}:{k[1]}": [v.reps, v.load, v.unit] for k, v in state.prefill},
            "nextDue": r(next_due(state)), "remaining": r(remaining(state, now)),
            "progress": r(progress(state, now))}


def make_script(plan: SessionPlan, seed: int, length: int,
                done: frozenset[str] = frozenset()) -> tuple[list[Any], list[Any]]:
    """Plays random events through the Python machine: the script and what it gave."""
    rng = random.Random(seed)
    state = new_player(plan, done)
    now = 1000.0
    script: list[Any] = []
    seen: list[Any] = []

    def send(event: dict[str, Any]) -> None:
        nonlocal state
        state, effects = step(state, to_python(event), now)
        script.append([event, now])
        seen.append([[effect_view(e) for e in effects], state_view(state, now)])
        for effect in effects:
            if isinstance(effect, Save):
                answer = ({"type": "saveFailed", "message": "disk full"} if rng.random() < 0.05
                          else {"type": "saved", "stepKey": effect.step.key})
                send(answer)

    send({"type": "start"})
    for _ in range(length):
        roll = rng.random()
        due = next_due(state)
        if roll < 0.35 and due is not None:
            now = due  # exactly on time, as the page's timer aims to be
            send({"type": "tick"})
            continue
        now += rng.choice([0, 0.25, 1, 2.5, 4.999, 5, 10, 15, 31])
        if roll < 0.45:
            send({"type": "tick"})
        elif roll < 0.62:
            actuals = rng.choice([{}, {"reps": rng.randint(0, 15)},
                                  {"reps": 9, "load": 12.5, "unit": "kg", "pain": 2, "note": "ok"},
                                  {"load": 0, "pain": 0}])
            send({"type": "complete", "actuals": actuals})
        elif roll < 0.72:
            send({"type": "skip"})
        elif roll < 0.76:
            send({"type": "back"})
        elif roll < 0.82:
            send({"type": "pause"})
        elif roll < 0.88:
            send({"type": "resume"})
        elif roll < 0.93:
            send({"type": "addRest", "seconds": 15})
        elif roll < 0.997:
            send(rng.choice([{"type": "adjust", "reps": rng.randint(5, 12)},
                             {"type": "adjust", "load": 7.5, "unit": "lb"},
                             {"type": "adjust", "reps": 6, "load": 20}]))
        else:
            send({"type": rng.choice(["finish", "abandon"])})
        if state.status in ("finished", "abandoned"):
            break
    return script, seen


JS_RUNNER = """async ([plan, script, done]) => {
  const M = await import('/static/machine.js');
  const r = (x) => (x === null || x === undefined) ? null : Math.round(x * 1e6) / 1e6;
  const effectView = (e) => e.type === 'cue' ? ['cue', e.kind, e.text, r(e.due)]
    : e.type === 'save' ? ['save', e.step.key, Object.fromEntries(Object.entries(e.actuals)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')), e.skipped]
    : e.type === 'ended' ? ['ended', e.status] : ['problem', e.message];
  const stateView = (s, now) => ({
    index: s.index, status: s.status, started: r(s.started), deadline: r(s.deadline),
    pausedLeft: r(s.pausedLeft), fired: [...s.fired].sort(), done: [...s.done].sort(),
    prefill: Object.fromEntries(
      Object.entries(s.prefill).map(([k, v]) => [k, [v.reps, v.load, v.unit]])),
    nextDue: r(M.nextDue(s)), remaining: r(M.remaining(s, now)), progress: r(M.progress(s, now)),
  });
  let state = M.newPlayer(plan, done);
  const seen = [];
  for (const [event, now] of script) {
    const [next, effects] = M.step(state, event, now);
    state = next;
    seen.push([effects.map(effectView), stateView(state, now)]);
  }
  return seen;
}"""


@pytest.fixture(scope="module")
def machine_page(browser: Any) -> Any:
    context = browser.new_context()

    def serve(route: Any) -> None:
        path = route.request.url.removeprefix(ORIGIN)
        if path.startswith("/static/"):
            file = STATIC / path.removeprefix("/static/")
            if file.is_file():
                route.fulfill(body=file.read_bytes(), content_type="text/javascript")
                return
            route.fulfill(status=404, body="")
            return
        route.fulfill(body="<!doctype html><title>machine</title>", content_type="text/html")

    context.route(f"{ORIGIN}/**", serve)
    page = context.new_page()
    page.goto(f"{ORIGIN}/")
    yield page
    context.close()


def seed_plan() -> SessionPlan:
    return build_plan(load_routine("runner-glute").routine)


def small_plan() -> SessionPlan:
    routine = parse_routine(SMALL).routine
    assert routine is not None
    return build_plan(routine)


def _float_json(data: Any) -> Any:
    """JSON round trip, so 10 and 10.0 compare the same on both sides."""
    return json.loads(json.dumps(data), parse_float=float, parse_int=float)


def same(a: Any, b: Any, key: str = "") -> bool:
    """Equal, numbers within 1e-6; a held time within 0.1 s (Python rounds half to even, JS
    half up: 27.25 s is 27.2 in one and 27.3 in the other)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], k) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y, key) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= (0.1 + 1e-9 if key == "seconds" else 1e-6)
    return bool(a == b)


@pytest.mark.parametrize("seed", range(12))
def test_random_scripts_play_the_same_in_js_and_python(machine_page: Any, seed: int) -> None:
    plan = small_plan() if seed % 2 else seed_plan()
    # Some scripts start part-way, the way a resumed session does (the seed's cool-down).
    done = frozenset(s.key for s in plan.steps
                     if s.kind == "work" and s.section < len(plan.routine.sections) - 1
                     ) if seed % 3 == 0 else frozenset()
    script, expected = make_script(plan, seed, 400, done)
    got = machine_page.evaluate(JS_RUNNER, [plan_json(plan), script, sorted(done)])
    assert len(got) == len(expected)
    for i, (mine, theirs) in enumerate(zip(got, expected, strict=True)):
        assert same(_float_json(mine), _float_json(theirs)), (
            f"event {i}: {script[i]}\n js: {mine}\n py: {theirs}")


def test_resume_index_matches(machine_page: Any) -> None:
    rng = random.Random(7)
    for plan in (seed_plan(), small_plan()):
        work = [s.key for s in plan.steps if s.kind == "work"]
        cases = [[], work, work[:3], work[:15], *[rng.sample(work, rng.randint(0, len(work)))
                                                  for _ in range(30)]]
        got = machine_page.evaluate(
            """async ([plan, cases]) => {
                const M = await import('/static/machine.js');
                return cases.map((done) => M.resumeIndex(plan.steps, done));
            }""", [plan_json(plan), cases])
        assert got == [resume_index(plan, frozenset(c)) for c in cases]


def test_prefill_from_last_time_is_used_when_reps_are_not_given(machine_page: Any) -> None:
    plan = small_plan()
    prefill = {(1, 0): Prefill(reps=7, load=5.0, unit="kg")}
    state = new_player(plan, frozenset(), prefill)
    state, _ = step(state, Start(), 0.0)
    while state.step is not None and state.step.section != 1:
        state, effects = step(state, Skip(), 0.0)
        for e in effects:
            if isinstance(e, Save):
                state, _ = step(state, Saved(e.step.key), 0.0)
    _, effects = step(state, Complete(), 1.0)
    expected = [effect_view(e) for e in effects]
    got = machine_page.evaluate(
        """async ([plan, index]) => {
            const M = await import('/static/machine.js');
            const last = { '1:0': { reps: 7, load: 5, unit: 'kg' } };
            let s = { ...M.newPlayer(plan, [], last), index };
            [s] = M.step(s, { type: 'start' }, 0);
            const [, effects] = M.step(s, { type: 'complete', actuals: {} }, 1);
            return effects.map((e) => ['save', e.step.key, e.actuals, e.skipped]);
        }""", [plan_json(plan), state.index])
    assert _float_json(got) == _float_json(expected)
