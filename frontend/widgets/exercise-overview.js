// The coding exercises on the Progress page: where each stands (new, attempted, solved,
// solved with hints or after seeing the solution), which are due for review, and which
// changed since the reader solved them. The list comes from the build
// (assets/exercises/index.json); the engine's exercise_overview does the counting.

import { el, siteHref } from "../lib/dom.js";
import { dateWords, plural } from "../lib/format.js";
import { siteRoot } from "../lib/site.js";

export const STATUS_LABELS = {
  new: "Not tried",
  attempted: "Attempted",
  solved: "Solved",
  solved_with_help: "Solved with hints",
  solved_with_solution: "Solved with the solution",
};

let index = null;
export function exerciseIndex() {
  index ??= fetch(new URL("assets/exercises/index.json", siteRoot)).then((response) => {
    if (!response.ok) throw new Error(`the list of exercises could not be loaded (HTTP ${response.status})`);
    return response.json();
  });
  index.catch(() => {
    index = null;
  });
  return index;
}

function row(e, title, url, nowMs) {
  const href = siteHref(url);
  const next = e.due ? "Due now" : e.due_ms == null ? "—" : dateWords(e.due_ms, nowMs);
  return el("tr", { class: `mlw-dash__exercise mlw-dash__exercise--${e.status}` },
    el("th", { scope: "row" }, href ? el("a", { href, text: title }) : title),
    el("td", { text: STATUS_LABELS[e.status] + (e.changed_since_pass ? " (the exercise changed since)" : "") }),
    el("td", { text: next }));
}

// The section, as nodes, for `progress` at `nowMs`.
export async function exerciseSection(py, progress, nowMs) {
  const { exercises } = await exerciseIndex();
  const data = await py.call("exercise_overview", { progress, exercises, now_ms: nowMs });
  const meta = new Map(exercises.map((e) => [e.id, e]));
  const c = data.counts;
  const solved = c.solved + c.solved_with_help + c.solved_with_solution;
  const summary = `${solved} of ${plural(exercises.length, "exercise")} solved, ${c.attempted} attempted; ` +
    `${plural(data.due.length, "exercise")} due for review now.`;
  const started = data.exercises.filter((e) => e.status !== "new");
  const ordered = [...data.due.map((id) => data.exercises.find((e) => e.id === id)),
    ...started.filter((e) => !e.due)];
  const table = ordered.length
    ? el("div", { class: "mlw-dash__exercises" }, el("table", {},
        el("caption", { text: "Your coding exercises, those due for review first" }),
        el("thead", {}, el("tr", {}, ["Exercise", "Status", "Next review"].map((t) => el("th", { scope: "col", text: t })))),
        el("tbody", {}, ordered.map((e) => row(e, meta.get(e.id).title, meta.get(e.id).url, nowMs)))))
    : el("p", {}, "No exercise tried yet. Start with the ", el("a", { href: siteHref("exercises/"), text: "coding exercises" }), ".");
  return [el("h3", { text: "Coding exercises" }), el("p", { class: "mlw-dash__exercise-summary", text: summary }), table];
}
