// The words the quiz shows after Submit and for its progress (frontend/widgets/quiz-marking.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { dotStates, dotsText, optionMark, optionNumbers, verdictText } from "../../../frontend/widgets/quiz-marking.js";

const option = (correct, chosen) => ({ text: "t", why: "w", correct, chosen });

test("the verdict is one short line naming the right options by their numbers", () => {
  assert.equal(verdictText({ correct: true, options: [option(true, true), option(false, false)] }), "Correct.");
  const one = { correct: false, options: [option(false, true), option(true, false), option(false, false)] };
  assert.equal(verdictText(one), "Not quite: the answer is option 2.");
  const many = { correct: false, options: [option(true, true), option(false, false), option(true, false)] };
  assert.equal(verdictText(many), "Not quite: the answers are options 1 and 3.");
  assert.equal(optionNumbers([1, 2, 4]), "options 1, 2 and 4");
});

test("every option is marked in words, not by colour alone", () => {
  assert.equal(optionMark(option(true, true)).text, "Your answer: correct");
  assert.equal(optionMark(option(false, true)).text, "Your answer: wrong");
  assert.equal(optionMark(option(true, false)).text, "Correct answer");
  assert.equal(optionMark(option(false, false)).text, "Wrong option");
  assert.match(optionMark(option(false, true)).state, /is-picked/);
});

test("the dots follow the answers and say the same in words", () => {
  const slot = { item: "x", order: [0, 1] };
  const session = { items: [slot, slot, slot, slot], answers: [{ correct: true }, { correct: false }], position: 2 };
  assert.deepEqual(dotStates(session), ["right", "wrong", "current", "todo"]);
  assert.equal(dotsText(session), "Question 3 of 4. So far 1 right, 1 wrong.");
  assert.equal(dotsText({ ...session, answers: [], position: 0 }), "Question 1 of 4. None answered yet.");
  // graded, not yet moved on: the current question shows its result
  const graded = { ...session, answers: [...session.answers, { correct: true }] };
  assert.deepEqual(dotStates(graded), ["right", "wrong", "right", "todo"]);
  assert.equal(dotsText(graded), "Question 3 of 4. So far 2 right, 1 wrong.");
});
