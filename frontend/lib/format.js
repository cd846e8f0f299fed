// Words and numbers as the widgets show them. Pure functions of their arguments (and of
// the reader's time zone), so `node --test` checks them without a browser
// (tests/frontend/).

const DAY_MS = 86_400_000;

// Minutes east of UTC, as the engine counts local days.
export const tzOffset = () => -new Date().getTimezoneOffset();

// The reader's local calendar day of `ms`, as a day number.
export const localDay = (ms) => Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / DAY_MS);

export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const percent = (share) => `${Math.round(share * 100)}%`;

// 183 -> "03:03"; never negative (callers say "over" themselves).
export function mmss(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

// A question's time against its target (the mock round): "02:15 of a 03:00 target",
// "04:20, 01:20 over the 03:00 target", or the time alone when there is no target.
export function timeAgainstTarget(seconds, target) {
  if (seconds == null) return "Time not recorded";
  if (!target) return `${mmss(seconds)} (no target)`;
  if (seconds <= target) return `${mmss(seconds)} of a ${mmss(target)} target`;
  return `${mmss(seconds)}, ${mmss(seconds - target)} over the ${mmss(target)} target`;
}

// "26 Nov", with the year only when it is not this year's.
export function dateWords(ms, nowMs = Date.now()) {
  const sameYear = new Date(ms).getFullYear() === new Date(nowMs).getFullYear();
  const options = { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) };
  return new Intl.DateTimeFormat("en-GB", options).format(new Date(ms));
}

// "Next review in 3 days, on 26 Nov." Days count local calendar days, so a card due
// tomorrow morning is "in 1 day" even if fewer than 24 hours are left.
export function dueWords(dueMs, nowMs) {
  if (dueMs == null) return "No more reviews: this card has passed every checkpoint.";
  if (dueMs <= nowMs) return "Due again now.";
  const days = localDay(dueMs) - localDay(nowMs);
  if (days >= 1) return `Next review in ${plural(days, "day")}, on ${dateWords(dueMs, nowMs)}.`;
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" }).format(new Date(dueMs));
  const minutes = Math.max(1, Math.round((dueMs - nowMs) / 60_000));
  const span = minutes < 60 ? plural(minutes, "minute") : plural(Math.round(minutes / 60), "hour");
  return `Next review in ${span}, on ${dateWords(dueMs, nowMs)} at ${time}.`;
}

// The wait before a card comes back, as a grade button shows it: short ("10 min", "2 d",
// "3 wk", "4 mo", "1.5 y") and in words for its accessible name ("10 minutes"). Rounded
// to the nearest unit, never below one minute; weeks from 14 days, months from 8 weeks.
export function interval(ms) {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const days = ms / DAY_MS;
  const unit = (n, short, long) => ({ short: `${n} ${short}`, long: plural(n, long) });
  if (minutes < 60) return unit(minutes, "min", "minute");
  if (minutes < 24 * 60) return unit(Math.round(minutes / 60), "h", "hour");
  if (days < 13.5) return unit(Math.max(1, Math.round(days)), "d", "day");
  if (days < 56) return unit(Math.round(days / 7), "wk", "week");
  if (days < 365) return unit(Math.max(2, Math.round(days / 30.44)), "mo", "month");
  const years = Math.round((days / 365.25) * 10) / 10;
  return { short: `${years} y`, long: `${years} year${years === 1 ? "" : "s"}` };
}

// What a widget says when a call failed: a time-out in words, anything else as its message.
export function errorText(error) {
  return error?.name === "PyTimeoutError" ? "Python took too long and was restarted." : String(error?.message ?? error);
}
