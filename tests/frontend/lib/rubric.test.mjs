// The grade a ticked rubric checklist suggests (frontend/lib/rubric.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { suggestGrade } from "../../../frontend/lib/rubric.js";

test("nothing ticked suggests nothing", () => {
  assert.equal(suggestGrade({ strong: [false, false], lean: [false], no: [false] }), null);
  assert.equal(suggestGrade({}), null);
});

test("any no-hire point ticked suggests No hire, whatever else is ticked", () => {
  assert.equal(suggestGrade({ strong: [true, true], lean: [], no: [false, true] }), "no_hire");
  assert.equal(suggestGrade({ strong: [], lean: [], no: [true] }), "no_hire");
});

test("every strong-hire point and no lean-hire point suggests Strong hire", () => {
  assert.equal(suggestGrade({ strong: [true, true, true], lean: [false], no: [false] }), "strong_hire");
});

test("a lean-hire point ticked keeps a full strong row at Lean hire", () => {
  assert.equal(suggestGrade({ strong: [true, true], lean: [true], no: [false] }), "lean_hire");
});

test("some strong-hire points, or lean-hire points alone, suggest Lean hire", () => {
  assert.equal(suggestGrade({ strong: [true, false], lean: [false], no: [false] }), "lean_hire");
  assert.equal(suggestGrade({ strong: [false, false], lean: [true], no: [] }), "lean_hire");
});

test("an empty strong row never suggests Strong hire", () => {
  assert.equal(suggestGrade({ strong: [], lean: [true], no: [] }), "lean_hire");
});
