// The coding-exercise widget. The build writes the shell (prompt, a <textarea> with the
// starter code, buttons, live regions; macros/render/exercise_page.py); this script swaps
// the textarea for the CodeMirror editor (assets/js/editor.mjs, bundled at build time),
// keeps the reader's code in storage, and runs it in the Python worker. Whatever the code
// prints is shown as text, never parsed as HTML.
//
// Runaway code cannot be interrupted inside the worker, so every run has a time limit: the
// client terminates the worker when it expires and goes on with a spare one booted in the
// background, and the page, whose main thread never ran the code, stays responsive
// throughout. The reader's code cannot reach the network, close the worker or leave
// timers behind (py-worker.mjs).

import { announcer } from "../lib/announce.js";
import { el, errorBox, notice } from "../lib/dom.js";
import { plural } from "../lib/format.js";
import { siteRoot } from "../lib/site.js";

const TIME_LIMIT_MS = 5000;
const STOPPED =
  "Your code ran for more than 5 seconds and was stopped; Python was restarted.";
// The engine caps a run's memory (practice_engine/runner.py), so Python survives this.
const OUT_OF_MEMORY =
  "Your code ran out of memory: a run may use about 512 MB. What it built has been " +
  "freed, and Python is ready for the next run.";

const PLAIN_HELP =
  "This is a plain text box: Tab moves to the next control instead of indenting, so " +
  "indent with spaces. Your code is saved in this browser as you type.";

let editorModule = null;
function loadEditor() {
  editorModule ??= import(new URL("assets/js/editor.mjs", siteRoot).href).catch((error) => {
    editorModule = null; // let a later page try again
    throw error;
  });
  return editorModule;
}

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
    ({ py: this.py, store: this.store } = deps);
    this.root = root;
    this.id = root.dataset.exercise;
    this.key = `exercise:${this.id}`;
    this.textarea = root.querySelector("textarea");
    this.label = root.querySelector(".mlw-exercise__label");
    this.starter = this.textarea.defaultValue;
    this.output = root.querySelector(".mlw-exercise__output");
    this.results = root.querySelector(".mlw-exercise__results");
    this.notices = root.querySelector(".mlw-exercise__notices");
    this.say = announcer(root.querySelector(".mlw-exercise__status"));
    this.buttons = [...root.querySelectorAll(".mlw-exercise__actions button")];
    this.editor = null;
    this.busy = false;

    const saved = this.store.read(this.key);
    if (saved !== null) this.textarea.value = saved;
    this.textarea.addEventListener("input", () => this.save(this.textarea.value));
    root.querySelector(".mlw-noscript")?.remove();
    root.querySelector(".mlw-exercise__actions").hidden = false;
    for (const button of this.buttons) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    this.mountEditor();
  }

  async mountEditor() {
    try {
      const { mountEditor } = await loadEditor();
      if (!this.root.isConnected) return;
      const labelText = this.label.textContent;
      this.editor = mountEditor(this.textarea.parentElement, {
        doc: this.textarea.value,
        label: labelText,
        onChange: (text) => this.save(text),
      });
      this.textarea.remove();
      // The label pointed at the textarea; the editor carries the same words itself.
      this.label.replaceWith(el("p", { class: "mlw-exercise__label", text: labelText }));
    } catch (error) {
      // The help above the box described the editor's keys; say what this box does.
      const help = this.root.querySelector(".mlw-exercise__help");
      if (help) help.textContent = PLAIN_HELP;
      this.notices.append(
        notice(`The code editor could not be loaded, so this is a plain text box. (${error?.message ?? error})`),
      );
    }
  }

  code() {
    return this.editor ? this.editor.getValue() : this.textarea.value;
  }

  // A refused write is shown by the notice at the top of the page (saving.js), which
  // says how long the code is kept instead.
  save(text) {
    this.store.write(this.key, text);
  }

  act(action) {
    if (action === "reset") this.reset();
    else if (!this.busy) this.execute(action);
  }

  reset() {
    if (this.editor) this.editor.setValue(this.starter);
    else this.textarea.value = this.starter;
    this.save(this.starter);
    (this.editor ?? this.textarea).focus();
    this.say(
      this.editor
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
    try {
      const code = this.code();
      if (action === "run") {
        this.showRun(await this.py.call("run_code", { code }, { timeoutMs: TIME_LIMIT_MS }));
      } else {
        const { checks } = await exerciseData(this.id);
        const report = await this.py.call("check_code", { code, checks }, { timeoutMs: TIME_LIMIT_MS });
        this.showCheck(report);
      }
    } catch (error) {
      // A worker that died under the code (a fatal runtime error) is replaced like one
      // that ran out of time; for those the client has already done it.
      const crashed =
        wasReady && !["PyTimeoutError", "ExerciseDataError"].includes(error?.name);
      if (crashed) this.py.restart().catch(() => {});
      this.showFailure(area, error, crashed, action);
    } finally {
      this.setBusy(false);
    }
  }

  summary(text, bad) {
    const kind = bad ? "mlw-exercise__summary--bad" : "mlw-exercise__summary--good";
    return el("p", { class: `mlw-exercise__summary ${kind}`, text });
  }

  block(text, label, extra = "") {
    return el("pre", { class: `mlw-exercise__text ${extra}`, tabindex: 0, "aria-label": label, text });
  }

  showRun(result) {
    const lines = result.output ? result.output.replace(/\n$/, "").split("\n").length : 0;
    let text = result.error
      ? "Your code stopped with an error."
      : lines
        ? `Your code ran and printed ${plural(lines, "line")}.`
        : "Your code ran and printed nothing.";
    if (result.truncated) text += " Only the first 10,000 characters of output are shown.";
    const parts = [this.summary(text, Boolean(result.error))];
    if (result.output) parts.push(this.block(result.output, "What your code printed"));
    if (result.error) parts.push(this.block(result.error, "The error", "mlw-exercise__text--error"));
    if (result.memory_error) parts.push(notice(OUT_OF_MEMORY));
    this.output.replaceChildren(...parts);
  }

  showCheck(report) {
    const { passed, total } = report;
    const text = report.error
      ? "Your code could not be checked."
      : report.ok
        ? `All ${plural(total, "check")} passed.`
        : `${passed} of ${plural(total, "check")} passed.`;
    const parts = [this.summary(text, !report.ok)];
    if (report.error) parts.push(this.block(report.error, "Why", "mlw-exercise__text--error"));
    if (report.results.length) {
      const items = report.results.map((r) =>
        el(
          "li",
          { class: `mlw-result mlw-result--${r.ok ? "pass" : "fail"}` },
          el("span", { class: "mlw-result__mark", text: r.ok ? "✓ Passed" : "✗ Failed" }),
          el("span", { class: "mlw-result__name", text: `: ${r.name}` }),
          r.ok ? null : el("code", { class: "mlw-result__message", text: r.message }),
        ),
      );
      parts.push(el("ul", { class: "mlw-results", "aria-label": "Check results" }, items));
    }
    if (report.output) {
      parts.push(this.block(report.output, "What your code printed during the checks"));
    }
    this.results.replaceChildren(...parts);
  }

  // The areas are live regions, so what is written here is announced.
  showFailure(area, error, crashed, action) {
    const why = error?.message ?? String(error);
    if (error?.name === "PyTimeoutError") {
      area.replaceChildren(this.summary(STOPPED, true));
    } else if (crashed) {
      const message = `Your code was stopped because Python failed (${why}); Python was restarted.`;
      area.replaceChildren(this.summary(message, true));
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
    if (instances.get(widget.id) === widget) instances.delete(widget.id);
  };
}
