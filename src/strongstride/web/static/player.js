// The web player: wires the rules (machine.js), the outbox (queue.js), the screen (view.js)
// and the cues together. Time comes from performance.now(); a timer is set for the exact
// moment of the next cue, and the display loop only redraws.

import * as M from "./machine.js";
import { Outbox, kvGet, kvSet } from "./queue.js";
import { View } from "./view.js";
import { announce, awake, keepAwake, play, unlock } from "./cues.js";
import { range } from "./dom.js";
import { figureUrl, planFigures } from "./figure.js";

const root = document.getElementById("player");
const slug = root.dataset.routine;
const api = (root.dataset.api || "/api").replace(/\/$/, "");
const live = document.getElementById("timer-live");
const historyUrl = root.dataset.history || "/history";
let csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

const now = () => performance.now() / 1000;
const cueLog = (window.__cueLog = []);
const PROGRESS = `progress:${slug}`;
const PLAN = `plan:${slug}`;

let routine = null; // GET /api/routines/{slug}
let plan = null; // the plan the session walks (kept with the session)
let sessionId = null;
let lastTime = {};
let targets = {}; // exercise name -> today's target (the next-session suggestion)
let skippedKeys = new Set(); // steps logged as skipped, to count what was done
let state = null;
let subs = null; // what this session does another way, for want of equipment
let timer = null;
let frame = 0;

const ctx = {
  get routine() { return routine; },
  get substitutions() { return subs ?? routine?.substitutions ?? []; },
  now,
  unit: () => localStorage.getItem("ss.unit") || "kg",
  setUnit: (u) => localStorage.setItem("ss.unit", u),
  lastTime: (step) => lastTime[step.name] ?? null,
  target: (step) => targets[step.name] ?? null,
  figure: (step) => figureUrl(routine, step, ctx.substitutions),
};

const view = new View(root, {
  start: () => begin(),
  complete: (actuals) => dispatch({ type: "complete", actuals }),
  adjust: (fields) => dispatch({ type: "adjust", ...fields }),
  skip: () => dispatch({ type: "skip" }),
  back: () => dispatch({ type: "back" }),
  pause: () => dispatch({ type: "pause" }),
  resume: () => dispatch({ type: "resume" }),
  addRest: () => dispatch({ type: "addRest", seconds: 15 }),
  endBlock: () => dispatch({ type: "endBlock" }),
  finish: () => dispatch({ type: "finish" }),
  discard: (seq) => outbox.discard(seq),
  // The +/- step of the load, hers to set: 1 or 2.5 kg, 2.5 or 5 lb.
  loadStep: (unit) => Number(localStorage.getItem(`ss.step.${unit}`)) || (unit === "lb" ? 5 : 2.5),
  setLoadStep: (unit, n) => localStorage.setItem(`ss.step.${unit}`, String(n)),
  nameOf: (key) => {
    const step = (plan ?? routine?.plan)?.steps.find((s) => s.key === key);
    return step ? `${M.label(step)}, set ${step.set_number}` : key;
  },
});

const outbox = new Outbox({
  api, csrf: () => csrf, refreshToken,
  onChange: (summary) => view.showQueue(summary, navigator.onLine),
  onSession: (from, to) => {
    if (sessionId === from) {
      sessionId = to;
      persist();
    }
  },
});

class HttpError extends Error {
  constructor(status, body) {
    super(body?.detail?.[0]?.message ?? `the server answered ${status}`);
    this.status = status;
  }
}

async function call(method, path, body) {
  const abort = new AbortController();
  const giveUp = setTimeout(() => abort.abort(), 10000);
  try {
    const res = await fetch(`${api}${path}`, {
      method, credentials: "same-origin", signal: abort.signal,
      headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json", "X-CSRF-Token": csrf } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new HttpError(res.status, data);
    return data;
  } finally {
    clearTimeout(giveUp);
  }
}

async function refreshToken() {
  try {
    const res = await fetch(location.pathname, { credentials: "same-origin", cache: "no-store" });
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const token = doc.querySelector('meta[name="csrf-token"]')?.content;
    if (res.ok && token) {
      csrf = token;
      return true;
    }
  } catch { /* offline */ }
  return false;
}

function persist() {
  if (!state || !sessionId) return Promise.resolve();
  const ended = state.status === "finished" || state.status === "abandoned";
  return kvSet(PROGRESS, { sessionId, index: state.index, done: state.done, prefill: state.prefill,
    skipped: [...skippedKeys], status: ended ? state.status : "active", at: Date.now(),
    clock: timerKept(), block: blockKept() }).catch(() => {});
}

// The block done for a time under way, on the wall clock, so a reload keeps its time.
function blockKept() {
  if (state.blockSection === null) return null;
  const wall = (t) => Date.now() + (t - now()) * 1000;
  return { section: state.blockSection, left: state.blockLeft,
    deadlineAt: state.blockDeadline === null ? null : wall(state.blockDeadline) };
}

function blockCarriedOn(kept) {
  if (!kept || plan.steps[state.index]?.section !== kept.section) return state;
  const mono = (at) => now() + (at - Date.now()) / 1000;
  return { ...state, blockSection: kept.section, blockLeft: kept.left ?? null,
    blockDeadline: kept.deadlineAt === null ? null : mono(kept.deadlineAt) };
}

// A running or paused timer, kept on the phone's wall clock (performance.now() starts again
// with each page), so a reload carries on to the same deadline instead of a full new rest.
function timerKept() {
  if (state.deadline === null || (state.status !== "running" && state.status !== "paused")) return null;
  const wall = (t) => Date.now() + (t - now()) * 1000;
  return { index: state.index, deadlineAt: wall(state.deadline), startedAt: wall(state.started ?? now()),
    pausedLeft: state.status === "paused" ? state.pausedLeft : null, fired: state.fired };
}

// Whether a kept timer still stands: a hold that ran out while the page was gone is not
// logged as held; it starts again.
function stillTimed(kept, index) {
  if (!kept || kept.index !== index) return false;
  const step = plan.steps[index];
  return !(step?.kind === "work" && kept.pausedLeft === null && kept.deadlineAt <= Date.now());
}

function carryOn(kept) {
  const mono = (at) => now() + (at - Date.now()) / 1000;
  const paused = kept.pausedLeft !== null && kept.pausedLeft !== undefined;
  state = { ...state, status: paused ? "paused" : "running", started: mono(kept.startedAt),
    deadline: mono(kept.deadlineAt), pausedLeft: paused ? kept.pausedLeft : null, fired: kept.fired ?? [] };
  announce(live, describe(M.currentStep(state)));
  view.showStep(state, ctx);
  schedule();
}

// Where a session goes on: the local record if it is this session, else the server's logs.
async function begin() {
  unlock();
  const button = document.getElementById("start");
  if (button) button.disabled = true;
  const local = await kvGet(PROGRESS).catch(() => null);
  const saved = await kvGet(PLAN).catch(() => null);
  let answer = null;
  let kept = null; // the timer that was running when the page went
  if (navigator.onLine) {
    try {
      // The start time comes from the phone's clock, like the finish time and every set's.
      answer = await call("POST", "/sessions", { routine: slug, started_at: new Date().toISOString() });
    } catch (err) {
      if (err.status === 401) return view.showMessage("Sign in first", "Sign in, then open the routine again.");
      if (err.status && err.status < 500) return view.showMessage("The session could not start", err.message);
      // No answer or a server in trouble: carry on as if offline; the outbox tells it later.
    }
  }
  const resumable = local && local.status === "active" && saved?.plan;
  if (answer && !(resumable && local.sessionId === answer.id)) {
    sessionId = answer.id;
    subs = answer.substitutions ?? [];
    plan = withVariations(routine.plan, subs, answer.setups ?? []);
    lastTime = answer.last_time ?? {};
    targets = answer.targets ?? {};
    skippedKeys = new Set();
    const queued = (await outbox.summary()).entries
      .filter((e) => e.kind === "set" && e.sessionId === answer.id).map((e) => e.body.step_key);
    // Each side's form starts from today's target, else that side's last session (the server's rule).
    state = M.newPlayer(plan, [...new Set([...(answer.done_steps ?? []), ...queued])], answer.start_amounts ?? {});
    await kvSet(PLAN, { plan, routine, lastTime, targets }).catch(() => {});
  } else if (resumable) {
    sessionId = local.sessionId;
    plan = saved.plan;
    lastTime = answer?.last_time ?? saved.lastTime ?? {};
    targets = answer?.targets ?? saved.targets ?? {};
    const done = [...new Set([...local.done, ...(answer?.done_steps ?? [])])];
    skippedKeys = new Set(local.skipped ?? []);
    state = { ...M.newPlayer(plan, done, local.prefill), index: Math.min(local.index, plan.steps.length) };
    state = blockCarriedOn(local.block);
    if (stillTimed(local.clock, state.index)) kept = local.clock;
  } else {
    // Offline on a device that never saw this session: start one here and tell the server later.
    sessionId = crypto.randomUUID();
    plan = routine.plan;
    skippedKeys = new Set();
    await outbox.addStart(sessionId, { routine: slug, id: sessionId, started_at: new Date().toISOString() });
    state = M.newPlayer(plan, []);
    await kvSet(PLAN, { plan, routine, lastTime, targets }).catch(() => {});
  }
  keepAwake(true);
  if (kept) carryOn(kept);
  else dispatch({ type: "start" });
  outbox.drain();
}

// The session says which exercises and setups it does another way (it keeps the equipment
// she was without when it started); the routine's plan may have been fetched with another profile.
function withVariations(base, list, setups) {
  const instead = Object.fromEntries(list.map((x) => [x.exercise, x.variation]));
  const setup = Object.fromEntries(setups.map((x) => [x.section, x.instead]));
  return { ...base, steps: base.steps.map((st) => ({ ...st, variation:
    (st.kind === "setup" ? setup[st.section] : st.name && instead[st.name]) || null })) };
}

function describe(step) {
  if (!step) return "";
  const side = step.side ? `, ${step.side} leg` : "";
  if (step.kind === "rest") {
    const next = M.nextWork(state.steps, state.index);
    return `Rest ${range(step.seconds)} seconds.${next ? ` Next: ${M.label(next)}.` : ""}`;
  }
  if (step.kind === "switch") return `Switch sides: ${step.side} leg.`;
  if (step.kind === "setup") return `Set up: ${step.variation ?? step.text ?? ""}`;
  const amount = step.hold_seconds ? `Hold ${range(step.hold_seconds)} seconds.` :
    step.max_reps ? "As many reps as you can." : step.distance ? `${step.distance}.` :
      step.reps ? `${range(step.reps)} reps${step.rep_hold_seconds ?
        `, hold ${range(step.rep_hold_seconds)} seconds each` : ""}.` : "As long as you like.";
  return `${M.shown(step)}${side}. Set ${step.set_number} of ${step.sets_total}. ${amount}`;
}

function dispatch(event, t = now()) {
  if (!state) return;
  const before = state;
  const [next, effects] = M.step(state, event, t);
  state = next;
  for (const effect of effects) {
    if (effect.type === "cue") cue(effect, t);
    else if (effect.type === "save") store(effect);
    else if (effect.type === "ended") ended(effect.status);
    else if (effect.type === "problem") view.showProblem(effect.message);
  }
  if (state.status === "finished" || state.status === "abandoned") return;
  // Pause, resume and +15 s move the deadline: kept too, for a reload.
  const timerMoved = before.deadline !== state.deadline || before.pausedLeft !== state.pausedLeft ||
    before.blockDeadline !== state.blockDeadline || before.blockLeft !== state.blockLeft;
  if (before.index === state.index && (before.status === "saving") !== (state.status === "saving") &&
      before.status !== "ready") {
    // A set going to the phone's storage, or back after a failed write: the same screen,
    // its buttons held while the write lasts.
    view.showSaving(state);
  } else if (before.index !== state.index || before.status !== state.status) {
    if (before.index !== state.index || before.status === "ready") {
      persist();
      announce(live, describe(M.currentStep(state)));
    } else if (timerMoved) persist();
    view.showStep(state, ctx);
  } else if (timerMoved) persist();
  schedule();
}

function cue(c, t) {
  const fired = performance.now();
  cueLog.push({ kind: c.kind, text: c.text, due: c.due * 1000, fired });
  // After the page slept in the background, old cues are noted but not sounded.
  if (t - c.due < 1.5) play(c);
  if (c.kind === "countdown") announce(live, c.text);
}

// The set goes into IndexedDB first (the local commit); then the player moves on.
async function store(save) {
  const { step, actuals, skipped } = save;
  const extras = skipped ? {} : view.readExtras(step.key);
  const pick = { ...extras, ...Object.fromEntries(Object.entries(actuals).filter(([, v]) => v !== null && v !== undefined)) };
  const body = { key: crypto.randomUUID(), step_key: step.key, logged_at: new Date().toISOString() };
  for (const k of ["reps", "seconds", "load", "rpe", "pain"]) if (typeof pick[k] === "number") body[k] = pick[k];
  if (body.load !== undefined) body.unit = pick.unit || ctx.unit();
  if (pick.note) body.note = pick.note;
  if (skipped) body.skipped = true;
  try {
    await outbox.addSet(sessionId, body);
  } catch (err) {
    dispatch({ type: "saveFailed", message: err?.message ?? "the phone's storage refused it" });
    return;
  }
  if (skipped) skippedKeys.add(step.key);
  else skippedKeys.delete(step.key);
  dispatch({ type: "saved", stepKey: step.key });
  outbox.drain();
}

async function ended(status) {
  clearTimeout(timer);
  cancelAnimationFrame(frame);
  keepAwake(false);
  await persist();
  if (status === "finished") {
    view.rpeExplained();
    announce(live, "Session complete. Well done!");
    await outbox.addFinish(sessionId);
    const sets = state.done.filter((k) => !skippedKeys.has(k)).length;
    const planned = plan.steps.filter((s) => s.kind === "work" && !s.optional).length;
    view.showDone({ sets, historyUrl });
    // The summary screen (finish.js) is loaded when it is needed; the page knows sets done.
    import("./finish.js").then(({ showFinish }) => showFinish(view.screen, { api, historyUrl, outbox,
      sessionId: () => sessionId, known: { done: sets, planned, skipped: skippedKeys.size } })).catch(() => {});
    outbox.drain();
  }
}

function schedule() {
  clearTimeout(timer);
  const due = M.nextDue(state);
  if (due !== null) {
    // Never early by design; a timer that fires a hair early (rounding of ms) counts as on time.
    timer = setTimeout(() => {
      const t = now();
      dispatch({ type: "tick" }, t < due && due - t < 0.002 ? due : t);
    }, Math.max(0, Math.ceil((due - now()) * 1000 - 0.01)));
  }
  cancelAnimationFrame(frame);
  if (state.status === "running" && (state.deadline !== null || M.inBlock(state))) frame = requestAnimationFrame(draw);
  else view.updateClock(state, now());
}

function draw() {
  view.updateClock(state, now());
  if (state.status === "running" && (state.deadline !== null || M.inBlock(state))) frame = requestAnimationFrame(draw);
}

async function boot() {
  // The routine and the sessions open on the server go out at once, while the phone's own
  // record is read: none of the three waits for another.
  const asked = call("GET", `/routines/${encodeURIComponent(slug)}`);
  const open = navigator.onLine ? call("GET", "/sessions?status=active").catch(() => null) : Promise.resolve(null);
  asked.catch(() => {});
  const [local, saved] = await Promise.all([kvGet(PROGRESS).catch(() => null), kvGet(PLAN).catch(() => null)]);
  try {
    routine = await asked;
  } catch (err) {
    if (err.status === 401) return view.showMessage("Sign in first", "Sign in, then open the routine again.");
    routine = saved?.routine ?? null;
  }
  outbox.changed();
  outbox.drain();
  if (!routine) {
    return view.showMessage("You are offline", "This routine has not been opened on this phone yet. Open it once while online.");
  }
  let ended = false;
  if (local && local.status === "active" && saved?.plan && await endedElsewhere(local.sessionId, open)) {
    // Finished or abandoned on another page or phone: no stale Resume that would quietly
    // start a new session from where the old one stopped.
    await kvSet(PROGRESS, { ...local, status: "ended" }).catch(() => {});
    ended = true;
  } else if (local && local.status === "active" && saved?.plan) {
    // Show where the session stopped; Resume goes on from here.
    plan = saved.plan;
    sessionId = local.sessionId;
    lastTime = saved.lastTime ?? {};
    targets = saved.targets ?? {};
    skippedKeys = new Set(local.skipped ?? []);
    state = { ...M.newPlayer(plan, local.done, local.prefill), index: Math.min(local.index, plan.steps.length) };
    if (state.index < plan.steps.length && stillTimed(local.clock, state.index)) {
      // A rest, switch or hold was counting down: it goes on by itself. Sound needs a tap
      // in this new page, so the first tap anywhere switches it back on.
      document.addEventListener("pointerdown", unlock, { once: true, capture: true });
      return begin();
    }
    if (state.index < plan.steps.length) {
      view.showStep(state, ctx);
      return;
    }
  }
  view.showStart(routine, { resumeAt: activeElsewhere(await open), ended });
}

// Whether the server says the session this phone was in is over (only when it can say: a
// session started offline and not yet sent is not over). `open`: the server's open sessions,
// or null when it could not be asked.
async function endedElsewhere(id, open) {
  const unsent = (await outbox.summary()).entries.some((e) => e.kind === "start" && e.sessionId === id);
  const sessions = await open;
  return !unsent && sessions !== null && !sessions.some((s) => s.id === id);
}

// A session of this routine still open on the server (begun on another phone, say).
function activeElsewhere(sessions) {
  const found = sessions?.find((s) => s.routine === slug);
  return found ? `You have a session of this routine going, with ${found.sets_done} of ${found.planned_sets} sets done.` : null;
}

// The service worker is fetched and installed once the player is on screen, so its copies
// of the files do not compete with the page's own first load.
function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.active?.postMessage({ type: "keep", urls: [location.pathname, `${api}/routines/${slug}`,
      // The figures of the routine's exercises, as she does them, for a session offline.
      ...planFigures(routine, plan ?? routine?.plan, ctx.substitutions)] }))
    .catch(() => {});
}

window.addEventListener("online", () => outbox.drain());
window.addEventListener("offline", () => outbox.changed());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && state?.status === "running") dispatch({ type: "tick" });
});

window.__player = {
  get state() { return state; },
  get sessionId() { return sessionId; },
  outbox, dispatch, awake,
};

boot().finally(keepForOffline);
