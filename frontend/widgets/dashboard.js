// The progress dashboard and the export/import of progress. Every number comes from the
// engine's `dashboard` op; this file draws it as text, tables, bars and an SVG chart built
// with DOM calls. Import is read, validated and previewed by the engine before anything
// changes; only an explicit "merge" or "replace" applies it.

import { announcer } from "../lib/announce.js";
import { el, errorBox, siteHref } from "../lib/dom.js";
import { errorText, percent, plural, tzOffset } from "../lib/format.js";
import { exerciseSection } from "./exercise-overview.js";
import { ready, showNotices, stats } from "./practice.js";

let active = null; // the dashboard on the current page, if any

// The import preview's rows: [what a row says, its count in the engine's preview].
const ADDED_ROWS = [
  ["Quiz answers added", "quiz_answers_added"], ["Flashcards added", "cards_added"],
  ["Flashcards updated", "cards_updated"], ["Self-grades added", "reviews_added"],
  ["Mock rounds added", "mocks_added"], ["Coding exercises added", "exercises_added"],
  ["Exercise passes added", "exercise_results_added"],
  ["Kept typed answers added", "answers_added"],
];
const REMOVED_ROWS = [
  ["Quiz answers removed", "quiz_answers"], ["Flashcards removed", "cards"],
  ["Self-grades removed", "reviews"], ["Mock rounds removed", "mocks"],
  ["Exercise passes removed", "exercise_results"], ["Kept typed answers removed", "answers"],
];

// SVG children are made in the namespace of the build's <svg> element (see chart).
function svgMaker(owner) {
  return (tag, attrs = {}) => {
    const node = document.createElementNS(owner.namespaceURI, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
  };
}

function siteLink(url, text) {
  const href = siteHref(url);
  return href ? el("a", { href, text }) : el("span", { text });
}

// ---- drawing the dashboard ------------------------------------------------------------

function masteryTable(rows) {
  const bar = (share) => {
    const fill = el("span", { class: "mlw-bar__fill" });
    fill.style.width = percent(share); // CSSOM, not a style attribute: allowed by the CSP
    return el("span", { class: "mlw-bar", "aria-hidden": "true" }, fill);
  };
  const body = rows.map((r) =>
    el("tr", {},
      el("th", { scope: "row", text: r.title }),
      el("td", { class: "mlw-mastery" }, bar(r.mastery), el("span", { text: percent(r.mastery) })),
      el("td", { text: `${r.reviewed} of ${r.questions}` }),
      el("td", { text: r.quiz_answers ? `${r.quiz_correct} of ${r.quiz_answers}` : "none yet" })));
  const head = ["Track", "Mastery", "Flashcards started", "Quiz answers correct"];
  // Tables without a class get the theme's table style; the wrapper names them.
  return el("div", { class: "mlw-dash__mastery" }, el("table", {},
    el("caption", { text: "Predicted recall of each track's concept questions today" }),
    el("thead", {}, el("tr", {}, head.map((t) => el("th", { scope: "col", text: t })))),
    el("tbody", {}, body)));
}

// Stacked bars per day, flashcard reviews at the bottom and quiz answers on top, drawn
// into the figure the build wrote (with its legend); the figure is moved, not copied.
function chart(figure, history) {
  const W = 560, H = 150, PAD = 22, gap = 4;
  const step = (W - PAD) / history.length;
  const top = Math.max(1, ...history.map((d) => d.reviews + d.quiz_answers));
  const scale = (n) => (n / top) * (H - 2 * PAD);
  const root = figure.querySelector("svg");
  const svg = svgMaker(root);
  root.replaceChildren();
  root.append(svg("line", { x1: PAD, y1: H - PAD, x2: W, y2: H - PAD, class: "mlw-chart__axis" }));
  root.append(Object.assign(svg("text", { x: 0, y: PAD, class: "mlw-chart__label" }), { textContent: String(top) }));
  history.forEach((d, i) => {
    const x = PAD + i * step + gap / 2;
    const hr = scale(d.reviews), hq = scale(d.quiz_answers);
    const base = H - PAD;
    if (hr) root.append(svg("rect", { x, y: base - hr, width: step - gap, height: hr, class: "mlw-chart__reviews" }));
    if (hq) root.append(svg("rect", { x, y: base - hr - hq, width: step - gap, height: hq, class: "mlw-chart__quiz" }));
    if (i % 7 === 0 || i === history.length - 1) {
      const last = i === history.length - 1; // kept inside the drawing's right edge
      const label = svg("text", {
        x: last ? W : x + (step - gap) / 2, y: H - 6, class: "mlw-chart__label", "text-anchor": last ? "end" : "middle",
      });
      label.textContent = d.day.slice(5); // MM-DD
      root.append(label);
    }
  });
  const reviews = history.reduce((s, d) => s + d.reviews, 0);
  const answers = history.reduce((s, d) => s + d.quiz_answers, 0);
  const active = history.filter((d) => d.reviews + d.quiz_answers).length;
  root.setAttribute("aria-label", `Activity from ${history[0].day} to ${history.at(-1).day}: ` +
    `${plural(reviews, "flashcard review")} and ${plural(answers, "quiz answer")} on ` +
    `${plural(active, "day")}. The table after the chart lists every day.`);
  figure.hidden = false;
  return figure;
}

function historyTable(history) {
  const rows = history.map((d) =>
    el("tr", {}, el("th", { scope: "row", text: d.day }), el("td", { text: String(d.reviews) }),
      el("td", { text: String(d.quiz_answers) }), el("td", { text: String(d.quiz_correct) })));
  return el("details", { class: "mlw-dash__history" },
    el("summary", { text: "The last 28 days as a table" }),
    el("table", {},
      el("caption", { text: "Activity per day" }),
      el("thead", {}, el("tr", {}, ["Day", "Flashcard reviews", "Quiz answers", "Quiz correct"]
        .map((t) => el("th", { scope: "col", text: t })))),
      el("tbody", {}, rows)));
}

function weakest(w, rows) {
  const box = el("div", { class: "mlw-dash__next" }, el("h3", { text: "What to study next" }));
  if (!w) {
    box.append(el("p", {}, "Nothing studied yet. Start with the ", siteLink("drill/flashcards/", "flashcards"),
      " or a ", siteLink("drill/quiz/", "quiz"), ", and your weakest track will show here."));
    return box;
  }
  const mastery = rows.find((r) => r.track === w.track)?.mastery ?? 0;
  box.append(
    el("p", { class: "mlw-dash__weakest" }, "Your weakest track is ", el("strong", { text: w.title }),
      ` (mastery ${percent(mastery)}). Read these answers, then review them as flashcards:`),
    el("ul", {}, w.study.map((s) => el("li", {}, siteLink(s.url, s.title)))));
  return box;
}

// ---- the widget -----------------------------------------------------------------------

class Dashboard {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore } = deps);
    this.root = root;
    this.body = root.querySelector(".mlw-dash__body");
    this.figure = root.querySelector("figure.mlw-chart");
    this.title = root.querySelector("#dash-title");
    this.exportButton = root.querySelector(".mlw-transfer__export");
    this.file = root.querySelector(".mlw-transfer__file");
    this.result = root.querySelector(".mlw-transfer__result");
    this.say = announcer(root.querySelector(".mlw-dash__status"));
    this.exportButton.addEventListener("click", () => this.exportFile());
    this.file.addEventListener("change", () => this.readFile());
    this.load();
  }

  async load() {
    try {
      ({ progress: this.progress } = await ready(this.body, "Loading Python for your progress", this));
      this.unwatch ??= this.progressStore.onChange((progress) => {
        if (!this.root.isConnected) return this.unwatch();
        this.progress = progress; // another tab's work: redraw with it
        this.draw().catch((error) => this.say(`Error: ${errorText(error)}`));
      });
      showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
      await this.draw();
      this.exportButton.disabled = false;
      this.file.disabled = false;
    } catch (error) {
      this.body.replaceChildren(errorBox(errorText(error), () => this.load()));
      this.say(`Error: ${errorText(error)}`);
    }
  }

  async draw() {
    const now = Date.now();
    const data = await this.py.call("dashboard", {
      progress: this.progress, now_ms: now, tz_offset_min: tzOffset(),
    });
    const exercises = await exerciseSection(this.py, this.progress, now).catch((error) =>
      [el("p", { class: "mlw-error", text: `Your coding exercises could not be listed: ${errorText(error)}` })]);
    this.body.replaceChildren(
      stats(data),
      el("h3", { text: "Mastery by track" }),
      masteryTable(data.tracks),
      el("h3", { text: "Activity in the last 28 days" }),
      chart(this.figure, data.history),
      historyTable(data.history),
      weakest(data.weakest, data.tracks),
      ...exercises,
    );
  }

  // ---- export and import --------------------------------------------------------------

  async exportFile() {
    try {
      const name = await this.progressStore.exportFile();
      this.say(`Your progress was exported as ${name}.`);
    } catch (error) {
      this.say(`Export failed: ${errorText(error)}`);
    }
  }

  showResult(...children) {
    this.result.replaceChildren(...children.filter(Boolean));
  }

  reject(message) {
    this.incoming = null;
    this.showResult(el("div", { class: "mlw-error mlw-transfer__error", role: "alert" },
      el("p", {}, el("strong", { text: "This file cannot be imported: " }), message),
      el("p", { text: "Nothing was changed." })));
  }

  async readFile() {
    const file = this.file.files?.[0];
    if (!file) return;
    // The engine's limit, in characters (data-max-import-chars, written by the build);
    // a character is at most 4 bytes, so a larger file cannot fit and is not read.
    const limit = 4 * Number(this.root.dataset.maxImportChars);
    const text = file.size > limit ? null : await file.text().catch(() => null);
    await this.check(file.name, text, "read_import");
  }

  // A file or a backup (op read_backup): checked by the engine, then previewed.
  async check(name, text, op) {
    this.showResult(el("p", { text: `Checking ${name}…` }));
    try {
      const read = text == null
        ? { ok: false, error: "the file is larger than 5 MB, or unreadable; a progress export is far smaller" }
        : await this.py.call(op, { text });
      if (!read.ok) return this.reject(read.error);
      this.incoming = read.incoming;
      const previews = await Promise.all(["merge", "replace"].map((mode) =>
        this.py.call("preview_import", { current: this.progress, incoming: this.incoming, mode })));
      this.showPreview(name, ...previews);
    } catch (error) {
      this.reject(errorText(error));
    }
  }

  showPreview(name, merge, replace) {
    const row = (label, get) => el("tr", {}, el("th", { scope: "row", text: label }),
      el("td", { text: get(merge) }), el("td", { text: get(replace) }));
    const heading = el("h3", { tabindex: -1, class: "mlw-transfer__title", text: `What importing ${name} would change` });
    const unknown = merge.unknown_questions.length + merge.unknown_quiz_items.length;
    const button = (mode, text, cls) => el("button", {
      type: "button", class: `md-button ${cls}`, text, onclick: () => this.apply(mode),
    });
    this.showResult(
      heading,
      el("div", { class: "mlw-transfer__preview" }, el("table", {},
        el("caption", { text: "Changes to the progress in this browser" }),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Change" }),
          el("th", { scope: "col", text: "Merge" }), el("th", { scope: "col", text: "Replace" }))),
        el("tbody", {},
          ADDED_ROWS.map(([label, key]) => row(label, (p) => String(p[key]))),
          REMOVED_ROWS.map(([label, key]) => row(label, (p) => String(p.will_remove[key]))),
          row("Settings change", (p) => (p.settings_change ? "yes" : "no"))))),
      unknown ? el("p", { text: `The file mentions ${plural(unknown, "question")} this version of the guide does not have; they are kept but not shown.` }) : null,
      el("p", { text: "Merge keeps everything from both; replace makes this browser's progress exactly the file's." }),
      el("p", { class: "mlw-transfer__actions" },
        button("merge", "Merge into my progress", "md-button--primary mlw-transfer__merge"), " ",
        button("replace", "Replace my progress", "mlw-transfer__replace"), " ",
        el("button", { type: "button", class: "md-button mlw-transfer__cancel", text: "Cancel", onclick: () => this.cancel() })),
    );
    heading.focus();
    this.say("The file is valid. Review the changes, then merge, replace or cancel.");
  }

  async apply(mode) {
    if (!this.incoming) return;
    try {
      const before = this.progress;
      const next = await this.py.call("apply_import", { current: before, incoming: this.incoming, mode });
      this.progress = next;
      await (mode === "replace" ? this.progressStore.replace(next) : this.progressStore.save(next, before));
      this.progress = this.progressStore.peek() ?? next;
      this.incoming = null;
      this.file.value = "";
      await this.draw();
      showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
      const done = mode === "merge" ? "merged into your progress" : "now replaces your progress";
      this.showResult(el("p", { class: "mlw-transfer__done", text: `Imported: the file ${done}.` }));
      this.title.focus();
      this.say(`Imported: the file ${done}. The dashboard is updated.`);
    } catch (error) {
      this.reject(errorText(error));
    }
  }

  cancel() {
    this.incoming = null;
    this.file.value = "";
    this.showResult();
    this.file.focus();
    this.say("Import cancelled. Nothing was changed.");
  }
}

// The dashboard on the current page (the backups list previews a backup through it).
export const activeDashboard = () => (active?.root.isConnected ? active : null);

export function mount(root, deps) {
  const widget = new Dashboard(root, deps);
  active = widget;
  return () => {
    widget.unwatch?.();
    if (active === widget) active = null;
  };
}
