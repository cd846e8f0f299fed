// The study plan page as a checklist fitted to the reader: each week (the plan's stages) is
// dated to their interview when they gave one on the home page, the stage they are in is
// marked, and every question and problem a week links shows its status in words (from the
// engine's index_status, the same as the indexes), with the week's count of those done.
// Python starts only for a reader with progress in this browser; without it the page is
// the plan as written.

import { announcer } from "../lib/announce.js";
import { el, errorBox, localDate } from "../lib/dom.js";
import { errorText, plural, tzOffset } from "../lib/format.js";
import { datesText, doneCount, isCurrent, linkedEntry } from "../lib/plan-weeks.js";
import { ready } from "./practice.js";

// Each `#week-N` heading with the question and problem links of its section.
function readWeeks(doc) {
  return [...doc.querySelectorAll("h3[id^='week-']")].map((heading) => {
    const links = [];
    for (let node = heading.nextElementSibling; node && !/^H[1-3]$/.test(node.tagName); node = node.nextElementSibling) {
      for (const a of node.querySelectorAll("a[href*='#q-']")) {
        const id = linkedEntry(a.getAttribute("href"));
        if (id) links.push({ a, id });
      }
    }
    return { heading, stage: Number(heading.id.slice("week-".length)), links };
  });
}

function planText(plan) {
  if (!plan) return "No interview date set: the weeks below are the full four-week plan. Give your date on the home page to fit them to it.";
  if (plan.state === "running") return `Day ${plan.day} of your ${plan.length}-day plan: stage ${plan.stage} of 4, marked below.`;
  if (plan.state === "ahead") return `Your ${plan.weeks}-week plan starts in ${plural(plan.starts_in, "day")}; its dates are below.`;
  return plan.state === "today" ? "Your interview is today." : "The interview date you set has passed.";
}

class PlanTracker {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore } = deps);
    this.deps = deps;
    this.root = root;
    this.line = root.querySelector(".mlw-plan__line");
    this.say = announcer(root.querySelector(".mlw-plan__status"));
    this.weeks = readWeeks(root.ownerDocument);
    this.added = [];
    if (this.progressStore.hasStored()) this.load();
  }

  async load() {
    const body = el("div", { class: "mlw-plan__loading" });
    this.line.after(body);
    try {
      ({ progress: this.progress } = await ready(body, "Loading Python to tick off your plan", this.deps, false));
      body.remove();
      this.unwatch = this.progressStore.onChange((progress) => {
        this.progress = progress;
        this.draw().catch((error) => this.say(`Error: ${errorText(error)}`));
      });
      await this.draw();
    } catch (error) {
      body.replaceChildren(errorBox(errorText(error), () => {
        body.remove();
        this.load();
      }));
    }
  }

  async draw() {
    const args = { progress: this.progress, now_ms: Date.now(), tz_offset_min: tzOffset() };
    const [plan, status] = await Promise.all([
      this.py.call("plan", args),
      this.py.call("index_status", { ...args, exercise_ids: [] }),
    ]);
    for (const node of this.added) node.remove();
    this.added = [];
    const statusOf = (id) => status.questions[id] ?? status.problems[id]?.status;
    const label = (id) => status.labels.questions[statusOf(id)] ?? status.labels.problems[statusOf(id)];
    const stages = plan?.stages ?? [];
    const today = localDate();
    for (const week of this.weeks) this.drawWeek(week, stages[week.stage - 1], today, statusOf, label);
    this.line.textContent = planText(plan);
  }

  drawWeek(week, dates, today, statusOf, label) {
    const ids = [...new Set(week.links.map((l) => l.id))];
    const parts = [];
    if (dates) parts.push(`Your dates: ${datesText(dates)}${isCurrent(dates, today) ? " (you are here)" : ""}.`);
    if (ids.length) parts.push(`Done: ${doneCount(ids, statusOf)} of ${ids.length} questions and problems listed.`);
    const line = el("p", { class: `mlw-plan__week${dates && isCurrent(dates, today) ? " is-current" : ""}`, text: parts.join(" ") });
    week.heading.after(line);
    this.added.push(line);
    for (const { a, id } of week.links) {
      const state = statusOf(id);
      if (!state || state === "new") continue;
      const mark = el("span", { class: `mlw-plan__mark mlw-plan__mark--${state}`, text: ` (${state === "mastered" ? "✓ " : ""}${label(id)})` });
      a.after(mark);
      this.added.push(mark);
    }
  }
}

export function mount(root, deps) {
  const widget = new PlanTracker(root, deps);
  return () => widget.unwatch?.();
}
