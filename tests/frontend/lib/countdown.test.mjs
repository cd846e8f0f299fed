// The countdown reads the clock on every tick (frontend/lib/countdown.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { Countdown } from "../../../frontend/lib/countdown.js";

function clock(start) {
  const c = { ms: start, now: () => c.ms };
  return c;
}

test("the time left follows the clock, not the number of ticks", () => {
  const c = clock(1_000_000);
  const seen = [];
  const timer = new Countdown(60, { onTick: (left) => seen.push(left), now: c.now }).start();
  timer.stop(); // ticks are driven by hand below
  c.ms += 45_000; // a background tab: one late tick after 45 s
  timer.tick();
  assert.deepEqual(seen, [60, 15]);
});

test("onEnd runs once, when the time is up", () => {
  const c = clock(0);
  let ended = 0;
  const timer = new Countdown(2, { onTick() {}, onEnd: () => (ended += 1), now: c.now }).start();
  timer.stop();
  c.ms = 1_000;
  timer.tick();
  assert.equal(ended, 0);
  c.ms = 2_500;
  timer.tick();
  timer.tick();
  assert.equal(ended, 1);
});

test("a countdown whose widget left the page stops by itself", () => {
  const root = { isConnected: true };
  const c = clock(0);
  let ticks = 0;
  const timer = new Countdown(10, { onTick: () => (ticks += 1), root, now: c.now }).start();
  root.isConnected = false;
  timer.tick();
  assert.equal(ticks, 1); // only the first tick, from start()
});
