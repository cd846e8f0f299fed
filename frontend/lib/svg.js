// SVG built with DOM calls (no markup parsing), and the figure every chart of the guide
// sits in: the drawing, named for assistive technology by a one-sentence summary, then
// the same numbers as a real table behind a "Show as a table" toggle. Sizes are SVG
// attributes and classes, never style attributes (the CSP allows none).

import { el } from "./dom.js";

const SVG_NS = "http://www.w3.org/2000/svg";

export function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

// An <svg> scaled to its container's width: the viewBox fixes the proportions, CSS the size.
export function svgChart(width, height, summary, cls) {
  return svgEl("svg", {
    class: `mlw-fig__svg ${cls}`, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": summary,
  });
}

// A <table> of rows under a caption; the first cell of each row is its header. On a phone
// a wide table scrolls sideways inside itself (the theme's tables do), so it takes the
// keyboard's focus, named by its caption, for keys to scroll it.
export function dataTable(caption, head, rows) {
  return el("table", { tabindex: 0 },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, head.map((t) => el("th", { scope: "col", text: t })))),
    el("tbody", {}, rows.map(([first, ...rest]) => el("tr", {},
      el("th", { scope: "row", text: String(first) }), rest.map((v) => el("td", { text: String(v) }))))));
}

// The figure: chart, optional legend, and the table toggle (`cls` names the toggle).
export function chartFigure(chart, table, { legend = null, cls = "" } = {}) {
  return el("figure", { class: "mlw-fig" }, chart, legend,
    el("details", { class: `mlw-fig__table ${cls}`.trim() },
      el("summary", { text: "Show as a table" }),
      el("div", { class: "mlw-fig__scroll" }, table)));
}

// A horizontal bar for a share from 0 to 1, stretched to the width of its row; the
// number it stands for is always written beside it, so the bar itself is hidden from
// assistive technology.
export function shareBar(share, cls = "") {
  const w = Math.max(0, Math.min(1, share)) * 100;
  return svgEl("svg", {
    class: `mlw-hbar ${cls}`.trim(), viewBox: "0 0 100 6", preserveAspectRatio: "none", "aria-hidden": "true",
    focusable: "false",
  }, svgEl("rect", { class: "mlw-hbar__track", x: 0, y: 0, width: 100, height: 6 }),
  w ? svgEl("rect", { class: "mlw-hbar__fill", x: 0, y: 0, width: w, height: 6 }) : null);
}

// "2026-01-05" -> "Mon" and "5 Jan", read as a calendar date (no time zone shift).
const asDate = (iso) => new Date(`${iso}T12:00:00Z`);
export const weekdayShort = (iso) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }).format(asDate(iso));
export const dayMonth = (iso) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(asDate(iso));
export const monthShort = (iso) =>
  new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(asDate(iso));
