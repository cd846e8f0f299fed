// Answer feedback in the practice loop, shared by the flashcards and the mock round (and
// meant for any later widget that asks a concept question): the answer box, the one
// key-point checklist built from the engine's `feedback` op, and the gentle check of a
// self-grade against it. Everything the reader typed, and every sentence the feedback
// quotes, is inserted as text (`el`), never as HTML.
//
// Privacy: the text stays in the page. It reaches progress (and so storage and the export
// file) only through the `keep_answer` op, which keeps it only when the reader ticked
// "keep my answers" (settings.keep_answers, see practice_engine/answers.py).

import { el, richText } from "../lib/dom.js";
import { localRecogniser, onDeviceRecognition } from "../lib/dictation.js";
import { disagreement, disagreementText, pieces, sentencesOf } from "../lib/feedback.js";
import { errorText, plural } from "../lib/format.js";

const PART_LABELS = { what: "What", why: "Why", when: "When", tradeoffs: "Trade-offs" };
const NOT_MEASURED =
  "Not yet measured: this question is not in the labelled set of answers the checklist is " +
  "scored on, so how often it is right here is unknown.";
const LIMITS =
  "This is word matching, not a grade: a point made in words the matcher does not know " +
  "shows as missed. Judge by the rubric; the checklist only points.";

// The answer box: a labelled textarea, the "keep my answers" tick (one setting with the
// progress, shared by every widget), and a microphone only where the browser recognises
// speech on the device. `onKeep(checked)` saves the setting and returns a promise. `keep`
// null: the setting is not known yet (progress still loading); the tick waits, disabled,
// for `setKeep(value)`.
export function answerBox({ id, label, keep, onKeep, say }) {
  const textarea = el("textarea", { id, rows: 5, spellcheck: "true", class: "mlw-answer__text" });
  const keepId = `${id}-keep`;
  const hintId = `${id}-keep-hint`;
  const tick = el("input", { type: "checkbox", id: keepId, "aria-describedby": hintId });
  tick.checked = Boolean(keep);
  tick.disabled = keep == null;
  const hint = el("span", { id: hintId, class: "mlw-answer__hint" });
  const describe = () => {
    hint.textContent = tick.checked
      ? "Your latest answer to each question is kept in this browser and in your exported progress file, nowhere else."
      : "Unticked: your text is checked in this browser and never saved.";
  };
  describe();
  tick.addEventListener("change", async () => {
    tick.disabled = true;
    try {
      await onKeep(tick.checked);
      describe();
      say(tick.checked ? "Your answers will be kept in this browser." : "Answers are no longer kept; any kept ones were deleted.");
    } catch (error) {
      tick.checked = !tick.checked;
      say(`The setting was not saved: ${errorText(error)}`);
    } finally {
      tick.disabled = false;
    }
  });
  const tools = el("p", { class: "mlw-answer__tools" },
    el("span", { class: "mlw-answer__keep" }, tick, " ", el("label", { for: keepId, text: "Keep my answers" })),
    " ", hint);
  const root = el("div", { class: "mlw-answer" },
    el("label", { for: id, class: "mlw-answer__label", text: label }), textarea, tools);
  offerDictation(textarea, tools, say);
  const setKeep = (value) => {
    tick.checked = Boolean(value);
    tick.disabled = false;
    describe();
  };
  return { root, text: () => textarea.value, textarea, setKeep };
}

// The microphone appears only once on-device recognition is confirmed (see dictation.js).
async function offerDictation(textarea, tools, say) {
  const lang = document.documentElement.lang || "en";
  const Recognition = await onDeviceRecognition(lang);
  if (!Recognition || !textarea.isConnected) return;
  let recogniser = null;
  const button = el("button", { type: "button", class: "md-button mlw-answer__mic", "aria-pressed": "false", text: "Dictate (on this device)" });
  const stop = () => {
    recogniser = null;
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Dictate (on this device)";
  };
  button.addEventListener("click", () => {
    if (recogniser) return recogniser.stop();
    recogniser = localRecogniser(Recognition, lang, {
      onHeard: (words) => {
        textarea.value = `${textarea.value.trimEnd()} ${words.trim()}`.trimStart();
      },
      onEnd: stop,
    });
    if (!recogniser) return say("Dictation is not available on this device.");
    recogniser.start();
    button.setAttribute("aria-pressed", "true");
    button.textContent = "Stop dictating";
    say("Dictating on this device. Press the button again to stop.");
  });
  tools.prepend(button, " ");
}

// The checklist for one typed answer. `tick(group, checked)`, when given (the flashcards),
// makes each made, missed and trap item a checkbox the reader can change. `run()` asks the
// worker (Python may still be busy; the panel says so and fills in when the answer comes);
// `feedback` is null until then.
// `linkFor(section)` gives { href, text } for the part of the answer a missed point is
// explained in, or null.
export class Checklist {
  constructor({ py, questionId, level, text, linkFor, idPrefix, tick = null }) {
    Object.assign(this, { py, questionId, level, text, linkFor, tick });
    this.feedback = null;
    const headingId = `${idPrefix}-check-title`;
    this.heading = el("h4", { id: headingId, tabindex: -1, class: "mlw-kp__title", text: "Your answer against the key points" });
    this.body = el("div", { class: "mlw-kp__body", "aria-busy": "true" },
      el("p", { class: "mlw-kp__wait", text: "Checking your answer against the key points…" }));
    this.root = el("section", { class: "mlw-kp", "aria-labelledby": headingId }, this.heading, this.body);
  }

  async run() {
    try {
      this.feedback = await this.py.call("feedback", { question_id: this.questionId, level: this.level, text: this.text });
      this.body.replaceChildren(...checklistNodes(this.feedback, this.text, this.linkFor, this.tick));
    } catch (error) {
      this.body.replaceChildren(el("p", { class: "mlw-kp__error", text: `The checklist could not be made: ${errorText(error)}` }));
    }
    this.body.removeAttribute("aria-busy");
    return this.feedback;
  }

  // A one-line summary for the live region once the checklist is in.
  summary() {
    const f = this.feedback;
    if (!f?.available) return "This question has no key points yet.";
    const traps = f.traps.filter((t) => t.asserted).length;
    const flagged = traps ? ` ${plural(traps, "trap")} flagged.` : "";
    return `Key points made: ${f.hit} of ${f.expected}.${flagged}`;
  }
}

function quoted(feedback, text, hit) {
  const sentences = sentencesOf(feedback, hit.sentences);
  if (!sentences.length) return null;
  const parts = sentences.flatMap((range, i) => [
    i ? " … " : "",
    ...pieces(text, range, hit.spans).map((p) => (p.mark ? el("mark", { text: p.text }) : p.text)),
  ]);
  return el("q", { class: "mlw-kp__quote" }, ...parts);
}

function list(title, cls, items) {
  if (!items.length) return [];
  return [el("h5", { class: "mlw-kp__sub", text: `${title} (${items.length})` }), el("ul", { class: `mlw-kp__list ${cls}` }, items)];
}

// The trap's own text is the bank's Markdown source: shown as text, its `code` as code.
function trapText(markdown) {
  return richText(String(markdown).replace(/\*\*|__/g, "").replace(/\$/g, ""));
}

// One item of the checklist; with `tick` (see Checklist), a checkbox labelled by the item,
// ticked as the feedback judged it, with any link after the label (not inside its name).
function item(cls, tick, [group, checked], children, after = null) {
  if (!tick) return el("li", { class: cls }, ...children, after);
  const box = tick(group, checked);
  return el("li", { class: `${cls} mlw-check` }, box, " ", el("label", { for: box.id }, ...children), after);
}

// The checklist's content: summary, the caveat, then made, missed, traps and the points
// not expected at the reader's level, each as a list with a text marker (not colour alone).
// An expected key point counts with the rubric's strong-hire points, an asserted trap with
// its no-hire points (`tick`'s group).
export function checklistNodes(feedback, text, linkFor, tick = null) {
  if (!feedback.available) return [el("p", { text: "This question has no key points yet, so there is no checklist." })];
  const points = feedback.key_points;
  const expected = points.filter((k) => k.expected);
  const traps = feedback.traps.filter((t) => t.asserted);
  const made = expected.filter((k) => k.status === "hit").map((k) =>
    item("mlw-kp__item is-hit", tick, ["strong", true],
      [el("span", { class: "mlw-kp__mark", text: "Made: " }), k.label, " ", quoted(feedback, text, k)]));
  const missed = expected.filter((k) => k.status === "missed").map((k) => {
    const link = linkFor(k.section);
    return item("mlw-kp__item is-missed", tick, ["strong", false], [el("span", { class: "mlw-kp__mark", text: "Missed: " }), k.label],
      link ? el("span", {}, " (", el("a", { href: link.href, text: link.text }), ")") : null);
  });
  const flagged = traps.map((t) =>
    item("mlw-kp__item is-trap", tick, ["no", true], [el("span", { class: "mlw-kp__mark", text: "Trap: " }), t.label,
      el("span", { class: "mlw-kp__why" }, " Why it is a trap: ", ...trapText(t.text)), " ", quoted(feedback, text, t)]));
  const later = points.filter((k) => !k.expected).map((k) =>
    el("li", { class: "mlw-kp__item is-later" }, `${k.label} (expected from ${k.level}${k.status === "hit" ? "; you made it" : ""})`));
  const summary = `You made ${feedback.hit} of the ${feedback.expected} key points expected at ${feedback.level}` +
    (traps.length ? `, and your answer seems to assert ${plural(traps.length, "claim")} the rubric lists as a trap.` : ".");
  const notes = [];
  if (!feedback.measured) notes.push(NOT_MEASURED);
  if (feedback.caveat) notes.push(feedback.caveat);
  return [
    el("p", { class: "mlw-kp__summary", text: summary }),
    ...notes.map((n) => el("p", { class: "mlw-kp__caveat", text: n })),
    ...list("Key points you made", "mlw-kp__made", made),
    ...list("Key points you missed", "mlw-kp__missed", missed),
    ...list("Traps your answer seems to assert", "mlw-kp__traps", flagged),
    ...list(`Not expected at ${feedback.level}`, "mlw-kp__later", later),
    el("p", { class: "mlw-kp__limits", text: LIMITS }),
  ];
}

// Where a missed key point is explained: a part of the flashcard's answer on this page.
export function partLink(questionId) {
  return (section) => (PART_LABELS[section]
    ? { href: `#fc-${questionId}-${section}`, text: `read the “${PART_LABELS[section]}” part of the answer` }
    : null);
}

// The gentle check before a self-grade is saved: returns true when the grade may be saved
// now; otherwise shows the notice (in `host`, announced) and returns false. A second
// press of the same grade, or "Save … anyway", saves it; "Choose again" goes back to the
// grade buttons. `save(g)` saves; `grades` is the buttons' container.
export function confirmGrade({ host, grades, feedback, grade, say, save }) {
  const d = disagreement(grade.id, feedback);
  const pending = host.dataset.pending;
  host.replaceChildren();
  delete host.dataset.pending;
  if (!d || pending === grade.id) return true;
  host.dataset.pending = grade.id;
  const text = disagreementText(d, grade.label);
  const textId = `${host.id}-text`;
  const yes = el("button", { type: "button", class: "md-button md-button--primary mlw-confirm__save", text: `Save ${grade.label} anyway`,
    onclick: () => {
      host.replaceChildren();
      delete host.dataset.pending;
      save(grade);
    } });
  const no = el("button", { type: "button", class: "md-button mlw-confirm__again", text: "Choose again",
    onclick: () => {
      host.replaceChildren();
      delete host.dataset.pending;
      grades.querySelector("button")?.focus();
      say("Choose your grade again.");
    } });
  host.append(el("div", { class: "mlw-confirm", role: "group", "aria-labelledby": textId },
    el("p", { id: textId, class: "mlw-confirm__text", text }), el("p", {}, yes, " ", no)));
  yes.focus();
  say(text);
  return false;
}
