// The end of a mock round, drawn as nodes for the round's body (mock.js): the scorecard
// (each question's self-grade in the order asked, the overall signal on the five-step
// spectrum, the summary, whether it was saved), or the note that nothing was graded. The
// first node is the heading, which takes focus.

import { el, richText, siteHref } from "../lib/dom.js";

// Why the round ended, first on its scorecard.
export const ENDINGS = {
  complete: "Round complete: every question is graded.",
  ended: "You ended the round early.",
  time: "Time is up: the round is over.",
};

function againButton(onAgain) {
  return el("p", {}, el("button", {
    type: "button", class: "md-button md-button--primary mlw-mock__again",
    text: "Set up another round", onclick: onAgain,
  }));
}

export function emptyCard(why, onAgain) {
  return [
    el("h3", { tabindex: -1, text: "No scorecard this time" }),
    el("p", { text: `${why} No question was graded, so there is nothing to score.` }),
    againButton(onAgain),
  ];
}

// `constants` are the engine's words (grades, signal labels); `saved` the sentence on the
// progress, or null when the round was not recorded.
export function scorecard(card, { mock, constants, why, saved, onAgain }) {
  const byId = new Map(mock.questions.map((q) => [q.id, q]));
  const labels = new Map(constants.grades.map((g) => [g.id, g.label]));
  const rows = card.rows.map((r, i) => {
    // Links come from the bank (the engine rebuilds a saved round from it) and must
    // point into this site; anything else is shown as plain text.
    const href = siteHref(byId.get(r.id)?.url ?? "");
    const link = el(href ? "a" : "span", { href }, richText(r.title));
    return el("tr", { class: r.grade ? `mlw-row--${r.grade}` : "mlw-row--none" },
      el("td", { text: String(i + 1) }), el("th", { scope: "row" }, link),
      el("td", { text: r.grade ? labels.get(r.grade) : "Not reached" }));
  });
  const steps = Object.entries(constants.signal_labels).map(([step, label]) => {
    const current = Number(step) === card.signal;
    return el("li", { class: current ? "is-current" : null, "aria-current": current ? "step" : null },
      `${step}. ${label}`, current ? el("strong", { text: " (this round)" }) : null);
  });
  return [
    el("h3", { tabindex: -1, class: "mlw-mock__score", text: "Scorecard" }),
    el("p", { class: "mlw-mock__why", text: why }),
    el("div", { class: "mlw-mock__table" }, el("table", {},
      el("caption", { text: "Your self-grade for each question, in the order asked" }),
      el("thead", {}, el("tr", {}, ["#", "Question", "Your grade"].map((t) => el("th", { scope: "col", text: t })))),
      el("tbody", {}, rows))),
    el("p", { class: "mlw-mock__signal" },
      "Overall signal: ", el("strong", { text: `${card.signal} of 5, ${card.signal_label}` })),
    el("ol", { class: "mlw-spectrum", "aria-label": "The five-step grading spectrum" }, steps),
    el("p", { class: "mlw-mock__summary", text: card.summary }),
    el("p", { class: "mlw-mock__saved", text: saved
      ?? "Only a round with every question graded is saved to your progress, so this one was not." }),
    againButton(onAgain),
  ];
}
