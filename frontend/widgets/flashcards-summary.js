// The end of a flashcard session: how many cards got each grade, the streak, what comes
// back later today and tomorrow (the engine's `day_summary`), the cards graded one by one,
// and one clear next step.

import { el, siteHref } from "../lib/dom.js";
import { dateWords, dueWords, plural } from "../lib/format.js";

// session: [{ prompt, grade (label), words (when it is due) }], newest last.
export function sessionList(session) {
  if (!session.length) return null;
  const items = session.map((s) =>
    el("li", {}, el("span", { class: "mlw-fc__done-prompt", text: s.prompt }), ` (${s.grade}): `,
      el("span", { class: "mlw-fc__due", text: s.words })));
  return el("div", { class: "mlw-fc__session" },
    el("h4", { text: "Graded on this visit" }), el("ol", {}, items));
}

// "Strong hire 2 · Lean hire 1 · No hire 0 · Didn't know 1", one item per grade.
function gradeMix(session, grades) {
  const items = grades.map((g) => {
    const n = session.filter((s) => s.grade === g.label).length;
    return el("li", { class: `mlw-fc__mix-item mlw-grade--${g.id}` },
      el("span", { class: "mlw-fc__mix-label", text: g.label }), " ",
      el("span", { class: "mlw-fc__mix-count", text: String(n) }));
  });
  return el("ul", { class: "mlw-fc__mix", "aria-label": "Grades given" }, items);
}

function comingBack({ day, nextDueMs, nowMs }) {
  const lines = [`Streak: ${plural(day.streak_days, "day")} in a row.`];
  if (day.due_today) {
    const at = nextDueMs == null ? "" : `, the first at ${new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" }).format(new Date(nextDueMs))}`;
    lines.push(`Coming back later today: ${plural(day.due_today, "card")}${at}.`);
  }
  const tomorrow = dateWords(nowMs + 86_400_000, nowMs);
  lines.push(`Due tomorrow (${tomorrow}): ${plural(day.due_tomorrow, "card")}, and up to ${plural(day.new_tomorrow, "new card")}.`);
  return lines.map((text) => el("p", { class: "mlw-fc__summary-line", text }));
}

// With nothing graded on this visit: when the next card is due.
function nothingLeft(nextDueMs, nowMs) {
  const text = nextDueMs == null
    ? "You have no cards scheduled. Come back tomorrow for new ones, or raise the daily limit in the settings."
    : `The next card is due ${dueWords(nextDueMs, nowMs).replace(/^Next review /, "")}`;
  return el("p", { text });
}

// What the flashcards show when nothing is left to review; returns it and its heading (to
// focus). After grading on this visit, the session's summary: `day` is the engine's
// `day_summary`, `nextDueMs` the queue's next due time.
export function sessionSummary({ session, grades, day, nextDueMs, nowMs }) {
  const done = session.length > 0;
  const heading = el("h3", { tabindex: -1, class: "mlw-fc__done", text: done ? "Session done" : "Nothing left to review for now" });
  if (!done) return { root: el("div", { class: "mlw-fc__summary" }, heading, nothingLeft(nextDueMs, nowMs)), heading };
  const next = el("p", { class: "mlw-fc__next-step" },
    el("a", { class: "md-button md-button--primary mlw-fc__progress", href: siteHref("drill/dashboard/"), text: "See your progress" }));
  const root = el("div", { class: "mlw-fc__summary" },
    heading,
    el("p", { text: `You graded ${plural(session.length, "card")}.` }),
    gradeMix(session, grades),
    comingBack({ day, nextDueMs, nowMs }),
    next,
    sessionList(session));
  return { root, heading };
}
