// The page's player rules (web/static/machine.js) play the player vectors as the Python
// machine did: tests/player/vectors.json, written by tests/player/make_vectors.py. Run with
// `node --test tests/js`; pytest runs it too (tests/player/test_vectors.py).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const read = (path) => readFileSync(new URL(path, import.meta.url), "utf8");

// The page loads machine.js as a module script. Node would read a .js file outside a package
// marked "type": "module" as CommonJS, so the module is imported from its text instead: the
// same code, loaded the way a browser loads it.
const source = read("../../src/strongstride/web/static/machine.js");
const M = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
const vectors = JSON.parse(read("../player/vectors.json"));

// The views below are make_vectors.py's effect_view and state_view, over the page's objects.
function effectView(e) {
  if (e.type === "cue") return { type: "cue", kind: e.kind, text: e.text, due: e.due };
  if (e.type === "save") {
    const actuals = Object.fromEntries(Object.entries(e.actuals)
      .filter(([, v]) => v !== null && v !== undefined && v !== ""));
    return { type: "save", step: e.step.key, actuals, skipped: e.skipped };
  }
  if (e.type === "ended") return { type: "ended", status: e.status };
  return { type: "problem", message: e.message };
}

function stateView(s, now, before) {
  const earlier = new Set(before);
  const prefill = {};
  for (const key of Object.keys(s.prefill).sort()) {
    const { reps, load, unit } = s.prefill[key];
    prefill[key] = { reps, load, unit };
  }
  return {
    index: s.index, status: s.status, started: s.started, deadline: s.deadline,
    pausedLeft: s.pausedLeft, fired: [...s.fired].sort(), doneCount: new Set(s.done).size,
    doneNow: [...new Set(s.done)].filter((k) => !earlier.has(k)).sort(),
    pending: s.pending ? s.pending.step.key : null, pendingSince: s.pendingSince,
    prefill, nextDue: M.nextDue(s), remaining: M.remaining(s, now), progress: M.progress(s, now),
    blockSection: s.blockSection, blockDeadline: s.blockDeadline, blockLeft: s.blockLeft,
  };
}

// Equal, numbers within a billionth: the two languages may add the same times in another
// order (the time left sums the steps ahead one by one in JS, all at once in Python).
function same(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && same(a[k], b[k]));
  }
  return a === b;
}

function check(got, expected, where) {
  if (!same(got, expected)) assert.deepStrictEqual(got, expected, where); // shows the diff
}

for (const sequence of vectors.sequences) {
  test(sequence.name, () => {
    const plan = vectors.plans[sequence.plan].plan;
    let state = M.newPlayer(plan, sequence.done, sequence.prefill);
    check(stateView(state, sequence.at, sequence.done), sequence.start, "the start");
    sequence.events.forEach((record, i) => {
      const [next, effects] = M.step(state, record.event, record.at);
      state = next;
      const where = `event ${i} at ${record.at}: ${JSON.stringify(record.event)}`;
      check(effects.map(effectView), record.effects, `${where}: the effects`);
      check(stateView(state, record.at, sequence.done), record.state, `${where}: the state`);
    });
  });
}

test("a session taken up again starts where the Python player would", () => {
  for (const c of vectors.resume) {
    const done = c.done.length > 4 ? `${c.done.length} steps` : JSON.stringify(c.done);
    assert.equal(M.resumeIndex(vectors.plans[c.plan].plan.steps, c.done), c.index,
      `${c.plan} with ${done} done`);
  }
});
