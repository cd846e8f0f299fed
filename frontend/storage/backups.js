// Backups of stored data the engine could not read, kept before its slot is reused. They go
// to IndexedDB, which has far more room than localStorage (whose quota the unreadable data
// itself may be filling), else to localStorage; either way a backup counts as kept only
// when it reads back unchanged. The Progress page lists every backup, from both places and
// from earlier versions of the guide, to download, restore or delete.

import { store } from "./store.js";

const DB = "mlguide-backups";
const TABLE = "backups";
const TAG = ":backup:";
const mine = (key) => key.startsWith(`${store.namespace}:`) && key.includes(TAG);

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

let opened = null;
function database() {
  opened ??= new Promise((resolve, reject) => {
    const req = window.indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(TABLE, { keyPath: "key" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked"));
  }).catch((error) => {
    opened = null;
    throw error;
  });
  return opened;
}

async function table(mode) {
  return (await database()).transaction(TABLE, mode).objectStore(TABLE);
}

// The key names the store and the time: "mlguide:/ml-guide/:progress:backup:<ISO time>".
function describe(key, where, size) {
  const rest = key.slice(store.namespace.length + 1);
  const cut = rest.indexOf(TAG);
  return { key, where, size, name: rest.slice(0, cut), at: rest.slice(cut + TAG.length) };
}

async function keepInIndexedDB(key, raw) {
  await request((await table("readwrite")).put({ key, raw }));
  const back = await request((await table("readonly")).get(key));
  return back?.raw === raw;
}

function keepInLocalStorage(key, raw) {
  try {
    window.localStorage.setItem(key, raw);
    if (window.localStorage.getItem(key) === raw) return true;
    window.localStorage.removeItem(key); // a copy that differs is no copy
  } catch {
    /* no room, or blocked */
  }
  return false;
}

export const backups = {
  // { kept: true, key } only when a copy of `raw` reads back unchanged; else { kept: false }.
  async keep(name, raw) {
    const key = `${store.key(name)}${TAG}${new Date().toISOString()}`;
    try {
      if (await keepInIndexedDB(key, raw)) return { kept: true, key, where: "indexeddb" };
    } catch {
      /* no IndexedDB here: try localStorage */
    }
    return keepInLocalStorage(key, raw) ? { kept: true, key, where: "local" } : { kept: false };
  },

  // Every backup of this guide, newest first: [{ key, where, size, name, at }].
  async list() {
    const found = [];
    try {
      const rows = await request((await table("readonly")).getAll());
      for (const row of rows) if (mine(row.key)) found.push(describe(row.key, "indexeddb", row.raw.length));
    } catch {
      /* no IndexedDB here */
    }
    for (const name of store.names()) {
      const key = store.key(name);
      if (mine(key)) found.push(describe(key, "local", window.localStorage.getItem(key)?.length ?? 0));
    }
    return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  },

  async read({ key, where }) {
    if (where === "local") return window.localStorage.getItem(key);
    return (await request((await table("readonly")).get(key)))?.raw ?? null;
  },

  async remove({ key, where }) {
    if (where === "local") window.localStorage.removeItem(key);
    else await request((await table("readwrite")).delete(key));
  },
};

