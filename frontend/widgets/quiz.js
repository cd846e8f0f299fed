// The quiz widget. All logic (selection, shuffling, grading, score, the misses to retry,
// validation of saved progress) runs in Python in the worker; this file only draws what
// the engine returns, as text, and handles the keyboard: number keys pick, Enter submits,
// N goes on. The running quiz is saved after every change, one slot per widget, so a
// reload or a visit elsewhere resumes it; a finished quiz clears its slot. Its parts:
// quiz-marking.js (options marked after Submit, progress dots), quiz-results.js (the
// results), quiz-setup.js (the folded setup, "Start over" asked first).

import { announcer } from "../lib/announce.js";
import { el, errorBox, notice, richText, siteHref } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { presetQuizForm } from "../lib/index-filter.js";
import { ready, showNotices } from "./practice.js";
import { markOptions, progressDots, verdictText } from "./quiz-marking.js";
import { results } from "./quiz-results.js";
import { askFirst, readFilters, Setup } from "./quiz-setup.js";
import { warmUp } from "./quiz-warm.js";

const PRESET_WAITS = "Your unfinished quiz comes first. Start over to draw one from the filters your link chose.";
const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];
const button = (cls, text, onclick) => el("button", { type: "button", class: `md-button ${cls}`, text, onclick });

class Quiz {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore } = deps);
    this.root = root;
    this.body = root.querySelector(".mlw-quiz__body");
    this.say = announcer(root.querySelector(".mlw-quiz__status"));
    this.notices = root.querySelector(".mlw-quiz__notices");
    this.form = root.querySelector("form.mlw-quiz__filters");
    this.setup = this.form ? new Setup(this.form, root.id) : null;
    this.setup?.watchCounts(this.py);
    // The widget's id names its saved slot: the build derives it from the widget's
    // tracks and filters (macros/render/widgets.py), so it is the same on every visit.
    this.slot = deps.slots.quizSession(root.id);
    this.mode = "idle";
    this.session = null;
    this.view = null;
    root.addEventListener("keydown", (event) => this.onKey(event));
    this.form?.addEventListener("submit", (event) => {
      event.preventDefault();
      this.start();
    });
    // Python boots on load only to resume a quiz, or for one an index's "Practise these"
    // asked for in the query (which ticks the form); an unfinished quiz comes first.
    const preset = this.form ? presetQuizForm(this.form, location.search) : false;
    if (this.slot.has() && preset) this.notices.append(notice(PRESET_WAITS));
    if (this.slot.has()) this.resume();
    else if (preset) this.start();
    else this.showIdle();
  }

  filters() {
    return readFilters(this.form, this.root.dataset);
  }

  showNotices() {
    showNotices(this.notices, this.progressStore);
  }

  showIdle() {
    this.mode = "idle";
    this.setup?.expand();
    if (this.form) {
      this.body.replaceChildren(el("p", { text: "Choose what to practise above, then start." }));
      return;
    }
    const count = this.root.dataset.count || 5;
    this.body.replaceChildren(
      el("p", { text: `${count} questions drawn at random from this page's topics.` }),
      button("md-button--primary mlw-start", "Start quiz", () => this.start()),
    );
  }

  // Boots Python with a progress bar, then loads the reader's progress.
  async boot() {
    this.mode = "loading";
    ({ progress: this.progress } = await ready(this.body, "Loading Python for the quiz", this, false));
    this.unwatch ??= this.progressStore.onChange((progress) => {
      if (!this.root.isConnected) return this.unwatch();
      this.progress = progress; // another tab's or widget's answers: for the history line
    });
    this.showNotices();
  }

  // A new quiz: drawn by the filters, or (`retry`) the misses of the one just scored.
  async start(retry = false) {
    if (retry && this.mode !== "done") return;
    try {
      await this.boot();
      const seed = newSeed();
      this.session = retry
        ? await this.py.call("retry_session", { session: this.session, seed })
        : await this.py.call("new_session", { filters: this.filters(), seed });
      this.retrying = retry;
      this.save();
      await this.showQuestion();
    } catch (error) {
      this.fail(error);
    }
  }

  // A quiz saved on an earlier visit goes on where it was; the reader is told, and told
  // why when the engine refused the saved one (it no longer fits the bank, say).
  async resume() {
    try {
      await this.boot();
      const { value: session, problem } = await this.slot.load();
      if (problem) this.notices.append(notice(problem));
      if (!session) return this.showIdle();
      this.session = session;
      // Saved after an answer, before going on: its feedback was seen, so go on.
      if (session.answers.length > session.position) {
        this.session = await this.py.call("advance", { session });
        this.save();
      }
      if (await this.py.call("finished", { session: this.session })) return await this.showScore(false);
      await this.showQuestion(false); // no focus jump on page load: the live region says it
      const done = this.session.answers.length;
      this.say(`Your unfinished quiz is back: question ${this.view.index + 1} of ` +
        `${this.view.total}, ${done} answer${done === 1 ? "" : "s"} kept.`);
    } catch (error) {
      this.fail(error, () => this.resume());
    }
  }

  // After every change. A widget left behind by instant navigation must not overwrite
  // the session a fresh one on the same page has resumed.
  save() {
    if (this.root.isConnected) this.slot.save(this.session).catch(() => {});
  }

  // Asks first, in the page; a "no" puts focus back on "Start over".
  askStartOver(host, opener) {
    askFirst(host, {
      text: "Discard this quiz? The answers you gave stay in your progress.",
      yes: "Discard quiz", no: "Keep going",
      onYes: () => this.startOver(),
      onNo: () => opener.focus(),
    });
  }

  // Drops the saved quiz (answers already given stay in the reader's progress).
  startOver() {
    if (this.mode !== "question" && this.mode !== "feedback") return;
    this.slot.clear(this.session).catch(() => {});
    this.say("The unfinished quiz was discarded.");
    if (!this.form) return this.start();
    this.showIdle();
    this.form.querySelector("input, select")?.focus();
  }

  async showQuestion(focus = true) {
    this.view = await this.py.call("view", { session: this.session });
    const stats = await this.py.call("item_stats", { progress: this.progress, item_id: this.view.item });
    const v = this.view;
    const type = v.multiple ? "checkbox" : "radio";
    const name = `q-${this.root.id}-${v.index}`;
    const options = v.options.map((text, i) =>
      el("li", {}, el("label", { class: "mlw-option" },
        el("input", { type, name, value: i, "data-index": i }),
        el("span", { class: "mlw-option__key", text: `${i + 1}.` }),
        el("span", {}, richText(text)))),
    );
    const history = stats.attempts
      ? `Answered before: ${stats.attempts} time${stats.attempts > 1 ? "s" : ""}, ${stats.correct} correct.`
      : "New to you.";
    const heading = el("h3", { class: "mlw-question__count", tabindex: -1, text: `Question ${v.index + 1} of ${v.total}` });
    const confirm = el("div", { id: `${this.root.id}-confirm`, class: "mlw-confirm-host" });
    const over = el("button", { type: "button", class: "mlw-linkbutton mlw-quiz__over", text: "Start over",
      onclick: () => this.askStartOver(confirm, over) });
    this.setup?.collapse(this.session.filters, this.retrying);
    this.body.replaceChildren(
      el("div", { class: "mlw-quiz__head" }, heading, progressDots(this.session)),
      el("fieldset", { class: "mlw-question" },
        el("legend", {}, richText(v.stem)),
        el("p", { class: "mlw-hint", text: v.multiple ? "Select all that apply." : "Pick one." }),
        el("ol", { class: "mlw-options" }, options)),
      el("p", { class: "mlw-history", text: `${v.track_title} · ${history}` }),
      button("md-button--primary mlw-submit", "Submit", () => this.submit()),
      el("div", { class: "mlw-quiz__foot" },
        el("p", { class: "mlw-keys", text: "Keys: 1–9 pick, Enter submits, N next." }), over),
      confirm,
    );
    this.mode = "question";
    if (focus) heading.focus();
  }

  chosen() {
    return [...this.body.querySelectorAll(".mlw-options input:checked")].map((i) => Number(i.dataset.index));
  }

  async submit() {
    if (this.mode !== "question") return;
    const chosen = this.chosen();
    if (!chosen.length) {
      this.say("Pick an option first.");
      return;
    }
    this.mode = "grading";
    try {
      const { session, feedback } = await this.py.call("grade", { session: this.session, chosen });
      this.session = session;
      this.save();
      const before = this.progress;
      this.progress = await this.py.call("record", {
        progress: before, item_id: this.view.item, correct: feedback.correct, now_ms: Date.now(),
      });
      await this.progressStore.save(this.progress, before);
      this.showNotices();
      this.showFeedback(feedback);
    } catch (error) {
      this.fail(error);
    }
  }

  showFeedback(feedback) {
    markOptions(this.body.querySelector(".mlw-options"), feedback);
    this.body.querySelector(".mlw-dots")?.replaceWith(progressDots(this.session));
    const verdict = verdictText(feedback);
    const last = this.session.position + 1 >= this.session.items.length;
    const next = button("md-button--primary mlw-next", last ? "See your score" : "Next question", () => this.next());
    const href = siteHref(feedback.url);
    const link = href ? el("a", { href }) : el("span");
    link.append(...richText(feedback.title));
    this.body.querySelector(".mlw-submit")?.replaceWith(
      el("div", { class: "mlw-feedback" },
        el("p", { class: feedback.correct ? "mlw-verdict mlw-verdict--right" : "mlw-verdict mlw-verdict--wrong", text: verdict }),
        el("p", {}, "Read the full answer: ", link),
        next),
    );
    this.mode = "feedback";
    this.say(verdict);
    next.focus();
  }

  async next() {
    if (this.mode !== "feedback") return;
    try {
      this.session = await this.py.call("advance", { session: this.session });
      this.save();
      if (await this.py.call("finished", { session: this.session })) await this.showScore();
      else await this.showQuestion();
    } catch (error) {
      this.fail(error);
    }
  }

  async showScore(focus = true) {
    const s = await this.py.call("score", { session: this.session });
    this.slot.clear(this.session).catch(() => {}); // only once scored: a reload before this scores it again
    this.setup?.collapse(this.session.filters, this.retrying);
    const deps = { py: this.py, progressStore: this.progressStore };
    const { heading, nodes } = results(s, { onRetry: () => this.start(true), onNew: () => this.newQuiz(), deps });
    this.body.replaceChildren(...nodes);
    this.mode = "done";
    this.say(`Quiz finished: ${s.correct} of ${s.total} correct.`);
    if (focus) heading.focus();
  }

  // With the filters form: open it, its Start button ready. Without: start at once.
  newQuiz() {
    if (!this.setup) return this.start();
    this.setup.open(true, false);
    this.form.querySelector("button[type=submit]")?.focus();
  }

  fail(error, retry = () => this.start()) {
    this.mode = "error";
    const message = errorText(error);
    this.body.replaceChildren(errorBox(message, retry));
    this.say(`Error: ${message}`);
  }

  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target.matches?.("input[type=number], input[type=text], select, textarea")) return;
    if (this.form?.contains(target)) return;
    if (this.mode === "question" && /^[1-9]$/.test(event.key)) {
      const input = this.body.querySelectorAll(".mlw-options input")[Number(event.key) - 1];
      if (!input) return;
      event.preventDefault();
      input.checked = input.type === "checkbox" ? !input.checked : true;
      input.focus();
    } else if (this.mode === "question" && event.key === "Enter") {
      if (target.matches?.("button, a")) return; // the button's own click handles it
      event.preventDefault();
      this.submit();
    } else if (event.key === "n" || event.key === "N") {
      // Material binds N to "next page"; inside the quiz it means "next question".
      event.preventDefault();
      event.stopPropagation();
      if (this.mode === "feedback") this.next();
    }
  }
}

// A quiz on a page, and Python warmed up as the reader comes to it.
export function mount(root, deps) {
  const widget = new Quiz(root, deps);
  const stopWatching = warmUp(root, deps.py);
  return () => {
    stopWatching();
    widget.unwatch?.();
  };
}
