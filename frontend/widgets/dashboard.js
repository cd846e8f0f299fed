// The progress page. Every number comes from the engine's `dashboard` op; the figures are
// drawn by the modules named after this one: the study calendar with the streak and the
// interview countdown (dashboard-heatmap.js), readiness per track and coverage
// (dashboard-readiness.js), the seven-day due forecast and the mock trend
// (dashboard-forecast.js), export and import (dashboard-transfer.js).

import { announcer } from "../lib/announce.js";
import { el, errorBox, siteHref } from "../lib/dom.js";
import { errorText, percent, tzOffset } from "../lib/format.js";
import { forecastSection, mockSection } from "./dashboard-forecast.js";
import { heatmapSection } from "./dashboard-heatmap.js";
import { coverageSection, readinessSection } from "./dashboard-readiness.js";
import { transferMethods } from "./dashboard-transfer.js";
import { exerciseIndex, exerciseSection } from "./exercise-overview.js";
import { ready, showNotices, stats } from "./practice.js";

let active = null; // the dashboard on the current page, if any

function siteLink(url, text) {
  const href = siteHref(url);
  return href ? el("a", { href, text }) : el("span", { text });
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

// The site's exercise ids, for coverage; the page still draws without them.
const exerciseIds = () => exerciseIndex().then(({ exercises }) => exercises.map((e) => e.id), () => null);

// ---- the widget -----------------------------------------------------------------------

class Dashboard {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore } = deps);
    this.root = root;
    this.body = root.querySelector(".mlw-dash__body");
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
      progress: this.progress, now_ms: now, tz_offset_min: tzOffset(), exercises: await exerciseIds(),
    });
    const exercises = await exerciseSection(this.py, this.progress, now).catch((error) =>
      [el("p", { class: "mlw-error", text: `Your coding exercises could not be listed: ${errorText(error)}` })]);
    this.body.replaceChildren(
      stats(data),
      ...heatmapSection(data),
      ...readinessSection(data),
      ...forecastSection(data.forecast),
      ...coverageSection(data.coverage),
      ...mockSection(data.mocks),
      weakest(data.weakest, data.tracks),
      ...exercises,
    );
  }
}

Object.assign(Dashboard.prototype, transferMethods);

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
