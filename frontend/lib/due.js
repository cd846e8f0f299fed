// The due times the engine last computed (its `due_times` op), as the page keeps them so
// the header can count what has fallen due on any page without starting Python. The list
// is derived data: it is recomputed whenever the progress changes, so a copy that cannot
// be read is ignored rather than backed up (nothing of the reader's is in it).

export const DUE_VERSION = 1;

// The kept text -> sorted due times (ms), or null when it is missing or not ours.
export function parseDue(raw) {
  let data;
  try {
    data = JSON.parse(raw ?? "null");
  } catch {
    return null;
  }
  if (data?.version !== DUE_VERSION || !Array.isArray(data.due)) return null;
  return data.due.every((t) => Number.isFinite(t)) ? data.due : null;
}

export const dueText = (due) => JSON.stringify({ version: DUE_VERSION, due });

// How many of `due` have fallen due at `now` (ms).
export const dueCount = (due, now) => due.filter((t) => t <= now).length;
