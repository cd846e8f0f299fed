// Each question's ladder of answers by level marks the reader's target level, in words
// and not by colour alone. It reads the stored settings without Python (a display hint,
// never written back); see lib/target-level.js for when a level counts as chosen.

import { el } from "../lib/dom.js";
import { targetLevel } from "../lib/target-level.js";

const STEP = ".qladder__step[data-level]";

// Every page, the first and each one instant navigation brings.
export function onPage(progressStore) {
  const steps = [...document.querySelectorAll(STEP)];
  if (!steps.length) return;
  const levels = [...new Set(steps.map((s) => s.dataset.level))];
  const target = targetLevel(progressStore.storedSettings(), levels);
  for (const step of steps) {
    const mine = step.dataset.level === target;
    step.classList.toggle("is-target", mine);
    step.querySelector(".qladder__target")?.remove();
    if (mine) step.querySelector(".qladder__level")?.append(el("span", { class: "qladder__target", text: "your target level" }));
  }
}
