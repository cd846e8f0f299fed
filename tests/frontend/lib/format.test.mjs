// The words and numbers the widgets show (frontend/lib/format.js), without a browser.
import assert from "node:assert/strict";
import { test } from "node:test";

process.env.TZ = "UTC"; // before any date is made: local days are UTC days here
const { dateWords, dueWords, errorText, localDay, mmss, percent, plural } = await import(
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
