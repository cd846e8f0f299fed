// The flashcards' grade bar and keys: the four self-grades, each with its key and the wait
// before the card would come back if chosen (the engine's `preview`), in a bar that stays
// at the bottom of the screen while the reader scrolls the answer (drill.css), and the
// keyboard: Space reveals, 1-4 grade, as in Anki.

import { el } from "../lib/dom.js";
import { interval, tzOffset } from "../lib/format.js";
import { gradeButtons } from "./practice.js";

// The engine lists the grades strongest first; the keys count up from the weakest, so
// 1 is "Didn't know" and 4 "Strong hire", where an Anki user's fingers expect Again and Easy.
const keyOf = (grades, i) => String(grades.length - i);

// "Keys: Space reveals the answer; then 1 Didn't know, 2 No hire, 3 Lean hire, 4 Strong hire ..."
export function keyHint(grades) {
  const keys = grades.map((g, i) => `${keyOf(grades, i)} ${g.label}`).reverse().join(", ");
  return `Keys: Space reveals the answer, then ${keys} (not while typing in the answer box).`;
}

// Where a grade button shows its next interval (previewIntervals fills them): the short
// wait is for the eye; the button's name says it in words.
export function intervalSlots(button) {
  button.append(el("span", { class: "mlw-grade__when", "aria-hidden": "true" }), el("span", { class: "visually-hidden mlw-grade__said" }));
}

// The bar under the answer: the question, the buttons, and where a grade asks to be
// confirmed (in the bar, so the question stays in view with it).
export function gradeBar(grades, id, onGrade) {
  const labelId = `fc-grade-label-${id}`;
  const buttons = gradeButtons(grades, labelId, onGrade);
  [...buttons.children].forEach((button, i) => {
    const key = keyOf(grades, i);
    button.setAttribute("aria-keyshortcuts", key);
    button.dataset.key = key;
    button.prepend(el("kbd", { class: "mlw-grade__key", "aria-hidden": "true", text: key }));
    intervalSlots(button);
  });
  const confirm = el("div", { id: `fc-confirm-${id}`, class: "mlw-confirm-host" });
  const root = el("div", { class: "mlw-fc__gradebar" },
    el("p", { id: labelId, class: "mlw-fc__ask", text: "How did you do, judged by the rubric?" }),
    buttons, confirm);
  return { root, buttons, confirm };
}

// The grade the checklist's ticks suggest (null: none): its button says "Suggested" in
// text as well as its outline (flashcards.css), and its name says it; nothing is pressed.
export function markSuggested(buttons, gradeId) {
  for (const button of buttons.querySelectorAll(".mlw-grade")) {
    const on = button.classList.contains(`mlw-grade--${gradeId}`);
    button.classList.toggle("is-suggested", on);
    button.querySelector(".mlw-grade__tip")?.remove();
    if (on) button.querySelector(".mlw-grade__when").before(el("span", { class: "mlw-grade__tip", text: " Suggested" }));
  }
}

// The grade bar of the flashcard `id` on show in `host` (the Flashcards widget, its engine
// ready): its buttons' waits asked of the engine, the checklist's suggestion marked on it.
export function cardGradeBar(host, id) {
  const { grades } = host.constants;
  const bar = gradeBar(grades, id, (g) => host.grade(g));
  host.grades = bar.buttons;
  host.confirm = bar.confirm;
  previewIntervals(host.py, { progress: host.progress, questionId: id, grades, buttons: bar.buttons });
  if (host.check) markSuggested(bar.buttons, host.check.suggested);
  return bar;
}

// Each button says when the card comes back: shortly on the button ("2 d") and in words in
// its accessible name, "Strong hire (next review in 2 days)" (its name stays its content, so
// the visible label starts it). `preview`: grade id -> due ms, null when that grade would
// end the card's reviews (the last checkpoint).
function showIntervals(buttons, grades, preview, nowMs) {
  [...buttons.children].forEach((button, i) => {
    const due = preview[grades[i].id];
    const words = due == null ? { short: "done", long: "no more reviews" } : interval(due - nowMs);
    button.querySelector(".mlw-grade__when").textContent = words.short;
    button.querySelector(".mlw-grade__said").textContent = due == null ? `(${words.long})` : `(next review in ${words.long})`;
  });
}

// Asks the engine (which changes nothing stored) and fills the buttons in when it answers:
// the reveal never waits for it, and a failed preview leaves the buttons with their names
// alone (grading still works, and the result line says when the card is due).
export async function previewIntervals(py, { progress, questionId, grades, buttons }) {
  const nowMs = Date.now();
  try {
    const preview = await py.call("preview", {
      progress, question_id: questionId, now_ms: nowMs, tz_offset_min: tzOffset(),
    });
    if (buttons.isConnected) showIntervals(buttons, grades, preview, nowMs);
  } catch {
    // nothing to show
  }
}

// What a key press asks of the flashcards: "reveal", a grade's key ("1"-"4"), or null. A
// field being typed in keeps every key, and a focused control keeps its own Space and Enter.
export function keyAction(event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])")) return null;
  if (event.key === " ") return target?.closest("button, a, summary") ? null : "reveal";
  return /^[1-4]$/.test(event.key) ? event.key : null;
}

// Whether any of `node` is in the viewport: the first card is there from page load, and
// Space still scrolls the page's introduction until the card is in view.
function onScreen(node) {
  const box = node.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight && box.height > 0;
}

// Space reveals a card being asked, 1-4 press a grade button once it is revealed. `host`:
// the Flashcards widget (root, mode, reveal(), grades: the buttons' group).
export function cardKey(host, event) {
  if (!host.root.isConnected) return;
  const wanted = keyAction(event);
  if (wanted === "reveal" && host.mode === "asking" && onScreen(host.body)) {
    event.preventDefault();
    host.reveal();
  } else if (wanted && wanted !== "reveal" && host.mode === "revealed") {
    const button = host.grades?.querySelector(`.mlw-grade[data-key="${wanted}"]`);
    if (!button || button.disabled) return;
    event.preventDefault();
    button.focus();
    button.click();
  }
}
