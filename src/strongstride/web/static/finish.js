// The finish screen: what the session leaves her with, and tomorrow morning's check-in.
// It shows at once what the page knows (sets done of planned, skipped); the full summary
// (GET /api/sessions/{id}/summary) comes once the outbox has sent every set and the finish,
// straight away online, else when the connection returns.

import { $, fill, h, plural } from "./dom.js";

const RETRY_MS = 15000;
const LIGHT_WORDS = { green: "green", amber: "amber", red: "red" };

function known({ done, planned, skipped }) {
  return `${done} of ${planned} sets done${skipped ? `, ${skipped} skipped` : ""}`;
}

function part(title, id, ...kids) {
  return h("section", { class: "fin-part", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title), ...kids);
}

function sidesPart(sides) {
  if (!sides.length) return null;
  const rows = sides.map((s) => h("div", { class: "fin-ex" },
    h("h3", null, s.exercise),
    h("dl", { class: "fin-lr" },
      h("div", null, h("dt", null, "Left"), h("dd", null, s.left.text)),
      h("div", null, h("dt", null, "Right"), h("dd", null, s.right.text))),
    s.gap ? h("p", { class: `fin-gap${s.weaker ? " fin-uneven" : ""}` }, s.gap) :
      s.why_no_gap && !s.at_target ? h("p", { class: "fin-small" }, `No gap to tell: ${s.why_no_gap}.`) : null));
  const atTarget = sides.some((s) => s.at_target) ?
    h("p", { class: "fin-small" }, "Where both sides reached the target on every set, the sets cannot show a gap: one set to failure on each leg would measure it.") : null;
  return part("Left and right", "fin-sides", rows, atTarget);
}

function painPart(pain) {
  if (!pain) return part("Pain", "fin-pain", h("p", null, "No pain noted."));
  const light = pain.highest ? LIGHT_WORDS[pain.light] : "green";
  return part("Pain", "fin-pain", h("p", { class: `fin-light fin-${light}` }, pain.text));
}

function bestsPart(bests) {
  if (!bests.length) return null;
  return part("Personal bests", "fin-bests",
    h("ul", null, bests.map((b) => h("li", null, h("strong", null, `${b.exercise}: `), b.text))));
}

const SHOWN_CHANGES = 4;

function nextPart(changes, unchanged) {
  const item = (c) => h("li", null, h("strong", null, c.exercise), ` — ${c.action}${c.target ? ` (${c.target})` : ""}`,
    h("span", { class: "fin-why" }, c.reason));
  const first = changes.slice(0, SHOWN_CHANGES).map(item);
  const rest = changes.slice(SHOWN_CHANGES).map(item);
  return part("Next time", "fin-next",
    changes.length ? h("ul", null, first) : h("p", null, "Nothing changes: the same again next time."),
    rest.length ? h("details", { class: "fin-more" }, h("summary", null, `${plural(rest.length, "more change", "more changes")}`),
      h("ul", null, rest)) : null,
    changes.length && unchanged ? h("p", { class: "fin-small" }, unchanged === 1 ? "The other exercise stays as it is." : `The other ${unchanged} exercises stay as they are.`) : null);
}

// Tomorrow at hh:mm on this phone's clock.
function tomorrowAt(hhmm) {
  const [hours, minutes] = hhmm.split(":").map(Number);
  const when = new Date();
  when.setDate(when.getDate() + 1);
  when.setHours(hours, minutes, 0, 0);
  return when;
}

function reminderBlock(opts, checkin, online) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const time = h("input", { type: "time", id: "fin-remind-at", value: "08:00", required: true });
  const status = h("p", { class: "fin-small", id: "fin-remind-status", role: "status" });
  const calendarHref = () => `${opts.api}/sessions/${encodeURIComponent(opts.sessionId())}/checkin.ics?` +
    new URLSearchParams({ tz: zone, at: time.value || "08:00" });
  const calendar = h("a", { class: `fin-button${online ? "" : " fin-off"}`, id: "fin-calendar", href: calendarHref(),
    download: "morning-check-in.ics", "aria-disabled": online ? null : "true" },
    "Add the reminder to my calendar");
  time.addEventListener("change", () => { calendar.href = calendarHref(); });
  calendar.addEventListener("click", (e) => {
    if (!navigator.onLine) {
      e.preventDefault();
      status.textContent = "The calendar reminder needs the connection: try again when you are back online.";
      return;
    }
    status.textContent = `A calendar event with an alarm at ${time.value} tomorrow: open the file to add it.`;
  });
  const canNotify = "Notification" in window && Notification.permission !== "denied";
  const notify = canNotify ? h("button", { type: "button", class: "fin-button", id: "fin-notify", onclick: async () => {
    const answer = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    if (answer !== "granted") {
      status.textContent = "Notifications are off for this site: the calendar reminder works instead.";
      notify.remove();
      return;
    }
    const when = tomorrowAt(time.value || "08:00");
    clearTimeout(opts.state.notifyTimer);
    opts.state.notifyTimer = setTimeout(() => {
      const note = new Notification("Morning check-in", { body: "How does it feel this morning? Pain and stiffness, 0-10.", tag: "checkin" });
      note.onclick = () => { window.focus(); location.href = checkin?.url ?? "/checkin"; };
    }, when.getTime() - Date.now());
    opts.state.notifyAt = when.getTime();
    status.textContent = `This phone will notify you at ${time.value} tomorrow, as long as this page stays open. The calendar reminder works even when it is closed.`;
  } }, "Notify me on this phone") : null;
  return h("div", { class: "fin-remind" },
    h("label", { for: "fin-remind-at" }, "Remind me tomorrow at"), time,
    calendar, notify, status,
    online ? null : h("p", { class: "fin-small" }, "Offline: the calendar reminder can be made when you are back online."));
}

function checkinPart(opts, checkin, online) {
  const text = checkin ? checkin.text :
    "Check in tomorrow morning: pain and stiffness, 0-10. How you feel then tells whether today's load suited you.";
  const due = !checkin || checkin.due;
  return part("Tomorrow morning", "fin-checkin",
    h("p", null, text),
    due ? reminderBlock(opts, checkin, online) : null,
    h("a", { class: "fin-link", href: checkin?.url ?? "/checkin" }, "Open the check-in"));
}

function render(screen, opts, summary) {
  const online = navigator.onLine;
  const sets = summary ? summary.sets_text : known(opts.known);
  fill(screen,
    h("h1", { class: "pl-title", tabindex: -1 }, "Session complete"),
    h("p", { class: "fin-lead", id: "fin-sets" }, `Well done! ${sets}.`),
    summary?.took ? h("p", { class: "fin-took", id: "fin-took" }, `Time taken: ${summary.took}`) : null,
    summary ? null : h("p", { class: "fin-wait", id: "fin-wait", role: "status" }, online ?
      "Sending your sets, then your summary comes…" :
      "You are offline: your sets are kept on this phone. The full summary (left and right, pain, personal bests, next time) comes when you are back online."),
    summary ? [painPart(summary.pain), sidesPart(summary.sides), bestsPart(summary.bests),
      nextPart(summary.next_time, summary.unchanged)] : null,
    checkinPart(opts, summary?.checkin ?? null, online),
    h("a", { class: "pl-primary", href: opts.historyUrl }, "See your history"));
  screen.dataset.summary = summary ? "full" : "known";
  screen.dataset.online = String(online);
}

async function fetchSummary(opts) {
  const id = encodeURIComponent(opts.sessionId());
  const res = await fetch(`${opts.api}/sessions/${id}/summary`, { credentials: "same-origin", cache: "no-store",
    headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  return res.json();
}

// The summary once the server has every set of the session and its finish; null until then.
async function tryFull(opts) {
  if (!navigator.onLine) return null;
  try {
    await opts.outbox.drain();
    const waiting = (await opts.outbox.summary()).entries.some((e) => e.sessionId === opts.sessionId() && !e.refused);
    if (waiting) return null;
    return await fetchSummary(opts);
  } catch {
    return null;
  }
}

// opts: { api, sessionId: () => id, known: {done, planned, skipped}, historyUrl, outbox }
export function showFinish(screen, opts) {
  const state = { filled: false, timer: null, notifyTimer: null };
  opts = { ...opts, state };
  screen.dataset.step = "";
  screen.dataset.status = "finished";
  render(screen, opts, null);
  $(screen, "h1").focus({ preventScroll: true });
  const attempt = async () => {
    clearTimeout(state.timer);
    if (state.filled) return;
    if (screen.dataset.online !== String(navigator.onLine)) render(screen, opts, null);
    const summary = await tryFull(opts);
    if (summary && !state.filled) {
      state.filled = true;
      window.removeEventListener("online", attempt);
      window.removeEventListener("offline", offline);
      render(screen, opts, summary);
      return;
    }
    if (navigator.onLine) state.timer = setTimeout(attempt, RETRY_MS);
  };
  const offline = () => { if (!state.filled) render(screen, opts, null); };
  window.addEventListener("online", attempt);
  window.addEventListener("offline", offline);
  attempt();
  return state;
}
