// The question, problem and exercise indexes as trackers. The build writes the whole
// table with a hidden filter form (macros/render/index_table.py); this script reveals the
// form, shows the rows that pass it without a reload, keeps the view in the URL query so
// it can be linked, and points "Practise these" at the filtered set.
//
// The status column is the engine's (`index_status`): it is asked only when this browser
// holds progress, so a first visitor starts no Python and sees the build's "New".

import { el } from "../lib/dom.js";
import { errorText, tzOffset } from "../lib/format.js";
import { countText, matches, quizLink, readQuery, writeQuery } from "../lib/index-filter.js";

const NAMES = { type: "type", status: "status" }; // the filters the quiz cannot carry, in words

class IndexTracker {
  constructor(root, { py, progressStore }) {
    this.root = root;
    this.py = py;
    this.progressStore = progressStore;
    this.kind = root.dataset.kind;
    this.form = root.querySelector("form.mlw-index__filters");
    this.rows = [...root.querySelectorAll("tbody tr")];
    this.count = root.querySelector(".mlw-index__count");
    this.note = root.querySelector(".mlw-index__note");
    this.practise = root.querySelector(".mlw-index__practise");
    this.quizBase = this.practise.href; // the build's link, resolved by the browser
    this.selects = [...this.form.querySelectorAll("select")];
    const allowed = Object.fromEntries(
      this.selects.map((s) => [s.name, new Set([...s.options].map((o) => o.value))]));
    const state = readQuery(location.search, allowed);
    for (const select of this.selects) select.value = state[select.name];
    this.form.addEventListener("change", () => this.apply(true));
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.hidden = false;
    this.apply(false);
    if (progressStore.hasStored()) this.loadStatus();
  }

  state() {
    return Object.fromEntries(this.selects.map((s) => [s.name, s.value]));
  }

  // Shows the rows that pass, says how many, and (after a change of the reader's) keeps
  // the view in the address without adding a history entry per choice.
  apply(changed) {
    const state = this.state();
    const shown = this.rows.filter((row) => {
      const pass = matches(row.dataset, state);
      row.hidden = !pass;
      return pass;
    });
    this.count.textContent = countText(shown.length, this.rows.length);
    if (changed) {
      const url = `${location.pathname}${writeQuery(location.search, state)}${location.hash}`;
      history.replaceState(history.state, "", url);
    }
    this.pointPractise(state, shown);
  }

  pointPractise(state, shown) {
    this.practise.hidden = shown.length === 0;
    if (this.kind === "exercises") {
      // the first shown exercise not yet solved, else the first shown
      const next = shown.find((r) => !r.dataset.status.startsWith("solved")) ?? shown[0];
      if (next) this.practise.href = next.querySelector("a").href;
      this.note.textContent = "";
      return;
    }
    const { href, dropped } = quizLink(this.quizBase, state);
    this.practise.href = href;
    this.note.textContent = dropped.length
      ? `The quiz draws by track, level and role; your ${dropped.map((d) => NAMES[d]).join(" and ")} ` +
        "filter does not carry over."
      : "";
  }

  async loadStatus() {
    this.setBusy(true);
    try {
      await this.py.start();
      await this.showStatus(await this.progressStore.get());
      this.unwatch ??= this.progressStore.onChange((progress) => {
        if (!this.root.isConnected) return this.unwatch();
        this.showStatus(progress).catch(() => {});
      });
    } catch (error) {
      this.root.querySelector(".mlw-index__about").append(
        " ", `Your status could not be read: ${errorText(error)}`);
    } finally {
      this.setBusy(false);
    }
  }

  // While Python reads the progress: a line above the table, and the table marked busy.
  setBusy(busy) {
    const table = this.root.querySelector("table");
    this.loading?.remove();
    this.loading = null;
    if (!busy) return table.removeAttribute("aria-busy");
    table.setAttribute("aria-busy", "true");
    this.loading = el("p", { class: "mlw-index__loading", text: "Reading your progress in this browser…" });
    table.before(this.loading);
  }

  async showStatus(progress) {
    const ids = this.kind === "exercises" ? this.rows.map((r) => r.dataset.id) : [];
    const data = await this.py.call("index_status", {
      progress, exercise_ids: ids, now_ms: Date.now(), tz_offset_min: tzOffset(),
    });
    const found = data[this.kind];
    const labels = data.labels[this.kind];
    for (const row of this.rows) {
      const entry = found[row.dataset.id];
      if (entry === undefined) continue;
      const status = typeof entry === "string" ? entry : entry.status;
      row.dataset.status = status;
      let text = labels[status] ?? status;
      if (entry.answered) text += `${status === "quizzed" ? ":" : "; quiz:"} ${entry.right} of ${entry.answered} right`;
      row.querySelector(".mlw-index__status").textContent = text;
    }
    this.apply(false);
  }
}

export function mount(root, deps) {
  const widget = new IndexTracker(root, deps);
  return () => widget.unwatch?.();
}
