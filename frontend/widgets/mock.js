// The mock round: the engine picks 6-8 questions for a role and level; this file runs the
// 45-minute round clock and a per-question clock, reveals the interviewer's follow-up
// probes one at a time, collects a self-grade per question, and shows the scorecard. A
// round with every question graded is recorded into the reader's progress. The running
// round is saved after every change, so a reload or a visit elsewhere resumes it (a typed
// answer is not part of it: it stays in the page unless the reader keeps answers).

import { announcer } from "../lib/announce.js";
import { Countdown } from "../lib/countdown.js";
import { el, errorBox, notice, richText, siteHref } from "../lib/dom.js";
import { errorText, mmss } from "../lib/format.js";
import { answerBox, Checklist, confirmGrade } from "./answer-feedback.js";
import { gradeButtons, ready, showNotices } from "./practice.js";

const WARN_AT_SECONDS = 5 * 60;
const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];

class MockRound {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore } = deps);
    this.slot = deps.slots.mockRound;
    this.root = root;
    this.form = root.querySelector("form.mlw-mock__setup");
    this.fieldset = this.form.querySelector("fieldset");
    this.body = root.querySelector(".mlw-mock__body");
    this.say = announcer(root.querySelector(".mlw-mock__status"));
    this.mode = "idle";
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.start();
    });
    this.load();
  }

  async load() {
    try {
      const { progress, constants } = await ready(this.body, "Loading Python for the mock round", this);
      this.progress = progress;
      this.constants = constants;
      this.unwatch ??= this.watch();
      showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
      this.fieldset.disabled = false;
      if (await this.resume()) return;
      const minutes = constants.mock_clock_seconds / 60;
      this.body.replaceChildren(el("p", {
        text: `Choose your role and level above, then start. The round lasts ${minutes} minutes.`,
      }));
    } catch (error) {
      this.fail(error, () => this.load());
    }
  }

  // A round saved on an earlier visit goes on where it was, its clock having run on
  // meanwhile; the reader is told if one was saved but cannot be used.
  async resume() {
    const { value: round, problem } = await this.slot.load();
    if (problem) this.root.querySelector(".mlw-notices").append(notice(problem));
    if (!round) return false;
    return this.show(round);
  }

  // A saved round on screen: running, or straight to its scorecard when it is over.
  async show(round) {
    const left = this.begin(round);
    if (left <= 0 || this.mock.position >= this.mock.questions.length) {
      await this.finish(left <= 0 ? "time" : "complete");
      return true;
    }
    this.showQuestion(false); // no focus on page load: the live region says where we are
    this.say(`Your unfinished round is back: question ${this.mock.position + 1} of ` +
      `${this.mock.questions.length}, ${mmss(left)} left on the round clock.`);
    return true;
  }

  // The running round as saved; its version is the engine's (data-round-version, written
  // by the build).
  state() {
    return {
      version: Number(this.root.dataset.roundVersion),
      mock: this.mock, started_ms: this.startedMs, question_started_ms: this.askedMs, probes: this.shown,
    };
  }

  // The running round, saved after every change. A widget left by instant navigation
  // must not overwrite the round a fresh one on the same page has resumed. When another
  // tab got further with this round, or started a newer one, its copy is shown instead.
  async save() {
    if (!this.root.isConnected) return;
    try {
      const { keep, stored } = await this.slot.save(this.state());
      if (keep === "stored" && stored) await this.follow(stored);
    } catch (error) {
      this.say(`The round could not be saved: ${errorText(error)}`);
    }
  }

  // The page was left (instant navigation): no clock or listener outlives it.
  unmount() {
    this.stopClocks();
    this.unwatch?.();
  }

  // One running round per browser: this tab follows another tab's changes to it.
  watch() {
    const stop = this.slot.watch(async () => {
      if (!this.root.isConnected) return stop();
      if (this.mode !== "running" && this.mode !== "idle") return;
      const { value } = await this.slot.load();
      if (value) await this.follow(value);
      else if (this.mode === "running") this.endedElsewhere();
    });
    return stop;
  }

  async follow(round) {
    const mine = this.mode === "running" ? this.state() : null;
    if (mine && JSON.stringify(mine) === JSON.stringify(round)) return;
    this.stopClocks();
    this.mode = "idle";
    await this.show(round);
    this.say("This round changed in another tab; it goes on from there.");
  }

  endedElsewhere() {
    this.stopClocks();
    this.mode = "idle";
    this.fieldset.disabled = false;
    this.body.replaceChildren(el("p", { class: "mlw-mock__elsewhere",
      text: "This round was finished or discarded in another tab. Choose your role and level above to start another." }));
    this.say("This round ended in another tab.");
  }

  async start() {
    if (this.mode === "running") return;
    const data = new FormData(this.form);
    try {
      this.mock = await this.py.call("new_mock", {
        role: data.get("role"), level: data.get("level"), seed: newSeed(),
      });
    } catch (error) {
      return this.fail(error, () => this.start());
    }
    const now = Date.now();
    this.begin({ mock: this.mock, started_ms: now, question_started_ms: now, probes: 0 });
    this.showQuestion();
    this.save();
    this.say(`The round has started: ${this.mock.questions.length} questions, ${mmss(this.mock.clock_seconds)} on the clock.`);
  }

  // Sets up a round, new or saved, and starts its clock from the time it began; returns
  // the seconds left (never more than the round's, should the computer's clock go back).
  begin({ mock, started_ms: startedMs, question_started_ms: askedMs, probes }) {
    Object.assign(this, { mock, startedMs, askedMs, shown: probes, mode: "running" });
    this.fieldset.disabled = true; // one round at a time; the scorecard enables it again
    const left = Math.min(mock.clock_seconds, mock.clock_seconds - (Date.now() - startedMs) / 1000);
    this.warned = left <= WARN_AT_SECONDS; // a resumed round low on time says so once, on resume
    this.clockValue = el("span", { class: "mlw-mock__clock-value", text: mmss(left) });
    this.stage = el("div", { class: "mlw-mock__stage" });
    const button = (cls, text, onclick) => el("button", { type: "button", class: `md-button ${cls}`, text, onclick });
    this.body.replaceChildren(
      el("p", { class: "mlw-mock__clock" }, "Round clock: ", this.clockValue, " left"),
      this.stage,
      el("p", {}, button("mlw-mock__end", "End the round now", () => this.finish("ended")), " ",
        button("mlw-mock__discard", "Discard this round", () => this.discard())),
    );
    if (left > 0) {
      this.clock = new Countdown(left, {
        root: this.root, onTick: (s) => this.onClock(s), onEnd: () => this.finish("time"),
      }).start();
    }
    return left;
  }

  onClock(left) {
    this.clockValue.textContent = mmss(left);
    this.clockValue.parentElement.classList.toggle("is-low", left <= WARN_AT_SECONDS);
    if (!this.warned && left <= WARN_AT_SECONDS && left > 0) {
      this.warned = true;
      this.say("5 minutes left in the round.");
    }
  }

  // Nothing is scored or recorded; the saved round goes, and the setup form is next.
  discard() {
    if (this.mode !== "running" && this.mode !== "grading") return;
    this.mode = "idle";
    this.stopClocks();
    this.slot.clear(this.state()).catch(() => {});
    this.fieldset.disabled = false;
    this.body.replaceChildren(el("p", { class: "mlw-mock__discarded",
      text: "Round discarded: nothing was scored or saved. Choose your role and level above to start another." }));
    this.form.elements.role.focus();
    this.say("Round discarded.");
  }

  showQuestion(focus = true) {
    const m = this.mock;
    const q = m.questions[m.position];
    const n = m.position + 1;
    const heading = el("h3", { tabindex: -1, class: "mlw-mock__count", text: `Question ${n} of ${m.questions.length}` });
    const labelId = `mock-grade-label-${n}`;
    this.answer = answerBox({
      id: `mock-answer-${n}`,
      label: "Your answer, if you want to type it: “Check my answer” compares it with the question's key points, in this browser",
      keep: this.progress.settings.keep_answers,
      onKeep: (keep) => this.keepAnswers(keep),
      say: this.say,
    });
    this.check = null;
    this.checkHost = el("div", { class: "mlw-mock__check" },
      el("p", {}, el("button", { type: "button", class: "md-button mlw-mock__check-button", text: "Check my answer", onclick: () => this.checkAnswer(q) })));
    this.grades = gradeButtons(this.constants.grades, labelId, (g) => this.grade(g));
    this.confirm = el("div", { id: `mock-confirm-${n}`, class: "mlw-confirm-host" });
    this.stage.replaceChildren(
      heading,
      el("p", { class: "mlw-mock__prompt" }, richText(q.title)),
      this.questionClock(q),
      this.probes(q.followups),
      this.answer.root,
      this.checkHost,
      el("p", { id: labelId, class: "mlw-mock__ask", text: "When you have answered, grade your whole answer:" }),
      this.grades,
      this.confirm,
    );
    if (focus) heading.focus();
  }

  // The mock round's reveal: the typed answer against the question's key points. The full
  // answer is on the question's own page, so a missed point links to its card there (the
  // round keeps running meanwhile).
  checkAnswer(q) {
    const text = this.answer.text();
    if (!text.trim()) {
      this.answer.textarea.focus();
      return this.say("Type your answer in the box first, then check it.");
    }
    this.answer.textarea.readOnly = true;
    const href = siteHref(q.url);
    const parts = { what: "What", why: "Why", when: "When", tradeoffs: "Trade-offs" };
    const check = new Checklist({
      py: this.py, questionId: q.id, level: this.mock.level, text, idPrefix: `mock-${this.mock.position + 1}`,
      linkFor: (section) => (href ? { href, text: `the “${parts[section] ?? "full"}” part of the answer, on the question's page` } : null),
    });
    this.check = check;
    this.checkHost.replaceChildren(check.root);
    check.heading.focus();
    this.say("Checking your answer against the key points.");
    check.run().then(() => {
      if (this.check === check) this.say(`${check.summary()} Grade your whole answer with the buttons after the checklist.`);
    });
  }

  // "Keep my answers" from the answer box: a setting saved with the progress.
  async keepAnswers(keep) {
    const before = this.progress;
    this.progress = await this.py.call("set_settings", { progress: before, settings: { keep_answers: keep } });
    await this.progressStore.save(this.progress, before);
  }

  // A kept answer (only with "keep my answers" ticked) goes into progress with the grade.
  async keepAnswer(questionId, text) {
    if (!this.progress.settings.keep_answers || !text.trim()) return;
    const before = this.progress;
    try {
      this.progress = await this.py.call("keep_answer", { progress: before, question_id: questionId, text, now_ms: Date.now() });
      await this.progressStore.save(this.progress, before);
    } catch (error) {
      this.say(`Your answer was not kept: ${errorText(error)}`);
    }
  }

  // Counts down from the question's time target, then counts how far over it you are.
  questionClock(q) {
    const target = q.target_seconds;
    if (!target) return el("p", { class: "mlw-mock__target", text: "No time target for this question." });
    const value = el("span", { class: "mlw-mock__target-value", text: mmss(target) });
    const line = el("p", { class: "mlw-mock__target" }, `Time target ${q.time_target}: `, value);
    this.questionTimer?.stop();
    this.questionTimer = new Countdown(target - (Date.now() - this.askedMs) / 1000, {
      root: this.root,
      onTick: (left) => {
        value.textContent = left > 0 ? `${mmss(left)} left` : `${mmss(-left)} over the target`;
        line.classList.toggle("is-over", left <= 0);
      },
    }).start();
    return line;
  }

  probes(followups) {
    const list = el("ol", { class: "mlw-probes" });
    const box = el("div", { class: "mlw-mock__probes" }, el("h4", { text: "The interviewer's follow-up probes" }), list);
    if (!followups.length) {
      box.append(el("p", { text: "This question has no follow-up probes." }));
      return box;
    }
    const button = el("button", { type: "button", class: "md-button mlw-mock__probe" });
    const noMore = () => el("p", { class: "mlw-mock__no-more", text: "No more probes." });
    const label = () => `Next probe (${list.children.length + 1} of ${followups.length})`;
    const reveal = (n) => list.append(el("li", { tabindex: -1 }, richText(followups[n])));
    for (let n = 0; n < this.shown; n += 1) reveal(n); // those shown before a reload
    button.textContent = label();
    button.addEventListener("click", () => {
      const shown = list.children.length;
      reveal(shown);
      this.shown = shown + 1;
      this.save();
      this.say(`Probe ${shown + 1} of ${followups.length}: ${followups[shown].replaceAll("`", "")}`);
      if (shown + 1 < followups.length) {
        button.textContent = label();
        return;
      }
      // The last probe: the button has nothing left to do, so focus goes to the probe
      // itself rather than being dropped on the body.
      button.replaceWith(noMore());
      list.lastElementChild.focus();
    });
    box.append(this.shown < followups.length ? el("p", {}, button) : noMore());
    return box;
  }

  // A grade that the checklist disagrees with strongly is saved after one confirmation.
  grade(g) {
    if (this.mode !== "running") return;
    const ok = confirmGrade({
      host: this.confirm, grades: this.grades, feedback: this.check?.feedback, grade: g,
      say: this.say, save: (chosen) => this.saveGrade(chosen),
    });
    if (ok) this.saveGrade(g);
  }

  async saveGrade(g) {
    if (this.mode !== "running") return;
    const question = this.mock.questions[this.mock.position];
    const text = this.answer.text();
    this.mode = "grading";
    for (const b of this.stage.querySelectorAll(".mlw-grade")) b.disabled = true;
    let graded;
    try {
      graded = await this.py.call("grade_mock", { mock: this.mock, grade: g.id });
    } catch (error) {
      // Keep the round going: the reader can grade again, or end the round.
      if (this.mode === "grading") this.mode = "running";
      for (const b of this.stage.querySelectorAll(".mlw-grade")) b.disabled = false;
      return this.say(`The grade was not saved: ${errorText(error)}`);
    }
    if (this.mode !== "grading") return; // the clock ran out while Python was busy
    await this.keepAnswer(question.id, text);
    Object.assign(this, { mock: graded, mode: "running", askedMs: Date.now(), shown: 0 });
    this.save();
    if (this.mock.position >= this.mock.questions.length) return this.finish("complete");
    this.showQuestion();
    this.say(`Graded: ${g.label}. Question ${this.mock.position + 1} of ${this.mock.questions.length}.`);
  }

  stopClocks() {
    this.clock?.stop();
    this.questionTimer?.stop();
  }

  async finish(reason) {
    // "error": the Retry of a scorecard that failed (the saved round is kept until then)
    if (!["running", "grading", "error"].includes(this.mode)) return;
    this.mode = "finished";
    this.stopClocks();
    this.fieldset.disabled = false;
    const why = {
      complete: "Round complete: every question is graded.",
      ended: "You ended the round early.",
      time: "Time is up: the round is over.",
    }[reason];
    if (!this.mock.grades.length) {
      this.slot.clear(this.state()).catch(() => {});
      return this.showEmpty(why);
    }
    try {
      const card = await this.py.call("scorecard", { mock: this.mock });
      const saved = reason === "complete" ? await this.record() : null;
      await this.slot.clear(this.state()); // only now: a reload before this point finishes the round again
      this.showScorecard(card, why, saved);
      this.say(`${why} Overall signal ${card.signal} of 5: ${card.signal_label}.`);
    } catch (error) {
      this.fail(error, () => this.finish(reason));
    }
  }

  // Only a fully graded round can be recorded (the engine refuses a partial one). The
  // sentence for the scorecard; a failure to save must not hide the scorecard.
  async record() {
    const done = "Saved to your progress: each grade now schedules that question as a flashcard.";
    // A reload between recording and clearing the saved round finishes it a second time.
    if (this.progress.mocks.some((m) => m.id === this.mock.id)) return done;
    const before = this.progress;
    try {
      this.progress = await this.py.call("record_mock", {
        progress: before, mock: this.mock, finished_ms: Date.now(),
      });
    } catch (error) {
      return `This round could not be saved to your progress: ${errorText(error)}`;
    }
    await this.progressStore.save(this.progress, before);
    showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
    return done;
  }

  showEmpty(why) {
    const heading = el("h3", { tabindex: -1, text: "No scorecard this time" });
    this.body.replaceChildren(heading,
      el("p", { text: `${why} No question was graded, so there is nothing to score.` }),
      this.againButton());
    heading.focus();
    this.say(`${why} No question was graded.`);
  }

  againButton() {
    return el("p", {}, el("button", {
      type: "button", class: "md-button md-button--primary mlw-mock__again",
      text: "Set up another round", onclick: () => this.form.elements.role.focus(),
    }));
  }

  showScorecard(card, why, saved) {
    const byId = new Map(this.mock.questions.map((q) => [q.id, q]));
    const labels = new Map(this.constants.grades.map((g) => [g.id, g.label]));
    const rows = card.rows.map((r, i) => {
      // Links come from the bank (the engine rebuilds a saved round from it) and must
      // point into this site; anything else is shown as plain text.
      const href = siteHref(byId.get(r.id)?.url ?? "");
      const link = el(href ? "a" : "span", { href }, richText(r.title));
      return el("tr", { class: r.grade ? `mlw-row--${r.grade}` : "mlw-row--none" },
        el("td", { text: String(i + 1) }), el("th", { scope: "row" }, link),
        el("td", { text: r.grade ? labels.get(r.grade) : "Not reached" }));
    });
    const steps = Object.entries(this.constants.signal_labels).map(([step, label]) => {
      const current = Number(step) === card.signal;
      return el("li", { class: current ? "is-current" : null, "aria-current": current ? "step" : null },
        `${step}. ${label}`, current ? el("strong", { text: " (this round)" }) : null);
    });
    const heading = el("h3", { tabindex: -1, class: "mlw-mock__score", text: "Scorecard" });
    this.body.replaceChildren(
      heading,
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
      this.againButton(),
    );
    heading.focus();
  }

  fail(error, retry) {
    this.stopClocks();
    this.mode = "error";
    this.fieldset.disabled = !this.constants;
    const message = errorText(error);
    this.body.replaceChildren(errorBox(message, retry));
    this.say(`Error: ${message}`);
  }
}

// The mock round on a page: returns what stops its clocks when the page goes.
export function mount(root, deps) {
  const widget = new MockRound(root, deps);
  return () => widget.unmount();
}
