// The Today panel's one action, "Start today's session": it chains the session's steps
// (due and new flashcards, a short quiz on the weakest track, one practice problem) into
// a route the page follows (page/session-bar.js shows where the reader is on every page),
// and once it is finished, what it came to (the engine's session_summary).

import { el, localDate } from "../lib/dom.js";
import { plural } from "../lib/format.js";
import { isRunning, newSession, readSession, SESSION } from "../lib/session.js";

const QUIZ_SIZE = 5;

// The build's links for the three steps, the quiz narrowed to the weakest track when
// there is one (the quiz's setup reads its filters from the address).
// The quiz keeps to the core set (the must-know questions) unless the weakest track has
// none (`core`: the engine's dashboard says).
export function sessionRoute(hrefs, texts, weakest, core = true) {
  const quiz = new URL(hrefs[1]);
  quiz.searchParams.set("count", String(QUIZ_SIZE));
  if (weakest) quiz.searchParams.set("tracks", weakest);
  if (core) quiz.searchParams.set("scope", "core");
  return [hrefs[0], quiz.href, hrefs[2]].map((href, n) => ({ href, text: texts[n] }));
}

// The one action: start the session, or go on with the one that runs.
export function sessionAction(store, steps) {
  const session = readSession(store);
  if (isRunning(session)) {
    const step = session.steps[session.at];
    return el("p", {}, el("a", {
      class: "md-button md-button--primary mlw-today__start", href: step.href,
      text: `Continue today's session: step ${session.at + 1} of ${session.steps.length}`,
    }));
  }
  return el("p", {}, el("a", {
    class: "md-button md-button--primary mlw-today__start", href: steps[0].href,
    text: "Start today's session",
    // kept before the link is followed, so the first step's page shows the session bar
    onclick: () => store.write(SESSION, JSON.stringify(newSession(steps, Date.now()))),
  }));
}

// A session finished today, or null.
export function finishedToday(store) {
  const session = readSession(store);
  return session?.finished_ms != null && localDate(session.finished_ms) === localDate() ? session : null;
}

// "8 cards reviewed (Strong hire 5, Lean hire 2, No hire 1), 5 quiz answers, 4 right."
export function summaryBlock(summary, grades) {
  const mix = grades.filter((g) => summary.grades[g.id]).map((g) => `${g.label} ${summary.grades[g.id]}`);
  const reviewed = `${plural(summary.reviews, "card")} reviewed${mix.length ? ` (${mix.join(", ")})` : ""}`;
  const quiz = summary.quiz_answers
    ? `${plural(summary.quiz_answers, "quiz answer")}, ${summary.quiz_correct} right`
    : "no quiz answers";
  return el("section", { class: "mlw-today__done", "aria-labelledby": "today-done-title" },
    el("h3", { id: "today-done-title", text: "Today's session is done" }),
    el("p", { text: `${reviewed}; ${quiz}.` }),
    el("p", { text: `Streak: ${plural(summary.streak_days, "day")} in a row. Due tomorrow: ` +
      `${plural(summary.due_tomorrow, "card")}, and up to ${plural(summary.new_tomorrow, "new card")}.` }));
}
