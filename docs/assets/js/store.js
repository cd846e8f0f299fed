// Browser storage for progress: namespaced by the site's base path (two guides on one
// host never share data), with an in-memory fallback when storage is blocked or full.
// Values are validated by the Python engine on load; this module never parses them.
"use strict";

(() => {
  if (window.MLGuide?.store) return;
  const siteRoot = window.MLGuide?.siteRoot ?? new URL("../../", document.currentScript.src);
  const NAMESPACE = `mlguide:${siteRoot.pathname}`;
  const memory = new Map();

  function probe() {
    try {
      const key = `${NAMESPACE}:probe`;
      window.localStorage.setItem(key, "1");
      window.localStorage.removeItem(key);
      return true;
    } catch {
      return false;
    }
  }

  const store = {
    namespace: NAMESPACE,
    persistent: probe(),
    // Set when a write failed after start-up (quota), so widgets can say so.
    lastError: null,

    key(name) {
      return `${NAMESPACE}:${name}`;
    },

    read(name) {
      if (!this.persistent) return memory.get(name) ?? null;
      try {
        return window.localStorage.getItem(this.key(name));
      } catch {
        this.persistent = false;
        return memory.get(name) ?? null;
      }
    },

    write(name, value) {
      memory.set(name, value);
      if (!this.persistent) return false;
      try {
        window.localStorage.setItem(this.key(name), value);
        return true;
      } catch (error) {
        this.persistent = false;
        this.lastError = String(error?.name ?? error);
        return false;
      }
    },

    remove(name) {
      memory.delete(name);
      if (this.persistent) {
        try {
          window.localStorage.removeItem(this.key(name));
        } catch {
          /* nothing to keep */
        }
      }
    },

    // Keep unreadable data under a backup key instead of dropping it; returns that key.
    backup(name, raw) {
      const backupName = `${name}:backup:${new Date().toISOString()}`;
      this.write(backupName, raw);
      return this.key(backupName);
    },

    // All of this guide's keys, for export.
    names() {
      const prefix = `${NAMESPACE}:`;
      if (!this.persistent) return [...memory.keys()];
      const out = [];
      for (let i = 0; i < window.localStorage.length; i += 1) {
        const key = window.localStorage.key(i);
        if (key?.startsWith(prefix)) out.push(key.slice(prefix.length));
      }
      return out;
    },
  };

  // The running mock round (mock.js), saved after every change so that a reload or a visit
  // elsewhere resumes it. Its clocks are saved as the times they started, so time away
  // counts. The engine checks it on load (op restore_round), as it checks progress.
  const ROUND = "mock-round";
  const ROUND_VERSION = 1; // the engine's mock.SAVED_VERSION
  store.mockRound = {
    save(state) {
      return store.write(ROUND, JSON.stringify({ version: ROUND_VERSION, ...state }));
    },
    clear() {
      store.remove(ROUND);
    },
    // { round } to resume; { round: null } when none is saved; { round: null, problem } when
    // the engine refused it: it is then kept under a backup key, and `problem` says where.
    async load() {
      const raw = store.read(ROUND);
      if (raw === null) return { round: null };
      const { round, reason } = await window.MLGuide.py.call("restore_round", { raw });
      if (!reason) return { round };
      const key = store.backup(ROUND, raw);
      store.remove(ROUND);
      const problem = `Your unfinished mock round could not be read (${reason}). ` +
        `A copy was kept in this browser under "${key}", and you can start a new round.`;
      return { round: null, problem };
    },
  };

  // A running quiz (quiz.js), one slot per quiz widget, named by the widget's id (built
  // from its tracks and whether it has filters, so it is the same on every visit). Saved
  // after every change; the session carries the engine's own version (quiz.SESSION_VERSION)
  // and the engine checks it against the current bank on load (op restore_saved_session).
  const quizSlot = (id) => `quiz-session:${id}`;
  store.quizSession = {
    save(id, session) {
      return store.write(quizSlot(id), JSON.stringify(session));
    },
    clear(id) {
      store.remove(quizSlot(id));
    },
    has(id) {
      return store.read(quizSlot(id)) !== null;
    },
    // { session } to resume; { session: null } when none is saved; { session: null, problem }
    // when the engine refused it: it is then kept under a backup key, and `problem` says why.
    async load(id) {
      const raw = store.read(quizSlot(id));
      if (raw === null) return { session: null };
      const { session, reason } = await window.MLGuide.py.call("restore_saved_session", { raw });
      if (!reason) return { session };
      const key = store.backup(quizSlot(id), raw);
      store.remove(quizSlot(id));
      const problem = `Your unfinished quiz could not be resumed (${reason}). ` +
        `A copy was kept in this browser under "${key}", and you can start a new quiz.`;
      return { session: null, problem };
    },
  };

  window.MLGuide = { ...(window.MLGuide ?? {}), store };
})();
