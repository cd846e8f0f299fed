// Pure helpers of the answer-feedback checklist: when the feedback disagrees strongly
// with a self-grade, and how a hit's sentence is cut into plain and highlighted pieces.
// No DOM here, so `node --test` covers them (tests/frontend/lib/feedback.test.mjs).

// Self-grades from strongest to weakest, as practice_engine/vocab.py orders them.
const TOP = "strong_hire";
const PASSING = new Set(["strong_hire", "lean_hire"]);
const LOW = new Set(["no_hire", "didnt_know"]);

// Whether `feedback` (the engine's `feedback` op result) disagrees strongly with `grade`,
// and why, as { kind, missed, expected, traps } or null. "Strongly" means one of:
// - a passing grade (strong or lean hire) while the answer asserted a trap: the worst
//   slip an interviewer hears, whatever else was said;
// - the top grade with at least half of the points expected at the reader's level missed;
// - a failing grade (no hire, didn't know) on an answer that made every expected point
//   (at least three of them) and asserted no trap: the reader may be selling it short.
// Nothing to compare (no typed answer, no key points, feedback not in yet): null.
export function disagreement(grade, feedback) {
  if (!feedback?.available || !(feedback.words > 0)) return null;
  const expected = feedback.expected ?? 0;
  const hit = feedback.hit ?? 0;
  const missed = expected - hit;
  const traps = (feedback.traps ?? []).filter((t) => t.asserted).length;
  const facts = { missed, expected, traps };
  if (traps > 0 && PASSING.has(grade)) return { kind: "trap", ...facts };
  if (grade === TOP && expected > 0 && 2 * missed >= expected) return { kind: "missed", ...facts };
  if (LOW.has(grade) && traps === 0 && expected >= 3 && missed === 0) return { kind: "under", ...facts };
  return null;
}

// The gentle sentence the widget shows (and announces) for a disagreement.
export function disagreementText(d, gradeLabel) {
  const points = `${d.expected - d.missed} of the ${d.expected} key points expected at your level`;
  if (d.kind === "trap") {
    const what = d.traps === 1 ? "a claim the rubric lists as a trap" : `${d.traps} claims the rubric lists as traps`;
    return `You chose ${gradeLabel}, but your answer seems to make ${what}. An interviewer would likely probe that. Save ${gradeLabel} anyway, or choose again?`;
  }
  if (d.kind === "missed") {
    return `You chose ${gradeLabel}, but your typed answer made ${points}. Save ${gradeLabel} anyway, or choose again?`;
  }
  return `You chose ${gradeLabel}, yet your typed answer made all ${d.expected} key points expected at your level and no trap. Save ${gradeLabel} anyway, or choose again?`;
}

// The sentence [start, end) of `text` cut into pieces { text, mark }, marking the parts
// covered by `spans` ([start, end) pairs, UTF-16 offsets into `text`, as the engine
// gives them; overlapping or out-of-range spans are clipped and merged).
export function pieces(text, [start, end], spans = []) {
  const inside = spans
    .map(([a, b]) => [Math.max(a, start), Math.min(b, end)])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const [a, b] of inside) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const out = [];
  let at = start;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < end) out.push({ text: text.slice(at, end), mark: false });
  return out;
}

// The sentences (as [start, end]) that a hit's sentence indices point at, skipping any
// the answer does not have.
export function sentencesOf(feedback, indices = []) {
  return indices.map((i) => feedback.sentences?.[i]).filter(Array.isArray);
}
