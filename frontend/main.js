// The one entry of the site's scripts, bundled by esbuild into assets/js/site.<hash>.js
// (macros/publish/scripts.py) and loaded as a module on every page.
//
// Material's instant navigation swaps a page's content without loading its scripts again,
// so this module runs once per tab and follows every page through `document$`: on each
// page it mounts the widgets it finds (once per element) and unmounts those that left
// with the previous page. Each mount runs in its own try/catch: a widget that fails to
// start reports its error and the others start as usual.

import { onPage as layOutAnswers } from "./page/cards.js";
import { onPage as drawDue, start as startDue } from "./page/due-badge.js";
import { onPage as markLadders } from "./page/ladder.js";
import { nav, start as startNav } from "./page/nav.js";
import { offline, onPage as offerUpdate, start as startOffline } from "./page/offline.js";
import { start as startPrint } from "./page/print.js";
import { onPage as showSaving, start as startSaving } from "./page/saving.js";
import { onPage as drawSession, start as startSession } from "./page/session-bar.js";
import { onPage as watchWidgets } from "./page/top.js";
import { py } from "./python/client.js";
import { backups } from "./storage/backups.js";
import { progressStore } from "./storage/progress-store.js";
import { slots } from "./storage/slots.js";
import { store } from "./storage/store.js";
import { mounter } from "./lib/mounts.js";
import { siteRoot } from "./lib/site.js";
import * as answerFirst from "./widgets/answer-first.js";
import * as answerMode from "./widgets/answer-first-mode.js";
import * as backupsPanel from "./widgets/backups-panel.js";
import * as dashboard from "./widgets/dashboard.js";
import * as exercise from "./widgets/exercise.js";
import * as flashcards from "./widgets/flashcards.js";
import * as indexTracker from "./widgets/index-tracker.js";
import * as mock from "./widgets/mock.js";
import * as quiz from "./widgets/quiz.js";
import * as planTracker from "./widgets/plan-tracker.js";
import * as today from "./widgets/today.js";

// Selector of a widget's shell (written by macros/render/) -> its mount(root, deps).
// Order matters only on the Progress page: the dashboard before its backups list.
export const WIDGETS = [
  [".mlw-quiz", quiz.mount],
  [".mlw-fc", flashcards.mount],
  [".mlw-mock", mock.mount],
  [".mlw-dash", dashboard.mount],
  [".mlw-backups", backupsPanel.mount],
  [".mlw-exercise", exercise.mount],
  [".mlw-today", today.mount],
  [".mlw-plan", planTracker.mount],
  [".mlw-index", indexTracker.mount],
  [".mlw-first-mode", answerMode.mount],
  [".mlw-first", answerFirst.mount],
];

// What a widget may use, handed to every mount: one of each per tab.
const deps = { py, progressStore, slots, store, backups };

const report = (error) => (globalThis.reportError ?? console.error)(error);
const widgets = mounter(WIDGETS, deps, report);

// Every page, the first and each one instant navigation brings.
function onPage() {
  const mountAll = () => widgets.page(document);
  const ladders = () => markLadders(progressStore);
  for (const step of [mountAll, showSaving, offerUpdate, watchWidgets, ladders, drawDue, drawSession, layOutAnswers]) {
    try {
      step();
    } catch (error) {
      report(error);
    }
  }
}

for (const start of [startNav, startOffline, startSaving, startPrint, () => startDue(deps), () => startSession(deps)]) {
  try {
    start();
  } catch (error) {
    report(error);
  }
}

// Practice pages (front matter `python: eager`) start Python at once; elsewhere a widget
// starts it when the reader comes near it.
if (document.querySelector('meta[name="mlguide-python"][content="eager"]')) {
  py.start().catch(() => {}); // the widgets show the error, with a retry
}

// A read-only handle for tests, benchmarks and the console. No module reads it.
window.MLGuide = Object.freeze({
  py,
  store,
  progressStore,
  backups,
  slots,
  offline,
  nav,
  exercises: exercise.exercises,
  siteRoot,
});

if (typeof document$ !== "undefined") document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
