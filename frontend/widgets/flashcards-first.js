// The first flashcard, drawn from the page's static HTML while Python loads: the prompt,
// countdown, answer box and reveal work at once; only saving a grade waits for the engine,
// and the place of the grade bar says so (with the loading bar) until it is ready.
//
// Which card: the first of the page's store, which the build writes in the study order,
// the order in which the engine offers new cards (practice_engine/cards.py `queue`), so a
// new reader's first card is the engine's. A returning reader's queue may start elsewhere
// (a card due): once the engine answers, a card nobody touched is replaced by the engine's
// choice; one the reader answered or revealed stays and can be graded, so nothing they did
// is lost.

import { el } from "../lib/dom.js";
import { cardGradeBar, keyHint } from "./flashcards-grades.js";

// The id of the first card the build wrote into the page's store, or null.
export function firstStaticId(store) {
  return store?.querySelector(".fc-card[data-fc-id]")?.dataset.fcId ?? null;
}

// What to do with the card shown from the page once the engine's queue is in:
// "keep" it (the engine's own choice, or the reader already worked on it), "replace" it by
// the engine's first card, or go "idle" (the engine has nothing for today, and the card
// was untouched). `touched`: the reader typed an answer or revealed the card.
export function adoption({ shownId, wantedId, touched }) {
  if (shownId === wantedId || touched) return "keep";
  return wantedId ? "replace" : "idle";
}

// The box that stands where the grade bar will be; `loading` receives the loading bar (and
// any error, with its Retry).
export function waitBox() {
  const loading = el("div", { class: "mlw-fc__loading" });
  const root = el("div", { class: "mlw-fc__wait" },
    el("p", { class: "mlw-fc__wait-text", text:
      "Saving when Python is ready: it is loading. Answer and reveal the card now; the grade buttons appear here once it is ready." }),
    loading);
  return { root, loading };
}

// The engine is ready while a card from the page is shown: keep it, now gradable, or put
// the engine's first card in its place. `host`: the Flashcards widget, its queue loaded.
export function adoptFirst(host) {
  const { root } = host.wait;
  host.wait = null;
  const wantedId = host.nextId();
  const touched = host.mode !== "asking" || host.answer.text().trim() !== "";
  const action = adoption({ shownId: host.current.id, wantedId, touched });
  if (action === "idle") return host.showIdle();
  if (action === "replace") {
    host.showCard(wantedId, { focus: host.body.contains(document.activeElement) });
    return host.say("Your review queue is loaded: a card due for review comes first.");
  }
  const due = host.queue.due.includes(host.current.id);
  host.body.querySelector(".mlw-fc__heading").textContent = due ? "Card due for review" : "New card";
  host.answer.setKeep(host.progress.settings.keep_answers);
  const hint = host.body.querySelector(".mlw-keys");
  if (hint) hint.textContent = keyHint(host.constants.grades);
  if (host.mode !== "revealed") return root.remove();
  root.replaceWith(cardGradeBar(host, host.current.id).root);
  host.say("Python is ready: grade yourself with the buttons after the answer.");
}
