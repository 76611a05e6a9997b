// How cues reach the user: beeps (Web Audio), spoken words (speechSynthesis), vibration, and
// the screen reader's live region. Each channel can be switched off; the choice is kept in
// localStorage. Every channel is optional: a browser without it simply stays quiet.

const PREFS = { sound: "ss.sound", voice: "ss.voice", vibrate: "ss.vibrate" };

export const canVibrate = () => typeof navigator.vibrate === "function";
export const canSpeak = () => "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;

export function isOn(channel) {
  try {
    return localStorage.getItem(PREFS[channel]) !== "off";
  } catch {
    return true;
  }
}

export function setOn(channel, on) {
  try {
    localStorage.setItem(PREFS[channel], on ? "on" : "off");
  } catch { /* private mode: the choice lasts for this page only */ }
  if (channel === "voice" && !on && canSpeak()) speechSynthesis.cancel();
}

// Tone patterns per cue kind: [frequency Hz, length s, gap s] triples.
const TONES = {
  countdown: [[880, 0.12, 0]],
  halfway: [[660, 0.1, 0.08], [660, 0.1, 0]],
  go: [[1320, 0.25, 0]],
  switch: [[990, 0.15, 0.08], [1320, 0.2, 0]],
  next: [[990, 0.15, 0]],
  done: [[660, 0.15, 0.05], [880, 0.15, 0.05], [1320, 0.3, 0]],
};
const BUZZ = { countdown: [80], go: [300], switch: [150, 80, 150], halfway: [60, 60, 60], next: [120], done: [200, 100, 400] };

let audio = null;

// Browsers start audio only after a tap: call this from the tap that starts the session.
export function unlock() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  try {
    audio ??= new Ctx();
    if (audio.state === "suspended") audio.resume().catch(() => {});
  } catch {
    audio = null;
  }
}

function beep(kind) {
  if (!audio) return;
  if (audio.state === "suspended") audio.resume().catch(() => {});
  let at = audio.currentTime + 0.01;
  for (const [freq, length, gap] of TONES[kind] ?? TONES.countdown) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.5, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + length + 0.02);
    at += length + gap;
  }
}

function say(text) {
  if (!canSpeak()) return;
  try {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.rate = 1.05;
    utterance.onerror = () => {}; // no voice installed: the beep and the screen still tell
    if (text.length <= 2) speechSynthesis.cancel(); // a count must not queue behind words
    speechSynthesis.speak(utterance);
  } catch { /* speech is a nicety */ }
}

export function announce(live, text) {
  if (!live) return;
  // The same words twice in a row ("1" after "1") are changed a little so they are read again.
  live.textContent = live.textContent === text ? `${text}\u00a0` : text;
}

// Plays one cue on every channel that is on.
export function play(cue) {
  if (isOn("sound")) beep(cue.kind);
  if (isOn("vibrate") && canVibrate()) {
    try { navigator.vibrate(BUZZ[cue.kind] ?? [80]); } catch { /* not allowed now */ }
  }
  if (isOn("voice")) say(cue.text);
}

// Keeps the screen on during a session. The browser drops the lock whenever the page is
// hidden, so it is asked for again each time the page comes back.

let lock = null;
let wanted = false;

async function acquire() {
  if (!wanted || lock || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
  try {
    lock = await navigator.wakeLock.request("screen");
    lock.addEventListener("release", () => { lock = null; });
  } catch {
    lock = null; // refused (battery saver, no permission): the session works without it
  }
}

export function keepAwake(on) {
  wanted = on;
  if (on) acquire();
  else if (lock) {
    lock.release().catch(() => {});
    lock = null;
  }
}

export const awake = () => lock !== null && !lock.released;

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") acquire();
});
