// Today's session as the page keeps it between pages: the steps the Today panel chained
// (flashcards, a quiz, a practice problem), the one the reader is on, when it started and,
// once finished, when. It is a route through pages, not study data (the engine's
// session_summary reads what was done from the progress), so a copy that cannot be read
// is dropped, not backed up. Links are checked again when read: only the site's own pages.

import { siteHref } from "./dom.js";

export const SESSION_VERSION = 1;
export const SESSION = "today-session"; // its slot in the page store
const MAX_STEPS = 6;

const isTime = (t) => Number.isInteger(t) && t >= 0;

function validSteps(steps, inside) {
  if (!Array.isArray(steps) || steps.length === 0 || steps.length > MAX_STEPS) return null;
  const out = [];
  for (const step of steps) {
    const href = typeof step?.href === "string" ? inside(step.href) : null;
    if (!href || typeof step.text !== "string" || !step.text) return null;
    out.push({ href, text: step.text });
  }
  return out;
}

// The kept text -> the session, or null when there is none or it is not readable.
// `inside(href)` returns the link when it stays on this site, else null (dom.siteHref).
export function parseSession(raw, inside) {
  let data;
  try {
    data = JSON.parse(raw ?? "null");
  } catch {
    return null;
  }
  if (data?.version !== SESSION_VERSION || !isTime(data.started_ms)) return null;
  const steps = validSteps(data.steps, inside);
  if (!steps || !Number.isInteger(data.at) || data.at < 0 || data.at >= steps.length) return null;
  const finished = data.finished_ms ?? null;
  if (finished !== null && !(isTime(finished) && finished >= data.started_ms)) return null;
  return { version: SESSION_VERSION, started_ms: data.started_ms, steps, at: data.at, finished_ms: finished };
}

export const newSession = (steps, now) => ({
  version: SESSION_VERSION, started_ms: now, steps, at: 0, finished_ms: null,
});

// The next step, or the session finished at `now` after its last.
export function advance(session, now) {
  if (session.at + 1 < session.steps.length) return { ...session, at: session.at + 1 };
  return { ...session, finished_ms: now };
}

export const isRunning = (session) => Boolean(session) && session.finished_ms === null;

// The session kept in `store` (the page store), its links checked against this site.
export const readSession = (store) => parseSession(store.read(SESSION), (href) => siteHref(href));
