// The words and numbers the widgets show (frontend/lib/format.js), without a browser.
import assert from "node:assert/strict";
import { test } from "node:test";

process.env.TZ = "UTC"; // before any date is made: local days are UTC days here
const { dateWords, dueWords, errorText, localDay, mmss, percent, plural, timeAgainstTarget } = await import(
  "../../../frontend/lib/format.js"
);

const at = (iso) => Date.parse(iso);

test("mmss pads, rounds up and never goes negative", () => {
  assert.equal(mmss(183), "03:03");
  assert.equal(mmss(59.2), "01:00");
  assert.equal(mmss(0), "00:00");
  assert.equal(mmss(-12), "00:00");
  assert.equal(mmss(45 * 60), "45:00");
});

test("a mock question's time is said against its target, over it, or alone", () => {
  assert.equal(timeAgainstTarget(135, 180), "02:15 of a 03:00 target");
  assert.equal(timeAgainstTarget(180, 180), "03:00 of a 03:00 target");
  assert.equal(timeAgainstTarget(260, 180), "04:20, 01:20 over the 03:00 target");
  assert.equal(timeAgainstTarget(42, null), "00:42 (no target)");
  assert.equal(timeAgainstTarget(null, 180), "Time not recorded");
});

test("plural and percent", () => {
  assert.equal(plural(1, "card"), "1 card");
  assert.equal(plural(0, "card"), "0 cards");
  assert.equal(plural(3, "day"), "3 days");
  assert.equal(percent(0.456), "46%");
  assert.equal(percent(1), "100%");
});

test("local days count calendar days, not 24-hour spans", () => {
  assert.equal(localDay(at("2026-03-02T23:59:00Z")) + 1, localDay(at("2026-03-03T00:01:00Z")));
});

test("dateWords names the year only when it is not this year's", () => {
  const now = at("2026-03-02T12:00:00Z");
  assert.equal(dateWords(at("2026-11-26T09:00:00Z"), now), "26 Nov");
  assert.equal(dateWords(at("2027-01-05T09:00:00Z"), now), "5 Jan 2027");
});

test("dueWords: past, minutes, hours and days", () => {
  const now = at("2026-03-02T12:00:00Z");
  assert.equal(dueWords(null, now), "No more reviews: this card has passed every checkpoint.");
  assert.equal(dueWords(now - 1, now), "Due again now.");
  assert.equal(dueWords(now + 10 * 60_000, now), "Next review in 10 minutes, on 2 Mar at 12:10.");
  assert.equal(dueWords(now + 30_000, now), "Next review in 1 minute, on 2 Mar at 12:00.");
  assert.equal(dueWords(now + 3 * 3_600_000, now), "Next review in 3 hours, on 2 Mar at 15:00.");
  // Tomorrow morning is "in 1 day", although fewer than 24 hours are left.
  assert.equal(dueWords(at("2026-03-03T08:00:00Z"), now), "Next review in 1 day, on 3 Mar.");
  assert.equal(dueWords(at("2026-03-09T08:00:00Z"), now), "Next review in 7 days, on 9 Mar.");
});

test("errorText says a time-out in words and anything else as its message", () => {
  const timeout = Object.assign(new Error("stopped after 5 s"), { name: "PyTimeoutError" });
  assert.equal(errorText(timeout), "Python took too long and was restarted.");
  assert.equal(errorText(new Error("boom")), "boom");
  assert.equal(errorText("plain"), "plain");
  assert.equal(errorText(undefined), "undefined");
});

test("interval: the wait before a card comes back, short and in words", async () => {
  const { interval } = await import("../../../frontend/lib/format.js");
  const MIN = 60_000;
  const DAY = 86_400_000;
  const cases = [
    [0, "1 min", "1 minute"], // never "0 min": the card is back in under a minute
    [20_000, "1 min", "1 minute"],
    [10 * MIN, "10 min", "10 minutes"],
    [59 * MIN, "59 min", "59 minutes"],
    [60 * MIN, "1 h", "1 hour"],
    [5.4 * 60 * MIN, "5 h", "5 hours"],
    [23.9 * 60 * MIN, "24 h", "24 hours"],
    [DAY, "1 d", "1 day"],
    [2.4 * DAY, "2 d", "2 days"],
    [13 * DAY, "13 d", "13 days"],
    [14 * DAY, "2 wk", "2 weeks"],
    [21 * DAY, "3 wk", "3 weeks"],
    [55 * DAY, "8 wk", "8 weeks"],
    [56 * DAY, "2 mo", "2 months"],
    [120 * DAY, "4 mo", "4 months"],
    [364 * DAY, "12 mo", "12 months"],
    [365.25 * DAY, "1 y", "1 year"],
    [548 * DAY, "1.5 y", "1.5 years"],
  ];
  for (const [ms, short, long] of cases) assert.deepEqual(interval(ms), { short, long }, `${ms} ms`);
});

test("interval grows with the wait: a later due never reads shorter", async () => {
  const { interval } = await import("../../../frontend/lib/format.js");
  const order = ["min", "h", "d", "wk", "mo", "y"];
  let last = [0, 0];
  for (let ms = 0; ms < 800 * 86_400_000; ms += 3_600_000 * 7) {
    const [n, unit] = interval(ms).short.split(" ");
    const key = [order.indexOf(unit), Number(n)];
    assert.ok(key[0] > last[0] || (key[0] === last[0] && key[1] >= last[1]), interval(ms).short);
    last = key;
  }
});
