// "Answer first" on a question, short answer or problem card: a countdown from the item's
// time target while its answer is hidden, then, on "Show answer" or when time is up, the
// answer and rubric, then the flashcards' four self-grades, which schedule the item through
// the engine's `review` op and say when it comes back. Python starts only when the reader
// presses Answer first (it loads while they answer), never on page load. The page's mode
// (answer-first-mode.js) decides whether an untried card shows its answer.

import { announcer } from "../lib/announce.js";
import { Countdown } from "../lib/countdown.js";
import { el, errorBox } from "../lib/dom.js";
import { dueWords, errorText, mmss, tzOffset } from "../lib/format.js";
import { currentMode, FIRST, onMode } from "./answer-first-mode.js";
import { intervalSlots, previewIntervals } from "./flashcards-grades.js";
import { gradeButtons, ready, showNotices } from "./practice.js";

class AnswerFirst {
  constructor(root, deps) {
    Object.assign(this, { root, deps, timer: null });
    const { firstId, firstSeconds, firstTarget } = root.dataset;
    Object.assign(this, { id: firstId, seconds: Number(firstSeconds), target: firstTarget });
    this.card = root.closest(".qcard");
    this.details = this.card.querySelector("details.answer");
    // What "answer first" hides: the answer under the question (not a problem's: its
    // scenario is the question) and the collapsed block with the rubric.
    this.hideable = [this.card.querySelector(".qcard__answer"), this.details].filter(Boolean);
    this.say = announcer(root.querySelector(".mlw-first__status"));
    this.controls = el("div", { class: "mlw-first__controls" });
    this.grading = el("div", { class: "mlw-first__grading mlw-panel", hidden: true });
    this.details?.after(this.grading);
    root.prepend(this.controls);
    root.hidden = false;
    this.unwatch = onMode(() => this.state === "idle" && this.showIdle());
    this.showIdle();
  }

  hideAnswer(hidden) {
    for (const part of this.hideable) part.hidden = hidden;
  }

  button(text, onclick, primary = false) {
    const cls = `md-button${primary ? " md-button--primary" : ""} mlw-first__button`;
    return el("button", { type: "button", class: cls, text, onclick });
  }

  // Before a try: the page's mode shows or hides the answer; Answer first is offered, and
  // Show answer where the answer is hidden.
  // `justGraded`: the answer was just read, so it stays shown until the next try.
  showIdle(justGraded = false) {
    this.state = "idle";
    const hidden = !justGraded && currentMode(this.deps.store) === FIRST;
    this.hideAnswer(hidden);
    const start = this.button("Answer first", () => this.start(), true);
    start.setAttribute("aria-describedby", this.hintId());
    const hint = el("span", { id: this.hintId(), class: "mlw-first__hint", text: `Countdown from ${this.target}, then the answer, rubric and your grade.` });
    this.controls.replaceChildren(
      start,
      hidden ? this.button("Show answer", () => this.reveal(false)) : "",
      hint,
    );
  }

  hintId() {
    return `first-hint-${this.id}`;
  }

  // The countdown starts at once; Python loads meanwhile, so the grades are ready after.
  start() {
    this.state = "asking";
    this.hideAnswer(true);
    this.grading.hidden = true;
    this.booting ??= this.boot();
    this.booting.catch(() => {}); // shown, with a retry, when the answer is
    const value = el("span", { class: "mlw-timer__value", text: mmss(this.seconds) });
    const timer = el("p", { class: "mlw-timer" }, "Time left to answer aloud: ", value);
    const show = this.button("Show answer and rubric", () => this.reveal(true), true);
    this.controls.replaceChildren(timer, show);
    this.timer = new Countdown(this.seconds, {
      root: this.root,
      onTick: (left) => (value.textContent = mmss(left)),
      onEnd: () => {
        timer.classList.add("is-up");
        value.textContent = "00:00, time is up";
        this.reveal(this.root.contains(document.activeElement), "Time is up. ");
      },
    }).start();
    show.focus();
    this.say(`Countdown started: ${this.target}. Answer aloud, then show the answer.`);
  }

  async boot() {
    const box = el("div", { class: "mlw-first__loading" });
    this.grading.replaceChildren(box);
    try {
      const { constants } = await ready(box, "Loading Python to schedule your grade", this.deps);
      return constants;
    } catch (error) {
      this.booting = null; // the next try starts again
      throw error;
    }
  }

  // The answer and rubric, then the grades once Python is up. `focus`: move focus to the
  // answer (the button that was pressed is gone).
  async reveal(focus, why = "") {
    if (this.state === "shown") return;
    this.timer?.stop();
    this.state = "shown";
    this.hideAnswer(false);
    if (this.details) this.details.open = true;
    const first = this.hideable[0];
    first?.setAttribute("tabindex", "-1");
    // The time the try took stays in view; shown without a try, a try is still offered.
    const timer = this.controls.querySelector(".mlw-timer");
    this.controls.replaceChildren(timer ?? this.button("Answer first", () => this.start()));
    this.grading.hidden = false;
    if (focus) first?.focus();
    this.say(`${why}Answer and rubric shown. Grade yourself with the buttons after the rubric.`);
    const labelId = `first-grade-label-${this.id}`;
    this.booting ??= this.boot();
    try {
      const constants = await this.booting;
      if (this.state !== "shown") return;
      const buttons = gradeButtons(constants.grades, labelId, (g) => this.grade(g, buttons));
      for (const b of buttons.children) intervalSlots(b);
      this.grading.replaceChildren(
        el("p", { id: labelId, class: "mlw-first__ask", text: "How did you do, judged by the rubric?" }),
        buttons,
        el("div", { class: "mlw-notices" }),
      );
      const progress = await this.deps.progressStore.get();
      previewIntervals(this.deps.py, { progress, questionId: this.id, grades: constants.grades, buttons });
    } catch (error) {
      this.fail(error);
    }
  }

  // The grade goes through the engine and is saved like a flashcard's; the card then says
  // when the item comes back.
  async grade(g, buttons) {
    if (this.state !== "shown") return;
    this.state = "grading";
    for (const b of buttons.children) b.disabled = true;
    const { py, progressStore } = this.deps;
    const nowMs = Date.now();
    try {
      const before = await progressStore.get();
      const args = { question_id: this.id, now_ms: nowMs };
      const after = await py.call("review", { progress: before, grade: g.id, ...args });
      await progressStore.save(after, before);
      const info = await py.call("card_info", { progress: after, tz_offset_min: tzOffset(), ...args });
      const text = `Graded: ${g.label}. ${dueWords(info.due_ms, nowMs)}`;
      const notices = el("div", { class: "mlw-notices" });
      showNotices(notices, progressStore);
      const result = el("p", { class: "mlw-first__result", tabindex: -1, text });
      this.grading.replaceChildren(result, notices);
      this.showIdle(true);
      result.focus(); // where the pressed grade button was
      this.say(text);
    } catch (error) {
      this.fail(error);
    }
  }

  fail(error) {
    this.state = "shown";
    const message = errorText(error);
    this.grading.hidden = false;
    this.grading.replaceChildren(errorBox(message, () => this.retry()));
    this.say(`Error: ${message}`);
  }

  retry() {
    this.state = "idle";
    this.reveal(false);
  }

  unmount() {
    this.timer?.stop();
    this.unwatch();
  }
}

export function mount(root, deps) {
  const widget = new AnswerFirst(root, deps);
  return () => widget.unmount();
}
