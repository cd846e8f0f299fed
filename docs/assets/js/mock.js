// The mock round: the engine picks 6-8 questions for a role and level; this file runs the
// 45-minute round clock and a per-question clock, reveals the interviewer's follow-up
// probes one at a time, collects a self-grade per question, and shows the scorecard. A
// round with every question graded is recorded into the reader's progress.
"use strict";

(() => {
  const { el, richText, errorBox } = window.MLGuide.ui;
  const { py, progressStore, practice } = window.MLGuide;
  const { Countdown, mmss, announcer, ready, errorText, showNotices, gradeButtons } = practice;
  const WARN_AT_SECONDS = 5 * 60;
  const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];

  class MockRound {
    constructor(root) {
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
        const { progress, constants } = await ready(this.body, "Loading Python for the mock round");
        this.progress = progress;
        this.constants = constants;
        showNotices(this.root);
        this.fieldset.disabled = false;
        const minutes = constants.mock_clock_seconds / 60;
        this.body.replaceChildren(el("p", {
          text: `Choose your role and level above, then start. The round lasts ${minutes} minutes.`,
        }));
      } catch (error) {
        this.fail(error, () => this.load());
      }
    }

    async start() {
      if (this.mode === "running") return;
      const data = new FormData(this.form);
      try {
        this.mock = await py.call("new_mock", {
          role: data.get("role"), level: data.get("level"), seed: newSeed(),
        });
      } catch (error) {
        return this.fail(error, () => this.start());
      }
      this.mode = "running";
      this.fieldset.disabled = true; // one round at a time; the scorecard enables it again
      this.warned = false;
      this.clockValue = el("span", { class: "mlw-mock__clock-value", text: mmss(this.mock.clock_seconds) });
      this.stage = el("div", { class: "mlw-mock__stage" });
      this.body.replaceChildren(
        el("p", { class: "mlw-mock__clock" }, "Round clock: ", this.clockValue, " left"),
        this.stage,
        el("p", {}, el("button", {
          type: "button", class: "md-button mlw-mock__end",
          text: "End the round now", onclick: () => this.finish("ended"),
        })),
      );
      this.clock = new Countdown(this.mock.clock_seconds, {
        root: this.root,
        onTick: (left) => this.onClock(left),
        onEnd: () => this.finish("time"),
      }).start();
      this.showQuestion();
      this.say(`The round has started: ${this.mock.questions.length} questions, ${mmss(this.mock.clock_seconds)} on the clock.`);
    }

    onClock(left) {
      this.clockValue.textContent = mmss(left);
      if (!this.warned && left <= WARN_AT_SECONDS && left > 0) {
        this.warned = true;
        this.clockValue.parentElement.classList.add("is-low");
        this.say("5 minutes left in the round.");
      }
    }

    showQuestion() {
      const m = this.mock;
      const q = m.questions[m.position];
      const n = m.position + 1;
      const heading = el("h3", { tabindex: -1, class: "mlw-mock__count", text: `Question ${n} of ${m.questions.length}` });
      const labelId = `mock-grade-label-${n}`;
      this.stage.replaceChildren(
        heading,
        el("p", { class: "mlw-mock__prompt" }, richText(q.title)),
        this.questionClock(q),
        this.probes(q.followups),
        el("p", { id: labelId, class: "mlw-mock__ask", text: "When you have answered, grade your whole answer:" }),
        gradeButtons(this.constants.grades, labelId, (g) => this.grade(g)),
      );
      heading.focus();
    }

    // Counts down from the question's time target, then counts how far over it you are.
    questionClock(q) {
      const target = q.target_seconds;
      if (!target) return el("p", { class: "mlw-mock__target", text: "No time target for this question." });
      const value = el("span", { class: "mlw-mock__target-value", text: mmss(target) });
      const line = el("p", { class: "mlw-mock__target" }, `Time target ${q.time_target}: `, value);
      this.questionTimer?.stop();
      this.questionTimer = new Countdown(target, {
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
      const label = () => `Next probe (${list.children.length + 1} of ${followups.length})`;
      button.textContent = label();
      button.addEventListener("click", () => {
        const shown = list.children.length;
        const text = followups[shown];
        list.append(el("li", { tabindex: -1 }, richText(text)));
        this.say(`Probe ${shown + 1} of ${followups.length}: ${text.replaceAll("`", "")}`);
        if (shown + 1 < followups.length) {
          button.textContent = label();
          return;
        }
        // The last probe: the button has nothing left to do, so focus goes to the probe
        // itself rather than being dropped on the body.
        button.replaceWith(el("p", { class: "mlw-mock__no-more", text: "No more probes." }));
        list.lastElementChild.focus();
      });
      box.append(el("p", {}, button));
      return box;
    }

    async grade(g) {
      if (this.mode !== "running") return;
      this.mode = "grading";
      for (const b of this.stage.querySelectorAll(".mlw-grade")) b.disabled = true;
      let graded;
      try {
        graded = await py.call("grade_mock", { mock: this.mock, grade: g.id });
      } catch (error) {
        // Keep the round going: the reader can grade again, or end the round.
        if (this.mode === "grading") this.mode = "running";
        for (const b of this.stage.querySelectorAll(".mlw-grade")) b.disabled = false;
        return this.say(`The grade was not saved: ${errorText(error)}`);
      }
      if (this.mode !== "grading") return; // the clock ran out while Python was busy
      this.mock = graded;
      this.mode = "running";
      if (this.mock.position >= this.mock.questions.length) return this.finish("complete");
      this.showQuestion();
      this.say(`Graded: ${g.label}. Question ${this.mock.position + 1} of ${this.mock.questions.length}.`);
    }

    stopClocks() {
      this.clock?.stop();
      this.questionTimer?.stop();
    }

    async finish(reason) {
      if (this.mode !== "running" && this.mode !== "grading") return;
      this.mode = "finished";
      this.stopClocks();
      this.fieldset.disabled = false;
      const why = {
        complete: "Round complete: every question is graded.",
        ended: "You ended the round early.",
        time: "Time is up: the round is over.",
      }[reason];
      if (!this.mock.grades.length) return this.showEmpty(why);
      try {
        const card = await py.call("scorecard", { mock: this.mock });
        const saved = reason === "complete" ? await this.record() : null;
        this.showScorecard(card, why, saved);
        this.say(`${why} Overall signal ${card.signal} of 5: ${card.signal_label}.`);
      } catch (error) {
        this.fail(error, () => this.finish(reason));
      }
    }

    // Only a fully graded round can be recorded (the engine refuses a partial one). The
    // sentence for the scorecard; a failure to save must not hide the scorecard.
    async record() {
      try {
        this.progress = await py.call("record_mock", {
          progress: this.progress, mock: this.mock, finished_ms: Date.now(),
        });
      } catch (error) {
        return `This round could not be saved to your progress: ${errorText(error)}`;
      }
      progressStore.save(this.progress);
      showNotices(this.root);
      return "Saved to your progress: each grade now schedules that question as a flashcard.";
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
        const link = el("a", { href: new URL(byId.get(r.id).url, window.MLGuide.siteRoot).href }, richText(r.title));
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

  function bindAll() {
    for (const root of document.querySelectorAll(".mlw-mock:not([data-bound])")) {
      root.dataset.bound = "1";
      new MockRound(root);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(bindAll);
  else document.addEventListener("DOMContentLoaded", bindAll);
})();
