import assert from "node:assert/strict";
import { test } from "node:test";

import { targetLevel } from "../../../frontend/lib/target-level.js";

const LEVELS = ["L3", "L4", "L5", "L6+"];

test("the level counts once the reader told the guide about their interview", () => {
  assert.equal(targetLevel({ level: "L5", interview_date: "2027-01-04", role: null }, LEVELS), "L5");
  assert.equal(targetLevel({ level: "L6+", interview_date: null, role: "mle" }, LEVELS), "L6+");
});

test("a default level nobody chose, or nothing readable, marks no step", () => {
  assert.equal(targetLevel({ level: "L4", interview_date: null, role: null }, LEVELS), null);
  assert.equal(targetLevel({ level: "L4" }, LEVELS), null);
  assert.equal(targetLevel(null, LEVELS), null);
  assert.equal(targetLevel("L5", LEVELS), null);
});

test("only a level the ladder on the page has", () => {
  assert.equal(targetLevel({ level: "L9", role: "mle" }, LEVELS), null);
  assert.equal(targetLevel({ level: "<b>", role: "mle" }, LEVELS), null);
  assert.equal(targetLevel({ level: "L5", role: "mle" }, ["L3", "L4"]), null);
});
