// The mock round's "I'm done" step: once the reader has answered, they say so, and before
// the self-grade they see how the answer is judged: the time they took against the
// question's target, what an answer at the round's level says (the question's depth text)
// and its rubric (strong, lean, no hire). Both come from the page's hidden store, which
// the build rendered from the bank (macros/render/mock_store.py): build-made HTML, copied
// node by node, never parsed from text here.

import { el, siteHref } from "../lib/dom.js";
import { timeAgainstTarget } from "../lib/format.js";

// The page's store of rubrics and level texts, looked up by question id.
export class RubricStore {
  constructor(root) {
    this.store = root.ownerDocument.querySelector(".mk-store");
  }

  card(id) {
    return this.store?.querySelector(`.mk-card[data-mk-id="${CSS.escape(id)}"]`) ?? null;
  }

  // Copies of the question's rubric and its text at `level`, or nulls when the page lacks
  // them (a page older than the round: the question's own page still has both).
  expectation(id, level) {
    const card = this.card(id);
    const level_ = card?.querySelector(`.mk-card__level[data-mk-level="${CSS.escape(level)}"]`);
    const copy = (node) => (node ? [...node.childNodes].map((n) => n.cloneNode(true)) : null);
    return {
      rubric: copy(card?.querySelector(".mk-card__rubric")),
      level: copy(level_),
      levelName: level_?.dataset.mkLevelName ?? "",
    };
  }
}

// The "I'm done" button, and the review it opens in its place. `n` numbers the ids;
// `onDone()` returns the seconds the answer took (the question clock stops there);
// `grades` are the grade buttons with their label id, `confirm` their confirmation host.
export function doneStep({ q, n, level, store, grades, labelId, confirm, onDone }) {
  const host = el("div", { class: "mlw-mock__done" });
  const button = el("button", {
    type: "button", class: "md-button md-button--primary mlw-mock__done-button",
    text: "I'm done: show the rubric",
  });
  host.append(el("p", {}, button));
  // `focus` is false when a reload reopens it: the page's own focus rules apply then.
  const open = (focus = true) => {
    const seconds = onDone();
    const review = reviewNodes({ q, n, level, store, seconds });
    host.replaceChildren(...review.nodes,
      el("p", { id: labelId, class: "mlw-mock__ask", text: "Now grade your whole answer against the rubric:" }),
      grades, confirm);
    if (focus) review.heading.focus();
    return seconds;
  };
  button.addEventListener("click", () => open());
  return { root: host, open };
}

function reviewNodes({ q, n, level, store, seconds }) {
  const found = store.expectation(q.id, level);
  const heading = el("h4", { tabindex: -1, id: `mock-review-${n}`, class: "mlw-mock__review-title",
    text: "How this answer is judged" });
  const href = siteHref(q.url);
  const missing = (what) => el("p", {}, `${what} is on `,
    href ? el("a", { href, text: "the question's page" }) : "the question's page", ".");
  const title = `What an ${level}${found.levelName ? ` (${found.levelName})` : ""} answer says`;
  return {
    heading,
    nodes: [
      heading,
      el("p", { class: "mlw-mock__used", text: `Your time: ${timeAgainstTarget(seconds, q.target_seconds)}.` }),
      el("h5", { text: title }),
      el("div", { class: "mlw-mock__expect" }, found.level ?? missing(`The ${level} answer`)),
      el("h5", { text: "Rubric" }),
      el("div", { class: "mlw-mock__rubric" }, found.rubric ?? missing("The rubric")),
    ],
  };
}
