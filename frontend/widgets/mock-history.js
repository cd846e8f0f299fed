// The rounds this reader has recorded, newest first, under the mock round: when, for which
// role and level, how much was graded, the signal, and how the round ended (a partial one
// says so in words). Everything shown comes from the reader's progress, as text.

import { el } from "../lib/dom.js";
import { dateWords } from "../lib/format.js";
import { PARTIAL } from "./mock-scorecard.js";

const SHOWN = 10; // the latest rounds; the progress page keeps the whole trend

export function history(mocks, { roleLabels = {}, nowMs = Date.now() } = {}) {
  if (!mocks?.length) return null;
  const latest = [...mocks].sort((a, b) => b.finished_ms - a.finished_ms).slice(0, SHOWN);
  const row = (m) => el("tr", { class: m.ended === "complete" ? null : "is-partial" },
    el("td", { text: dateWords(m.finished_ms, nowMs) }),
    el("td", { text: `${roleLabels[m.role] ?? m.role}, ${m.level}` }),
    el("td", { text: `${m.grades.length} of ${m.questions.length}` }),
    el("td", { text: `${m.signal} of 5` }),
    el("td", {}, el("span", { class: `mlw-chip mlw-chip--${m.ended === "complete" ? "complete" : "partial"}`,
      text: m.ended === "complete" ? "Complete" : PARTIAL[m.ended] ?? "Partial" })));
  return el("section", { class: "mlw-mock__history", "aria-labelledby": "mock-history-title" },
    el("h3", { id: "mock-history-title", text: "Your recorded rounds" }),
    // The theme lets a wide table scroll inside itself; on a phone this one does, and a
    // scrolling box must take focus so a keyboard can scroll it (it has no link to focus).
    el("div", { class: "mlw-mock__table" }, el("table", { tabindex: 0 },
      el("caption", { text: `Your latest ${latest.length === 1 ? "round" : `${latest.length} rounds`}, newest first` }),
      el("thead", {}, el("tr", {}, ["Date", "Role and level", "Graded", "Signal", "How it ended"]
        .map((t) => el("th", { scope: "col", text: t })))),
      el("tbody", {}, latest.map(row)))));
}
