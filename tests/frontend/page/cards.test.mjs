// The answers of a track page are laid out in short slices once the page is idle
// (frontend/page/cards.js): each slice stops once its time is spent, and does at least one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { LAID, SLICE_MS, layOut } from "../../../frontend/page/cards.js";

function answers(n) {
  const laid = [];
  const list = Array.from({ length: n }, (_, i) => ({
    classList: { add: (name) => laid.push([i, name]) },
    getBoundingClientRect: () => ({}),
  }));
  return { list, laid };
}

// A clock that moves `step` ms each time it is read.
function clock(step) {
  let ms = 0;
  return () => {
    const now = ms;
    ms += step;
    return now;
  };
}

test("a slice lays answers out in order until its time is spent", () => {
  const { list, laid } = answers(10);
  layOut(list, clock(3)); // 3 ms an answer: after 3 and 6 ms it goes on, after 9 it stops
  assert.equal(SLICE_MS, 8);
  assert.deepEqual(laid, [[0, LAID], [1, LAID], [2, LAID]]);
  assert.equal(list.length, 7);
});

test("a slice lays out at least one answer, however slow", () => {
  const { list, laid } = answers(3);
  layOut(list, clock(100));
  assert.deepEqual(laid, [[0, LAID]]);
  assert.equal(list.length, 2);
});

test("the last slice stops when no answer is left", () => {
  const { list, laid } = answers(2);
  layOut(list, clock(0));
  assert.equal(laid.length, 2);
  assert.equal(list.length, 0);
});
