// The mock round's typed answer: the answer box, "Check my answer" against the question's
// key points (the checklist of answer-feedback.js), "keep my answers", and the one
// confirmation before a grade the checklist strongly disagrees with. The full answer is on
// the question's own page, so a missed point links to its card there (the round keeps
// running meanwhile). A typed answer is not part of the saved round: it stays in the page
// unless the reader keeps answers.

import { el, siteHref } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { answerBox, Checklist, confirmGrade } from "./answer-feedback.js";
import { changeSettings } from "./practice.js";

const PARTS = { what: "What", why: "Why", when: "When", tradeoffs: "Trade-offs" };

export class MockAnswer {
  // round: the MockRound (py, progressStore, progress, say, the running mock).
  constructor(round, q, n, grades) {
    Object.assign(this, { round, q, n, grades, check: null });
    this.box = answerBox({
      id: `mock-answer-${n}`,
      label: "Your answer, if you want to type it: “Check my answer” compares it with the question's key points, in this browser",
      keep: round.progress.settings.keep_answers,
      onKeep: (keep) => this.keepAnswers(keep),
      say: round.say,
    });
    this.checkHost = el("div", { class: "mlw-mock__check" },
      el("p", {}, el("button", { type: "button", class: "md-button mlw-mock__check-button", text: "Check my answer", onclick: () => this.checkAnswer() })));
    this.confirm = el("div", { id: `mock-confirm-${n}`, class: "mlw-confirm-host" });
  }

  text() {
    return this.box.text();
  }

  checkAnswer() {
    const { round, q } = this;
    const text = this.text();
    if (!text.trim()) {
      this.box.textarea.focus();
      return round.say("Type your answer in the box first, then check it.");
    }
    this.box.textarea.readOnly = true;
    const href = siteHref(q.url);
    const check = new Checklist({
      py: round.py, questionId: q.id, level: round.mock.level, text, idPrefix: `mock-${this.n}`,
      linkFor: (section) => (href ? { href, text: `the “${PARTS[section] ?? "full"}” part of the answer, on the question's page` } : null),
    });
    this.check = check;
    this.checkHost.replaceChildren(check.root);
    check.heading.focus();
    round.say("Checking your answer against the key points.");
    check.run().then(() => {
      if (this.check === check) round.say(`${check.summary()} Grade your whole answer with the buttons after the checklist.`);
    });
  }

  // True when grade `g` may be saved now; otherwise the confirmation is shown, and `save`
  // runs if the reader confirms.
  confirmed(g, save) {
    return confirmGrade({
      host: this.confirm, grades: this.grades, feedback: this.check?.feedback, grade: g,
      say: this.round.say, save,
    });
  }

  // "Keep my answers" from the answer box: a setting saved with the progress.
  keepAnswers(keep) {
    return changeSettings(this.round, { keep_answers: keep });
  }

  // A kept answer (only with "keep my answers" ticked) goes into progress with the grade.
  async keep(text) {
    const { round } = this;
    if (!round.progress.settings.keep_answers || !text.trim()) return;
    const before = round.progress;
    try {
      round.progress = await round.py.call("keep_answer", { progress: before, question_id: this.q.id, text, now_ms: Date.now() });
      await round.progressStore.save(round.progress, before);
    } catch (error) {
      round.say(`Your answer was not kept: ${errorText(error)}`);
    }
  }
}
