// The grade a ticked rubric checklist suggests (the flashcards' checklist after a reveal).
// No DOM here, so `node --test` covers it (tests/frontend/lib/rubric.test.mjs). The
// suggestion only highlights a grade button; the reader still chooses the grade.
//
// The rule, as the flashcards page states it:
// - nothing ticked: no suggestion;
// - any no-hire point ticked (a trap the answer asserted counts as one): No hire;
// - every strong-hire point ticked (an expected key point counts as one) and no lean-hire
//   point: Strong hire;
// - anything else ticked: Lean hire.
// "Didn't know" is never suggested: it is the reader's own call.

// `ticks`: { strong, lean, no }, each a list of booleans (ticked or not), one per point.
export function suggestGrade({ strong = [], lean = [], no = [] }) {
  const any = (list) => list.some(Boolean);
  if (!any(strong) && !any(lean) && !any(no)) return null;
  if (any(no)) return "no_hire";
  if (strong.length > 0 && strong.every(Boolean) && !any(lean)) return "strong_hire";
  return "lean_hire";
}

// The rule in one sentence, for the checklist (the page says it at more length).
export const SUGGESTION_RULE =
  "The suggestion: any no-hire point ticked suggests No hire; every strong-hire point and " +
  "no lean-hire point, Strong hire; anything else ticked, Lean hire. You choose the grade.";
