// Flashcards: one concept question at a time from the engine's review queue (the first
// drawn from the page while Python loads, flashcards-first.js; cards past the page's first
// chunk are fetched as the queue nears them, flashcards-store.js), a countdown from its
// time target, an answer box, then the rubric as one checklist (flashcards-checklist.js, a
// typed answer's key points folded in) before the full answer (static HTML the build
// wrote, hidden until revealed), then a self-grade that the engine turns into the next due
// date. Each grade button says when the card would come back, keys work as in Anki, and a
// session ends in a summary.

import { announcer } from "../lib/announce.js";
import { Countdown } from "../lib/countdown.js";
import { el, errorBox } from "../lib/dom.js";
import { dueWords, errorText, mmss, plural, tzOffset } from "../lib/format.js";
import { answerBox, confirmGrade } from "./answer-feedback.js";
import { CardChecklist } from "./flashcards-checklist.js";
import { adoptFirst, firstStaticId, waitBox } from "./flashcards-first.js";
import { cardGradeBar, cardKey, keyHint, markSuggested } from "./flashcards-grades.js";
import { SettingsForm } from "./flashcards-settings.js";
import { CardStore, showWhenLoaded } from "./flashcards-store.js";
import { sessionList, sessionSummary } from "./flashcards-summary.js";
import { changeSettings, ready, showNotices } from "./practice.js";

// How many of the queue's next cards have their chunk loaded ahead of the reader.
const PREFETCH = 3;

class Flashcards {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore } = deps);
    this.root = root;
    this.body = root.querySelector(".mlw-fc__body");
    this.counts = root.querySelector(".mlw-fc__counts");
    this.form = root.querySelector("form.mlw-fc__form");
    this.cards = new CardStore(document.querySelector(".fc-store"));
    this.say = announcer(root.querySelector(".mlw-fc__status"));
    this.session = []; // what was graded on this visit, newest last
    this.settings = new SettingsForm(this.form, this);
    // On the document, so the keys work wherever focus is on the page (unmount removes it).
    this.onKey = (event) => cardKey(this, event);
    document.addEventListener("keydown", this.onKey);
    this.engine = new Promise((resolve) => (this.engineReady = resolve)); // progress loaded
    this.showFirst();
    this.load();
  }

  // The first card from the page's HTML, before Python (flashcards-first.js). Focus stays
  // where the page put it: nothing was asked of the widget yet.
  showFirst() {
    const id = firstStaticId(this.cards.store);
    if (!id) return;
    this.wait = waitBox();
    this.showCard(id, { focus: false });
  }

  async load() {
    try {
      const where = this.wait?.root.isConnected ? this.wait.loading : this.body;
      const { progress, constants: fixed } = await ready(where, "Loading Python for the flashcards", this);
      this.progress = progress;
      this.constants = fixed;
      this.unwatch ??= this.progressStore.onChange((p) => this.adopt(p));
      showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
      this.settings.fill();
      await this.refresh();
      this.engineReady();
      if (this.wait?.root.isConnected) adoptFirst(this);
      else this.showIdle();
    } catch (error) {
      // A card shown from the page stays, with the error where its grades will be.
      if (!this.wait?.root.isConnected) return this.fail(error, () => this.load());
      this.wait.loading.replaceChildren(errorBox(errorText(error), () => this.load()));
      this.say(`Error: ${errorText(error)}`);
    }
  }

  // Another tab (or widget) graded or changed settings: show its work. A card being
  // answered stays; the counts, and an idle or finished queue, are redrawn.
  async adopt(progress) {
    if (!this.root.isConnected) return this.unwatch();
    this.progress = progress;
    try {
      await this.refresh();
      if (this.mode === "idle" || this.mode === "done") this.showIdle();
    } catch (error) {
      this.fail(error, () => this.showIdle());
    }
  }

  async refresh() {
    this.queue = await this.py.call("queue", {
      progress: this.progress, now_ms: Date.now(), tz_offset_min: tzOffset(),
    });
    const q = this.queue;
    const parts = [`Due now: ${q.due.length}`, `New cards left today: ${q.new_left_today}`];
    if (q.due_later_today) parts.push(`Due later today: ${q.due_later_today}`);
    this.counts.textContent = parts.join(" · ");
    this.cards.prefetch([...q.due, ...q.new].slice(0, PREFETCH)); // their chunks, if not here
    this.settings.showCoreDone(q);
  }

  nextId() {
    return this.queue.due[0] ?? this.queue.new[0] ?? null;
  }

  showIdle() {
    this.stopTimer();
    this.cards.giveBack();
    this.mode = "idle";
    const q = this.queue;
    if (!this.nextId()) return this.showDone();
    const start = el("button", {
      type: "button", class: "md-button md-button--primary mlw-fc__start",
      text: "Start reviewing", onclick: () => this.showCard(this.nextId()),
    });
    this.body.replaceChildren(
      el("p", { text: `${plural(q.due.length, "card")} due now and ${plural(q.new.length, "new card")} for today.` }),
      start,
    );
  }

  // Nothing left to review: the session's summary (see flashcards-summary.js). Returns its
  // heading, for whoever should move focus there; null if it was not shown.
  async showDone() {
    this.mode = "done";
    const nowMs = Date.now();
    try {
      const day = this.session.length
        ? await this.py.call("day_summary", { progress: this.progress, now_ms: nowMs, tz_offset_min: tzOffset() })
        : null;
      if (this.mode !== "done") return null; // another tab's change redrew the widget meanwhile
      const summary = sessionSummary({ session: this.session, grades: this.constants.grades, day, nextDueMs: this.queue.next_due_ms, nowMs });
      this.body.replaceChildren(summary.root);
      return summary.heading;
    } catch (error) {
      this.fail(error, () => this.showIdle());
      return null;
    }
  }

  // `focus`: move focus to the card's heading (not when the page has just loaded).
  showCard(id, { focus = true } = {}) {
    this.stopTimer(); // the card it replaces may still be counting (flashcards-first.js)
    this.loadingCard = null;
    if (!this.cards.has(id)) return showWhenLoaded(this, id, { focus }); // on a chunk page
    let card;
    try {
      card = this.cards.borrow(id);
    } catch (error) {
      return this.fail(error, () => this.showIdle());
    }
    const isDue = this.queue?.due.includes(id) ?? false;
    const { fcTarget, fcSeconds, fcTrack, fcKind } = card.card.dataset;
    this.current = { id, kind: fcKind, prompt: card.prompt.textContent.trim() };
    const heading = el("h3", { tabindex: -1, class: "mlw-fc__heading", text: isDue ? "Card due for review" : "New card" });
    const value = el("span", { class: "mlw-timer__value", text: mmss(Number(fcSeconds)) });
    const timer = el("p", { class: "mlw-timer" }, "Time left to answer: ", value);
    this.answer = answerBox({
      id: `fc-note-${id}`,
      // key points exist for the concept questions only, not short answers or problems
      label: fcKind === "question"
        ? "Your answer, if you want to type it: after the reveal it is checked against the question's key points, in this browser"
        : "Your answer, if you want to type it, to set beside the answer and rubric",
      keep: this.progress?.settings.keep_answers ?? null, // null: not known before Python
      onKeep: (keep) => changeSettings(this, { keep_answers: keep }),
      say: this.say,
    });
    this.check = null;
    this.grades = null; // the grade bar's buttons, once there
    this.body.replaceChildren(
      heading,
      el("p", { class: "mlw-fc__meta", text: `${fcTrack} · Time target: ${fcTarget}` }),
      el("div", { class: "mlw-fc__prompt" }, card.prompt),
      timer,
      el("div", { class: "mlw-fc__note" }, this.answer.root),
      el("button", {
        type: "button", class: "md-button md-button--primary mlw-fc__reveal",
        text: "Reveal the answer and rubric", onclick: () => this.reveal(),
      }),
      el("p", { class: "mlw-keys", text: this.constants ? keyHint(this.constants.grades) : "Keys: Space reveals the answer." }),
      this.wait?.root ?? "",
    );
    this.mode = "asking";
    this.timer = new Countdown(Number(fcSeconds), {
      root: this.root,
      onTick: (left) => (value.textContent = mmss(left)),
      onEnd: () => {
        timer.classList.add("is-up");
        value.textContent = "00:00, time is up";
        this.say("Time is up.");
      },
    }).start();
    if (focus) heading.focus();
  }

  // The page was left (instant navigation): no timer or listener outlives it.
  unmount() {
    this.stopTimer();
    this.unwatch?.();
    document.removeEventListener("keydown", this.onKey);
  }

  stopTimer() {
    this.timer?.stop();
  }

  // The checklist (the rubric to tick, with a typed answer's feedback folded in) and the
  // full answer appear at once, the checklist first; the feedback fills in when the worker
  // answers (the reveal never waits for Python).
  reveal() {
    if (this.mode !== "asking") return;
    this.stopTimer();
    this.body.querySelector(".mlw-fc__reveal")?.remove();
    this.body.querySelector(".mlw-keys")?.remove();
    const id = this.current.id;
    const text = this.answer.text();
    this.answer.textarea.readOnly = true;
    const heading = el("h4", { tabindex: -1, class: "mlw-fc__answer-title", text: "Full answer" });
    this.check = new CardChecklist({
      // key points exist for the concept questions only: other cards tick the rubric alone
      questionId: id, text: this.current.kind === "question" ? text : "", answer: this.cards.borrowed.answer,
      onSuggest: (grade) => this.grades && markSuggested(this.grades, grade),
    });
    this.body.append(
      this.check.root,
      el("div", { class: "mlw-fc__answer mlw-fc__answer--ticked" }, heading, this.cards.borrowed.answer),
      this.constants ? cardGradeBar(this, id).root : this.wait.root, // before Python: says why no grades yet
    );
    this.mode = "revealed";
    this.check.heading.focus();
    const next = () => (this.constants ? "Grade yourself with the buttons after the answer." : "Grading waits for Python, which is loading.");
    if (!text.trim() || this.current.kind !== "question") return this.say(`Rubric checklist and answer shown. Tick what you said. ${next()}`);
    this.say("Rubric checklist and answer shown. Checking your answer against the key points.");
    const check = this.check;
    this.engine
      .then(() => check.run({ py: this.py, level: this.progress.settings.level }))
      .then(() => {
        if (this.check === check && this.mode === "revealed") this.say(`${check.summary()} ${next()}`);
      });
  }

  // A grade that the checklist disagrees with strongly is saved after one confirmation.
  grade(g) {
    if (this.mode !== "revealed") return;
    const ok = confirmGrade({
      host: this.confirm, grades: this.grades, feedback: this.check?.feedback, grade: g,
      say: this.say, save: (chosen) => this.saveGrade(chosen),
    });
    if (ok) this.saveGrade(g);
  }

  async saveGrade(g) {
    if (this.mode !== "revealed") return;
    this.mode = "grading";
    for (const b of this.body.querySelectorAll(".mlw-grade")) b.disabled = true;
    const now = Date.now();
    const args = { question_id: this.current.id, now_ms: now };
    try {
      const before = this.progress;
      this.progress = await this.py.call("review", { progress: before, grade: g.id, ...args });
      const text = this.answer.text();
      if (this.progress.settings.keep_answers && text.trim()) {
        this.progress = await this.py.call("keep_answer", { progress: this.progress, text, ...args });
      }
      await this.progressStore.save(this.progress, before);
      showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
      const info = await this.py.call("card_info", { progress: this.progress, tz_offset_min: tzOffset(), ...args });
      const words = dueWords(info.due_ms, now);
      this.session.push({ prompt: this.current.prompt, grade: g.label, words });
      await this.refresh();
      this.showResult(`Graded: ${g.label}. ${words}`);
    } catch (error) {
      this.fail(error, () => this.showIdle());
    }
  }

  showResult(text) {
    this.cards.giveBack();
    this.mode = "result";
    const nextId = this.nextId();
    const next = el("button", {
      type: "button", class: "md-button md-button--primary mlw-fc__next",
      text: nextId ? "Next card" : "Finish",
      onclick: () => this.goOn(),
    });
    this.body.replaceChildren(el("p", { class: "mlw-fc__result", text }), next, sessionList(this.session));
    next.focus();
    this.say(text);
  }

  // The queue is asked again: a card in a minutes-long learning step may be due by now.
  async goOn() {
    if (this.mode !== "result") return;
    try {
      await this.refresh();
      const id = this.nextId();
      if (id) this.showCard(id);
      else (await this.showDone())?.focus();
    } catch (error) {
      this.fail(error, () => this.showIdle());
    }
  }

  // After the settings form saved: the queue and counts they change, and the new counts.
  async settingsSaved() {
    await this.refresh();
    if (this.mode === "idle" || this.mode === "done") this.showIdle();
    return this.counts.textContent;
  }

  fail(error, retry) {
    this.stopTimer();
    this.cards.giveBack();
    this.mode = "error";
    const message = errorText(error);
    this.body.replaceChildren(errorBox(message, retry));
    this.say(`Error: ${message}`);
  }
}

// The flashcards on a page: returns what stops them when the page goes.
export function mount(root, deps) {
  const widget = new Flashcards(root, deps);
  return () => widget.unmount();
}
