// The quiz widget. All logic (selection, shuffling, grading, score, validation of saved
// progress) runs in Python in the worker; this file only draws what the engine returns,
// as text, and handles the keyboard: number keys pick, Enter submits, N goes on. The
// running quiz is saved after every change, one slot per widget, so a reload or a visit
// elsewhere resumes it; a finished quiz clears its slot.

import { announcer } from "../lib/announce.js";
import { el, errorBox, notice, richText, siteHref } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { ready, showNotices } from "./practice.js";

const list = (value) => (value ? value.split(",").filter(Boolean) : []);
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
    // Python boots on load only when there is a quiz to resume (see warmUp below).
    if (this.slot.has()) this.resume();
    else this.showIdle();
  }

  filters() {
    if (!this.form) {
      const { tracks, levels, roles, count } = this.root.dataset;
      return { tracks: list(tracks), levels: list(levels), roles: list(roles), count: Number(count || 5) };
    }
    const data = new FormData(this.form);
    return {
      tracks: data.getAll("tracks"),
      levels: data.getAll("levels"),
      roles: data.getAll("roles"),
      count: Number(data.get("count") || 10),
    };
  }

  showNotices() {
    showNotices(this.notices, this.progressStore);
  }

  showIdle() {
    this.mode = "idle";
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

  async start() {
    try {
      await this.boot();
      this.session = await this.py.call("new_session", { filters: this.filters(), seed: newSeed() });
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
    this.body.replaceChildren(
      heading,
      el("fieldset", { class: "mlw-question" },
        el("legend", {}, richText(v.stem)),
        el("p", { class: "mlw-hint", text: v.multiple ? "Select all that apply." : "Pick one." }),
        el("ol", { class: "mlw-options" }, options)),
      el("p", { class: "mlw-history", text: `${v.track_title} · ${history}` }),
      button("md-button--primary mlw-submit", "Submit", () => this.submit()),
      el("p", { class: "mlw-keys", text: "Keys: 1–9 pick, Enter submits, N next." }),
      el("p", {}, button("mlw-quiz__over", "Start over", () => this.startOver())),
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
    for (const input of this.body.querySelectorAll(".mlw-options input")) input.disabled = true;
    const items = feedback.options.map((o) =>
      el("li", { class: o.correct ? "mlw-fb mlw-fb--right" : "mlw-fb mlw-fb--wrong" },
        el("span", { class: "mlw-fb__mark", text: o.correct ? "✓ Correct option" : "✗ Wrong option" }),
        o.chosen ? el("span", { class: "mlw-fb__chosen", text: " (your pick)" }) : null,
        el("span", { class: "mlw-fb__text" }, ": ", richText(o.text)),
        el("span", { class: "mlw-fb__why" }, " ", richText(o.why))),
    );
    const right = feedback.options.filter((o) => o.correct).map((o) => o.text);
    const verdict = feedback.correct ? "Correct." : `Not quite. The right answer: ${right.join("; ")}.`;
    const last = this.session.position + 1 >= this.session.items.length;
    const next = button("md-button--primary mlw-next", last ? "See your score" : "Next question", () => this.next());
    const href = siteHref(feedback.url);
    const link = href ? el("a", { href }) : el("span");
    link.append(...richText(feedback.title));
    this.body.querySelector(".mlw-submit")?.remove();
    this.body.querySelector(".mlw-keys")?.before(
      el("div", { class: "mlw-feedback" },
        el("p", { class: feedback.correct ? "mlw-verdict mlw-verdict--right" : "mlw-verdict mlw-verdict--wrong", text: verdict }),
        el("ul", { class: "mlw-fb-list" }, items),
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
    const rows = s.by_track.map((r) =>
      el("tr", {}, el("th", { scope: "row", text: r.title }), el("td", { text: `${r.correct} / ${r.answered}` })),
    );
    const heading = el("h3", { tabindex: -1, class: "mlw-score", text: `Score: ${s.correct} of ${s.total}` });
    this.body.replaceChildren(
      heading,
      el("table", { class: "mlw-score-table" },
        el("caption", { text: "By track" }),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Track" }), el("th", { scope: "col", text: "Correct" }))),
        el("tbody", {}, rows)),
      button("md-button--primary", "New quiz",
        () => (this.form ? this.form.querySelector("button")?.focus() : this.start())),
    );
    this.mode = "done";
    this.say(`Quiz finished: ${s.correct} of ${s.total} correct.`);
    if (focus) heading.focus();
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

// Warm Python up when a quiz comes near the screen, or when the reader reaches for it
// (pointer over it, keyboard focus in it). Not when the browser is idle: on a page read
// for its text that downloaded Pyodide (13 MB) and competed with the page's own start-up
// for the CPU. Practice pages start Python at once instead (main.js).
function warmUp(root, py) {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    root.removeEventListener("pointerenter", go);
    root.removeEventListener("focusin", go);
    py.start().catch(() => {});
  };
  // Half a screen of margin: booting takes a few seconds, so start before it is on screen.
  const observer = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(),
      { rootMargin: "50% 0px" })
    : null;
  observer?.observe(root);
  root.addEventListener("pointerenter", go);
  root.addEventListener("focusin", go);
  return () => observer?.disconnect();
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
