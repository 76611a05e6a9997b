// IndexedDB, promise-shaped: the outbox of requests waiting to be sent and a small key-value
// store for what a reload needs (session id, plan, where the player is).

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
