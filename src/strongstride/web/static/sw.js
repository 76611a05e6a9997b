// The service worker: the player keeps working with no network. It keeps the app shell (the
// play page, its script modules and styles) and the routine JSON, always asking the network
// first and falling back to the copy it kept. It never touches writes: those wait in the
// page's IndexedDB outbox until they are sent.

const CACHE = "strongstride-v1";
const SHELL = [
  "/static/player.js", "/static/machine.js", "/static/queue.js", "/static/store.js",
  "/static/view.js", "/static/dom.js", "/static/cues.js", "/static/howto.js", "/static/wake.js",
  "/static/finish.js",
  "/static/player.css", "/static/app.css",
];
const WAIT_FOR_NETWORK = 4000; // a slow network is no better than none on the mat

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one: a missing file must not stop the others from being kept.
    await Promise.all(SHELL.map((url) => cache.add(url).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("strongstride-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Which GET requests are kept: the shell, play pages and routine JSON; nothing else.
function kept(url, request) {
  if (url.origin !== self.location.origin) return false;
  if (request.mode === "navigate") return url.pathname.startsWith("/play/");
  return url.pathname.startsWith("/static/") || url.pathname.startsWith("/api/routines/");
}

const keyOf = (url) => url.origin + url.pathname; // a query string does not make a new page

async function networkFirst(request, url) {
  const cache = await caches.open(CACHE);
  // Static files are checked with the server each time (a 304 is cheap), so a new version
  // of the player reaches the phone on its next visit rather than when the HTTP cache expires.
  const asked = url.pathname.startsWith("/static/") ? new Request(request, { cache: "no-cache" }) : request;
  try {
    const response = await Promise.race([
      fetch(asked),
      new Promise((_, reject) => setTimeout(() => reject(new Error("slow")), WAIT_FOR_NETWORK)),
    ]);
    if (response.ok && response.type === "basic") await cache.put(keyOf(url), response.clone());
    return response;
  } catch (err) {
    const copy = await cache.match(keyOf(url));
    if (copy) return copy;
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!kept(url, request)) return;
  event.respondWith(networkFirst(request, url));
});

// The page asks to keep what it loaded before this worker was in charge of it.
self.addEventListener("message", (event) => {
  const urls = event.data && event.data.type === "keep" ? event.data.urls : [];
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const path of urls) {
      const url = new URL(path, self.location.origin);
      if (url.origin !== self.location.origin) continue;
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.ok) await cache.put(keyOf(url), response);
      } catch { /* offline: the next visit keeps it */ }
    }
  })());
});
