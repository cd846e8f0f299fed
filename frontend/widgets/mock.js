// The mock round: the engine picks 6-8 questions for a role and level; this file runs the
// 45-minute round clock and a per-question clock, reveals the interviewer's follow-up
// probes one at a time, and after "I'm done" shows the rubric and the level's answer
// (mock-done.js) before the self-grade. The round is recorded into the reader's progress
// when it ends: complete, or partial (ended early, out of time) with what was graded. The
// running round is saved after every change (mock-sync.js), so a reload or a visit
// elsewhere resumes it (a typed answer is not part of it: see mock-answer.js).

import { announcer } from "../lib/announce.js";
import { Countdown } from "../lib/countdown.js";
import { el, errorBox, notice, richText } from "../lib/dom.js";
import { errorText, mmss } from "../lib/format.js";
import { MockAnswer } from "./mock-answer.js";
import { doneStep, RubricStore } from "./mock-done.js";
import { history } from "./mock-history.js";
import { ENDINGS, emptyCard, partialNote, scorecard } from "./mock-scorecard.js";
import { probeList, questionClock, roundFrame } from "./mock-stage.js";
import { recordRound, roundState, saveRound, watchRound } from "./mock-sync.js";
import { gradeButtons, ready, showNotices } from "./practice.js";

const WARN_AT_SECONDS = 5 * 60;
const MAX_QUESTION_SECONDS = 24 * 60 * 60; // the engine refuses more (validate_mocks.py)
const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];

class MockRound {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore } = deps);
    this.slot = deps.slots.mockRound;
    this.root = root;
    this.store = new RubricStore(root);
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
      this.unwatch ??= watchRound(this);
      showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
      this.fieldset.disabled = false;
      if (await this.resume()) return;
      const minutes = constants.mock_clock_seconds / 60;
      this.body.replaceChildren(el("p", {
        text: `Choose your role and level above, then start. The round lasts ${minutes} minutes.`,
      }), this.history());
    } catch (error) {
      this.fail(error, () => this.load());
    }
  }

  // The reader's recorded rounds (mock-history.js), role names as the setup form has them.
  history() {
    const roleLabels = Object.fromEntries([...this.form.elements.role.options].map((o) => [o.value, o.text]));
    return history(this.progress?.mocks, { roleLabels });
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

  save() {
    return saveRound(this);
  }

  // The page was left (instant navigation): no clock or listener outlives it.
  unmount() {
    this.stopClocks();
    this.unwatch?.();
  }

  async start() {
    if (this.mode === "running") return;
    const data = new FormData(this.form);
    try {
      // The stored progress (another tab may have recorded a round since): the engine draws
      // no question the reader's recorded rounds asked until the pool runs out.
      const progress = await this.progressStore.get();
      const args = { role: data.get("role"), level: data.get("level"), scope: data.get("scope"), seed: newSeed(), progress };
      this.launch(await this.py.call("new_mock", args));
    } catch (error) {
      this.fail(error, () => this.start());
    }
  }

  // "Redo the weak ones": a new round of the questions this one graded below strong hire.
  async redo() {
    if (this.mode !== "finished") return;
    try {
      this.launch(await this.py.call("redo_mock", { mock: this.mock, seed: newSeed() }));
    } catch (error) {
      this.say(`The new round could not start: ${errorText(error)}`);
    }
  }

  launch(mock) {
    const now = Date.now();
    this.begin({ mock, started_ms: now, question_started_ms: now, probes: 0, done_seconds: null });
    this.showQuestion();
    this.save();
    this.say(`The round has started: ${mock.questions.length} questions, ${mmss(mock.clock_seconds)} on the clock.`);
  }

  // Sets up a round, new or saved, and starts its clock from the time it began; returns
  // the seconds left (never more than the round's, should the computer's clock go back).
  begin({ mock, started_ms: startedMs, question_started_ms: askedMs, probes, done_seconds: doneSeconds }) {
    Object.assign(this, { mock, startedMs, askedMs, shown: probes, doneSeconds, mode: "running" });
    this.fieldset.disabled = true; // one round at a time; the scorecard enables it again
    const left = Math.min(mock.clock_seconds, mock.clock_seconds - (Date.now() - startedMs) / 1000);
    this.warned = left <= WARN_AT_SECONDS; // a resumed round low on time says so once, on resume
    const frame = roundFrame(left, { onEnd: () => this.finish("ended"), onDiscard: () => this.discard() });
    ({ clockValue: this.clockValue, stage: this.stage } = frame);
    this.body.replaceChildren(...frame.nodes);
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
    this.slot.clear(roundState(this)).catch(() => {});
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
    this.questionTimer?.stop();
    // After "I'm done" (before a reload) the question's clock stays where it stopped.
    const done = this.doneSeconds;
    const { line, timer } = questionClock(q, done === null ? this.askedMs : Date.now() - done * 1000, this.root);
    if (done !== null) timer?.stop();
    this.questionTimer = timer;
    const probes = probeList(q.followups, this.shown, (count) => {
      this.shown = count;
      this.save();
      this.say(`Probe ${count} of ${q.followups.length}: ${q.followups[count - 1].replaceAll("`", "")}`);
    });
    const grades = gradeButtons(this.constants.grades, labelId, (g) => this.grade(g));
    this.answer = new MockAnswer(this, q, n, grades);
    const step = doneStep({
      q, n, level: m.level, store: this.store, grades, labelId, confirm: this.answer.confirm,
      onDone: () => this.answered(),
    });
    this.stage.replaceChildren(
      heading,
      el("p", { class: "mlw-mock__prompt" }, richText(q.title)),
      line,
      probes,
      this.answer.box.root,
      this.answer.checkHost,
      step.root,
    );
    if (done !== null) step.open(false); // the rubric was open when the page was left
    if (focus) heading.focus();
  }

  // "I'm done": the question's clock stops, and the seconds it took go with its grade. They
  // are saved with the round, so a reload reopens the rubric rather than timing again.
  answered() {
    this.questionTimer?.stop();
    if (this.doneSeconds !== null) return this.doneSeconds;
    const seconds = Math.round((Date.now() - this.askedMs) / 1000);
    this.doneSeconds = Math.min(MAX_QUESTION_SECONDS, Math.max(0, seconds));
    this.save();
    this.say("Here is how the answer is judged: the level's answer, then the rubric. Then grade it.");
    return this.doneSeconds;
  }

  // A grade that the checklist disagrees with strongly is saved after one confirmation.
  grade(g) {
    if (this.mode !== "running") return;
    if (this.answer.confirmed(g, (chosen) => this.saveGrade(chosen))) this.saveGrade(g);
  }

  async saveGrade(g) {
    if (this.mode !== "running") return;
    const answer = this.answer;
    const text = answer.text();
    this.mode = "grading";
    for (const b of this.stage.querySelectorAll(".mlw-grade")) b.disabled = true;
    let graded;
    try {
      graded = await this.py.call("grade_mock", { mock: this.mock, grade: g.id, seconds: this.doneSeconds });
    } catch (error) {
      // Keep the round going: the reader can grade again, or end the round.
      if (this.mode === "grading") this.mode = "running";
      for (const b of this.stage.querySelectorAll(".mlw-grade")) b.disabled = false;
      return this.say(`The grade was not saved: ${errorText(error)}`);
    }
    if (this.mode !== "grading") return; // the clock ran out while Python was busy
    await answer.keep(text);
    Object.assign(this, { mock: graded, mode: "running", askedMs: Date.now(), shown: 0, doneSeconds: null });
    this.save();
    if (this.mock.position >= this.mock.questions.length) return this.finish("complete");
    this.showQuestion();
    this.say(`Graded: ${g.label}. Question ${this.mock.position + 1} of ${this.mock.questions.length}.`);
  }

  stopClocks() {
    this.clock?.stop();
    this.questionTimer?.stop();
  }

  // The round is over: recorded (complete, or partial with what was graded), the saved
  // round cleared, and the scorecard shown at once, saying so when the round is partial.
  async finish(reason) {
    // "error": the Retry of a scorecard that failed (the saved round is kept until then)
    if (!["running", "grading", "error"].includes(this.mode)) return;
    this.mode = "finished";
    this.stopClocks();
    this.fieldset.disabled = false;
    const why = ENDINGS[reason];
    const again = () => this.form.elements.role.focus();
    if (!this.mock.grades.length) {
      this.slot.clear(roundState(this)).catch(() => {});
      this.showEnd(emptyCard(why, again));
      return this.say(`${why} No question was graded. Nothing was saved.`);
    }
    try {
      const card = await this.py.call("scorecard", { mock: this.mock });
      const saved = await recordRound(this, reason, card.partial);
      await this.slot.clear(roundState(this)); // only now: a reload before this point finishes the round again
      const { mock, constants } = this;
      this.showEnd([
        ...scorecard(card, { mock, constants, reason, saved, onAgain: again, onRedo: () => this.redo() }),
        this.history(),
      ].filter(Boolean));
      const partial = card.partial ? ` ${partialNote(reason, this.mock.grades.length, this.mock.questions.length)}` : "";
      this.say(`${why}${partial} Overall signal ${card.signal} of 5: ${card.signal_label}.`);
    } catch (error) {
      this.fail(error, () => this.finish(reason));
    }
  }

  // The round's end on screen (a scorecard, or the note that nothing was graded); its
  // heading takes focus.
  showEnd(nodes) {
    this.body.replaceChildren(...nodes);
    nodes[0].focus();
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
