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
