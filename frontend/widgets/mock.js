// The mock round: the engine picks 6-8 questions for a role and level; this file runs the
// 45-minute round clock and a per-question clock, reveals the interviewer's follow-up
// probes one at a time, collects a self-grade per question, and shows the scorecard. A
// round with every question graded is recorded into the reader's progress. The running
// round is saved after every change, so a reload or a visit elsewhere resumes it (a typed
// answer is not part of it: see mock-answer.js).

import { announcer } from "../lib/announce.js";
import { Countdown } from "../lib/countdown.js";
import { el, errorBox, notice, richText } from "../lib/dom.js";
import { errorText, mmss } from "../lib/format.js";
import { ENDINGS, emptyCard, scorecard } from "./mock-scorecard.js";
import { probeList, questionClock, roundFrame } from "./mock-stage.js";
import { MockAnswer } from "./mock-answer.js";
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
    this.questionTimer?.stop();
    const { line, timer } = questionClock(q, this.askedMs, this.root);
    this.questionTimer = timer;
    const probes = probeList(q.followups, this.shown, (count) => {
      this.shown = count;
      this.save();
      this.say(`Probe ${count} of ${q.followups.length}: ${q.followups[count - 1].replaceAll("`", "")}`);
    });
    const grades = gradeButtons(this.constants.grades, labelId, (g) => this.grade(g));
    this.answer = new MockAnswer(this, q, n, grades);
    this.stage.replaceChildren(
      heading,
      el("p", { class: "mlw-mock__prompt" }, richText(q.title)),
      line,
      probes,
      this.answer.box.root,
      this.answer.checkHost,
      el("p", { id: labelId, class: "mlw-mock__ask", text: "When you have answered, grade your whole answer:" }),
      grades,
      this.answer.confirm,
    );
    if (focus) heading.focus();
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
      graded = await this.py.call("grade_mock", { mock: this.mock, grade: g.id });
    } catch (error) {
      // Keep the round going: the reader can grade again, or end the round.
      if (this.mode === "grading") this.mode = "running";
      for (const b of this.stage.querySelectorAll(".mlw-grade")) b.disabled = false;
      return this.say(`The grade was not saved: ${errorText(error)}`);
    }
    if (this.mode !== "grading") return; // the clock ran out while Python was busy
    await answer.keep(text);
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
    const why = ENDINGS[reason];
    if (!this.mock.grades.length) {
      this.slot.clear(this.state()).catch(() => {});
      this.showEnd(emptyCard(why, () => this.form.elements.role.focus()));
      return this.say(`${why} No question was graded.`);
    }
    try {
      const card = await this.py.call("scorecard", { mock: this.mock });
      const saved = reason === "complete" ? await this.record() : null;
      await this.slot.clear(this.state()); // only now: a reload before this point finishes the round again
      const { mock, constants } = this;
      this.showEnd(scorecard(card, { mock, constants, why, saved, onAgain: () => this.form.elements.role.focus() }));
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
