// How pages with question, short answer and problem cards show their answers: "reading"
// (every answer shown, the page as the build wrote it, the default) or "first" (each answer
// hidden until the reader has tried it: see answer-first.js). One switch per page, before
// the first card; the choice is remembered in this browser (in this tab's memory when
// storage is refused, and the page's saving notice says so).

import { el } from "../lib/dom.js";

const NAME = "answer-mode"; // the store's name for the choice
export const READING = "reading";
export const FIRST = "first";
const listeners = new Set(); // every card of the page, told when the mode changes

export function currentMode(store) {
  return store.read(NAME) === FIRST ? FIRST : READING;
}

export function onMode(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setMode(store, mode) {
  const kept = store.write(NAME, mode);
  for (const listener of listeners) listener(mode);
  return kept;
}

// The switch: one toggle button (its name stays, aria-pressed says the state), and a line
// that says what each state does.
export function mount(root, { store }) {
  const note = el("p", { class: "mlw-first-mode__note" });
  const button = el("button", {
    type: "button", class: "md-button mlw-first-mode__toggle",
    text: "Try first: hide the answers",
    onclick: () => {
      const next = currentMode(store) === FIRST ? READING : FIRST;
      const kept = setMode(store, next);
      show(kept ? "" : " This browser does not let the guide save, so the choice lasts for this visit only.");
    },
  });
  const show = (extra = "") => {
    const first = currentMode(store) === FIRST;
    button.setAttribute("aria-pressed", String(first));
    note.textContent = (first
      ? "Each answer stays hidden until you press Answer first and answer aloud, or Show answer. Press again for reading mode, which shows every answer."
      : "Reading mode: every answer is shown. Press to hide them until you have tried each one; Answer first on a card times one question.") + extra;
  };
  root.replaceChildren(button, note);
  root.hidden = false;
  show();
}
