// The end of a mock round, drawn as nodes for the round's body (mock.js): the scorecard
// (each question's self-grade as a chip that says it in words and colour, the time used
// against the question's target, the overall signal on the five-step spectrum, the
// summary, whether and how it was saved, "Redo the weak ones"), or the note that nothing
// was graded. The first node is the heading, which takes focus.

import { el, richText, siteHref } from "../lib/dom.js";
import { plural, timeAgainstTarget } from "../lib/format.js";

// Why the round ended, first on its scorecard.
export const ENDINGS = {
  complete: "Round complete: every question is graded.",
  ended: "You ended the round early.",
  time: "Time is up: the round is over.",
};

// How a partial round is named wherever it is shown (scorecard, history).
export const PARTIAL = { ended: "Partial: ended early", time: "Partial: out of time" };

const button = (cls, text, onclick, primary = false) =>
  el("button", { type: "button", class: `md-button ${primary ? "md-button--primary " : ""}${cls}`, text, onclick });

function againButtons(onAgain, onRedo, weak) {
  return el("p", { class: "mlw-mock__next" },
    weak && onRedo ? button("mlw-mock__redo", `Redo the weak ones (${weak})`, onRedo, true) : null,
    weak && onRedo ? " " : null,
    button("mlw-mock__again", "Set up another round", onAgain, !(weak && onRedo)));
}

export function emptyCard(why, onAgain) {
  return [
    el("h3", { tabindex: -1, text: "No scorecard this time" }),
    el("p", { text: `${why} No question was graded, so there is nothing to score or save.` }),
    againButtons(onAgain),
  ];
}

// A grade as a chip: its words always, its colour as well (the grade buttons' colours).
export function gradeChip(grade, label) {
  return el("span", { class: `mlw-chip mlw-chip--${grade ?? "none"}`, text: label });
}

// The sentence under a partial round's heading, said as soon as the round ends.
export function partialNote(reason, graded, total) {
  return `${PARTIAL[reason]}: ${graded} of ${plural(total, "question")} graded. ` +
    "The questions not reached are not scored.";
}

function rows(card, mock, labels) {
  const byId = new Map(mock.questions.map((q) => [q.id, q]));
  return card.rows.map((r, i) => {
    // Links come from the bank (the engine rebuilds a saved round from it) and must
    // point into this site; anything else is shown as plain text.
    const href = siteHref(byId.get(r.id)?.url ?? "");
    const link = el(href ? "a" : "span", { href }, richText(r.title));
    const over = r.seconds != null && r.target_seconds && r.seconds > r.target_seconds;
    return el("tr", { class: r.grade ? `mlw-row--${r.grade}` : "mlw-row--none" },
      el("td", { text: String(i + 1) }), el("th", { scope: "row" }, link),
      el("td", {}, gradeChip(r.grade, r.grade ? labels.get(r.grade) : "Not reached")),
      el("td", { class: over ? "mlw-mock__time is-over" : "mlw-mock__time",
        text: r.grade ? timeAgainstTarget(r.seconds, r.target_seconds) : "" }));
  });
}

// `constants` are the engine's words (grades, signal labels); `reason` how the round
// ended (ENDINGS); `saved` the sentence on the progress; `onRedo` starts "Redo the weak
// ones" (the scorecard offers it when the card counts weak questions).
export function scorecard(card, { mock, constants, reason, saved, onAgain, onRedo }) {
  const labels = new Map(constants.grades.map((g) => [g.id, g.label]));
  const steps = Object.entries(constants.signal_labels).map(([step, label]) => {
    const current = Number(step) === card.signal;
    return el("li", { class: current ? "is-current" : null, "aria-current": current ? "step" : null },
      `${step}. ${label}`, current ? el("strong", { text: " (this round)" }) : null);
  });
  const graded = card.rows.filter((r) => r.grade).length;
  return [
    el("h3", { tabindex: -1, class: "mlw-mock__score", text: card.partial ? "Scorecard: partial round" : "Scorecard" }),
    el("p", { class: "mlw-mock__why", text: ENDINGS[reason] }),
    card.partial ? el("p", { class: "mlw-mock__partial", text: partialNote(reason, graded, card.rows.length) }) : null,
    el("div", { class: "mlw-mock__table mlw-mock__scores" }, el("table", {},
      el("caption", { text: "Your self-grade and time for each question, in the order asked" }),
      el("thead", {}, el("tr", {}, ["#", "Question", "Your grade", "Time used"].map((t) => el("th", { scope: "col", text: t })))),
      el("tbody", {}, rows(card, mock, labels)))),
    el("p", { class: "mlw-mock__signal" },
      "Overall signal: ", el("strong", { text: `${card.signal} of 5, ${card.signal_label}` })),
    el("ol", { class: "mlw-spectrum", "aria-label": "The five-step grading spectrum" }, steps),
    el("p", { class: "mlw-mock__summary", text: card.summary }),
    el("p", { class: "mlw-mock__saved", text: saved }),
    againButtons(onAgain, onRedo, card.weak),
  ].filter(Boolean);
}
