// The service worker: the player keeps working with no network. It keeps the app shell (the
// play page, its script modules and styles) and the routine JSON, always asking the network
// first and falling back to the copy it kept, and the figures of the routine's exercises
// (kept first: one changes only with the app, and the page asks for them again to refresh). Her history and dashboard are kept as last seen
// online and shown offline marked as such; any other page asked for offline is a page that
// says what works without the network. It never touches writes: those wait in the page's
// IndexedDB outbox until they are sent.

const CACHE = "strongstride-v1";
const SHELL = [
  "/static/player.js", "/static/machine.js", "/static/queue.js", "/static/view.js",
  "/static/dom.js", "/static/cues.js", "/static/finish.js", "/static/figure.js",
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

// Her own pages kept as last seen, offline, with what to call them.
const LAST_SEEN = { "/history": ["your history", "History"], "/dashboard": ["your dashboard", "Dashboard"] };
const KEPT_AT = "x-strongstride-kept-at";

// Which GET requests are kept: the shell, play pages, routine JSON and her last-seen pages.
function kept(url, request) {
  if (url.origin !== self.location.origin) return false;
  if (request.mode === "navigate") return url.pathname.startsWith("/play/") || url.pathname in LAST_SEEN;
  return url.pathname.startsWith("/static/") || url.pathname.startsWith("/api/routines/");
}

// A query string does not make a new page; a figure's does (the side, the variation).
const isFigure = (url) => url.pathname.startsWith("/api/exercises/") && url.pathname.endsWith("/figure.svg");
const keyOf = (url) => url.origin + url.pathname + (isFigure(url) ? url.search : "");

// A figure: the kept copy if there is one, else the network's, kept.
async function figureFirst(request, url) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(keyOf(url));
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(keyOf(url), response.clone());
  return response;
}

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
    if (response.ok && response.type === "basic") await cache.put(keyOf(url), await stamped(response.clone()));
    return response;
  } catch (err) {
    const copy = await cache.match(keyOf(url));
    if (copy) return url.pathname in LAST_SEEN ? marked(copy, LAST_SEEN[url.pathname][0]) : copy;
    if (request.mode === "navigate") return offlinePage(url);
    throw err;
  }
}

// The copy remembers when it was seen.
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(KEPT_AT, String(Date.now()));
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

const when = (ms) => new Date(ms).toLocaleString([], { weekday: "short", day: "numeric", month: "short",
  hour: "2-digit", minute: "2-digit" });

// A last-seen page, served offline, says so at the top of its content.
async function marked(copy, what) {
  const at = Number(copy.headers.get(KEPT_AT));
  const note = `<p class="notice offline-copy" role="status">Offline: this is ${what} as of ${at ? when(at) : "your last visit online"}. ` +
    "It is brought up to date when you are back online.</p>";
  const html = (await copy.text()).replace(/<main\b[^>]*>/, (open) => `${open}\n${note}`);
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// What works with no network, from what this phone has kept.
async function offlinePage(url) {
  const cache = await caches.open(CACHE);
  const players = [];
  const pages = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const copy = await cache.match(request);
    if (path.startsWith("/play/")) {
      const title = /<title>([^<]*?)(?: · strongstride)?<\/title>/.exec(await copy.text())?.[1] ?? path.slice(6);
      players.push(`<li><a href="${escape(path)}">${title}</a></li>`);
    } else if (path in LAST_SEEN) {
      const at = Number(copy.headers.get(KEPT_AT));
      pages.push(`<li><a href="${escape(path)}">${LAST_SEEN[path][1]}</a>` +
        `${at ? `, as of ${when(at)}` : ""}</li>`);
    }
  }
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · strongstride</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<header class="top"><a class="brand" href="/">strongstride</a></header>
<main id="main" class="offline-page">
<h1>You are offline</h1>
<p class="lead">This page needs the network, and this phone has no connection just now.</p>
<h2>What works offline</h2>
<ul>
<li>The player, for the routines you have opened on this phone. Every set you log is kept on the phone and sent by itself when you are back online, never twice.${players.length ? `<ul>${players.join("")}</ul>` : ""}</li>
${pages.length ? `<li>Your pages as you last saw them online:<ul>${pages.join("")}</ul></li>` : "<li>Your history and your dashboard, once you have opened them online on this phone: you then see them as they were.</li>"}
</ul>
<h2>What waits for the network</h2>
<p>Signing in, the plan, the morning check-in, your equipment and account, downloads, and any routine not yet opened on this phone.</p>
<p><a class="button primary" href="${escape(url.pathname + url.search)}">Try again</a></p>
</main>
</body>
</html>`;
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Any other page opened with no network gets the offline page instead of the browser's error.
async function pageOrOffline(request, url) {
  try {
    return await fetch(request);
  } catch {
    return offlinePage(url);
  }
}

// Signing out or in (another person on this phone, maybe): her last-seen pages go.
async function forgetLastSeen() {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.keys(LAST_SEEN).map((path) => cache.delete(self.location.origin + path)));
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET") {
    if (url.origin === self.location.origin && ["/logout", "/login", "/register"].includes(url.pathname)) {
      event.waitUntil(forgetLastSeen());
    }
    return;
  }
  if (url.origin === self.location.origin && isFigure(url)) event.respondWith(figureFirst(request, url));
  else if (kept(url, request)) event.respondWith(networkFirst(request, url));
  else if (request.mode === "navigate" && url.origin === self.location.origin) event.respondWith(pageOrOffline(request, url));
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
