// The exercise's figure on a work step: one rep, looping, mirrored to the side she is on.
// It is fetched when its step is shown (never with the page) and put into the page itself,
// not as an image, so that a class on its root can pause it. A figure that cannot be had
// (offline and never kept, an exercise not drawn) leaves the step as it was: the clock
// takes the room.

import { h } from "./dom.js";

const PAUSED = "ss.figure-paused";
const asked = new Map(); // address -> Promise of the SVG's text, or null

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

function fetchSvg(url) {
  if (!asked.has(url)) {
    const text = fetch(url, { credentials: "same-origin" })
      .then((res) => (res.ok && (res.headers.get("content-type") ?? "").includes("svg") ? res.text() : null))
      .catch(() => null);
    // A miss is asked again next time (the network may be back).
    text.then((t) => { if (t === null) asked.delete(url); });
    asked.set(url, text);
  }
  return asked.get(url);
}

function parse(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg" || doc.querySelector("parsererror, script, foreignObject")) return null;
  return document.importNode(svg, true);
}

const wantsStill = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

function isPaused() {
  try { return localStorage.getItem(PAUSED) === "1"; } catch { return false; }
}

// The figure's box, empty until its SVG arrives, and its pause button (laid out beside it by
// the page); `onGone` is called when there is no figure to show.
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
  button.addEventListener("click", toggle);
  art.addEventListener("click", toggle);
  show(isPaused());
  button.hidden = wantsStill(); // nothing moves: nothing to pause
  fetchSvg(url).then((text) => {
    const svg = text && parse(text);
    if (!svg) {
      box.dataset.state = "none";
      onGone?.();
      box.remove();
      button.remove();
      return;
    }
    // A standing move is tall, a lying one wide: the page lays the figure out to suit.
    const view = svg.viewBox?.baseVal;
    const wide = view && view.height && view.width / view.height >= 1;
    box.dataset.shape = wide ? "wide" : "tall";
    if (wide) box.style.aspectRatio = `${view.width} / ${view.height}`;
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    art.replaceChildren(svg);
    // A held stretch is one pose: nothing moves, so there is nothing to pause.
    if (!text.includes("@keyframes")) button.hidden = true;
    show(button.getAttribute("aria-pressed") === "true");
    box.dataset.state = "shown";
    button.dataset.shape = box.dataset.shape;
  });
  return [box, button];
}
