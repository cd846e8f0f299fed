// The quiz's setup while a quiz runs, and "Start over". The filters form (written by the
// build) folds into one line that says what the quiz was drawn from, with a "Change"
// toggle that opens the form again; "Start over" asks in the page before discarding.

import { el } from "../lib/dom.js";
import { plural } from "../lib/format.js";

const list = (value) => (value ? value.split(",").filter(Boolean) : []);

// What the next quiz is drawn from: the form's choices, or without a form the widget's
// own (the build writes them as data attributes).
export function readFilters(form, dataset) {
  if (!form) {
    const { tracks, levels, roles, count, scope } = dataset;
    return { tracks: list(tracks), levels: list(levels), roles: list(roles), count: Number(count || 5), scope: scope || "all" };
  }
  const data = new FormData(form);
  return {
    tracks: data.getAll("tracks"),
    levels: data.getAll("levels"),
    roles: data.getAll("roles"),
    count: Number(data.get("count") || 10),
    scope: data.get("scope") || "all", // the core/all radio group (the engine's names)
  };
}

// "Statistics and experimentation, Deep learning · L4 · 10 questions". `names` maps a
// form value (track id, level, role) to the words its checkbox shows.
export function setupText(filters, names = {}, retry = false) {
  const words = (values) => values.map((v) => names[v] ?? v).join(", ");
  const parts = [filters.tracks.length ? words(filters.tracks) : "All tracks"];
  if (filters.scope === "core") parts.push(names.core ?? "core");
  if (filters.levels.length) parts.push(words(filters.levels));
  if (filters.roles.length) parts.push(words(filters.roles));
  parts.push(retry ? `retrying ${plural(filters.count, "missed question")}` : plural(filters.count, "question"));
  return parts.join(" · ");
}

// The words each checkbox (and the core/all radio) of the form shows, by its value.
function formNames(form) {
  const names = {};
  for (const input of form.querySelectorAll("input[type=checkbox], input[type=radio]")) {
    names[input.value] = input.closest("label")?.textContent.trim() ?? input.value;
  }
  return names;
}

// The words an option's count adds to its label: shown "(23)", heard ", 23 questions".
export function countWords(n) {
  return { shown: `(${n})`, heard: `, ${plural(n, "question")}` };
}

// Put (or update) an option's count after its label's words, inside their span: a label is
// a flex row, and a count beside the words would stand apart from a name that wraps.
function showCount(input, n) {
  const label = input.closest("label");
  if (!label) return;
  let box = label.querySelector(".mlw-check__count");
  if (!box) {
    box = el("span", { class: "mlw-check__count" },
      el("span", { "aria-hidden": "true" }), el("span", { class: "visually-hidden" }));
    (label.querySelector(".mlw-check__text") ?? label).append(" ", box);
  }
  const { shown, heard } = countWords(n);
  box.children[0].textContent = shown;
  box.children[1].textContent = heard;
}

export class Setup {
  constructor(form, widgetId) {
    this.form = form;
    form.id ||= `${widgetId}-setup`;
    this.names = formNames(form); // before any count is added to the labels
    this.asked = 0;
    this.text = el("span", { class: "mlw-setup__text" });
    this.toggle = el("button", {
      type: "button", class: "mlw-linkbutton mlw-setup__change", "aria-expanded": "false",
      "aria-controls": form.id, text: "Change", onclick: () => this.open(this.form.hidden),
    });
    this.line = el("p", { class: "mlw-setup", hidden: true },
      el("span", { class: "mlw-setup__label", text: "Quiz: " }), this.text, " ", this.toggle);
    form.before(this.line);
  }

  // Each option's count of quiz questions given the other filters, from the engine once
  // Python is up (never booting it for this), and again after every change. The counts
  // only help: the form works the same without them.
  watchCounts(py) {
    const recount = () => this.recount(py);
    py.onReady(recount);
    this.form.addEventListener("change", (event) => {
      if (event.target.type === "checkbox") recount();
    });
  }

  async recount(py) {
    const asked = ++this.asked; // a later change wins over a slower earlier answer
    let counts;
    try {
      counts = await py.call("quiz_counts", { filters: readFilters(this.form) });
    } catch {
      return;
    }
    if (asked !== this.asked) return;
    for (const input of this.form.querySelectorAll("input[type=checkbox]")) {
      const n = counts[input.name]?.[input.value];
      if (Number.isInteger(n)) showCount(input, n);
    }
  }

  // A quiz is running (or scored): the form folds into the summary line.
  collapse(filters, retry = false) {
    this.text.textContent = setupText(filters, this.names, retry);
    this.line.hidden = false;
    this.open(false, false);
  }

  // No quiz: the form is all there is.
  expand() {
    this.line.hidden = true;
    this.form.hidden = false;
  }

  open(show, focus = true) {
    this.form.hidden = !show;
    this.toggle.setAttribute("aria-expanded", String(show));
    this.toggle.textContent = show ? "Hide" : "Change";
    if (show && focus) this.form.querySelector("input, select")?.focus();
  }
}

// An in-page question before something is lost: `yes` does it, `no` (or Escape) goes back
// to where the reader was. The safe answer takes focus, so a stray Enter loses nothing.
export function askFirst(host, { text, yes, no, onYes, onNo }) {
  const textId = `${host.id}-text`;
  const done = (then) => () => {
    host.replaceChildren();
    then();
  };
  const keep = el("button", { type: "button", class: "md-button md-button--primary mlw-confirm__no", text: no, onclick: done(onNo) });
  const drop = el("button", { type: "button", class: "md-button mlw-confirm__yes", text: yes, onclick: done(onYes) });
  const box = el("div", { class: "mlw-confirm", role: "group", "aria-labelledby": textId },
    el("p", { id: textId, text }), el("p", {}, drop, " ", keep));
  box.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    keep.click();
  });
  host.replaceChildren(box);
  keep.focus();
}
