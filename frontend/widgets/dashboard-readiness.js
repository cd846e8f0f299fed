// Readiness per track against the reader's target level, and coverage of the bank: both
// computed by the engine (`readiness`, `coverage`), drawn as bars that stretch to the
// width of a phone, each with its number written beside it.

import { el, siteHref } from "../lib/dom.js";
import { percent } from "../lib/format.js";
import { dataTable, shareBar } from "../lib/svg.js";

function readinessList(readiness) {
  return el("ul", { class: "mlw-dash__readiness" }, readiness.tracks.filter((r) => r.questions).map((r) =>
    el("li", { class: "mlw-meter" },
      el("span", { class: "mlw-meter__name", text: r.title }),
      el("span", { class: "mlw-meter__value", text: `${r.ready} of ${r.questions} ready (${percent(r.share)})` }),
      shareBar(r.share))));
}

// Every per-track number in one table: readiness and, from the flashcards' schedule,
// mastery (predicted recall today), flashcards started and quiz accuracy.
function trackTable(data) {
  const ready = new Map(data.readiness.tracks.map((r) => [r.track, r]));
  const level = data.readiness.level;
  return el("div", { class: "mlw-dash__mastery mlw-fig__scroll" }, dataTable(
    "Each track: readiness, predicted recall today, flashcards and quiz",
    ["Track", `Ready for ${level}`, "Mastery", "Flashcards started", "Quiz answers correct"],
    data.tracks.map((r) => {
      const q = ready.get(r.track);
      return [r.title, q?.questions ? `${q.ready} of ${q.questions}` : "no question at this level",
        percent(r.mastery), `${r.reviewed} of ${r.questions}`,
        r.quiz_answers ? `${r.quiz_correct} of ${r.quiz_answers}` : "none yet"];
    })));
}

export function readinessSection(data) {
  const { level, level_name: name } = data.readiness;
  return [
    el("h3", { text: `Ready for ${level} (${name})` }),
    el("p", {},
      `A question counts as ready when it is asked at ${level} or below, your latest self-grade on it was `,
      el("strong", { text: "strong hire" }), " or ", el("strong", { text: "lean hire" }),
      ", and it is not due for review again today (the schedule expects you to recall it). A review that falls due, or a weaker grade, takes it out again. Change your target level on the ",
      el("a", { href: siteHref(""), text: "home page" }), "."),
    readinessList(data.readiness),
    el("details", { class: "mlw-fig__table" }, el("summary", { text: "Show as a table, with mastery" }), trackTable(data)),
  ];
}

const COVERAGE = [
  ["questions", "Concept questions", "reviewed as flashcards"],
  ["problems", "Practice problems", "practised in the quiz or as flashcards"],
  ["exercises", "Coding exercises", "passed"],
];

export function coverageSection(coverage) {
  const tiles = COVERAGE.filter(([key]) => coverage[key]).map(([key, label, what]) => {
    const { done, total } = coverage[key];
    const share = total ? done / total : 0;
    return el("li", { class: `mlw-meter mlw-dash__cover--${key}` },
      el("span", { class: "mlw-meter__name", text: label }),
      el("span", { class: "mlw-meter__value", text: `${done} of ${total} ${what} (${percent(share)})` }),
      shareBar(share));
  });
  return [el("h3", { text: "Coverage" }), el("ul", { class: "mlw-dash__coverage" }, tiles)];
}
