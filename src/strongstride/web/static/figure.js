// The exercise's figure on a work step: one rep, looping, mirrored to the side she is on.
// It is fetched when its step is shown (never with the page) and put into the page itself,
// not as an image, so that a class on its root can pause it. A figure that cannot be had
// (offline and never kept, an exercise not drawn) leaves the step as it was: the clock
// takes the room.

import { h } from "./dom.js";

const PAUSED = "ss.figure-paused";
// address -> { text: Promise of the SVG's text (null if none), figure: once read from it }
const figures = new Map();

// The address of the figure for a work step: the routine's `figure_url` (drawn as done with
// her equipment), with the variation the session itself does and the side of the set.
export function figureUrl(routine, step, substitutions) {
  if (step?.kind !== "work" || !routine) return null;
  const base = routine.sections?.[step.section]?.exercises?.[step.exercise]?.figure_url;
  if (!base) return null;
  const url = new URL(base, location.origin);
  if (substitutions) {
    // The session keeps the equipment she was without when it started.
    const sub = step.variation ? substitutions.find((x) => x.exercise === step.name) : null;
    if (sub?.without?.length) url.searchParams.set("variation", sub.without[0]);
    else url.searchParams.delete("variation");
  }
  if (step.side) url.searchParams.set("side", step.side);
  return url.pathname + url.search;
}

// Every figure a plan's work steps show, once each: what to keep for a session offline.
export function planFigures(routine, plan, substitutions) {
  const urls = (plan?.steps ?? []).map((step) => figureUrl(routine, step, substitutions));
  return [...new Set(urls.filter(Boolean))];
}

// A figure read from its SVG: the drawing itself, to be cloned for each step that shows it,
// whether it is wide (a lying move) and its ratio, and whether anything in it moves.
function read(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg" || doc.querySelector("parsererror, script, foreignObject")) return null;
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const view = svg.viewBox?.baseVal;
  const wide = Boolean(view && view.height && view.width / view.height >= 1);
  return { svg: document.importNode(svg, true), wide, ratio: wide ? `${view.width} / ${view.height}` : null,
    moves: text.includes("@keyframes") };
}

// Each figure is fetched once per page, and read the first time it is shown.
function fetchFigure(url) {
  if (!figures.has(url)) {
    const text = fetch(url, { credentials: "same-origin" })
      .then((res) => (res.ok && (res.headers.get("content-type") ?? "").includes("svg") ? res.text() : null))
      .catch(() => null);
    // A miss is asked again next time (the network may be back).
    text.then((t) => { if (t === null) figures.delete(url); });
    figures.set(url, { text, figure: null });
  }
  return figures.get(url);
}

// Once the screen as it is now has been painted: a frame's callbacks run before its paint,
// so the one after the next.
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

const wantsStill = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

function isPaused() {
  try { return localStorage.getItem(PAUSED) === "1"; } catch { return false; }
}

// The figure's box, empty until its SVG arrives, and its pause button (laid out beside it by
// the page); `onGone` is called when there is no figure to show. The drawing goes in only
// after the step has been painted, so the step's name, clock and Done never wait for it; the
// box keeps its room meanwhile (its shape as soon as the figure has been read once).
export function figureBox(url, { name, side, onGone }) {
  const art = h("div", { class: "pl-figure-art", role: "img",
    "aria-label": `The ${name.toLowerCase()}${side ? `, ${side} leg` : ""}, one rep` });
  const button = h("button", { type: "button", class: "pl-figure-pause", id: "figure-pause",
    "aria-label": "Pause the figure", "aria-pressed": "false" });
  const box = h("figure", { class: "pl-figure", id: "figure", "data-state": "loading",
    "data-side": side ?? "", "data-url": url }, art);
  const show = (paused) => {
    button.setAttribute("aria-pressed", paused ? "true" : "false");
    button.textContent = paused ? "▶" : "❚❚";
    box.querySelector("svg")?.classList.toggle("paused", paused);
  };
  const toggle = () => {
    const paused = button.getAttribute("aria-pressed") !== "true";
    try { localStorage.setItem(PAUSED, paused ? "1" : "0"); } catch { /* private mode */ }
    show(paused);
  };
  // A standing move is tall, a lying one wide: the page lays the figure out to suit. A held
  // stretch is one pose: nothing moves, so there is nothing to pause.
  const shape = (figure) => {
    box.dataset.shape = button.dataset.shape = figure.wide ? "wide" : "tall";
    if (figure.wide) box.style.aspectRatio = figure.ratio;
    if (!figure.moves) button.hidden = true;
  };
  button.addEventListener("click", toggle);
  art.addEventListener("click", toggle);
  show(isPaused());
  button.hidden = wantsStill(); // nothing moves: nothing to pause
  const entry = fetchFigure(url);
  if (entry.figure) {
    shape(entry.figure);
    box.dataset.state = "read"; // no grey box for the frame it waits
  }
  Promise.all([entry.text, painted()]).then(([text]) => {
    if (!box.isConnected) return; // the step has gone by
    entry.figure ??= text && read(text);
    const figure = entry.figure;
    if (!figure) {
      box.dataset.state = "none";
      onGone?.();
      box.remove();
      button.remove();
      return;
    }
    shape(figure);
    art.replaceChildren(figure.svg.cloneNode(true));
    show(button.getAttribute("aria-pressed") === "true");
    box.dataset.state = "shown";
  });
  return [box, button];
}
