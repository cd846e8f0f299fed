// What the quiz shows once an answer is graded, and how far the reader has come. Each
// option is marked where it stands (your answer, the correct answer, a wrong option) in
// words as well as colour, with its reason under it; one verdict line says how it went.
// The words are pure functions of the engine's feedback, checked by node --test
// (tests/frontend/widgets/); the drawing uses `el`, so bank text stays text.

import { el, richText } from "../lib/dom.js";

// "option 2", "options 1 and 3", "options 1, 2 and 4": numbers as the keys show them.
export function optionNumbers(numbers) {
  const words = numbers.map(String);
  if (words.length === 1) return `option ${words[0]}`;
  return `options ${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

// The one line read out after Submit: "Correct." or which options were right.
export function verdictText(feedback) {
  if (feedback.correct) return "Correct.";
  const right = feedback.options.flatMap((o, i) => (o.correct ? [i + 1] : []));
  const verb = right.length === 1 ? "the answer is" : "the answers are";
  return `Not quite: ${verb} ${optionNumbers(right)}.`;
}

// How one option is marked: a state for the stylesheet and the words that say it.
export function optionMark(option) {
  if (option.chosen && option.correct) return { state: "is-picked is-right", glyph: "✓", text: "Your answer: correct" };
  if (option.chosen) return { state: "is-picked is-wrong", glyph: "✗", text: "Your answer: wrong" };
  if (option.correct) return { state: "is-right", glyph: "✓", text: "Correct answer" };
  return { state: "is-wrong", glyph: "✗", text: "Wrong option" };
}

// Marks the options of the list in place (display order is the feedback's order).
export function markOptions(list, feedback) {
  const items = list.querySelectorAll(":scope > li");
  feedback.options.forEach((option, i) => {
    const item = items[i];
    if (!item) return;
    const mark = optionMark(option);
    item.className = `mlw-choice ${mark.state}`;
    item.querySelector("input").disabled = true;
    item.append(el("div", { class: "mlw-choice__fb" },
      el("span", { class: "mlw-choice__mark" },
        el("span", { class: "mlw-choice__glyph", "aria-hidden": "true", text: mark.glyph }), mark.text),
      el("span", { class: "mlw-choice__why" }, richText(option.why))));
  });
}

// Each question's state so far: "right", "wrong", "current" or "todo".
export function dotStates(session) {
  return session.items.map((_, i) => {
    const answer = session.answers[i];
    if (answer) return answer.correct ? "right" : "wrong";
    return i === session.position ? "current" : "todo";
  });
}

// The dots in words: "Question 3 of 10. So far 1 right, 1 wrong."
export function dotsText(session) {
  const states = dotStates(session);
  const count = (s) => states.filter((x) => x === s).length;
  const where = `Question ${Math.min(session.position + 1, states.length)} of ${states.length}.`;
  const done = count("right") + count("wrong");
  return done ? `${where} So far ${count("right")} right, ${count("wrong")} wrong.` : `${where} None answered yet.`;
}

const GLYPHS = { right: "✓", wrong: "✗", current: "", todo: "" };

// One dot per question, shaped as well as coloured (a tick, a cross, a ring for the
// current one); read as one image whose name is `dotsText`.
export function progressDots(session) {
  const states = dotStates(session);
  const dots = states.map((state, i) =>
    el("span", { class: `mlw-dot is-${state}${i === session.position ? " is-here" : ""}`, text: GLYPHS[state] }));
  return el("div", { class: "mlw-dots", role: "img", "aria-label": dotsText(session) }, dots);
}
