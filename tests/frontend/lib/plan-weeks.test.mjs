import assert from "node:assert/strict";
import { test } from "node:test";
import { datesText, doneCount, isCurrent, linkedEntry } from "../../../frontend/lib/plan-weeks.js";

test("only question and problem anchors name an entry", () => {
  assert.equal(linkedEntry("https://x.test/tracks/fundamentals/#q-bias-variance"), "bias-variance");
  assert.equal(linkedEntry("../problems/debugging.md#q-val-loss-rises"), "val-loss-rises");
  for (const href of ["https://x.test/round/", "https://x.test/#week-1", "https://x.test/#q-"]) {
    assert.equal(linkedEntry(href), null, href);
  }
});

test("an entry is done once it is anything but new; unknown ones are not", () => {
  const status = { a: "mastered", b: "new", c: "quizzed", d: "due" };
  assert.equal(doneCount(["a", "b", "c", "d", "gone"], (id) => status[id]), 3);
});

test("a stage's dates read as days, and today is found in them", () => {
  assert.equal(datesText({ from: "2026-12-07", to: "2026-12-10" }), "Mon 7 Dec to Thu 10 Dec");
  assert.equal(datesText({ from: "2026-12-07", to: "2026-12-07" }), "Mon 7 Dec");
  assert.ok(isCurrent({ from: "2026-12-07", to: "2026-12-10" }, "2026-12-10"));
  assert.ok(!isCurrent({ from: "2026-12-07", to: "2026-12-10" }, "2026-12-11"));
});
