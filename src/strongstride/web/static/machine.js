// The player's rules as a pure function, the same rules as src/strongstride/player/machine.py:
// step(state, event, now) -> [state, effects]. Both replay tests/player/vectors.json (here with
// `node --test tests/js`): change a rule in both, then write the vectors again. Times are
// seconds on a monotonic clock (performance.now() / 1000); a timed step has a deadline, so it
// ends on time however often the screen redraws. A set is handed out as a `save` effect and
// the player waits in "saving" until it is told `saved`: nothing moves on before the set is
// stored. A block done for a time (steps with `time_cap_seconds`) has a deadline of its own
// from its first step: when it passes, the set under way is dropped, a "time" cue sounds and
// the player goes on after the block; `endBlock` ends it sooner. A pause stops its clock too.

export function duration(step) {
  if (step.kind === "rest" || step.kind === "switch") return step.seconds[0];
  if (step.kind === "work" && step.hold_seconds) return step.hold_seconds[0];
  return null;
}

const isWork = (s) => s.kind === "work";

// The first work step with no log (at its section's setup, if the section is untouched).
export function resumeIndex(steps, done) {
  const seen = new Set(done);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!isWork(step) || seen.has(step.key)) continue;
    let j = i;
    while (j > 0 && (steps[j - 1].kind === "switch" || steps[j - 1].kind === "setup")) j--;
    const started = steps.slice(0, i).some(
      (s) => s.section === step.section && isWork(s) && seen.has(s.key));
    return steps[j].kind === "setup" && started ? i : j;
  }
  return steps.length;
}

// `prefill` maps "section:exercise:side" (see prefillKey) to {reps, load, unit}: the amounts
// each side's set form starts from.
export function newPlayer(plan, done = [], prefill = {}) {
  return {
    steps: plan.steps, total: plan.total_seconds ? plan.total_seconds[0] : 0,
    index: resumeIndex(plan.steps, done), status: "ready", started: null, deadline: null,
    pausedLeft: null, fired: [], done: [...done], pending: null, pendingSince: null,
    prefill: { ...prefill }, blockSection: null, blockDeadline: null, blockLeft: null,
  };
}

export const currentStep = (state) => state.steps[state.index] ?? null;

// The current step is in the block done for a time that is under way.
export function inBlock(state) {
  const step = currentStep(state);
  return Boolean(step) && state.blockSection === step.section &&
    step.time_cap_seconds != null && step.kind !== "setup";
}

// Seconds left in the block done for a time under way; null outside one.
export function blockLeft(state, now) {
  if (!inBlock(state)) return null;
  if (state.blockLeft !== null) return state.blockLeft;
  return Math.max(0, state.blockDeadline - now);
}

// The first step after the block that step `index` is in.
export function afterBlock(steps, index) {
  const { section } = steps[index];
  let end = index;
  while (end < steps.length && steps[end].section === section) end++;
  return end;
}
// Her left and right legs do not share numbers: amounts are kept per exercise and side.
export const prefillKey = (step) => `${step.section}:${step.exercise ?? 0}:${step.side ?? ""}`;

// This side's last set today, else what the player started with, else the bottom of the
// prescription (where the next-session rules start her).
export function prefillFor(state, step) {
  return state.prefill[prefillKey(step)] ??
    { reps: step.reps ? step.reps[0] : null, load: null, unit: null };
}

// What she does: the variation when equipment is missing, else the exercise as written.
export const shown = (step) => step.variation ?? step.name;
export const label = (step) => (step.side ? `${shown(step)}, ${step.side} leg` : shown(step));

export function nextWork(steps, after) {
  for (let i = after + 1; i < steps.length; i++) if (isWork(steps[i])) return steps[i];
  return null;
}

const cue = (kind, text, due) => ({ type: "cue", kind, text, due });

// Leave the block under way for the step after it; `due`: its time ran out then.
function endBlock(state, now, due) {
  const after = afterBlock(state.steps, state.index);
  const [next, effects] = enter({ ...state, blockSection: null, blockDeadline: null,
    blockLeft: null }, after, now);
  return due === null ? [next, effects] : [next, [cue("time", "Time is up", due), ...effects]];
}

function enter(state, index, now) {
  if (state.blockLeft !== null) { // a step begun while paused: the block's clock runs again
    state = { ...state, blockDeadline: now + state.blockLeft, blockLeft: null };
  }
  if (index >= state.steps.length) {
    return [{ ...state, index, status: "finished", started: null, deadline: null, fired: [],
      pending: null, blockSection: null, blockDeadline: null },
    [cue("done", "Session complete. Well done!", now), { type: "ended", status: "finished" }]];
  }
  const step = state.steps[index];
  if (step.time_cap_seconds == null || step.kind === "setup") {
    state = { ...state, blockSection: null, blockDeadline: null };
  } else if (state.blockSection !== step.section || state.blockDeadline === null) {
    state = { ...state, blockSection: step.section, blockDeadline: now + step.time_cap_seconds };
  } else if (now >= state.blockDeadline) { // the set that ended was the block's last
    return endBlock({ ...state, index }, now, state.blockDeadline);
  }
  const length = duration(step);
  const next = { ...state, index, status: "running", started: now, pending: null,
    deadline: length === null ? null : now + length, fired: [], pausedLeft: null };
  const effects = [];
  if (step.kind === "switch") {
    effects.push(cue("switch", `Switch sides: ${step.side} leg`, now));
  } else if (step.kind === "rest") {
    const following = nextWork(state.steps, index);
    if (following) effects.push(cue("next", `Next: ${label(following)}`, now));
  } else if (isWork(step) && length !== null) {
    effects.push(cue("go", `Hold: ${label(step)}`, now));
  }
  return [next, effects];
}

// Every cue of the current timed step as [id, cue], in the order they are due.
export function dueCues(state) {
  const step = currentStep(state);
  if (!step || state.deadline === null || state.started === null) return [];
  const end = state.deadline;
  const out = [];
  const hold = isWork(step) && step.hold_seconds;
  if (hold) out.push(["halfway", cue("halfway", "Halfway", state.started + (end - state.started) / 2)]);
  if (step.kind === "rest" || hold) {
    for (const n of [3, 2, 1]) {
      if (end - n > state.started) out.push([`count${n}`, cue("countdown", String(n), end - n)]);
    }
  }
  return out.sort((a, b) => a[1].due - b[1].due);
}

// When the page should next send `tick`: the next cue, the deadline or the block's end.
export function nextDue(state) {
  if (state.status !== "running") return null;
  const times = dueCues(state).filter(([id]) => !state.fired.includes(id)).map(([, c]) => c.due);
  if (state.deadline !== null) times.push(state.deadline);
  if (inBlock(state) && state.blockDeadline !== null) times.push(state.blockDeadline);
  return times.length ? Math.min(...times) : null;
}

// Seconds left in this step (or null for a step that waits for the user).
export function stepLeft(state, now) {
  if (state.status === "paused" && state.pausedLeft !== null) return state.pausedLeft;
  if (state.deadline !== null) return Math.max(0, state.deadline - now);
  return null;
}

// Seconds left in the session: this step's time left plus the estimates of the rest.
export function remaining(state, now) {
  const step = currentStep(state);
  if (!step) return 0;
  const inTheBlock = blockLeft(state, now);
  if (inTheBlock !== null) { // the block's time, then the steps after it
    let total = inTheBlock;
    for (const s of state.steps.slice(state.index + 1)) {
      if (!s.optional && s.section !== step.section) total += s.seconds[0];
    }
    return total;
  }
  const left = stepLeft(state, now);
  let total = left === null ? step.seconds[0] : left;
  for (const s of state.steps.slice(state.index + 1)) if (!s.optional) total += s.seconds[0];
  return total;
}

export function progress(state, now) {
  const total = state.total || 1;
  return Math.min(1, Math.max(0, 1 - remaining(state, now) / total));
}

function tick(state, now) {
  const block = inBlock(state) ? state.blockDeadline : null;
  if (state.status !== "running" || (state.deadline === null && block === null)) return [state, []];
  const fired = [...state.fired];
  const effects = [];
  for (const [id, c] of dueCues(state)) {
    if (!fired.includes(id) && c.due <= now) {
      fired.push(id);
      effects.push(c);
    }
  }
  const deadline = state.deadline;
  state = { ...state, fired };
  if (block !== null && now >= block && (deadline === null || block < deadline)) {
    // The block's time is up before this step's: the set under way is not logged.
    const [next, more] = endBlock(state, block, block);
    return [next, [...effects, ...more]];
  }
  if (deadline === null || now < deadline) return [state, effects];
  const step = currentStep(state);
  if (isWork(step)) { // a hold ran to its end: logged as held for its full time
    const save = { type: "save", step, actuals: { seconds: duration(step) }, skipped: false };
    return [{ ...state, status: "saving", pending: save, pendingSince: deadline }, [...effects, save]];
  }
  const [next, more] = enter(state, state.index + 1, deadline);
  return [next, [...effects, ...more]];
}

function complete(state, actuals, now, skipped = false) {
  const step = currentStep(state);
  if (!isWork(step)) return enter(state, state.index + 1, now);
  actuals = { ...actuals };
  if (!skipped && actuals.reps == null && step.reps) {
    const fill = prefillFor(state, step);
    actuals.reps = fill.reps;
    actuals.load = actuals.load || fill.load; // as the Python machine: 0 means "as before"
    actuals.unit = actuals.unit || fill.unit;
  }
  if (!skipped && actuals.reps != null && step.reps) {
    // The next set on this side starts from what this one was.
    const fill = { reps: actuals.reps, load: actuals.load ?? null, unit: actuals.unit ?? null };
    state = { ...state, prefill: { ...state.prefill, [prefillKey(step)]: fill } };
  }
  if (!skipped && actuals.seconds == null && step.hold_seconds) {
    actuals.seconds = state.started === null ? null : Math.round((now - state.started) * 10) / 10;
  }
  const save = { type: "save", step, actuals, skipped };
  return [{ ...state, status: "saving", pending: save, pendingSince: now }, [save]];
}

export function step(state, event, now) {
  if (state.status === "finished" || state.status === "abandoned") return [state, []];
  const { status } = state;
  switch (event.type) {
    case "start":
      if (status === "ready") return enter(state, state.index, now);
      break;
    case "tick":
      return tick(state, now);
    case "saved":
      if (state.pending && state.pending.step.key === event.stepKey) {
        // The next step starts when the set ended, not when the write finished.
        const began = state.pendingSince ?? now;
        const done = state.done.includes(event.stepKey) ? state.done : [...state.done, event.stepKey];
        return enter({ ...state, done, pendingSince: null }, state.index + 1, began);
      }
      break;
    case "saveFailed":
      if (status === "saving") {
        return [{ ...state, status: "running", pending: null },
          [{ type: "problem", message: `The set was not saved: ${event.message}. Try again.` }]];
      }
      break;
    case "abandon":
      return [{ ...state, status: "abandoned", pending: null }, [{ type: "ended", status: "abandoned" }]];
    case "finish":
      if (status !== "saving") {
        return [{ ...state, status: "finished", pending: null }, [{ type: "ended", status: "finished" }]];
      }
      break;
  }
  if (status === "saving") return [state, []];
  const current = currentStep(state);
  if (!current) return [state, []];
  const active = status === "running" || status === "paused";
  switch (event.type) {
    case "complete":
      if (active) return complete(state, event.actuals ?? {}, now);
      break;
    case "skip":
      if (active) return complete(state, {}, now, true);
      break;
    case "back":
      if (active) {
        for (let i = state.index - 1; i >= 0; i--) if (isWork(state.steps[i])) return enter(state, i, now);
      }
      break;
    case "endBlock":
      if (active && inBlock(state)) return endBlock(state, now, null);
      break;
    case "pause":
      if (status === "running") {
        const left = state.deadline === null ? null : Math.max(0, state.deadline - now);
        return [{ ...state, status: "paused", pausedLeft: left, blockLeft: blockLeft(state, now) }, []];
      }
      break;
    case "resume":
      if (status === "paused") {
        if (state.blockLeft !== null) {
          state = { ...state, blockDeadline: now + state.blockLeft, blockLeft: null };
        }
        if (state.pausedLeft === null) return [{ ...state, status: "running" }, []];
        // Shift the start with the deadline, so elapsed time leaves the pause out.
        const shift = now + state.pausedLeft - (state.deadline ?? now);
        return [{ ...state, status: "running", deadline: now + state.pausedLeft,
          started: (state.started ?? now) + shift, pausedLeft: null }, []];
      }
      break;
    case "addRest":
      if (current.kind === "rest" && state.deadline !== null) {
        const seconds = event.seconds ?? 15;
        return [{ ...state, deadline: state.deadline + seconds,
          pausedLeft: state.pausedLeft === null ? null : state.pausedLeft + seconds,
          fired: state.fired.filter((id) => !id.startsWith("count")) }, []];
      }
      break;
    case "adjust":
      if (isWork(current)) {
        const old = prefillFor(state, current);
        const pick = (k) => (event[k] !== undefined && event[k] !== null ? event[k] : old[k]);
        const fill = { reps: pick("reps"), load: pick("load"), unit: pick("unit") };
        if (event.clearLoad) fill.load = null;
        return [{ ...state, prefill: { ...state.prefill, [prefillKey(current)]: fill } }, []];
      }
      break;
  }
  return [state, []];
}
