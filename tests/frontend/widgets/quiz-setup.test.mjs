// The one-line summary the quiz's setup folds into (frontend/widgets/quiz-setup.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { countWords, setupText } from "../../../frontend/widgets/quiz-setup.js";
import { trackText } from "../../../frontend/widgets/quiz-results.js";

const names = { statistics: "Statistics and experimentation", llm: "LLM systems", mle: "ML engineer" };

test("the summary names the tracks and the count, with levels and roles only when chosen", () => {
  const f = { tracks: ["statistics", "llm"], levels: [], roles: [], count: 10 };
  assert.equal(setupText(f, names), "Statistics and experimentation, LLM systems · 10 questions");
  assert.equal(setupText({ ...f, tracks: [], count: 1 }, names), "All tracks · 1 question");
  assert.equal(setupText({ ...f, levels: ["L4", "L5"], roles: ["mle"] }, names),
    "Statistics and experimentation, LLM systems · L4, L5 · ML engineer · 10 questions");
  assert.equal(setupText({ ...f, count: 2 }, names, true),
    "Statistics and experimentation, LLM systems · retrying 2 missed questions");
});

test("a track's result is written out, never told by the bar alone", () => {
  assert.equal(trackText({ correct: 2, answered: 3 }), "2 of 3 (67%)");
  assert.equal(trackText({ correct: 0, answered: 0 }), "0 of 0 (0%)");
});

test("the summary says when the quiz keeps to the core set, in the form's words", () => {
  const f = { tracks: [], levels: [], roles: [], count: 5, scope: "core" };
  assert.equal(setupText(f, { core: "Core (must-know)" }), "All tracks · Core (must-know) · 5 questions");
  assert.equal(setupText({ ...f, scope: "all" }, {}), "All tracks · 5 questions");
});

test("an option's count is shown in brackets and heard in words", () => {
  assert.deepEqual(countWords(23), { shown: "(23)", heard: ", 23 questions" });
  assert.deepEqual(countWords(1), { shown: "(1)", heard: ", 1 question" });
  assert.deepEqual(countWords(0), { shown: "(0)", heard: ", 0 questions" });
});
