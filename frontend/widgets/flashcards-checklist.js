// The flashcards' one checklist after a reveal, before the full answer: the rubric's
// strong-, lean- and no-hire points as checkboxes the reader ticks against what they said,
// and, where they typed an answer, the answer feedback's made, missed and trap items first,
// ticked as the feedback judged them (one list to tick, not two). Ticks suggest a grade by
// the rule in lib/rubric.js; the suggestion highlights a button and never grades.
//
// The rubric's points are cloned from the card's build-made HTML (sanitised at build, with
// its formulas), never parsed from text; the static rubric under the answer is then hidden
// (flashcards.css), so the rubric is read once, here.

import { el } from "../lib/dom.js";
import { SUGGESTION_RULE, suggestGrade } from "../lib/rubric.js";
import { Checklist, partLink } from "./answer-feedback.js";

// The rubric's rows, as the build names them (macros/render/cards.py), and the group each
// row's ticks count in.
const ROWS = [
  { id: "strong_hire", slug: "strong-hire", group: "strong", title: "Strong-hire points you made" },
  { id: "lean_hire", slug: "lean-hire", group: "lean", title: "Lean-hire points that describe your answer" },
  { id: "no_hire", slug: "no-hire", group: "no", title: "No-hire slips you made" },
];

// A point's content, copied: a loose list item's paragraph is unwrapped (a label holds
// phrasing content only).
function pointContent(li) {
  const only = li.children.length === 1 && li.firstElementChild.tagName === "P" ? li.firstElementChild : li;
  return [...only.childNodes].map((n) => n.cloneNode(true));
}

export class CardChecklist {
  // `answer`: the card's `.fc-card__answer` (its rubric, and the grades' names, are read
  // from it: the checklist works before Python); `text`: what the reader typed ("" for
  // none); `onSuggest(gradeId | null)` whenever the ticks change.
  constructor({ questionId, text, answer, onSuggest }) {
    this.onSuggest = onSuggest;
    this.suggested = null;
    this.labels = {};
    this.prefix = `fc-${questionId}-tick`;
    this.count = 0;
    const headingId = `${this.prefix}-title`;
    this.heading = el("h4", { id: headingId, tabindex: -1, class: "mlw-kp__title", text: "Check your answer against the rubric" });
    this.suggestion = el("p", { class: "mlw-rc__suggest", "aria-live": "polite", text: "Tick the points your answer made." });
    const tick = (group, checked) => this.box(group, checked);
    this.feedbackList = text.trim()
      ? new Checklist({ questionId, text, linkFor: partLink(questionId), idPrefix: `fc-${questionId}`, tick })
      : null;
    this.root = el("section", { class: "mlw-kp mlw-rc", "aria-labelledby": headingId },
      this.heading,
      el("p", { class: "mlw-rc__intro", text: text.trim()
        ? "Your typed answer ticked the key points it made and any trap it seems to assert; change any tick you disagree with, then tick the rubric's points."
        : "Tick each point of the rubric that matches what you said." }),
      this.feedbackList?.body ?? "",
      ...ROWS.flatMap((row) => this.row(row, answer)),
      this.suggestion,
      el("p", { class: "mlw-rc__rule", text: SUGGESTION_RULE }));
    this.root.addEventListener("change", () => this.suggest());
  }

  // The feedback the typed answer got (null until it is in, or without one).
  get feedback() {
    return this.feedbackList?.feedback ?? null;
  }

  box(group, checked) {
    const box = el("input", { type: "checkbox", id: `${this.prefix}-${this.count++}`, class: "mlw-rc__box" });
    box.dataset.group = group;
    box.checked = checked;
    return box;
  }

  row({ id, slug, group, title }, answer) {
    this.labels[id] = answer?.querySelector(`.qrubric__card--${slug} .qrubric__label`)?.textContent.trim();
    const points = [...(answer?.querySelectorAll(`.qrubric__card--${slug} li`) ?? [])];
    if (!points.length) return [];
    const items = points.map((li) => {
      const box = this.box(group, false);
      return el("li", { class: `mlw-kp__item mlw-check mlw-rc__point mlw-rc__point--${slug}` },
        box, " ", el("label", { for: box.id }, ...pointContent(li)));
    });
    return [el("h5", { class: `mlw-kp__sub mlw-rc__sub rubric-${slug}`, text: title }), el("ul", { class: `mlw-kp__list mlw-rc__list` }, items)];
  }

  // Checks the typed answer (when there is one) once Python is there (`py`, and the
  // reader's `level`); the suggestion follows its ticks.
  async run({ py, level }) {
    if (!this.feedbackList) return null;
    Object.assign(this.feedbackList, { py, level });
    const feedback = await this.feedbackList.run();
    this.suggest();
    return feedback;
  }

  summary() {
    return this.feedbackList?.summary() ?? "";
  }

  ticks() {
    const groups = { strong: [], lean: [], no: [] };
    for (const box of this.root.querySelectorAll("input.mlw-rc__box")) groups[box.dataset.group].push(box.checked);
    return groups;
  }

  suggest() {
    const grade = suggestGrade(this.ticks());
    const label = this.labels[grade];
    this.suggested = grade;
    this.suggestion.textContent = label
      ? `Suggested grade: ${label} (marked "Suggested" on its button). Only a suggestion: you choose.`
      : "Tick the points your answer made.";
    this.onSuggest(grade);
    return grade;
  }
}
