// What the player shows. The view builds a screen when the step changes and afterwards only
// rewrites the clock, so what the user is typing is never thrown away by a redraw.

import { $, capital, clock, fill, h, howTo, lastSummary, minutesLeft, plural, range, sectionName } from "./dom.js";
import { canVibrate, isOn, setOn } from "./cues.js";
import { blockLeft, currentStep, duration, inBlock, nextWork, prefillFor, progress, remaining, shown, stepLeft } from "./machine.js";
import { figureBox } from "./figure.js";

// Pain during a set, in the clinic's traffic light (docs/analysis.md): 0-3 green, 4-5 amber, 6+ red.
const PAIN_LIGHT = (n) => (n <= 3 ? "green" : n <= 5 ? "amber" : "red");
const RPE_CHIPS = [6, 7, 8, 9, 10];
const RPE_SEEN = "ss.rpe-explained";
export const NOTE_MAX = 2000; // as the server's rule for a set's note

// `step` is a number, or a function giving it (the load's step follows the unit chosen).
function stepper(id, text, value, { min = 0, max = 1000, step = 1, unit = null, fewer, more, onchange }) {
  const by = typeof step === "function" ? step : () => step;
  const input = h("input", { id, name: id, type: "number", inputmode: id === "load" ? "decimal" : "numeric",
    // Any load she owns can be typed (8 kg, 12 lb); the buttons step by her own increment.
    min, max, step: id === "load" ? "any" : step, value: value ?? "", placeholder: id === "load" ? "–" : "" });
  const bump = (sign) => () => {
    const now = input.value === "" ? 0 : Number(input.value);
    const next = Math.min(max, Math.max(min, Math.round((now + sign * by()) * 100) / 100));
    input.value = String(next);
    onchange();
  };
  input.addEventListener("change", onchange);
  return h("div", { class: "pl-field" },
    h("div", { class: "pl-name" }, h("label", { for: id }, text), unit),
    h("div", { class: "pl-stepper" },
      h("button", { type: "button", class: "pl-bump", "aria-label": fewer, onclick: bump(-1) }, "−"),
      input,
      h("button", { type: "button", class: "pl-bump", "aria-label": more, onclick: bump(1) }, "+")));
}

// The hold in each rep of a set counted in reps, as the routine writes it: "hold 5 s each".
function repHold(step) {
  return `hold ${range(step.rep_hold_seconds)} s each`;
}

export class View {
  constructor(root, actions) {
    this.root = root;
    this.act = actions;
    this.shownKey = null;
    this.lastClock = null;
    // The page's own content (a title, a noscript note) gives way; the live region stays.
    for (const kid of [...root.childNodes]) if (kid.id !== "timer-live") kid.remove();
    const app = h("div", { class: "pl-app" });
    root.prepend(app);
    this.app = app;
    fill(app, 
      h("div", { class: "pl-top", id: "top", hidden: true },
        h("div", { class: "pl-progress", role: "progressbar", "aria-label": "Session progress",
          "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": 0 }, h("span")),
        h("p", { class: "pl-left", id: "time-left" })),
      h("p", { class: "pl-queue", id: "queue-status", role: "status", hidden: true }),
      h("div", { id: "screen", class: "pl-screen" }, h("p", { class: "pl-loading" }, "Loading the routine…")),
      this.settings());
    this.screen = $(root, "#screen");
  }

  settings() {
    const toggle = (channel, text) => h("label", { class: "pl-toggle" },
      h("input", { type: "checkbox", checked: isOn(channel), onchange: (e) => setOn(channel, e.target.checked) }),
      text);
    const steps = (unit, choices) => h("div", { class: "pl-field" },
      h("label", { for: `step-${unit}` }, `+/− step in ${unit}`),
      h("select", { id: `step-${unit}`, onchange: (e) => this.act.setLoadStep(unit, Number(e.target.value)) },
        choices.map((n) => h("option", { value: n, selected: n === this.act.loadStep(unit) }, `${n} ${unit}`))));
    return h("details", { class: "pl-settings" }, h("summary", null, "Sound, voice, vibration and load steps"),
      toggle("sound", "Beeps"), toggle("voice", "Spoken cues"),
      canVibrate() ? toggle("vibrate", "Vibration") : null,
      steps("kg", [1, 2.5]), steps("lb", [2.5, 5]));
  }

  showMessage(title, text) {
    this.shownKey = null;
    this.screen.dataset.step = "";
    this.screen.dataset.status = "message";
    $(this.root, "#top").hidden = true;
    fill(this.screen, h("h1", { class: "pl-title" }, title), h("p", { class: "pl-text" }, text));
  }

  // Before a session: the routine, how long it takes, and Start (or Resume).
  showStart(routine, { resumeAt, busy, ended }) {
    this.shownKey = null;
    this.screen.dataset.step = "";
    this.screen.dataset.status = "start";
    $(this.root, "#top").hidden = true;
    const est = routine.plan?.total_seconds ?? routine.estimated_seconds?.total;
    const minutes = est ? `${Math.round(est[0] / 60)}-${Math.round(est[1] / 60)} min` : "";
    const sets = routine.plan ? routine.plan.steps.filter((s) => s.kind === "work" && !s.optional).length : 0;
    fill(this.screen, 
      h("h1", { class: "pl-title" }, routine.title ?? "Routine"),
      h("p", { class: "pl-text" }, [minutes, sets ? plural(sets, "set", "sets") : ""].filter(Boolean).join(" · ")),
      resumeAt ? h("p", { class: "pl-text" }, resumeAt) : null,
      ended && !resumeAt ? h("p", { class: "pl-text", id: "ended-note" },
        "Your last session of this routine was ended on another page or phone. Start begins a new one.") : null,
      h("button", { type: "button", class: "pl-primary", id: "start", disabled: busy, onclick: () => this.act.start() },
        resumeAt ? "Carry on" : "Start"),
      routine.equipment?.length ? h("details", { class: "pl-how" }, h("summary", null, "What you need"),
        h("ul", null, routine.equipment.map((e) => h("li", null, e)))) : null);
  }

  showDone(summary) {
    this.shownKey = null;
    this.screen.dataset.step = "";
    this.screen.dataset.status = "finished";
    $(this.root, "#top").hidden = true;
    fill(this.screen, 
      h("h1", { class: "pl-title", tabindex: -1 }, "Session complete"),
      h("p", { class: "pl-text" }, `Well done! ${plural(summary.sets, "set", "sets")} done.`),
      h("a", { class: "pl-primary", href: summary.historyUrl }, "See your history"));
    $(this.screen, "h1").focus({ preventScroll: true });
  }

  // The whole screen for the current step; rebuilt only when the step or status changes.
  showStep(state, ctx) {
    const step = currentStep(state);
    const key = `${state.index}:${state.status}`;
    if (this.shownKey === key) return;
    const [shownIndex, shownStatus] = (this.shownKey ?? ":").split(":");
    const sameStep = shownIndex === String(state.index) && shownStatus !== "ready" && state.status !== "ready";
    this.shownKey = key;
    this.screen.dataset.step = step.key;
    this.screen.dataset.status = state.status;
    const hadFocus = this.root.contains(document.activeElement) ? document.activeElement.id : null;
    $(this.root, "#top").hidden = false;
    if (!sameStep) {
      this.form = this.buildForm(state, step, ctx);
      this.formKey = step.key;
      this.figure = null; // made with the step's clock
    }
    fill(this.screen, 
      this.heading(step, ctx, state),
      this.clockBlock(state, step, ctx),
      this.form,
      state.status === "ready" ?
        h("button", { type: "button", class: "pl-primary", id: "start", onclick: () => this.act.start() }, "Resume") :
        this.controls(state),
      this.upNext(state, step, ctx),
      this.howBlock(step, state, ctx),
      state.status === "ready" ? null :
        h("button", { type: "button", class: "pl-quiet", id: "finish", onclick: (e) => this.confirmFinish(e.currentTarget) },
          "Finish session"));
    const again = hadFocus && document.getElementById(hadFocus);
    if (again) again.focus({ preventScroll: true });
    // A new step starts at the top: its name, side and clock, not where Done was tapped.
    if (!sameStep) window.scrollTo(0, 0);
    this.lastClock = null;
    this.updateClock(state, ctx.now());
  }

  // While a set is written: the same screen, with Done, Back, Pause and Skip held.
  showSaving(state) {
    const on = state.status === "saving";
    this.screen.dataset.status = state.status;
    for (const id of ["done", "back", "pause", "skip"]) {
      const el = this.screen.querySelector(`#${id}`);
      if (el) el.disabled = on;
    }
  }

  heading(step, ctx, state) {
    const section = sectionName(ctx.routine, step);
    let title = shown(step) ?? "Set up";
    let sub = "";
    if (step.kind === "work") {
      sub = [`Set ${step.set_number} of ${step.sets_total}`, step.side ? `${capital(step.side)} leg` : null,
        step.optional ? "optional" : null].filter(Boolean).join(" · ");
    } else if (step.kind === "rest") {
      title = "Rest";
      sub = `After ${shown(step)}, set ${step.set_number} of ${step.sets_total}`;
    } else if (step.kind === "switch") {
      title = "Switch sides";
      sub = `${shown(step)}: ${step.side} leg next`;
    } else {
      title = "Set up";
    }
    // In a block done for a time (AMRAP): the time left in it (updateClock keeps it going)
    // and a way to end it sooner.
    const block = inBlock(state) ? h("span", { class: "pl-block" }, " · ",
      h("span", { id: "block-left", role: "timer", "aria-label": "Time left in the block" }),
      " left in the block ",
      state.status === "ready" ? null : h("button", { type: "button", class: "pl-quiet", id: "end-block",
        disabled: state.status === "saving", onclick: () => this.act.endBlock() }, "End block")) : null;
    return h("header", { class: "pl-head" },
      h("p", { class: "pl-section" }, section, block),
      h("div", { class: "pl-name-row" },
        h("h1", { class: "pl-exercise", id: "exercise", tabindex: -1 }, title),
        this.howButton(step, state, ctx)),
      sub ? h("p", { class: step.kind === "work" ? "pl-set" : "pl-set pl-rest-of", id: "set-info" }, sub) : null,
      step.kind === "work" && step.variation ?
        h("p", { class: "pl-instead", id: "instead" }, h("span", { class: "pl-badge" }, "substituted"),
          ` in place of ${step.name}`) : null,
      step.kind === "setup" && step.variation ?
        h("p", { class: "pl-instead", id: "instead" }, h("span", { class: "pl-badge" }, "substituted"),
          " for the equipment you don't have") : null);
  }

  clockBlock(state, step, ctx) {
    const timed = duration(step) !== null;
    const kind = step.kind === "work" ? (step.hold_seconds ? "Hold" : "Reps") :
      step.kind === "rest" ? "Rest" : step.kind === "switch" ? "Switch" : "Setup";
    let big;
    if (timed) big = h("div", { class: "pl-clock", id: "clock", role: "timer", "aria-label": `${kind} time left` });
    else if (step.kind === "work" && step.distance) big = h("div", { class: "pl-target", id: "clock" }, step.distance);
    else if (step.kind === "work" && !step.reps && !step.max_reps) {
      // No counts (a stretch or a mobility item): done for as long as she likes.
      big = h("p", { class: "pl-text pl-setup", id: "clock" }, "As long as you like");
    } else if (step.kind === "work") {
      // Reps each held for a time ('10 reps, hold 5 s each') say the hold under the reps.
      big = h("div", { class: "pl-target", id: "clock" }, step.max_reps ? "Max" : range(step.reps),
        h("span", null, step.max_reps ? " reps" : " reps"),
        step.rep_hold_seconds ? h("span", { class: "pl-rep-hold", id: "rep-hold" }, repHold(step)) : null);
    } else big = h("p", { class: "pl-text pl-setup", id: "clock" }, step.variation ?? step.text ?? "");
    // On a work step the figure stands beside the clock and today's target, in room they
    // leave empty: the set form and Done stay about where they were.
    // A pause keeps it as it is: the same drawing, not drawn again.
    const url = step.kind === "work" ? ctx.figure?.(step) : null;
    if (url && this.figure?.url !== url) {
      const nodes = figureBox(url, { name: shown(step), side: step.side,
        onGone: () => nodes[0].parentElement?.classList.remove("pl-with-figure") });
      this.figure = { url, nodes };
    }
    const figure = url && this.figure.nodes[0].dataset.state !== "none" ? this.figure.nodes : null;
    const box = h("div", { class: `pl-clockbox pl-${kind.toLowerCase()}${figure ? " pl-with-figure" : ""}` });
    box.append(...[
      state.status === "paused" ? h("p", { class: "pl-paused" }, "Paused") : null,
      ...(figure ?? []),
      big,
      url ? h("div", { class: "pl-aim" }, this.aimNotes(step, ctx)) : null,
      step.kind === "rest" && state.status !== "ready" ?
        h("button", { type: "button", class: "pl-secondary", id: "add-rest", onclick: () => this.act.addRest() }, "+15 s") : null,
    ].filter(Boolean));
    return box;
  }

  buildForm(state, step, ctx) {
    if (step.kind !== "work") {
      if (step.kind !== "setup" || state.status === "ready") return h("div", { id: "set-form" });
      return h("form", { id: "set-form", class: "pl-form", onsubmit: (e) => { e.preventDefault(); this.act.complete({}); } },
        h("button", { type: "submit", class: "pl-primary", id: "done" }, "Ready"));
    }
    const fill = prefillFor(state, step);
    const unitName = fill.unit ?? ctx.unit();
    const change = () => this.act.adjust(this.readAmounts());
    const fields = [];
    // Reps where the set counts them; a load too for a distance (a carry); a stretch with no
    // counts has nothing to fill in but Done.
    const counted = step.reps || step.max_reps;
    if (!step.hold_seconds && (counted || step.distance)) {
      if (counted) {
        fields.push(stepper("reps", "Reps", fill.reps, { max: 300, fewer: "One rep fewer", more: "One rep more", onchange: change }));
      }
      const unit = h("select", { id: "unit", name: "unit", "aria-label": "Load unit", onchange: () => {
        ctx.setUnit(unit.value);
        change();
      } }, ["kg", "lb"].map((u) => h("option", { value: u, selected: u === unitName }, u)));
      fields.push(stepper("load", "Load", fill.load, { max: 1000, step: () => this.act.loadStep(unit.value), unit,
        fewer: "Less load", more: "More load", onchange: change }));
    }
    const done = step.hold_seconds ? "End hold now" : "Done";
    return h("form", { id: "set-form", class: "pl-form", onsubmit: (e) => {
      e.preventDefault();
      this.act.complete({ ...this.readAmounts(), ...this.readExtras(step.key) });
    } },
      // Beside the figure when there is one (clockBlock), else at the top of the form.
      ctx.figure?.(step) ? null : this.aimNotes(step, ctx),
      fields,
      // A stretch of the cool-down is not rated for effort; pain is asked everywhere.
      this.chips(ctx.routine?.sections?.[step.section]?.kind !== "cool-down"),
      state.status === "ready" ? null :
        h("button", { type: "submit", class: step.hold_seconds ? "pl-secondary" : "pl-primary", id: "done" }, done),
      h("details", { class: "pl-extra" }, h("summary", null, "Add a note"),
        h("div", { class: "pl-field pl-wide" }, h("label", { for: "note" }, "Note"),
          h("textarea", { id: "note", name: "note", rows: 3, maxlength: NOTE_MAX,
            "aria-describedby": "note-room", oninput: (e) => this.noteRoom(e.target) }),
          h("p", { class: "pl-small", id: "note-room" }, `Up to ${NOTE_MAX} characters.`))));
  }

  // Today's target and what she did last time.
  aimNotes(step, ctx) {
    const last = lastSummary(ctx.lastTime(step));
    const aim = ctx.target?.(step);
    return [aim ? h("p", { class: `pl-today pl-${aim.action === "stop" ? "stop" : "aim"}`, id: "today" }, aim.text) : null,
      last ? h("p", { class: "pl-last" }, `Last time: ${last}`) : null];
  }

  // RPE and pain for the set, one tap each and both optional: a second tap takes it back.
  chips(effort = true) {
    const group = (name, label, values, cls) => h("fieldset", { class: "pl-chips", id: `${name}-chips` },
      h("legend", null, label),
      h("div", { class: `pl-chiprow pl-${name}row` }, values.map((n) => h("button", {
        type: "button", class: `pl-chip ${cls(n)}`, "data-value": n, "aria-pressed": "false",
        "aria-label": `${name === "rpe" ? "RPE" : "Pain"} ${n}`,
        onclick: (e) => {
          const chip = e.currentTarget;
          const on = chip.getAttribute("aria-pressed") !== "true";
          for (const other of chip.parentNode.children) other.setAttribute("aria-pressed", "false");
          chip.setAttribute("aria-pressed", on ? "true" : "false");
          if (name === "rpe") this.rpeExplained();
        } }, String(n)))));
    let seen = false;
    try { seen = localStorage.getItem(RPE_SEEN) === "1"; } catch { /* private mode */ }
    return h("div", { class: "pl-rate" },
      effort ? group("rpe", "How hard (RPE)", RPE_CHIPS, () => "pl-rpe") : null,
      seen || !effort ? null : h("p", { class: "pl-small", id: "rpe-help" },
        "RPE is how hard the set felt: 10 = not one more rep, 8 = two more in the tank, 6 = easy."),
      group("pain", "Pain (0 none – 10 worst)", [...Array(11).keys()], (n) => `pl-pain-${PAIN_LIGHT(n)}`));
  }

  // RPE is explained until she has rated a set or played a session through.
  rpeExplained() {
    try { localStorage.setItem(RPE_SEEN, "1"); } catch { /* private mode */ }
  }

  noteRoom(area) {
    const left = NOTE_MAX - area.value.length;
    const el = $(this.form, "#note-room");
    if (el) el.textContent = left < 200 ? `${left} characters left.` : `Up to ${NOTE_MAX} characters.`;
  }

  readAmounts() {
    const num = (id) => {
      const el = this.form && $(this.form, `#${id}`);
      return el && el.value !== "" && Number.isFinite(Number(el.value)) ? Number(el.value) : null;
    };
    const unit = this.form && $(this.form, "#unit");
    const load = num("load");
    return { reps: num("reps"), load, unit: load === null ? null : unit?.value ?? null, clearLoad: load === null };
  }

  // Pain and note typed for the step `key`, if its form is on screen.
  readExtras(key) {
    if (!this.form || !this.shownKey || !this.form.isConnected) return {};
    if (this.formKey && this.formKey !== key) return {};
    const chosen = (name) => {
      const chip = $(this.form, `#${name}-chips [aria-pressed="true"]`);
      return chip ? Number(chip.dataset.value) : null;
    };
    const note = $(this.form, "#note");
    return { rpe: chosen("rpe"), pain: chosen("pain"), note: note ? note.value.trim() : "" };
  }

  controls(state) {
    const paused = state.status === "paused";
    const busy = state.status === "saving";
    return h("div", { class: "pl-controls", role: "group", "aria-label": "Player controls" },
      h("button", { type: "button", id: "back", disabled: busy, onclick: () => this.act.back() }, "Back"),
      h("button", { type: "button", id: "pause", disabled: busy, "aria-pressed": paused ? "true" : "false",
        onclick: () => (paused ? this.act.resume() : this.act.pause()) }, paused ? "Resume" : "Pause"),
      h("button", { type: "button", id: "skip", disabled: busy, onclick: () => this.act.skip() }, "Skip"));
  }

  upNext(state, step, ctx) {
    const show = nextWork(state.steps, state.index);
    if (!show) return h("p", { class: "pl-next", id: "up-next" }, "Last set of the session");
    const side = show.side ? ` · ${show.side} leg` : "";
    return h("section", { class: "pl-next", id: "up-next", "aria-label": "Up next" },
      h("h2", null, "Up next"),
      h("p", null, h("strong", null, shown(show)), ` · set ${show.set_number} of ${show.sets_total}${side}`,
        show.reps ? ` · ${range(show.reps)} reps${show.rep_hold_seconds ? ` · ${repHold(show)}` : ""}` :
          show.hold_seconds ? ` · ${range(show.hold_seconds)} s` : show.distance ? ` · ${show.distance}` : ""),
      show.section !== step.section ? h("p", { class: "pl-small" }, sectionName(ctx.routine, show)) : null);
  }

  // The how-to for a step: during a rest or a switch it is for what comes next.
  howOf(step, state, ctx) {
    const about = step.kind === "work" ? step : nextWork(state.steps, state.index) ?? step;
    const info = about.name ? howTo(ctx.routine, about.name) : null;
    if (!info) return null;
    const sub = about.variation ? (ctx.substitutions ?? []).find((x) => x.exercise === about.name) : null;
    // Done another way: the steps less the sentences that need what she lacks.
    const steps = sub?.steps ?? info.steps;
    const cues = sub?.cues ?? info.cues;
    const mistakes = sub?.mistakes ?? info.mistakes;
    const figure = ctx.figure?.(about);
    return { title: `How to do the ${shown(about).toLowerCase()}`, body: () => [
      figure ? h("img", { class: "pl-how-figure", src: figure, width: 160, height: 160, loading: "lazy",
        alt: `The ${shown(about).toLowerCase()}${about.side ? `, ${about.side} leg` : ""}, drawn through one rep`,
        onerror: (e) => e.currentTarget.remove() }) : null,
      sub ? h("p", { class: "pl-instead-how" }, h("strong", null, `${sub.variation}: `), sub.how) : null,
      steps?.length ? h("ol", null, steps.map((s) => h("li", null, s))) : null,
      cues?.length ? h("p", null, h("strong", null, "Think: "), cues.join(" · ")) : null,
      mistakes?.length ? h("p", null, h("strong", null, "Avoid: "), mistakes.join(" ")) : null] };
  }

  howBlock(step, state, ctx) {
    const how = this.howOf(step, state, ctx);
    if (!how) return null;
    return h("details", { class: "pl-how", open: step.kind === "rest" || step.kind === "setup" },
      h("summary", null, how.title), how.body());
  }

  // Beside the exercise's name on every step: the how-to over the player, closed with one tap.
  howButton(step, state, ctx) {
    const how = this.howOf(step, state, ctx);
    if (!how) return null;
    return h("button", { type: "button", class: "pl-how-to", id: "how-to", "aria-haspopup": "dialog",
      "aria-label": how.title, onclick: () => this.showHow(how) }, "How to");
  }

  showHow(how) {
    const dialog = h("dialog", { class: "pl-dialog", id: "how-dialog", "aria-labelledby": "how-title" },
      h("div", { class: "pl-dialog-head" }, h("h2", { id: "how-title" }, how.title),
        h("button", { type: "button", class: "pl-quiet", id: "how-close", onclick: () => dialog.close() }, "Close")),
      how.body());
    dialog.addEventListener("close", () => dialog.remove());
    // A tap on the dimmed player around it closes it too.
    dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
    this.root.append(dialog);
    dialog.showModal();
  }

  confirmFinish(button) {
    if (button.dataset.armed) {
      this.act.finish();
      return;
    }
    button.dataset.armed = "1";
    button.textContent = "Tap again to finish";
    setTimeout(() => {
      if (button.isConnected) {
        delete button.dataset.armed;
        button.textContent = "Finish session";
      }
    }, 4000);
  }

  // Called every frame while a timer runs: writes only what changed.
  updateClock(state, now) {
    const step = currentStep(state);
    if (!step) return;
    const left = stepLeft(state, now);
    const el = $(this.screen, "#clock.pl-clock");
    const text = left === null ? (state.status === "ready" && duration(step) !== null ? clock(duration(step)) : null) : clock(left);
    if (el && text !== null && text !== this.lastClock) {
      el.textContent = text;
      this.lastClock = text;
    }
    const inTheBlock = blockLeft(state, now);
    const blockEl = $(this.screen, "#block-left");
    if (blockEl && inTheBlock !== null && blockEl.textContent !== clock(inTheBlock)) {
      blockEl.textContent = clock(inTheBlock);
    }
    const fraction = Math.round(progress(state, now) * 100);
    const bar = $(this.root, ".pl-progress");
    if (bar.getAttribute("aria-valuenow") !== String(fraction)) {
      bar.setAttribute("aria-valuenow", String(fraction));
      bar.firstChild.style.width = `${fraction}%`;
    }
    const leftText = minutesLeft(remaining(state, now));
    const leftEl = $(this.root, "#time-left");
    if (leftEl.textContent !== leftText) leftEl.textContent = leftText;
  }

  showQueue(summary, online) {
    const el = $(this.root, "#queue-status");
    const parts = [];
    if (summary.waiting) {
      parts.push(`${plural(summary.waiting, "set", "sets")} waiting to be sent`);
      if (!online) parts.push("(offline: they go when you are back online)");
      else if (summary.problem === "signin") parts.push("(sign in again to send them)");
    }
    el.replaceChildren();
    if (parts.length) el.append(parts.join(" "));
    for (const entry of summary.refused) {
      el.append(h("span", { class: "pl-refused" }, `A set (${this.act.nameOf(entry.body.step_key)}) was refused: ${entry.refused}. `,
        h("button", { type: "button", class: "pl-quiet", onclick: () => this.act.discard(entry.seq) }, "Discard it")));
    }
    el.hidden = !el.childNodes.length;
    el.dataset.waiting = String(summary.waiting);
  }

  showProblem(message) {
    const el = h("p", { class: "pl-problem", role: "alert" }, message);
    this.screen.prepend(el);
  }
}
