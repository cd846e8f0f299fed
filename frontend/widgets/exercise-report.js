// What Run and Check answer, drawn as nodes: a summary, each check typed (passed, not
// yet, wrong answer, error) with its input, expected and got, the complexity verdict and
// what the code printed. Everything from the engine or the reader's code is text.

import { el, notice } from "../lib/dom.js";
import { plural } from "../lib/format.js";

const KIND_WORDS = { passed: "Passed", hint: "Not yet", wrong: "Wrong answer", error: "Error" };
// The engine caps a run's memory (practice_engine/runner.py), so Python survives this.
const OUT_OF_MEMORY =
  "Your code ran out of memory: a run may use about 512 MB. What it built has been " +
  "freed, and Python is ready for the next run.";

export function summary(text, bad) {
  const kind = bad ? "mlw-exercise__summary--bad" : "mlw-exercise__summary--good";
  return el("p", { class: `mlw-exercise__summary ${kind}`, text });
}

function block(text, label, extra = "") {
  return el("pre", { class: `mlw-exercise__text ${extra}`, tabindex: 0, "aria-label": label, text });
}

export function runParts(report) {
  const n = report.total;
  const text = report.error
    ? "Your code stopped with an error."
    : report.ok
      ? `Your function gives the expected answer on ${n === 1 ? "the example" : `all ${n} examples`}.`
      : `Your function gives the expected answer on ${report.passed} of ${plural(n, "example")}.`;
  const parts = [summary(text, !report.ok)];
  if (report.output) parts.push(block(report.output, "What your code printed"));
  if (report.error) parts.push(block(report.error, "The error", "mlw-exercise__text--error"));
  if (report.truncated) parts.push(notice("Only the first 10,000 characters of output are shown."));
  if (report.memory_error || /\bMemoryError\b/.test(report.error ?? "")) parts.push(notice(OUT_OF_MEMORY));
  if (report.ok) parts.push(el("p", { text: "Run tries only the visible examples; Check runs the hidden cases too." }));
  return parts;
}

function result(r) {
  const fail = !r.ok;
  const detail = fail && r.input != null
    ? el("dl", { class: "mlw-result__io" },
        el("dt", { text: "Input" }), el("dd", {}, el("code", { text: r.input })),
        el("dt", { text: "Expected" }), el("dd", {}, el("code", { text: r.expected ?? "" })),
        el("dt", { text: "Got" }), el("dd", {}, el("code", { text: r.got ?? "" })))
    : null;
  return el(
    "li",
    { class: `mlw-result mlw-result--${r.ok ? "pass" : "fail"} mlw-result--${r.kind}` },
    el("span", { class: "mlw-result__mark", text: r.ok ? "✓ Passed" : `✗ ${KIND_WORDS[r.kind] ?? "Failed"}` }),
    el("span", { class: "mlw-result__name", text: `: ${r.name}${r.example ? " (example)" : ""}` }),
    fail ? el("code", { class: "mlw-result__message", text: r.message }) : null,
    detail,
    fail && r.hint ? el("p", { class: "mlw-result__hint", text: `Hint: ${r.hint}` }) : null,
  );
}

export function checkParts(report) {
  const { passed, total } = report;
  const text = report.error
    ? "Your code could not be checked."
    : report.ok
      ? `All ${plural(total, "check")} passed.`
      : `${passed} of ${plural(total, "check")} passed.`;
  const parts = [summary(text, !report.ok)];
  if (report.error) parts.push(block(report.error, "Why", "mlw-exercise__text--error"));
  if (report.results.length) {
    parts.push(el("ul", { class: "mlw-results", "aria-label": "Check results" }, report.results.map((r) => result(r))));
  }
  if (report.complexity) {
    const c = report.complexity;
    parts.push(el("p", { class: `mlw-exercise__growth mlw-exercise__growth--${c.ok ? "good" : "bad"}` },
      el("strong", { text: "Growth: " }), c.message));
  }
  if (report.output) {
    parts.push(block(report.output, "What your code printed during the checks"));
  }
  return parts;
}
