// The reader's progress, shared by every widget in the tab: read and validated once by the
// engine, then saved after every change by merging with what is stored, so that two tabs
// (or two widgets of one page) never erase each other's work.
//
// The tab keeps `current` (what its widgets show) and `base` (the stored progress it last
// read or wrote). A save, and every change another tab makes (the `storage` event), runs
// the engine's merge_progress: what is stored, plus what this tab holds that it lacks.
// Saves run one at a time. Widgets hand in the progress their change started from, so a
// widget working on an older copy adds its change without undoing anyone else's.
//
// What another tab stored may lack records this tab wrote: localStorage reaches other tabs
// late, so a tab can read a stale copy even under the lock and write it back. So the merge
// keeps every record this tab holds (a union). A "replace" import is the one write that
// removes records: it also stores a new mark under REPLACED, and a tab that finds the mark
// changed merges once by its base, adding only what it did itself since then.

import { download, localDate } from "../lib/dom.js";
import { py } from "../python/client.js";
import { backups } from "./backups.js";
import { store } from "./store.js";

  const NAME = "progress";
  const REPLACED = "progress-replaced";
  const notices = [];
  const listeners = new Set();
  const keptListeners = new Set();
  let loading = null;
  let current = null;
  let base = null;
  let lastRaw = null; // the stored text as this tab last read or wrote it
  let mark = null; // the REPLACED mark as this tab last saw it
  let chain = Promise.resolve();

  const engine = () => py;
  const storage = () => store;

  const NEWER =
    "Your progress was saved by a newer version of the guide, so this page leaves it " +
    "exactly as it is and saves nothing over it (see the notice at the top of the page).";

  function write(progress) {
    const text = JSON.stringify(progress);
    storage().write(NAME, text);
    lastRaw = text;
    kept(progress);
  }

  function kept(progress) {
    for (const listener of keptListeners) listener(progress);
  }

  function notify() {
    for (const listener of listeners) listener(current);
  }

  // Unreadable stored text is backed up before its slot is reused; if no backup fits, the
  // slot is held as it is until the reader has downloaded it (saving.js offers that).
  async function unreadable(raw, reason) {
    const kept = await backups.keep(NAME, raw);
    if (!kept.kept) {
      storage().hold(NAME, raw);
      notices.push(
        `Your saved progress could not be read (${reason}), and this browser has no room ` +
          "left to keep a copy of it. It is left as it was, and nothing new is saved until " +
          "you download it with the button at the top of the page.",
      );
      return false;
    }
    notices.push(
      `Your saved progress could not be read (${reason}). A copy is kept in this browser: ` +
        "the Progress page lists it under Backups, to download or to restore. You start " +
        "with a clean history.",
    );
    return true;
  }

  async function load() {
    mark = storage().stored(REPLACED);
    const raw = storage().read(NAME);
    const { progress, reason, newer } = await engine().call("restore_progress", { raw });
    current = base = progress;
    lastRaw = raw;
    if (newer) {
      storage().freeze(NAME, newer);
      notices.push(NEWER);
    } else if (reason && (await unreadable(raw, reason))) {
      write(progress);
    } else if (!reason) {
      await takeInLocal(raw);
    }
    kept(current);
    return current;
  }

  // This tab's copy came from sessionStorage (localStorage refused an earlier write), but
  // localStorage holds progress too, perhaps newer, from another tab: keep both. Nothing
  // is known to be common to them, so the merge starts from an empty base.
  async function takeInLocal(raw) {
    const local = storage().stored(NAME);
    if (local === null || local === raw) return;
    base = (await engine().call("restore_progress", { raw: null })).progress;
    await sync(current, local);
  }

  // Bring `mine` (this tab's progress) together with the stored text `raw`, then write.
  async function sync(mine, raw) {
    if (storage().isFrozen(NAME)) {
      current = mine;
      storage().write(NAME, JSON.stringify(mine)); // refused: kept in this page only
      return;
    }
    if (raw === null || raw === lastRaw) {
      write(mine);
      current = base = mine;
      return;
    }
    const now = storage().stored(REPLACED);
    const out = await engine().call("merge_progress", { stored_raw: raw, mine, base, union: now === mark });
    mark = now;
    if (out.newer) {
      storage().freeze(NAME, out.newer);
      notices.push(NEWER);
      current = mine;
      return;
    }
    if (out.reason && !(await unreadable(raw, out.reason))) {
      current = mine;
      storage().write(NAME, JSON.stringify(mine)); // held: kept in this page only
      return;
    }
    if (out.changed) write(out.progress);
    else lastRaw = raw;
    current = base = out.progress;
    if (out.took) notify();
  }

  // One step at a time in this tab, and never while another tab is between reading and
  // writing the progress.
  let queued = 0;
  function queue(step) {
    queued += 1;
    chain = chain
      .then(() => storage().exclusive(NAME, step))
      .catch((error) => {
        notices.push(`Your progress could not be saved: ${error?.message ?? error}`);
      })
      .finally(() => {
        queued -= 1;
      });
    return chain;
  }

  // Nothing to merge (no other tab or widget changed anything since this tab last read
  // or wrote): written at once, so a reload right after an answer finds it.
  function simple(next, from) {
    const plain = queued === 0 && from === current && current !== null;
    return plain && !storage().isFrozen(NAME) && storage().read(NAME) === lastRaw;
  }

  export const progressStore = {
    // This tab's progress as it stands now: loaded once, then whatever was saved or taken
    // in since (a widget mounted after instant navigation must not get the first copy).
    get() {
      loading ??= load().catch((error) => {
        loading = null;
        throw error;
      });
      return loading.then(() => current);
    },

    // Save `next`, made from `from` (the copy the change started from; by default what
    // this tab holds now). Resolves once written; widgets need not wait.
    save(next, from = current) {
      if (simple(next, from)) {
        write(next);
        current = base = next;
        return Promise.resolve();
      }
      return queue(async () => {
        let mine = next;
        if (from !== current && current !== null) {
          const text = JSON.stringify(current);
          // within this tab nothing is stale: add only what the change did since `from`
          const args = { stored_raw: text, mine: next, base: from, union: false };
          const out = await engine().call("merge_progress", args);
          mine = out.progress ?? next;
        }
        await sync(mine, storage().read(NAME));
        if (mine !== next) notify();
      });
    },

    // An import that replaces the progress: written as it is, never merged.
    replace(next) {
      return queue(async () => {
        if (storage().isFrozen(NAME)) current = next;
        else {
          mark = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
          storage().write(REPLACED, mark);
          write(next);
          current = base = next;
        }
        notify();
      });
    },

    // Called with the progress whenever another tab's work (or another widget's) came in.
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    // Called with this tab's progress each time it is loaded or written (this tab's own
    // saves included, which onChange leaves out): for views derived from all of it.
    onKept(listener) {
      keptListeners.add(listener);
      return () => keptListeners.delete(listener);
    },

    // Notices not yet shown; each is shown once, by whichever widget asks first.
    takeNotices() {
      return notices.splice(0, notices.length);
    },

    peek() {
      return current;
    },

    // Whether this browser holds any progress, read without Python: a page may skip
    // starting Python for a reader who has none yet.
    hasStored() {
      return storage().read(NAME) !== null;
    },

    // The settings as stored, read without Python, for display hints only (never written
    // back, never trusted beyond a comparison): null when none can be read.
    storedSettings() {
      try {
        const settings = JSON.parse(storage().read(NAME) ?? "null")?.settings;
        return settings && typeof settings === "object" ? settings : null;
      } catch {
        return null;
      }
    },

    // Offer the progress as an export file; resolves to the file's name.
    async exportFile() {
      const progress = await progressStore.get();
      const data = await engine().call("export_file", { progress: current ?? progress, now_ms: Date.now() });
      const ui = { download, localDate };
      const name = `ml-interview-guide-progress-${ui.localDate()}.json`;
      ui.download(name, JSON.stringify(data, null, 2));
      return name;
    },

    // After the reader downloaded held unreadable data: its slot may be written again.
    resume() {
      return queue(() => sync(current ?? base, null));
    },
  };

  store.watch(NAME, (raw) => {
    if (raw === null || current === null) return;
    queue(() => {
      const now = storage().stored(NAME) ?? raw; // read again: it may have changed since
      return now === lastRaw ? undefined : sync(current, now);
    });
  });
