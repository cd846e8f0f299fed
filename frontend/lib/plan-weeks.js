// The study plan page's weeks as the tracker reads them: each week's heading (`#week-N`)
// and the questions and problems it links (`#q-<id>` anchors on track and problem pages),
// and the words for a week's dates. Pure, so `node --test` covers it.

// "#q-bias-variance" -> "bias-variance"; null for any other link.
export function linkedEntry(href) {
  const hash = String(href).split("#")[1] ?? "";
  return hash.startsWith("q-") && hash.length > 2 ? hash.slice(2) : null;
}

// How many of `ids` are done: anything but "new" (graded at least once, or quizzed).
export function doneCount(ids, statusOf) {
  return ids.filter((id) => (statusOf(id) ?? "new") !== "new").length;
}

// "2026-12-07" -> a Date at local midnight of that calendar day.
const localDay = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
};

// { from, to } ISO dates -> "Mon 7 Dec to Thu 10 Dec".
export function datesText({ from, to }) {
  const words = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });
  return from === to ? words.format(localDay(from)) : `${words.format(localDay(from))} to ${words.format(localDay(to))}`;
}

// Whether `today` (ISO) falls in the stage's dates.
export const isCurrent = ({ from, to }, today) => from <= today && today <= to;
