// The Backups section of the Progress page: every backup this guide kept (storage/backups.js),
// with Download, Restore and Delete. A progress backup is restored through the dashboard's
// own import check and preview (op read_backup); a saved mock round or quiz goes back to
// its slot once the engine has checked it, and only if that slot is free.

import { announcer } from "../lib/announce.js";
import { download, el, localDate } from "../lib/dom.js";
import { activeDashboard } from "./dashboard.js";

// A backup's name and time come from its storage key, which anything on this site could
// have written: only known names and real times are shown, in text, file names and labels.
const day = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};
const when = (iso) => day(iso)?.toLocaleString("en-GB") ?? "an unknown time";
const describe = (name) =>
  name === "progress" ? "Progress" : name === "mock-round" ? "Unfinished mock round"
    : /^quiz-session:[a-z0-9-]+$/.test(name) ? "Unfinished quiz" : "Other data";
const fileName = (b) =>
  `ml-interview-guide-${describe(b.name).toLowerCase().replace(/[^a-z]+/g, "-")}-backup-` +
  `${day(b.at) ? localDate(day(b.at).getTime()) : "undated"}.txt`;
const size = (n) => (n < 1024 ? `${n} characters` : `${(n / 1024).toFixed(0)} K characters`);

// A saved round or quiz back into its slot: { ok, text }.
async function restoreSlot({ py, slots }, name, raw) {
  const quiz = describe(name) === "Unfinished quiz";
  if (!quiz && name !== "mock-round") return { ok: false, text: "This kind of backup can only be downloaded." };
  const target = quiz ? slots.quizSession(name.slice("quiz-session:".length)) : slots.mockRound;
  const answer = await py.call(quiz ? "restore_saved_session" : "restore_round", { raw });
  const value = quiz ? answer.session : answer.round;
  if (!value) return { ok: false, text: `It cannot be restored: ${answer.reason ?? "a newer version of the guide wrote it"}. Nothing was changed.` };
  if (target.has()) return { ok: false, text: `Another ${quiz ? "quiz" : "round"} is saved in its place; finish or discard it first. Nothing was changed.` };
  await target.save(value);
  return { ok: true, text: `Restored: it goes on where it was on the ${quiz ? "page of its quiz" : "Mock round page"}.` };
}

class Panel {
  constructor(root, deps) {
    this.deps = deps; // py, slots, backups
    this.backups = deps.backups;
    this.list = root.querySelector(".mlw-backups__list");
    this.say = announcer(document.querySelector(".mlw-dash__status"));
    this.draw();
  }

  async draw() {
    const found = await this.backups.list();
    if (!found.length) {
      this.list.replaceChildren(el("p", { class: "mlw-backups__none", text: "No backups: nothing saved had to be set aside." }));
      return;
    }
    const rows = found.map((b) => el("tr", {},
      el("th", { scope: "row", text: describe(b.name) }),
      el("td", { text: when(b.at) }),
      el("td", { text: size(b.size) }),
      el("td", { class: "mlw-backups__actions" }, this.actions(b))));
    this.list.replaceChildren(el("table", {},
      el("caption", { text: "Backups kept in this browser, newest first" }),
      el("thead", {}, el("tr", {}, ["Of", "Kept on", "Size", "Actions"].map((t) => el("th", { scope: "col", text: t })))),
      el("tbody", {}, rows)));
  }

  actions(b) {
    const button = (text, cls, onclick) => el("button", { type: "button", class: `md-button ${cls}`, text, onclick });
    const label = `${describe(b.name)} kept on ${when(b.at)}`;
    const remove = button("Delete", "mlw-backups__delete", () => this.remove(b, remove));
    remove.setAttribute("aria-label", `Delete the backup: ${label}`);
    const get = button("Download", "mlw-backups__download", () => this.download(b));
    get.setAttribute("aria-label", `Download the backup: ${label}`);
    const restore = button("Restore", "mlw-backups__restore", () => this.restore(b));
    restore.setAttribute("aria-label", `Restore the backup: ${label}`);
    return [get, " ", restore, " ", remove];
  }

  async download(b) {
    const raw = await this.backups.read(b);
    const name = fileName(b);
    download(name, raw ?? "", "text/plain");
    this.say(`The backup was downloaded as ${name}.`);
  }

  async restore(b) {
    const raw = await this.backups.read(b);
    if (b.name === "progress") {
      activeDashboard()?.check(`the backup of ${when(b.at)}`, raw, "read_backup");
      return;
    }
    const { text } = await restoreSlot(this.deps, b.name, raw);
    this.say(text);
    this.list.prepend(el("p", { class: "mlw-backups__result", text }));
  }

  // Two steps: the first press asks, the second deletes.
  async remove(b, button) {
    if (button.dataset.confirm !== "1") {
      button.dataset.confirm = "1";
      button.textContent = "Press again to delete";
      this.say("Press Delete again to delete this backup for good.");
      return;
    }
    await this.backups.remove(b);
    this.say("The backup was deleted.");
    await this.draw();
    document.querySelector("#dash-backups-title")?.focus();
  }
}

export function mount(root, deps) {
  new Panel(root, deps);
  return () => {};
}
