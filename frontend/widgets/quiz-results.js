// The quiz's results: the score, a bar per track with its numbers in words, the questions
// missed with links to their full answers on the track pages, and what to do next
// ("Retry the misses", "Add the misses to flashcards", "New quiz"). Drawn from the engine's
// `score`; text stays text.

import { el, richText, siteHref } from "../lib/dom.js";
import { errorText, percent, plural } from "../lib/format.js";

const button = (cls, text, onclick) => el("button", { type: "button", class: `md-button ${cls}`, text, onclick });

// "2 of 3 (67%)": the bar's value in words, so it is never told by length or colour alone.
export function trackText(row) {
  const share = row.answered ? row.correct / row.answered : 0;
  return `${row.correct} of ${row.answered} (${percent(share)})`;
}

function bar(share) {
  const fill = el("span", { class: "mlw-bar__fill" });
  fill.style.width = percent(share); // CSSOM, not a style attribute: allowed by the CSP
  return el("span", { class: "mlw-bar", "aria-hidden": "true" }, fill);
}

// A table without a class gets the theme's table style (cells padded and ruled); the
// wrapper names it for the stylesheet.
function trackTable(rows) {
  const body = rows.map((r) =>
    el("tr", {},
      el("th", { scope: "row", text: r.title }),
      el("td", { class: "mlw-results__cell" },
        bar(r.answered ? r.correct / r.answered : 0), el("span", { text: trackText(r) }))));
  return el("div", { class: "mlw-results__tracks" }, el("table", {},
    el("caption", { text: "By track" }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Track" }), el("th", { scope: "col", text: "Correct" }))),
    el("tbody", {}, body)));
}

function missedList(missed) {
  const items = missed.map((m) => {
    const href = siteHref(m.url);
    const link = href ? el("a", { href }) : el("span");
    link.append(...richText(m.title));
    return el("li", {},
      el("span", { class: "mlw-missed__stem" }, richText(m.stem)),
      el("span", { class: "mlw-missed__link" }, `${m.track_title}: full answer in `, link));
  });
  return [
    el("h4", { class: "mlw-results__sub", text: `Missed: ${plural(missed.length, "question")}` }),
    el("ul", { class: "mlw-missed" }, items),
  ];
}

// What adding the misses did, in words (the engine's add_to_deck result).
export function addedText(out) {
  const due = out.added.length + out.moved.length;
  const parts = [due ? `${plural(due, "question")} now due in your flashcards.` : "Nothing new to add."];
  if (out.kept.length) parts.push(`${out.kept.length} already due or kept on their checkpoint days.`);
  if (out.skipped.length) parts.push(`${out.skipped.length} without a flashcard.`);
  return parts.join(" ");
}

// "Add the misses to flashcards": their cards due now, saved with the progress; the button
// gives way to what was done and a link to the flashcards.
function addButton(missed, { py, progressStore }) {
  const status = el("p", { class: "mlw-results__added", "aria-live": "polite" }); // the quiz keeps the one role=status
  const add = button("mlw-add-misses", "Add the misses to flashcards", async () => {
    add.disabled = true;
    try {
      const before = progressStore.peek() ?? (await progressStore.get());
      const ids = [...new Set(missed.map((m) => m.entry))];
      const out = await py.call("add_to_deck", { progress: before, ids, now_ms: Date.now() });
      await progressStore.save(out.progress, before);
      const review = el("a", { href: siteHref("drill/flashcards/"), text: "Review them now" });
      status.replaceChildren(addedText(out), " ", review);
      add.parentElement.remove(); // done: the focus goes on to what comes next
      review.focus();
    } catch (error) {
      add.disabled = false;
      status.textContent = `They could not be added: ${errorText(error)}`;
    }
  });
  return [el("p", { class: "mlw-results__add" }, add), status];
}

// The whole results block; `heading` is returned to take focus. `deps` ({ py,
// progressStore }) lets the misses join the flashcards.
export function results(score, { onRetry, onNew, deps }) {
  const heading = el("h3", { tabindex: -1, class: "mlw-score", text: `Score: ${score.correct} of ${score.total}` });
  const missed = score.missed ?? [];
  const retry = missed.length
    ? button("md-button--primary mlw-retry", `Retry the misses (${missed.length})`, onRetry)
    : null;
  const nodes = [
    heading,
    trackTable(score.by_track),
    ...(missed.length ? missedList(missed) : [el("p", { class: "mlw-results__none", text: "No misses: every answer was right." })]),
    el("p", { class: "mlw-results__actions" }, retry, button(retry ? "mlw-new" : "md-button--primary mlw-new", "New quiz", onNew)),
  ];
  if (missed.length && deps) nodes.splice(-1, 0, ...addButton(missed, deps));
  return { heading, nodes };
}
