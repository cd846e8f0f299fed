// What the widgets that need Python share: booting it with a progress bar, the engine's
// constants, the notices of the progress store, and the self-grade buttons. `deps` is the
// `{ py, progressStore }` every widget is mounted with (main.js).

import { el, notice, progressBar } from "../lib/dom.js";

const constantsOf = new WeakMap(); // py client -> its constants, asked for once

export function constants(py) {
  if (!constantsOf.has(py)) {
    const asked = py.call("constants");
    asked.catch(() => constantsOf.delete(py)); // ask again next time
    constantsOf.set(py, asked);
  }
  return constantsOf.get(py);
}

// Boot Python with a progress bar in `body`, then load what the widget needs: the
// reader's progress, and the engine's constants unless `withConstants` is false.
export async function ready(body, label, { py, progressStore }, withConstants = true) {
  const bar = progressBar(label);
  body.replaceChildren(el("p", { text: "Loading Python in your browser…" }), bar.root);
  const unsubscribe = py.onProgress(({ loaded, total }) => bar.set(loaded, total));
  try {
    await py.start();
    const [progress, fixed] = await Promise.all([
      progressStore.get(),
      withConstants ? constants(py) : null,
    ]);
    return { progress, constants: fixed };
  } finally {
    unsubscribe();
  }
}

// Notices the progress store holds (each is shown once, by the first widget that asks).
export function showNotices(box, progressStore) {
  for (const text of progressStore.takeNotices()) box?.append(notice(text));
}

// The four self-grades, in the engine's order and words, as one labelled group.
export function gradeButtons(grades, labelId, onGrade) {
  const button = (g) =>
    el("button", {
      type: "button",
      class: `md-button mlw-grade mlw-grade--${g.id}`,
      text: g.label,
      onclick: () => onGrade(g),
    });
  return el("div", { class: "mlw-grades", role: "group", "aria-labelledby": labelId }, grades.map(button));
}

// Settings changed through the engine and saved; `host.progress` becomes the new copy.
// Throws when the engine refuses them or the save fails.
export async function changeSettings(host, settings) {
  const before = host.progress;
  host.progress = await host.py.call("set_settings", { progress: before, settings });
  await host.progressStore.save(host.progress, before);
}

// Today's three numbers as a list of labelled values (the progress page and the Today panel).
export function stats(data) {
  const stat = (value, label) =>
    el("li", { class: "mlw-stat" }, el("span", { class: "mlw-stat__value", text: String(value) }), " ",
      el("span", { class: "mlw-stat__label", text: label }));
  return el("ul", { class: "mlw-stats", "aria-label": "Today" },
    stat(data.due_now, "flashcards due now"),
    stat(data.new_left_today, "new flashcards left today"),
    stat(data.streak_days, data.streak_days === 1 ? "day in a row" : "days in a row"));
}
