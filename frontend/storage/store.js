// Browser storage for the reader's work, namespaced by the site's base path (two guides on
// one host never share data). Values are validated by the Python engine; this module never
// parses them. What it promises:
//
// - A write counts as saved only when localStorage took it and reads it back unchanged.
//   Every failed write is reported through `health()` and the "mlguide:storage" event,
//   whenever it happens, so a notice can say that saving stopped (page/saving.js).
// - When localStorage refuses, the value is kept in this page's memory and, if it takes
//   it, in sessionStorage, which survives reloads until the tab closes; `health().keeps`
//   says which, so a notice never promises more than is true.
// - A store a newer copy of the guide wrote is frozen: never written, never removed.
// - Unreadable data is backed up (backups.js) before its slot is reused; when no backup
//   fits, the slot is held, untouched, until the reader has downloaded it.
// - Another tab's changes arrive through the `storage` event (`watch`); `exclusive` keeps
//   one tab at a time between reading a store and writing it back.

import { siteRoot } from "../lib/site.js";

const NAMESPACE = `mlguide:${siteRoot.pathname}`;
const PREFIX = `${NAMESPACE}:`;
const memory = new Map(); // name -> this page's latest value, when storage refused it
const inSession = new Set(); // names whose latest value sessionStorage also holds
const failures = new Map(); // name -> why its last write did not reach localStorage
const frozen = new Map(); // name -> the version of the newer guide that wrote it
const held = new Map(); // name -> unreadable text no backup could take
const watchers = new Map(); // name -> listeners for changes made in other tabs

const fullKey = (name) => PREFIX + name;

// window.localStorage itself throws when the browser blocks storage for the site.
function area(kind) {
  try {
    const storage = window[kind];
    void storage.length;
    return storage;
  } catch {
    return null;
  }
}

function reason(error) {
  const name = String(error?.name ?? "");
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" ? "quota" : "blocked";
}

// null when `storage` now holds `value` under `key` (read back), else why not.
function put(storage, key, value) {
  try {
    storage.setItem(key, value);
    return storage.getItem(key) === value ? null : "blocked";
  } catch (error) {
    return reason(error);
  }
}

function tell() {
  window.dispatchEvent(new CustomEvent("mlguide:storage", { detail: store.health() }));
}

function setFailure(name, why) {
  const before = failures.get(name) ?? null;
  if (why) failures.set(name, why);
  else failures.delete(name);
  if (before !== why) tell();
}

// Kept in this page, and in sessionStorage when it takes it (never for a frozen or held
// store: a reload must see the real stored data again and say so again).
function keepInTab(name, value, why) {
  memory.set(name, value);
  const session = area("sessionStorage");
  const mirror = why === "quota" || why === "blocked";
  if (mirror && session && put(session, fullKey(name), value) === null) inSession.add(name);
  else inSession.delete(name);
}

export const store = {
  namespace: NAMESPACE,

  key: fullKey,

  read(name) {
    if (memory.has(name)) return memory.get(name);
    try {
      const kept = area("sessionStorage")?.getItem(fullKey(name));
      if (kept != null && !frozen.has(name) && !held.has(name)) return kept;
    } catch {
      /* not kept there */
    }
    try {
      return area("localStorage")?.getItem(fullKey(name)) ?? null;
    } catch {
      return null;
    }
  },

  // What localStorage itself holds, whatever this page kept in memory.
  stored(name) {
    try {
      return area("localStorage")?.getItem(fullKey(name)) ?? null;
    } catch {
      return null;
    }
  },

  // Run `fn` while no other tab of this guide runs one for `name`: localStorage has no
  // transactions, so a read, merge and write must not interleave with another tab's.
  // The Web Locks API does this where the browser has it (all current ones).
  exclusive(name, fn) {
    const locks = navigator.locks;
    return locks ? locks.request(`${NAMESPACE}:${name}`, fn) : fn();
  },

  // True only when localStorage holds `value` and reads it back.
  write(name, value) {
    let why = frozen.has(name) ? "newer" : held.has(name) ? "held" : null;
    const local = area("localStorage");
    why ??= local ? put(local, fullKey(name), value) : "blocked";
    if (why === null) {
      clearProbe();
      memory.delete(name);
      if (inSession.delete(name)) {
        try {
          area("sessionStorage")?.removeItem(fullKey(name));
        } catch {
          /* nothing kept there */
        }
      }
    } else {
      keepInTab(name, value, why);
    }
    setFailure(name, why);
    return why === null;
  },

  // Frozen and held stores keep their stored data; only this page's copy goes.
  remove(name) {
    memory.delete(name);
    inSession.delete(name);
    for (const kind of ["sessionStorage", "localStorage"]) {
      if (kind === "localStorage" && (frozen.has(name) || held.has(name))) continue;
      try {
        area(kind)?.removeItem(fullKey(name));
      } catch {
        /* nothing to remove */
      }
    }
    if (!frozen.has(name) && !held.has(name)) setFailure(name, null);
  },

  // A newer copy of the guide wrote this store: leave it exactly as it is.
  freeze(name, version) {
    frozen.set(name, version);
    setFailure(name, "newer");
  },

  // Unreadable data that no backup could take: keep the slot as it is until the reader
  // has the data as a file (then `release` and write again).
  hold(name, raw) {
    held.set(name, raw);
    setFailure(name, "held");
  },

  heldData() {
    return [...held].map(([name, raw]) => ({ name, raw }));
  },

  release(name) {
    held.delete(name);
    setFailure(name, null);
  },

  isFrozen(name) {
    return frozen.has(name);
  },

  // { saving, reasons: {name: why}, keeps: "tab" | "page" | null }. `keeps` says how
  // long what storage refused is kept: until the tab closes, or only until it reloads.
  health() {
    const reasons = Object.fromEntries(failures);
    const names = Object.keys(reasons);
    const tab = names.every((n) => inSession.has(n));
    return { saving: names.length === 0, reasons, keeps: names.length ? (tab ? "tab" : "page") : null };
  },

  // Changes another tab made to `name` (the `storage` event): fn(newValue or null).
  watch(name, fn) {
    if (!watchers.has(name)) watchers.set(name, new Set());
    watchers.get(name).add(fn);
    return () => watchers.get(name).delete(fn);
  },

  // All of this guide's names in localStorage (backups included).
  names() {
    const local = area("localStorage");
    const out = [];
    try {
      for (let i = 0; i < (local?.length ?? 0); i += 1) {
        const key = local.key(i);
        if (key?.startsWith(PREFIX)) out.push(key.slice(PREFIX.length));
      }
    } catch {
      /* none readable */
    }
    return out;
  },
};

// Saving may be impossible from the start (blocked storage, a private window): the
// notice shows at once rather than after the reader's first answer is lost.
const PROBE = "*";
const probeKey = fullKey("probe");
const probed = area("localStorage") ? put(area("localStorage"), probeKey, "1") : "blocked";
if (probed === null) area("localStorage").removeItem(probeKey);
else {
  failures.set(PROBE, probed);
  const session = area("sessionStorage");
  if (session && put(session, probeKey, "1") === null) inSession.add(PROBE);
}
const clearProbe = () => failures.delete(PROBE) && inSession.delete(PROBE);

window.addEventListener("storage", (event) => {
  if (!event.key?.startsWith(PREFIX) || event.storageArea !== area("localStorage")) return;
  const name = event.key.slice(PREFIX.length);
  if (frozen.has(name) || held.has(name)) return;
  for (const fn of watchers.get(name) ?? []) fn(event.newValue);
});

