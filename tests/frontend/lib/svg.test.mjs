// The calendar-date words of the progress page's charts (frontend/lib/svg.js): an engine
// day ("2026-01-05") is a calendar date, so it reads the same in every time zone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dayMonth, monthShort, weekdayShort } from "../../../frontend/lib/svg.js";

test("an engine day is named by its own weekday, day and month", () => {
  assert.equal(weekdayShort("2026-01-05"), "Mon");
  assert.equal(weekdayShort("2026-01-01"), "Thu");
  assert.equal(dayMonth("2025-12-31"), "31 Dec");
  assert.equal(monthShort("2025-12-31"), "Dec");
});

test("the words do not move with the reader's time zone", () => {
  const before = process.env.TZ;
  for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]) {
    process.env.TZ = zone;
    assert.equal(dayMonth("2026-03-01"), "1 Mar", zone);
    assert.equal(weekdayShort("2026-03-01"), "Sun", zone);
  }
  process.env.TZ = before;
});
