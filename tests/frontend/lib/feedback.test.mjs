// When answer feedback disagrees strongly with a self-grade, and how a hit's sentence is
// highlighted (frontend/lib/feedback.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { disagreement, disagreementText, pieces, sentencesOf } from "../../../frontend/lib/feedback.js";

const fb = ({ expected = 4, hit = 4, traps = 0, words = 60 } = {}) => ({
  available: true,
  words,
  expected,
  hit,
  traps: [...Array(traps).fill({ asserted: true }), { asserted: false }],
  sentences: [[0, 10], [11, 30]],
});

test("the top grade with half the expected points missed disagrees", () => {
  assert.deepEqual(disagreement("strong_hire", fb({ expected: 4, hit: 2 })), {
    kind: "missed", missed: 2, expected: 4, traps: 0,
  });
  assert.equal(disagreement("strong_hire", fb({ expected: 4, hit: 3 })), null);
  assert.equal(disagreement("strong_hire", fb({ expected: 5, hit: 3 })), null); // 2 of 5 missed
  assert.equal(disagreement("strong_hire", fb({ expected: 5, hit: 2 })).kind, "missed");
  assert.equal(disagreement("lean_hire", fb({ expected: 4, hit: 0 })), null); // lean is not claimed strong
});

test("any asserted trap disagrees with a passing grade, not with a failing one", () => {
  assert.equal(disagreement("strong_hire", fb({ traps: 1 })).kind, "trap");
  assert.equal(disagreement("lean_hire", fb({ traps: 2 })).traps, 2);
  assert.equal(disagreement("no_hire", fb({ traps: 1 })), null);
  assert.equal(disagreement("didnt_know", fb({ traps: 1 })), null);
});

test("a failing grade on an answer that made every expected point says so", () => {
  assert.equal(disagreement("no_hire", fb({ expected: 3, hit: 3 })).kind, "under");
  assert.equal(disagreement("didnt_know", fb({ expected: 2, hit: 2 })), null); // too few to say
  assert.equal(disagreement("no_hire", fb({ expected: 4, hit: 3 })), null);
});

test("nothing typed, no key points or no feedback: nothing to say", () => {
  assert.equal(disagreement("strong_hire", null), null);
  assert.equal(disagreement("strong_hire", { available: false }), null);
  assert.equal(disagreement("strong_hire", fb({ words: 0, hit: 0 })), null);
  assert.equal(disagreement("strong_hire", fb({ expected: 0, hit: 0 })), null);
});

test("the sentence names the grade and the count, and asks", () => {
  const text = disagreementText(disagreement("strong_hire", fb({ expected: 4, hit: 1 })), "Strong hire");
  assert.match(text, /You chose Strong hire, but your typed answer made 1 of the 4 key points/);
  assert.match(text, /Save Strong hire anyway, or choose again\?$/);
  assert.match(disagreementText(disagreement("lean_hire", fb({ traps: 1 })), "Lean hire"), /a claim the rubric lists as a trap/);
});

test("a sentence is cut into plain and marked pieces", () => {
  const text = "Bias is error. Variance is the spread of the fit.";
  assert.deepEqual(pieces(text, [15, 49], [[15, 23], [31, 37]]), [
    { text: "Variance", mark: true },
    { text: " is the ", mark: false },
    { text: "spread", mark: true },
    { text: " of the fit.", mark: false },
  ]);
});

test("overlapping and outside spans are merged and clipped", () => {
  const text = "abcdefghij";
  assert.deepEqual(pieces(text, [2, 8], [[0, 3], [4, 6], [5, 7], [9, 10]]), [
    { text: "c", mark: true },
    { text: "d", mark: false },
    { text: "efg", mark: true },
    { text: "h", mark: false },
  ]);
  assert.deepEqual(pieces(text, [0, 3]), [{ text: "abc", mark: false }]);
});

test("sentence indices the answer lacks are skipped", () => {
  assert.deepEqual(sentencesOf(fb(), [1, 7]), [[11, 30]]);
});
