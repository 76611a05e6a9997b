// The outbox: every set is written to IndexedDB first (the local commit), then sent. An entry
// leaves the outbox only when the server answers 2xx (201 stored, 200 seen before or an edit
// of its step's set), so a retry after a lost answer is harmless: the server knows the set's
// key. Entries go oldest first, so a step logged again (Back, then Done) ends with its last set.

// The phone's storage (IndexedDB), promise-shaped: the outbox of requests waiting to be sent
// and a small key-value store for what a reload needs (session id, plan, where the player is).

const NAME = "strongstride";
const VERSION = 1;
let opened = null;

export function openDb() {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains("outbox")) db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      if (!db.objectStoreNames.contains("kv")) db.createObjectStore("kv");
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error("the database is open in an older tab"));
  });
  return opened;
}

// Runs `work(store)` in one transaction; resolves with the last request's result once the
// transaction has committed (so "put" means "on disk" when the promise resolves).
async function run(storeName, mode, work) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode, { durability: "strict" });
    let result;
    const req = work(tx.objectStore(storeName));
    if (req) req.onsuccess = () => { result = req.result; };
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("the write was cancelled"));
  });
}

export const kvGet = (key) => run("kv", "readonly", (s) => s.get(key));
export const kvSet = (key, value) => run("kv", "readwrite", (s) => s.put(value, key));
export const kvDelete = (key) => run("kv", "readwrite", (s) => s.delete(key));

export const outboxAdd = (entry) => run("outbox", "readwrite", (s) => s.add(entry));
export const outboxAll = () => run("outbox", "readonly", (s) => s.getAll());
export const outboxDelete = (seq) => run("outbox", "readwrite", (s) => s.delete(seq));
export const outboxPut = (entry) => run("outbox", "readwrite", (s) => s.put(entry));


const RETRY_FIRST = 2000;
const RETRY_MOST = 60000;

function messageOf(body, status) {
  const detail = body && Array.isArray(body.detail) ? body.detail : null;
  if (detail && detail.length) return detail.map((d) => d.message).join("; ");
  return `the server answered ${status}`;
}

export class Outbox {
  // csrf() gives the current token; refreshToken() fetches a new one (or null).
  constructor({ api, csrf, refreshToken, onChange, onSession }) {
    this.api = api;
    this.csrf = csrf;
    this.refreshToken = refreshToken;
    this.onChange = onChange ?? (() => {});
    this.onSession = onSession ?? (() => {});
    this.running = null;
    this.again = false;
    this.retryIn = RETRY_FIRST;
    this.retryTimer = null;
    this.problem = null; // why sending stopped, for the page ("sign in", ...)
    this.sent = []; // every answer, for tests and the curious
    this.last = null; // the latest summary
  }

  // Resolves once the entry is committed to IndexedDB; the count of what waits is read
  // again afterwards, without holding up the player's next screen.
  async addSet(sessionId, body) {
    const entry = { kind: "set", key: body.key, sessionId, body, created: Date.now() };
    entry.seq = await outboxAdd(entry);
    this.changed().catch(() => {});
    return entry;
  }

  // A session started offline: the server hears of it before any of its sets.
  async addStart(sessionId, body) {
    const entry = { kind: "start", key: `start:${sessionId}`, sessionId, body, created: Date.now() };
    entry.seq = await outboxAdd(entry);
    return entry;
  }

  async addFinish(sessionId) {
    const body = { ended_at: new Date().toISOString() }; // when it ended, not when it was sent
    const entry = { kind: "finish", key: `finish:${sessionId}`, sessionId, body, created: Date.now() };
    entry.seq = await outboxAdd(entry);
    await this.changed();
    return entry;
  }

  url(entry) {
    const id = encodeURIComponent(entry.sessionId);
    if (entry.kind === "start") return `${this.api}/sessions`;
    return entry.kind === "set" ? `${this.api}/sessions/${id}/sets` : `${this.api}/sessions/${id}/finish`;
  }

  async summary() {
    const all = await outboxAll();
    const sets = all.filter((e) => e.kind === "set");
    return {
      // One set per step: Back then Done queues two sends of one step, which is one set.
      waiting: new Set(sets.filter((e) => !e.refused).map((e) => `${e.sessionId} ${e.body.step_key}`)).size,
      refused: sets.filter((e) => e.refused),
      finishing: all.some((e) => e.kind === "finish" && !e.refused),
      problem: this.problem,
      entries: all,
    };
  }

  async changed() {
    this.last = await this.summary();
    this.onChange(this.last);
  }

  async discard(seq) {
    await outboxDelete(seq);
    await this.changed();
  }

  // Sends everything that waits, oldest first; one drain at a time.
  drain() {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.sendAll();
        } while (this.again);
      } finally {
        this.running = null;
        await this.changed();
      }
    })();
    return this.running;
  }

  async sendAll() {
    clearTimeout(this.retryTimer);
    let refreshed = false;
    const entries = (await outboxAll()).sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.refused) continue;
      if (entry.kind === "finish" &&
          entries.some((e) => e.kind === "set" && e.sessionId === entry.sessionId && !e.refused && !e.gone)) {
        continue; // a session is finished only after all its sets are in
      }
      let res;
      try {
        res = await fetch(this.url(entry), {
          method: "POST", credentials: "same-origin", cache: "no-store",
          headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": this.csrf() },
          body: JSON.stringify(entry.body),
        });
      } catch {
        return this.stop("offline", true);
      }
      let body = null;
      try { body = await res.json(); } catch { /* an empty or non-JSON answer */ }
      this.sent.push({ kind: entry.kind, key: entry.key, status: res.status, stored: body?.stored, body: entry.body });
      if (res.ok) {
        if (entry.kind === "start" && body?.id && body.id !== entry.sessionId) {
          await this.moveSession(entries.slice(i + 1), entry.sessionId, body.id);
        }
        entry.gone = true;
        await outboxDelete(entry.seq);
        this.problem = null;
        this.retryIn = RETRY_FIRST;
        await this.changed();
      } else if (res.status === 401) {
        return this.stop("signin", false);
      } else if (res.status === 403 && !refreshed) {
        refreshed = true; // the page's token may be stale (a page served from the cache)
        if (await this.refreshToken()) i--;
        else return this.stop("signin", false);
      } else if (res.status === 408 || res.status === 429 || res.status >= 500 || res.status === 403) {
        return this.stop("server", true);
      } else if (entry.kind === "finish" && entry.body.ended_at && res.status === 422) {
        delete entry.body.ended_at; // the phone's clock is behind the server's: let it say when
        await outboxPut(entry);
        i--;
      } else if (entry.kind !== "set") {
        entry.gone = true; // a session that cannot start or end here: nothing of the user's is lost
        await outboxDelete(entry.seq);
        await this.changed();
      } else {
        entry.refused = messageOf(body, res.status);
        await outboxPut(entry);
        await this.changed();
      }
    }
    return null;
  }

  // The server already had an active session of this routine: the sets go to that one.
  async moveSession(later, from, to) {
    this.onSession(from, to); // new sets go to the right session from now on
    const inHand = new Map(later.map((e) => [e.seq, e]));
    for (const stored of await outboxAll()) { // and so do the ones queued meanwhile
      const e = inHand.get(stored.seq) ?? stored;
      if (e.sessionId !== from) continue;
      e.sessionId = to;
      await outboxPut(e);
    }
  }

  stop(problem, retry) {
    this.problem = problem;
    if (retry && navigator.onLine) {
      this.retryTimer = setTimeout(() => this.drain(), this.retryIn);
      this.retryIn = Math.min(RETRY_MOST, this.retryIn * 2);
    }
    return null;
  }
}
