// Two charts of the progress page: the flashcards due on each of the next seven days
// (the engine's `forecast`) and the signal of each mock round over time (`mocks`).

import { el, siteHref } from "../lib/dom.js";
import { plural } from "../lib/format.js";
import { chartFigure, dataTable, dayMonth, svgChart, svgEl, weekdayShort } from "../lib/svg.js";

const dayName = (d, i) => (i === 0 ? "Today" : weekdayShort(d.day));

function forecastChart(days) {
  const COL = 40, H = 120, BASE = 96, TALL = 70;
  const top = Math.max(1, ...days.map((d) => d.due));
  const total = days.reduce((s, d) => s + d.due, 0);
  const summary = `Flashcards due in the next seven days: ${plural(total, "card")}, ` +
    days.map((d, i) => `${dayName(d, i)} ${d.due}`).join(", ") + ".";
  const svg = svgChart(COL * days.length, H, summary, "mlw-forecast");
  svg.append(svgEl("line", { x1: 0, y1: BASE, x2: COL * days.length, y2: BASE, class: "mlw-fig__axis" }));
  days.forEach((d, i) => {
    const h = Math.round((d.due / top) * TALL), mid = i * COL + COL / 2;
    if (h) svg.append(svgEl("rect", { x: i * COL + 8, y: BASE - h, width: COL - 16, height: h, class: "mlw-forecast__bar" }));
    svg.append(svgEl("text", { x: mid, y: BASE - h - 4, "text-anchor": "middle", class: "mlw-fig__value", text: String(d.due) }));
    svg.append(svgEl("text", { x: mid, y: H - 8, "text-anchor": "middle", class: "mlw-fig__label", text: dayName(d, i) }));
  });
  return svg;
}

export function forecastSection(days) {
  const table = dataTable("Flashcards due per day (today includes the overdue ones)", ["Day", "Due"],
    days.map((d, i) => [`${dayName(d, i)} ${dayMonth(d.day)}`, d.due]));
  return [
    el("h3", { text: "Due in the next seven days" }),
    el("p", { text: "How many flashcards come due each day if you keep up; today's count includes any already overdue." }),
    chartFigure(forecastChart(days), table, { cls: "mlw-dash__forecast" }),
  ];
}

function trendChart(mocks) {
  const W = 320, H = 140, LEFT = 22, TOP = 10, STEP = 24; // signal 1..5, 24 units apart
  const rounds = mocks.rounds, n = rounds.length;
  const x = (i) => (n === 1 ? (LEFT + W) / 2 : LEFT + 10 + (i * (W - LEFT - 20)) / (n - 1));
  const y = (s) => TOP + (5 - s) * STEP;
  const last = rounds.at(-1);
  const summary = `Signal of your last ${plural(n, "mock round")}, oldest first, on a scale of 1 to 5: ` +
    `${rounds.map((r) => r.signal).join(", ")}. The latest: ${last.signal}, ${last.signal_label.toLowerCase()}.`;
  const svg = svgChart(W, H, summary, "mlw-trend");
  for (let s = 1; s <= 5; s++) {
    svg.append(svgEl("line", { x1: LEFT, y1: y(s), x2: W, y2: y(s), class: "mlw-fig__grid" }));
    svg.append(svgEl("text", { x: 0, y: y(s) + 4, class: "mlw-fig__label", text: String(s) }));
  }
  if (n > 1) svg.append(svgEl("polyline", { points: rounds.map((r, i) => `${x(i)},${y(r.signal)}`).join(" "), class: "mlw-trend__line" }));
  svg.append(...rounds.map((r, i) => svgEl("circle", { cx: x(i), cy: y(r.signal), r: 4, class: "mlw-trend__dot" },
    svgEl("title", { text: `${dayMonth(r.day)}: signal ${r.signal}` }))));
  return svg;
}

export function mockSection(mocks) {
  const head = el("h3", { text: "Mock rounds" });
  if (!mocks.total) {
    return [head, el("p", {}, "No mock round yet. A ",
      el("a", { href: siteHref("drill/mock/"), text: "mock round" }), " shows here as a trend of its signal.")];
  }
  const scale = Object.entries(mocks.signal_labels).map(([k, v]) => `${k} ${v.toLowerCase()}`).join("; ");
  const table = dataTable("Your mock rounds, oldest first", ["Finished", "Role and level", "Questions", "Signal"],
    mocks.rounds.map((r) => [dayMonth(r.day), `${r.role_label}, ${r.level}`,
      r.partial ? `${r.graded} of ${r.questions} (partial round)` : r.questions, `${r.signal}: ${r.signal_label}`]));
  const shown = mocks.total > mocks.rounds.length ? ` (the latest ${mocks.rounds.length} of ${mocks.total})` : "";
  return [
    head,
    el("p", { text: `The signal each round ended on${shown}, from 1 to 5: ${scale}.` }),
    chartFigure(trendChart(mocks), table, { cls: "mlw-dash__mocks" }),
  ];
}
