// One live-region announcer for every widget (frontend/lib/announce.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { announcer } from "../../../frontend/lib/announce.js";

test("the region is cleared first, then given the text", async () => {
  const status = { textContent: "old" };
  const say = announcer(status, 5);
  say("Saved.");
  assert.equal(status.textContent, ""); // a fresh text node is what gets announced
  await sleep(20);
  assert.equal(status.textContent, "Saved.");
});

test("the same message twice is announced twice, and the last message wins", async () => {
  const status = { textContent: "" };
  const say = announcer(status, 5);
  say("Pick an option first.");
  await sleep(20);
  say("Pick an option first.");
  assert.equal(status.textContent, "");
  say("Correct.");
  await sleep(20);
  assert.equal(status.textContent, "Correct.");
});

test("a widget without a live region is not an error", () => {
  assert.doesNotThrow(() => announcer(null)("nothing to say"));
});
