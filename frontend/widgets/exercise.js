// The coding-exercise widget. The build writes the shell (prompt, a <textarea> with the
// starter code, buttons, live regions, the boxes for hints, solution and follow-ups;
// macros/render/exercise_page.py, styled by exercise.css). The code box
// (exercise-code.js) swaps the textarea for the CodeMirror editor and keeps the reader's
// code as a draft in their progress with the exercise's version; this script runs it in
// the Python worker: Run on the visible examples, Check on the hidden cases, the
// forbidden names and the complexity bound. Each Check, hint and revealed solution is an
// event the engine records (exercise-learn.js draws what it teaches). Whatever the code
// prints is shown as text, never parsed as HTML.
//
// Runaway code cannot be interrupted inside the worker, so every run has a time limit: the
// client terminates the worker when it expires and goes on with a spare one booted in the
// background, and the page, whose main thread never ran the code, stays responsive
// throughout. The reader's code cannot reach the network, close the worker or leave
// timers behind (py-worker.mjs).

import { announcer } from "../lib/announce.js";
import { el, errorBox, notice } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { siteRoot } from "../lib/site.js";
import { CodeBox } from "./exercise-code.js";
import { Learning } from "./exercise-learn.js";
import { checkParts, runParts, summary } from "./exercise-report.js";
import { constants } from "./practice.js";

const TIME_LIMIT_MS = 5000;
const STOPPED =
  "Your code ran for more than 5 seconds and was stopped; Python was restarted.";

const exportCache = new Map();
function exerciseData(id) {
  if (!exportCache.has(id)) {
    const url = new URL(`assets/exercises/${encodeURIComponent(id)}.json`, siteRoot);
    const request = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .catch((error) => {
        const failure = new Error(`The checks of this exercise could not be loaded (${error.message}).`);
        failure.name = "ExerciseDataError"; // not Python's fault: no restart
        throw failure;
      });
    request.catch(() => exportCache.delete(id));
    exportCache.set(id, request);
  }
  return exportCache.get(id);
}

class Exercise {
  constructor(root, deps) {
    ({ py: this.py, store: this.store, progressStore: this.progressStore } = deps);
    this.root = root;
    this.id = root.dataset.exercise;
    this.version = root.dataset.version;
    this.output = root.querySelector(".mlw-exercise__output");
    this.results = root.querySelector(".mlw-exercise__results");
    this.notices = root.querySelector(".mlw-exercise__notices");
    this.say = announcer(root.querySelector(".mlw-exercise__status"));
    this.buttons = [...root.querySelectorAll(".mlw-exercise__actions button")];
    this.learning = new Learning(root, this);
    this.codeBox = new CodeBox(root, this); // the editor and the draft
    this.busy = false;
    this.data = null; // the published exercise (assets/exercises/<id>.json)
    this.state = null; // the engine's exercise_state for the reader
    this.progress = null;
    this.changes = Promise.resolve(); // progress changes, one at a time, each on the last

    root.querySelector(".mlw-noscript")?.remove();
    root.querySelector(".mlw-exercise__actions").hidden = false;
    for (const button of this.buttons) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    this.load();
  }

  // The exercise's file, the reader's progress and the engine's words; then the draft.
  async load() {
    try {
      const [data] = await Promise.all([exerciseData(this.id), this.py.start()]);
      this.data = data;
      const [progress, fixed] = await Promise.all([this.progressStore.get(), constants(this.py)]);
      this.progress = progress;
      this.constants = fixed;
      this.unwatch ??= this.progressStore.onChange((p) => this.adopt(p));
      await this.refresh();
      await this.codeBox.ready;
      await this.codeBox.restore();
    } catch (error) {
      this.notices.append(notice(`Your record on this exercise could not be loaded: ${errorText(error)}`));
    } finally {
      this.codeBox.finishLoading();
    }
  }

  // Another tab (or widget) changed the progress: show where this exercise stands now.
  adopt(progress) {
    if (!this.root.isConnected) return this.unwatch?.();
    this.progress = progress;
    this.refresh().catch(() => {});
  }

  async refresh() {
    const args = { progress: this.progress, exercise_id: this.id, version: this.version, now_ms: Date.now() };
    this.state = await this.py.call("exercise_state", args);
    this.learning.draw();
  }

  // One change of the progress at a time, each made from the latest copy, then saved.
  change(op, args) {
    const step = this.changes.then(async () => {
      const before = this.progress;
      const out = await this.py.call(op, { progress: before, exercise_id: this.id, now_ms: Date.now(), ...args });
      const next = out.progress ?? out;
      this.progress = next;
      await this.progressStore.save(next, before);
      this.progress = this.progressStore.peek() ?? next;
      return out;
    });
    this.changes = step.catch(() => {});
    return step;
  }

  // An event of exercise_progress (a check failed or passed, a hint, the solution).
  async event(name) {
    const out = await this.change("exercise_event", { version: this.version, event: name });
    this.state = out.state;
    this.learning.draw();
    return out.state;
  }

  gradeFollowup(index, grade) {
    return this.change("grade_followup", { index, grade });
  }

  // The code in the editor (tests read it through MLGuide.exercises).
  code() {
    return this.codeBox.code();
  }

  act(action) {
    if (action === "reset") this.reset();
    else if (!this.busy) this.execute(action);
  }

  reset() {
    const box = this.codeBox;
    box.setCode(box.starter);
    box.saveNow();
    box.focus();
    this.say(
      box.editor
        ? "Code reset to the starter. Press Ctrl+Z in the editor to get your code back."
        : "Code reset to the starter.",
    );
  }

  // Buttons stay focusable while busy (disabling the focused one would drop focus to
  // the page); aria-disabled says they do nothing for now.
  setBusy(busy) {
    this.busy = busy;
    for (const button of this.buttons) {
      if (button.dataset.action === "reset") continue;
      if (busy) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    }
  }

  async execute(action) {
    const area = action === "run" ? this.output : this.results;
    const wasReady = this.py.isReady;
    this.setBusy(true);
    area.replaceChildren(
      el("p", {
        class: "mlw-exercise__pending",
        text: wasReady ? "Running your code…" : "Starting Python in your browser…",
      }),
    );
    let report = null;
    try {
      const code = this.code();
      const exercise = await exerciseData(this.id);
      this.codeBox.saveNow();
      const op = action === "run" ? "run_exercise" : "check_exercise";
      report = await this.py.call(op, { code, exercise }, { timeoutMs: TIME_LIMIT_MS });
      if (action === "run") this.showRun(report);
      else this.showCheck(report);
    } catch (error) {
      // A worker that died under the code (a fatal runtime error) is replaced like one
      // that ran out of time; for those the client has already done it.
      const crashed =
        wasReady && !["PyTimeoutError", "ExerciseDataError"].includes(error?.name);
      if (crashed) this.py.restart().catch(() => {});
      this.showFailure(area, error, crashed, action);
      if (action === "check" && error?.name !== "ExerciseDataError") report = { ok: false };
    } finally {
      this.setBusy(false);
    }
    if (action === "check" && report && this.progress) await this.recordCheck(report.ok);
  }

  async recordCheck(ok) {
    try {
      if (ok) this.learning.passedHere = true;
      const state = await this.event(ok ? "check_passed" : "check_failed");
      if (ok) this.say(`All checks passed. Recorded as ${state.status.replaceAll("_", " ")}.`);
    } catch (error) {
      this.say(`Your check could not be recorded: ${errorText(error)}`);
    }
  }

  showRun(report) {
    this.output.replaceChildren(...runParts(report));
  }

  showCheck(report) {
    this.results.replaceChildren(...checkParts(report));
  }

  // The areas are live regions, so what is written here is announced.
  showFailure(area, error, crashed, action) {
    const why = error?.message ?? String(error);
    if (error?.name === "PyTimeoutError") {
      area.replaceChildren(summary(STOPPED, true));
    } else if (crashed) {
      const message = `Your code was stopped because Python failed (${why}); Python was restarted.`;
      area.replaceChildren(summary(message, true));
    } else {
      // Python never started (a failed download, say) or the checks did not load.
      area.replaceChildren(errorBox(why, () => this.execute(action)));
    }
  }
}

const instances = new Map(); // exercise id -> its widget on the current page

// For tests and the console (main.js hands it on): the widget of an exercise on this page.
export const exercises = { get: (id) => instances.get(id) };

export function mount(root, deps) {
  const widget = new Exercise(root, deps);
  instances.set(widget.id, widget);
  // A spare Python, booted when the page is idle after the first: after a time-out the
  // next run need not wait for a new boot. Only here: reading pages pay nothing.
  deps.py.keepSpare();
  return () => {
    widget.unwatch?.();
    widget.codeBox.stop();
    if (instances.get(widget.id) === widget) instances.delete(widget.id);
  };
}
