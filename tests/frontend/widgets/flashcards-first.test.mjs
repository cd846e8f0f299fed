// What happens to the flashcard drawn from the page once the engine's queue is in
// (frontend/widgets/flashcards-first.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { adoption } from "../../../frontend/widgets/flashcards-first.js";

test("the engine's own first card is kept", () => {
  assert.equal(adoption({ shownId: "a", wantedId: "a", touched: false }), "keep");
});

test("an untouched card the engine would not start with is replaced", () => {
  assert.equal(adoption({ shownId: "a", wantedId: "due", touched: false }), "replace");
});

test("a card the reader answered or revealed stays, whatever the engine wants", () => {
  assert.equal(adoption({ shownId: "a", wantedId: "due", touched: true }), "keep");
  assert.equal(adoption({ shownId: "a", wantedId: null, touched: true }), "keep");
});

test("nothing for today and an untouched card: the queue's idle view", () => {
  assert.equal(adoption({ shownId: "a", wantedId: null, touched: false }), "idle");
});
