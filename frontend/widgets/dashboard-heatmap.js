// The study calendar: one tile per local day of the engine's `calendar` (whole weeks,
// Monday first, this week last), shaded by how much was studied, with the streak and,
// when the reader set one, the countdown to the interview.

import { el } from "../lib/dom.js";
import { plural } from "../lib/format.js";
import { chartFigure, dataTable, dayMonth, monthShort, svgChart, svgEl } from "../lib/svg.js";

const CELL = 14, GAP = 2, LEFT = 30, TOP = 14;
const ROW_LABELS = { 0: "Mon", 2: "Wed", 4: "Fri", 6: "Sun" };

function dayWords(d) {
  if (!d.total) return `${dayMonth(d.day)}: no study`;
  const parts = [
    d.reviews && plural(d.reviews, "flashcard review"),
    d.quiz_answers && plural(d.quiz_answers, "quiz answer"),
    d.exercise_passes && plural(d.exercise_passes, "exercise pass"),
    d.mocks && plural(d.mocks, "mock round"),
  ].filter(Boolean);
  return `${dayMonth(d.day)}: ${parts.join(", ")}`;
}

function drawing(cal) {
  const width = LEFT + cal.weeks * CELL, height = TOP + 7 * CELL;
  const summary = `Study calendar, ${cal.weeks} weeks from ${dayMonth(cal.first)} to ${dayMonth(cal.today)}: ` +
    `you studied on ${plural(cal.active_days, "day")}. The table after it lists every day you studied.`;
  const svg = svgChart(width, height, summary, "mlw-heat");
  for (const [row, text] of Object.entries(ROW_LABELS)) {
    svg.append(svgEl("text", { x: 0, y: TOP + row * CELL + CELL - 4, class: "mlw-fig__label", text }));
  }
  let month = null;
  cal.days.forEach((d, i) => {
    const week = Math.floor(i / 7), row = i % 7;
    if (row === 0 && d && monthShort(d.day) !== month) {
      month = monthShort(d.day);
      if (week < cal.weeks - 1) svg.append(svgEl("text", { x: LEFT + week * CELL, y: TOP - 4, class: "mlw-fig__label", text: month }));
    }
    if (!d) return; // a day still to come
    const today = d.day === cal.today ? " mlw-heat__today" : "";
    svg.append(svgEl("rect", {
      x: LEFT + week * CELL, y: TOP + row * CELL, width: CELL - GAP, height: CELL - GAP, rx: 2,
      class: `mlw-heat__day mlw-heat--${d.heat}${today}`,
    }, svgEl("title", { text: dayWords(d) })));
  });
  return svg;
}

function legend(steps) {
  const tile = (heat) => svgEl("svg", { class: "mlw-heat__key", viewBox: "0 0 12 12", "aria-hidden": "true", focusable: "false" },
    svgEl("rect", { x: 0, y: 0, width: 12, height: 12, rx: 2, class: `mlw-heat__day mlw-heat--${heat}` }));
  return el("p", { class: "mlw-heat__legend" }, "Less ", [0, ...steps.map((_, n) => n + 1)].map(tile), " More",
    el("span", { class: "visually-hidden", text: ` (shades at ${steps.join(", ")} and more study actions a day)` }));
}

function table(cal) {
  const studied = cal.days.filter((d) => d?.total).reverse();
  if (!studied.length) return el("p", { text: "No study day yet in these weeks." });
  return dataTable("The days you studied, latest first",
    ["Day", "Flashcard reviews", "Quiz answers", "Exercise passes", "Mock rounds"],
    studied.map((d) => [d.day, d.reviews, d.quiz_answers, d.exercise_passes, d.mocks]));
}

function countdown(plan) {
  if (!plan) return null;
  if (plan.state === "past") return "Your interview date has passed: set the next one on the home page.";
  if (plan.state === "today") return "Your interview is today. Good luck!";
  return `Your interview is in ${plural(plan.days_left, "day")}.`;
}

// The section, as nodes.
export function heatmapSection(data) {
  const cal = data.calendar;
  const streak = data.streak_days
    ? `You have studied ${plural(data.streak_days, "day")} in a row.`
    : "No streak yet: study today to start one.";
  return [
    el("h3", { text: "Study days" }),
    el("p", { class: "mlw-dash__streak" }, el("strong", { text: streak }), " ", countdown(data.plan) ?? ""),
    chartFigure(drawing(cal), table(cal), { legend: legend(cal.heat_steps), cls: "mlw-dash__history" }),
  ];
}
