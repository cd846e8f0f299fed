// The header's due badge: how many flashcards have fallen due, on every page, linked to
// the flashcards. It never starts Python. The engine's due times (`due_times` op) are kept
// in storage whenever this tab loads or writes the progress (both need Python, so it is up),
// and the badge counts those that have passed: a due time only moves when the progress
// changes, and every write is followed by a new list. Another tab's work is written, and
// listed, by that tab; its list arrives here by `storage` event.

import { el, siteHref } from "../lib/dom.js";
import { dueCount, dueText, parseDue } from "../lib/due.js";
import { plural, tzOffset } from "../lib/format.js";

const KEPT = "due-times";
const RECOUNT_MS = 60_000; // a card falls due as time passes, with no event to say so

let deps = null;

function badge() {
  const header = document.querySelector(".md-header__inner");
  if (!header) return null;
  let link = header.querySelector(".mlw-due");
  if (!link) {
    link = el("a", { class: "mlw-due", href: siteHref("drill/flashcards/"), hidden: true });
    header.insertBefore(link, header.querySelector(".md-search") ?? null);
  }
  return link;
}

function draw() {
  const link = deps && badge();
  if (!link) return;
  const due = parseDue(deps.store.read(KEPT));
  const count = due ? dueCount(due, Date.now()) : 0;
  link.hidden = count === 0;
  link.textContent = `${count} due`;
  link.setAttribute("aria-label", `${count} due: ${plural(count, "flashcard")} to review`);
  link.title = link.getAttribute("aria-label");
}

async function keep(progress) {
  if (!deps.py.isReady || !progress) return; // a badge is no reason to start Python
  try {
    const due = await deps.py.call("due_times", { progress, tz_offset_min: tzOffset() });
    deps.store.write(KEPT, dueText(due));
  } catch {
    return; // the badge keeps its last count; the widget at work shows the error
  }
  draw();
}

export function start(given) {
  deps = given;
  deps.progressStore.onKept((progress) => keep(progress));
  deps.store.watch(KEPT, draw);
  setInterval(draw, RECOUNT_MS);
}

// Every page, the first and each one instant navigation brings.
export const onPage = draw;
