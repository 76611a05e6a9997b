// Small helpers to build the page and to write numbers the way people read them.

export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  el.append(...kids.flat(3).filter((kid) => kid !== null && kid !== undefined && kid !== false));
  return el;
}

export const $ = (root, selector) => root.querySelector(selector);

// replaceChildren that skips the parts a screen leaves out (null, false).
export function fill(el, ...kids) {
  el.replaceChildren(...kids.flat(3).filter((kid) => kid !== null && kid !== undefined && kid !== false));
}

export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds - 1e-6));
  const m = Math.floor(whole / 60);
  const s = String(whole % 60).padStart(2, "0");
  return `${m}:${s}`;
}

export function minutesLeft(seconds) {
  const m = Math.round(seconds / 60);
  if (seconds <= 0) return "Done";
  return m < 1 ? "Under a minute left" : `About ${m} min left`;
}

export const range = (pair) => (!pair ? "" : pair[0] === pair[1] ? `${pair[0]}` : `${pair[0]}-${pair[1]}`);
export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
export const capital = (text) => (text ? text[0].toUpperCase() + text.slice(1) : "");

const SECTION_NAMES = { "warm-up": "Warm-up", activation: "Glute activation", main: "Workout", "cool-down": "Cool-down" };

export function sectionName(routine, step) {
  const section = routine?.sections?.[step.section];
  return section?.title || step.section_title || SECTION_NAMES[section?.kind] || `Part ${step.section + 1}`;
}

// "Last time" the way the terminal player writes it: "L 10 x 5 kg, R 9 x 5 kg".
export function lastSummary(sets) {
  const side = { left: "L ", right: "R " };
  return (sets ?? []).filter((s) => !s.skipped).map((s) => {
    const amount = s.reps !== null && s.reps !== undefined ? `${s.reps}` : `${s.seconds ?? 0} s`;
    const load = s.load !== null && s.load !== undefined ? ` x ${s.load} ${s.unit ?? ""}`.trimEnd() : "";
    return `${side[s.side] ?? ""}${amount}${load}`;
  }).join(", ");
}

// How to do an exercise, from the routine's JSON. Names are compared the way the library
// compares them (case, apostrophes, hyphens and spacing do not count).

export const nameKey = (text) => String(text).normalize("NFKC").toLowerCase()
  .replace(/[\u2018\u2019\u02bc`\u00b4']/g, "").replace(/[-\u2010-\u2014_]/g, " ").replace(/\s+/g, " ").trim();

function names(info) {
  return [info.name, info.exercise, ...(info.aliases ?? [])].filter(Boolean).map(nameKey);
}

// Accepts the how-to as a map by exercise name, a list of library entries, or a field of
// each exercise of the routine (`how`, `how_to`).
export function howTo(routine, name) {
  if (!routine || !name) return null;
  const want = nameKey(name);
  for (const source of [routine.how_to, routine.how, routine.exercises_info]) {
    if (!source) continue;
    if (Array.isArray(source)) {
      const found = source.find((info) => info && names(info).includes(want));
      if (found) return found;
    } else {
      for (const [key, info] of Object.entries(source)) {
        if (info && (nameKey(key) === want || names(info).includes(want))) return info;
      }
    }
  }
  for (const section of routine.sections ?? []) {
    for (const exercise of section.exercises ?? []) {
      const info = exercise.how ?? exercise.how_to;
      if (info && nameKey(exercise.name) === want) return info;
    }
  }
  return null;
}
