// While today's session runs, every page carries a bar at the top of its content: which
// step the reader is on (linked, should they wander off), one button to the next step
// (the last one finishes the session and goes back to the Today panel, which sums it up)
// and a quiet "End session". The session is kept in storage (lib/session.js), so the bar
// follows the reader through instant navigation, reloads and other tabs.

import { el, siteHref } from "../lib/dom.js";
import { advance, isRunning, readSession, SESSION } from "../lib/session.js";

export const SUMMARY_ANCHOR = "today-title"; // the Today panel's heading, on the home page

let store = null;

function nextButton(session) {
  const last = session.at + 1 === session.steps.length;
  const href = last ? `${siteHref("")}#${SUMMARY_ANCHOR}` : session.steps[session.at + 1].href;
  const text = last ? "Finish the session" : `Next: ${session.steps[session.at + 1].text}`;
  return el("a", {
    class: "md-button md-button--primary mlw-session__next", href, text,
    // written before the link is followed, so the next page finds the session moved on
    onclick: () => store.write(SESSION, JSON.stringify(advance(session, Date.now()))),
  });
}

function bar(session) {
  const step = session.steps[session.at];
  return el("nav", { class: "mlw-session", "aria-label": "Today's session" },
    el("p", { class: "mlw-session__where" },
      el("strong", { text: "Today's session" }),
      ` · Step ${session.at + 1} of ${session.steps.length}: `,
      el("a", { href: step.href, text: step.text })),
    el("p", { class: "mlw-session__actions" }, nextButton(session), " ",
      el("button", {
        type: "button", class: "mlw-linkbutton mlw-session__end", text: "End session",
        onclick: () => {
          store.remove(SESSION);
          draw();
        },
      })));
}

function draw() {
  const article = document.querySelector("article.md-content__inner");
  if (!store || !article) return;
  article.querySelector(":scope > .mlw-session")?.remove();
  const session = readSession(store);
  if (isRunning(session)) article.prepend(bar(session));
}

export function start(deps) {
  ({ store } = deps);
  store.watch(SESSION, draw);
}

// Every page, the first and each one instant navigation brings.
export const onPage = draw;
