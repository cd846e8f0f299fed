// What an exercise teaches beyond Run and Check: the reader's record on it, the hints one
// at a time, the solution and remarks they earn, and the follow-up questions an
// interviewer asks after working code, each self-graded like a flashcard.
//
// The engine decides everything (exercise_progress.py: status, when the solution unlocks,
// the schedule); this file draws its `state` into the boxes the build left in the shell
// (macros/render/exercise_page.py). Hints, remarks and model answers are HTML the build
// made from the bank's Markdown; the solution is code, shown as text. What the reader
// earns is fetched from assets/exercises/reveal/<id>.json only when revealed, so it is on
// no page and in no search index.

import { el, fromBuild } from "../lib/dom.js";
import { dueWords, errorText, plural } from "../lib/format.js";
import { siteRoot } from "../lib/site.js";
import { gradeButtons } from "./practice.js";

const STATUS_WORDS = {
  new: "not tried yet",
  attempted: "attempted, not solved yet",
  solved: "solved without help",
  solved_with_help: "solved with hints",
  solved_with_solution: "solved after seeing the solution",
};

const revealed = new Map(); // reveal URL -> its JSON, fetched once per tab
function revealData(data) {
  const url = new URL(data.reveal, siteRoot).href;
  if (!revealed.has(url)) {
    const request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`the solution could not be loaded (HTTP ${response.status})`);
      return response.json();
    });
    request.catch(() => revealed.delete(url));
    revealed.set(url, request);
  }
  return revealed.get(url);
}

// One line about where the reader stands, for the record box and the Progress page.
export function recordWords(state, nowMs) {
  const parts = [`Your record: ${STATUS_WORDS[state.status] ?? state.status}.`];
  if (state.passes) {
    parts.push(state.due ? "Due for review now: solve it again without looking." : dueWords(state.due_ms, nowMs));
  }
  if (state.changed_since_pass) parts.push("The exercise has changed since you last solved it.");
  return parts.join(" ");
}

export class Learning {
  // `host` is the exercise widget: data, state, constants, say(), event(), gradeFollowup().
  constructor(root, host) {
    this.host = host;
    this.box = root.querySelector(".mlw-exercise__learn");
    this.record = root.querySelector(".mlw-exercise__record");
    this.hints = root.querySelector(".mlw-exercise__hints");
    this.hintActions = root.querySelector(".mlw-exercise__hint-actions");
    this.reveal = root.querySelector(".mlw-exercise__reveal");
    this.followups = root.querySelector(".mlw-exercise__followups");
    this.prefix = `${root.id}-learn`;
    this.shownHints = 0;
    this.solutionShown = false;
    this.confirming = false;
    this.passedHere = false; // passed on this visit: seeing the solution then costs nothing
    this.answers = new Map(); // follow-up index -> grade given on this visit
  }

  draw() {
    const { state, data } = this.host;
    if (!state || !data) return;
    this.box.hidden = false;
    this.record.hidden = false;
    this.record.textContent = recordWords(state, Date.now());
    this.shownHints = Math.max(this.shownHints, Math.min(state.hints, data.hints.length));
    this.drawHints();
    if (!this.solutionShown) this.drawLocked();
    this.drawFollowups();
  }

  // ---- hints ------------------------------------------------------------------------

  drawHints() {
    const { hints } = this.host.data;
    while (this.hints.children.length < this.shownHints) {
      const n = this.hints.children.length;
      this.hints.append(el("li", { class: "mlw-exercise__hint", tabindex: -1 }, fromBuild(hints[n])));
    }
    const left = hints.length - this.shownHints;
    this.hintActions.replaceChildren(
      left
        ? el("button", {
            type: "button",
            class: "md-button mlw-exercise__hint-next",
            text: `Show hint ${this.shownHints + 1} of ${hints.length}`,
            onclick: () => this.nextHint(),
          })
        : el("span", { text: `All ${plural(hints.length, "hint")} shown.` }),
      this.shownHints ? null : el("span", { class: "mlw-exercise__aside", text: " A pass after a hint counts as solved with hints." }),
    );
  }

  async nextHint() {
    try {
      const before = this.shownHints;
      await this.host.event("hint"); // draws the hints the round counts
      this.shownHints = Math.max(before + 1, this.shownHints);
      this.drawHints();
      this.hints.lastElementChild?.focus();
      this.host.say(`Hint ${this.shownHints} of ${this.host.data.hints.length} shown.`);
    } catch (error) {
      this.host.say(`The hint could not be shown: ${errorText(error)}`);
    }
  }

  // ---- the solution -----------------------------------------------------------------

  drawLocked() {
    const { state } = this.host;
    const show = (text, cls = "md-button--primary") =>
      el("button", { type: "button", class: `md-button ${cls} mlw-exercise__show-solution`, text, onclick: () => this.showSolution() });
    if (state.solution_unlocked) {
      const why = state.passes
        ? "You passed, so the solution and the author's remarks are yours to compare with."
        : "After your failed checks, the solution is open to you. Seeing it before you pass " +
          "counts as solved after seeing the solution, and the exercise comes back sooner.";
      this.reveal.replaceChildren(el("p", { text: why }), el("p", {}, show("Show the solution and remarks")));
      return;
    }
    const rule = `The solution and the author's remarks unlock when you pass, or after ${plural(state.fails_to_unlock, "more failed check")}.`;
    if (!this.confirming) {
      const giveUp = el("button", { type: "button", class: "md-button mlw-exercise__give-up", text: "I give up, show me", onclick: () => this.confirm() });
      this.reveal.replaceChildren(el("p", { text: rule }), el("p", {}, giveUp));
      return;
    }
    const question = el("p", { id: `${this.prefix}-confirm`, class: "mlw-exercise__confirm", text:
      "Seeing the solution before you pass counts as solved after seeing the solution, and the exercise comes back sooner on your schedule. Show it now?" });
    const cancel = el("button", { type: "button", class: "md-button mlw-exercise__not-yet", text: "Not yet", onclick: () => this.cancel() });
    const yes = show("Yes, show me the solution");
    this.reveal.replaceChildren(el("p", { text: rule }), el("div", { role: "group", "aria-labelledby": question.id }, question, el("p", {}, yes, " ", cancel)));
    yes.focus();
  }

  confirm() {
    this.confirming = true;
    this.drawLocked();
  }

  cancel() {
    this.confirming = false;
    this.drawLocked();
    this.reveal.querySelector(".mlw-exercise__give-up")?.focus();
    this.host.say("The solution stays hidden.");
  }

  async showSolution() {
    try {
      const reveal = await revealData(this.host.data);
      const { state } = this.host;
      // Seen before a pass it counts (and marks the round); after a pass, to compare, and
      // not yet due again, it costs nothing.
      const counts = !this.passedHere && (state.passes === 0 || state.due);
      if (counts && !state.solution_seen) await this.host.event("solution");
      this.solutionShown = true;
      const heading = el("h4", { class: "mlw-exercise__reveal-title", tabindex: -1, text: "Reference solution" });
      this.reveal.replaceChildren(
        heading,
        el("pre", { class: "mlw-exercise__text mlw-exercise__solution", tabindex: 0, "aria-label": "Reference solution" }, el("code", { text: reveal.solution })),
        el("h4", { text: "Remarks" }),
        el("div", { class: "mlw-exercise__remarks" }, fromBuild(reveal.remarks)),
      );
      heading.focus();
      this.host.say("The reference solution and the remarks are shown.");
    } catch (error) {
      this.host.say(`The solution could not be shown: ${errorText(error)}`);
      this.reveal.append(el("p", { class: "mlw-error", role: "alert", text: `The solution could not be shown: ${errorText(error)}` }));
    }
  }

  // ---- follow-ups -------------------------------------------------------------------

  drawFollowups() {
    const { state, data } = this.host;
    if (!state.passes) {
      this.followups.replaceChildren(el("p", { class: "mlw-exercise__empty", text:
        `Pass the checks to see ${plural(data.followups.length, "question")} an interviewer asks next.` }));
      return;
    }
    if (this.followups.querySelector(".mlw-followups")) return; // drawn: keep what is open
    const items = data.followups.map((f, i) => this.followup(f, i));
    this.followups.replaceChildren(
      el("p", { text: "Answer each one aloud or on paper first, then compare with the model answer and grade yourself." }),
      el("ol", { class: "mlw-followups" }, items),
    );
  }

  followup(f, i) {
    const id = `${this.prefix}-fu-${i}`;
    const last = this.host.state.followups[String(i)];
    const grade = this.host.constants.grades.find((g) => g.id === last);
    const slot = el("div", { class: "mlw-followup__answer" });
    const button = el("button", { type: "button", class: "md-button mlw-followup__show", text: "Show the model answer", "aria-describedby": `${id}-q`,
      onclick: () => this.showAnswer(i, slot, button) });
    return el("li", { class: "mlw-followup" },
      el("div", { id: `${id}-q`, class: "mlw-followup__q" }, fromBuild(f.q)),
      grade ? el("p", { class: "mlw-followup__last", text: `Your last grade: ${grade.label}.` }) : null,
      el("p", {}, button), slot);
  }

  async showAnswer(i, slot, button) {
    try {
      const reveal = await revealData(this.host.data);
      const labelId = `${this.prefix}-fu-${i}-grade`;
      const answer = el("div", { class: "mlw-followup__model", tabindex: -1 }, el("p", {}, el("strong", { text: "Model answer" })), fromBuild(reveal.answers[i]));
      slot.replaceChildren(answer,
        el("p", { id: labelId, text: "How well did your answer match it?" }),
        gradeButtons(this.host.constants.grades, labelId, (g) => this.grade(i, g, slot)));
      button.remove();
      answer.focus();
      this.host.say("The model answer is shown. Grade your own answer against it.");
    } catch (error) {
      this.host.say(`The model answer could not be shown: ${errorText(error)}`);
    }
  }

  async grade(i, g, slot) {
    for (const b of slot.querySelectorAll(".mlw-grade")) b.disabled = true;
    try {
      await this.host.gradeFollowup(i, g.id);
      const done = el("p", { class: "mlw-followup__graded", tabindex: -1, text: `You graded this answer: ${g.label}.` });
      slot.querySelector(".mlw-grades")?.replaceWith(done);
      done.focus();
      this.host.say(`Follow-up ${i + 1} graded: ${g.label}.`);
    } catch (error) {
      for (const b of slot.querySelectorAll(".mlw-grade")) b.disabled = false;
      this.host.say(`The grade could not be saved: ${errorText(error)}`);
    }
  }
}
