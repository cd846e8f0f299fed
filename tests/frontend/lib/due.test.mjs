import assert from "node:assert/strict";
import { test } from "node:test";
import { dueCount, dueText, parseDue } from "../../../frontend/lib/due.js";

test("kept due times read back as they were written", () => {
  assert.deepEqual(parseDue(dueText([1, 5, 9])), [1, 5, 9]);
});

test("what is missing, unreadable or of another version reads as nothing", () => {
  for (const raw of [null, "", "{", "[]", '{"version":2,"due":[1]}', '{"version":1,"due":[1,"x"]}',
    '{"version":1,"due":{}}', '{"version":1,"due":[null]}']) {
    assert.equal(parseDue(raw), null, raw);
  }
});

test("a time counts once it has come, not before", () => {
  assert.equal(dueCount([10, 20, 30], 9), 0);
  assert.equal(dueCount([10, 20, 30], 20), 2);
  assert.equal(dueCount([10, 20, 30], 99), 3);
});
