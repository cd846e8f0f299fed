// A question card's answer far from the screen is not laid out while the page loads
// (guide.css: `content-visibility: auto`), which keeps the theme's start-up task short on a
// phone. But an answer that was never shown keeps a guessed height, and its text, laid out
// when something asks where it is (an accessibility checker, a screen reader's geometry),
// spills past that box over the next card or the footer. So once the page has loaded and
// the main thread is idle, the answers are laid out for good (`qcard__answer--laid`), a
// few at a time in slices far shorter than a long task (50 ms): first paint and start-up
// are untouched, and from then on every card has its real height.

const ANSWER = ".qcard__answer";
export const LAID = "qcard__answer--laid";
// Real milliseconds of layout per slice: a phone's CPU, several times slower, still stays
// well under a long task.
export const SLICE_MS = 8;

let page = 0; // which page's answers are being laid out: instant navigation brings others

function whenIdle(step) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(step, { timeout: 1000 });
  else setTimeout(step, 50);
}

// Lays answers out in document order until the slice's time is spent; at least one a slice.
export function layOut(answers, now = () => performance.now()) {
  const start = now();
  do {
    const answer = answers.shift();
    answer.classList.add(LAID);
    answer.getBoundingClientRect(); // its layout happens here, in this slice, not in one long frame
  } while (answers.length && now() - start < SLICE_MS);
}

// Every page, the first and each one instant navigation brings.
export function onPage() {
  const mine = ++page;
  const answers = [...document.querySelectorAll(`${ANSWER}:not(.${LAID})`)];
  if (!answers.length) return;
  const step = () => {
    if (mine !== page) return;
    layOut(answers);
    if (answers.length) whenIdle(step);
  };
  if (document.readyState === "complete") whenIdle(step);
  else window.addEventListener("load", () => whenIdle(step), { once: true });
}
