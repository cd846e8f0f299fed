// What a running mock round shows (mock.js decides when): the frame with the round clock
// and the end and discard buttons, and, for the question on its stage, the time target
// (counting down, then how far over it the reader is) and the interviewer's follow-up
// probes, revealed one at a time.

import { Countdown } from "../lib/countdown.js";
import { el, richText } from "../lib/dom.js";
import { mmss } from "../lib/format.js";

// The round's frame: the clock's line, the stage for the question, the buttons.
export function roundFrame(left, { onEnd, onDiscard }) {
  const clockValue = el("span", { class: "mlw-mock__clock-value", text: mmss(left) });
  const stage = el("div", { class: "mlw-mock__stage" });
  const button = (cls, text, onclick) => el("button", { type: "button", class: `md-button ${cls}`, text, onclick });
  const nodes = [
    el("p", { class: "mlw-mock__clock" }, "Round clock: ", clockValue, " left"),
    stage,
    el("p", {}, button("mlw-mock__end", "End the round now", onEnd), " ",
      button("mlw-mock__discard", "Discard this round", onDiscard)),
  ];
  return { nodes, clockValue, stage };
}

// The line with the question's time target and the countdown that updates it (null when
// the question has none); the countdown runs from `askedMs`, when the question was asked.
export function questionClock(q, askedMs, root) {
  const target = q.target_seconds;
  if (!target) return { line: el("p", { class: "mlw-mock__target", text: "No time target for this question." }), timer: null };
  const value = el("span", { class: "mlw-mock__target-value", text: mmss(target) });
  const line = el("p", { class: "mlw-mock__target" }, `Time target ${q.time_target}: `, value);
  const timer = new Countdown(target - (Date.now() - askedMs) / 1000, {
    root,
    onTick: (left) => {
      value.textContent = left > 0 ? `${mmss(left)} left` : `${mmss(-left)} over the target`;
      line.classList.toggle("is-over", left <= 0);
    },
  }).start();
  return { line, timer };
}

// The probes box: the first `shown` probes already out (those shown before a reload), and
// a button for the next; `onReveal(count)` hears how many are out after each click.
export function probeList(followups, shown, onReveal) {
  const list = el("ol", { class: "mlw-probes" });
  const box = el("div", { class: "mlw-mock__probes" }, el("h4", { text: "The interviewer's follow-up probes" }), list);
  if (!followups.length) {
    box.append(el("p", { text: "This question has no follow-up probes." }));
    return box;
  }
  const button = el("button", { type: "button", class: "md-button mlw-mock__probe" });
  const noMore = () => el("p", { class: "mlw-mock__no-more", text: "No more probes." });
  const label = () => `Next probe (${list.children.length + 1} of ${followups.length})`;
  const reveal = (n) => list.append(el("li", { tabindex: -1 }, richText(followups[n])));
  for (let n = 0; n < shown; n += 1) reveal(n);
  button.textContent = label();
  button.addEventListener("click", () => {
    const before = list.children.length;
    reveal(before);
    onReveal(before + 1);
    if (before + 1 < followups.length) {
      button.textContent = label();
      return;
    }
    // The last probe: the button has nothing left to do, so focus goes to the probe
    // itself rather than being dropped on the body.
    button.replaceWith(noMore());
    list.lastElementChild.focus();
  });
  box.append(shown < followups.length ? el("p", {}, button) : noMore());
  return box;
}
