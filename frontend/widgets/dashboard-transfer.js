// Export and import of progress on the progress page: a file (or a backup, through the
// backups panel) is read, validated and previewed by the engine before anything changes;
// only an explicit "merge" or "replace" applies it. The methods below are mixed into the
// dashboard widget, whose `progress`, `draw`, `say` and transfer elements they use.

import { el } from "../lib/dom.js";
import { errorText, plural } from "../lib/format.js";
import { showNotices } from "./practice.js";

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

export const transferMethods = {
  async exportFile() {
    try {
      const name = await this.progressStore.exportFile();
      this.say(`Your progress was exported as ${name}.`);
    } catch (error) {
      this.say(`Export failed: ${errorText(error)}`);
    }
  },

  showResult(...children) {
    this.result.replaceChildren(...children.filter(Boolean));
  },

  reject(message) {
    this.incoming = null;
    this.showResult(el("div", { class: "mlw-error mlw-transfer__error", role: "alert" },
      el("p", {}, el("strong", { text: "This file cannot be imported: " }), message),
      el("p", { text: "Nothing was changed." })));
  },

  async readFile() {
    const file = this.file.files?.[0];
    if (!file) return;
    // The engine's limit, in characters (data-max-import-chars, written by the build);
    // a character is at most 4 bytes, so a larger file cannot fit and is not read.
    const limit = 4 * Number(this.root.dataset.maxImportChars);
    const text = file.size > limit ? null : await file.text().catch(() => null);
    await this.check(file.name, text, "read_import");
  },

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
  },

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
  },

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
  },

  cancel() {
    this.incoming = null;
    this.file.value = "";
    this.showResult();
    this.file.focus();
    this.say("Import cancelled. Nothing was changed.");
  },
};
