// One-slot stores: the running mock round (widgets/mock.js) and each quiz widget's session
// (widgets/quiz.js), saved after every change so a reload or a visit elsewhere resumes them.
//
// The engine checks a slot on load (restore_round, restore_saved_session) against the
// current bank. Unreadable text is backed up first (storage/backups.js); a slot a newer guide
// wrote is left alone. Saving and clearing ask the engine which copy the slot should
// hold when another tab changed it meanwhile (merge_round, merge_session): the copy that
// got further, and never clearing another tab's round. `watch` hears another tab's changes.

import { py } from "../python/client.js";
import { backups } from "./backups.js";
import { store } from "./store.js";

const call = (op, args) => py.call(op, args);

function slot(name, { what, restore, merge, pick }) {
  let lastRaw = null; // the stored text as this tab last read or wrote it

  // { value } to resume; { value: null } when none is saved; `problem` says why a saved
  // one cannot be used (and where its copy is, when one could be kept).
  async function load() {
    const raw = store.read(name);
    lastRaw = raw;
    if (raw === null) return { value: null };
    const answer = await call(restore, { raw });
    if (answer.newer) {
      store.freeze(name, answer.newer);
      return {
        value: null,
        problem: `Your unfinished ${what} was saved by a newer version of the guide, so ` +
          "this page leaves it as it is and does not save a new one over it.",
      };
    }
    if (!answer.reason) return { value: pick(answer) };
    const kept = await backups.keep(name, raw);
    if (!kept.kept) {
      store.hold(name, raw);
      return {
        value: null,
        problem: `Your unfinished ${what} could not be read (${answer.reason}), and this ` +
          "browser has no room left to keep a copy. It is left as it was until you " +
          "download it with the button at the top of the page; until then a new one is not saved.",
      };
    }
    store.remove(name);
    lastRaw = null;
    return {
      value: null,
      problem: `Your unfinished ${what} could not be read (${answer.reason}). A copy is ` +
        `kept in this browser (the Progress page lists it under Backups), and you can start a new ${what}.`,
    };
  }

  // Resolves to "mine" (written), "stored" (another tab's copy should be shown
  // instead; `stored` carries it) or "clear".
  async function settle(mine, clearing, raw) {
    let keep = mine === null ? "clear" : "mine";
    let stored = null;
    if (raw !== null && raw !== lastRaw) {
      ({ keep, stored } = await call(merge, { stored: raw, mine, clearing }));
    }
    if (keep === "mine") {
      const text = JSON.stringify(mine);
      store.write(name, text);
      lastRaw = text;
    } else if (keep === "clear") {
      store.remove(name);
      lastRaw = null;
    } else {
      lastRaw = raw;
    }
    return { keep, stored };
  }

  // Nothing changed in storage since this tab last read or wrote it: written at once.
  // Otherwise the engine decides, while no other tab is between reading and writing.
  function change(mine, clearing) {
    const raw = store.read(name);
    if (raw === null || raw === lastRaw) return Promise.resolve(settle(mine, clearing, raw));
    return store.exclusive(name, () => settle(mine, clearing, store.read(name)));
  }

  return {
    load,
    save: (value) => change(value, null),
    clear: (value) => change(null, value),
    has: () => store.read(name) !== null,
    watch: (fn) => store.watch(name, fn),
  };
}

// A round's state carries its version (mock.js reads it from the build's
// data-round-version), so nothing here copies the engine's number.
const mockRound = slot("mock-round", {
  what: "mock round",
  restore: "restore_round",
  merge: "merge_round",
  pick: (answer) => answer.round,
});

const sessions = new Map();
const quizSlot = (id) => {
  if (!sessions.has(id)) {
    sessions.set(id, slot(`quiz-session:${id}`, {
      what: "quiz",
      restore: "restore_saved_session",
      merge: "merge_session",
      pick: (answer) => answer.session,
    }));
  }
  return sessions.get(id);
};

export const slots = { mockRound, quizSession: quizSlot };
