// The notice that saving stopped. Whenever a write does not reach storage (storage full,
// blocked, a newer guide's data, unreadable data with no room for a backup), every
// practice page says so at the top, for as long as it lasts, with an "Export now" button;
// it says how long what the reader does is kept (store.health), and offers held
// unreadable data as a download, after which saving goes on.

import { download, el, localDate } from "../lib/dom.js";
import { progressStore } from "../storage/progress-store.js";
import { store } from "../storage/store.js";

const WIDGETS = ".mlw-quiz, .mlw-fc, .mlw-mock, .mlw-dash, .mlw-exercise";
const WHAT = { progress: "progress", "mock-round": "mock round" };
const what = (name) => WHAT[name] ?? (name.startsWith("quiz-session:") ? "quiz" : name);

const WHY = {
  quota: "This browser's storage for the guide is full, so your latest work is not saved.",
  blocked: "This browser does not let the guide save anything (storage is blocked, as in " +
    "some private windows or by a browser setting).",
  newer: "Some of your saved work was written by a newer version of the guide, so this " +
    "page does not save over it. Reload to get the newer version, or open the copy of " +
    "the guide that saved it.",
  held: "Some saved data could not be read and there is no room to keep a copy of it, so " +
    "it is left as it was and nothing new is saved in its place until you download it.",
};
const KEEPS = {
  tab: "What you do now is kept until you close this tab.",
  page: "What you do now is kept only until this tab reloads or closes.",
};

async function exportNow(button) {
  button.disabled = true;
  try {
    const name = await progressStore.exportFile();
    button.textContent = `Exported as ${name}`;
  } catch (error) {
    button.textContent = `Export failed: ${error?.message ?? error}. Try again`;
  } finally {
    button.disabled = false;
  }
}

function downloadHeld(name, raw) {
  const safe = name.replace(/[^a-z0-9-]+/gi, "-");
  download(`ml-interview-guide-${safe}-unreadable-${localDate()}.txt`, raw, "text/plain");
  store.release(name);
  if (name === "progress") progressStore.resume();
  else store.remove(name);
}

function banner(health, announce) {
  const kinds = [...new Set(Object.values(health.reasons))];
  const held = store.heldData().map(({ name, raw }) =>
    el("button", {
      type: "button", class: "md-button mlw-saving__held",
      text: `Download the unreadable ${what(name)}`, onclick: () => downloadHeld(name, raw),
    }));
  const exportButton = el("button", {
    type: "button", class: "md-button md-button--primary mlw-saving__export", text: "Export now",
  });
  exportButton.addEventListener("click", () => exportNow(exportButton));
  return el("div", { class: "admonition warning mlw-saving", role: announce ? "alert" : null },
    el("p", { class: "admonition-title", text: "Your work is not being saved" }),
    kinds.map((kind) => el("p", { text: WHY[kind] ?? WHY.blocked })),
    el("p", { text: `${KEEPS[health.keeps] ?? KEEPS.page} Export your progress to keep it.` }),
    el("p", { class: "mlw-saving__actions" }, exportButton, held));
}

// Drawn on every practice page while saving is stopped; instant navigation replaces the
// page's content, so it is drawn again on each page.
function show(announce = false) {
  const host = document.querySelector(".md-content__inner");
  const old = host?.querySelector(".mlw-saving");
  const health = store.health();
  if (!host || health.saving || !document.querySelector(WIDGETS)) {
    old?.remove();
    return;
  }
  const box = banner(health, announce && !old);
  if (old) old.replaceWith(box);
  else host.prepend(box);
}

// Once per tab: a failed write is said at once, in an alert.
export function start() {
  window.addEventListener("mlguide:storage", () => show(true));
}

// Every page, after instant navigation too.
export const onPage = () => show(false);
