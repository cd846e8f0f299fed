// The home page's "Today" panel: where the reader stands in the study plan fitted to their
// interview date, what is due, and the one thing to do next. Every number comes from the
// engine's `dashboard` op (its `plan` from practice_engine/plan.py); the interview itself
// (date, role, level) is saved with set_profile into the reader's progress, so it travels
// with an export.
//
// The home page is for reading first: Python starts here only for a reader who has
// progress in this browser, or who saves the form. A first visit keeps the build's static
// first session and the form (no layout shift); "Skip for now" hides the form for good,
// with a button on the panel to bring it back. The session's links are the build's (MkDocs
// checks them); the script only words them from the reader's progress.

import { announcer } from "../lib/announce.js";
import { el, errorBox, localDate, siteHref } from "../lib/dom.js";
import { errorText, plural, tzOffset } from "../lib/format.js";
import { ready, showNotices, stats } from "./practice.js";
import { finishedToday, sessionAction, sessionRoute, summaryBlock } from "./today-session.js";

const SKIPPED = "today-skipped"; // the reader skipped the interview form on this browser

function link(path, text) {
  return el("a", { href: siteHref(path), text });
}

// One sentence (and a link into the study plan while it runs) for each plan state.
function planLine(plan) {
  if (!plan) {
    return el("p", {}, "No interview date set: follow ",
      link("study/plan/#week-1", "the four-week study plan"), " from its first week.");
  }
  const left = plural(plan.days_left, "day");
  switch (plan.state) {
    case "past":
      return el("p", { text: "The interview date you set has passed. Set the next one to plan again." });
    case "today":
      return el("p", { text: "Your interview is today. Skim your weakest answers, then rest. Good luck." });
    case "ahead":
      return el("p", {
        text: `Your interview is in ${left}. Your ${plan.weeks}-week plan starts in ` +
          `${plural(plan.starts_in, "day")}; until then, keep your reviews going.`,
      });
    default:
      return el("p", {},
        el("strong", { text: `Day ${plan.day} of your ${plan.length}-day plan` }),
        `, ${left} before your interview. This is `,
        link(`study/plan/#week-${plan.stage}`, `stage ${plan.stage} of the study plan`), ".");
  }
}

// The session: due and new cards first, then a quiz on the weakest track, then a problem,
// worded from the reader's progress; `hrefs` are the build's links for the three steps.
function sessionSteps(data, hrefs) {
  const cards = data.due_now + data.new_left_today;
  const weakest = data.weakest?.title;
  const texts = [
    cards
      ? `Review your flashcards: ${data.due_now} due, ${data.new_left_today} new.`
      : "No flashcards are due: review a few ahead of time or start new ones tomorrow.",
    weakest ? `Take a short quiz on ${weakest}, your weakest track.` : "Take a short quiz.",
    "Work through one practice problem aloud against its time target.",
  ];
  return sessionRoute(hrefs, texts, data.weakest?.track, data.weakest?.core ?? true);
}

const stepList = (steps) => el("ol", { class: "mlw-today__steps" },
  steps.map(({ href, text }) => el("li", {}, el("a", { href, text }))));

class Today {
  constructor(root, deps) {
    ({ py: this.py, progressStore: this.progressStore, store: this.store } = deps);
    this.deps = deps;
    this.root = root;
    this.body = root.querySelector(".mlw-today__body");
    this.form = root.querySelector(".mlw-today__profile");
    this.date = this.form.querySelector("#today-date");
    this.dateError = this.form.querySelector("#today-date-error");
    this.change = root.querySelector(".mlw-today__change");
    const links = [...this.body.querySelectorAll("ol a")];
    this.hrefs = links.map((a) => a.href);
    // a first visit's static session: the build's start link, made to keep the session
    const steps = sessionRoute(this.hrefs, links.map((a) => a.textContent), null);
    this.body.querySelector(".mlw-today__start")?.parentElement.replaceWith(sessionAction(this.store, steps));
    this.say = announcer(root.querySelector(".mlw-today__status"));
    this.progress = null;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.saveProfile();
    });
    this.form.querySelector(".mlw-today__skip").addEventListener("click", () => this.skip());
    this.change.addEventListener("click", () => this.openForm());
    this.change.hidden = false;
    this.date.min = localDate();
    this.form.hidden = Boolean(this.store.read(SKIPPED));
    if (this.progressStore.hasStored()) this.load();
  }

  async load() {
    try {
      await this.start("Loading Python for today's plan");
      // a returning reader is asked only while no date is set and they did not skip
      this.form.hidden = Boolean(this.progress.settings.interview_date || this.store.read(SKIPPED));
      this.fillForm();
    } catch (error) {
      this.body.replaceChildren(errorBox(errorText(error), () => this.load()));
      this.say(`Error: ${errorText(error)}`);
    }
  }

  // Python, the reader's progress (followed as other tabs change it) and the panel drawn.
  async start(label) {
    ({ progress: this.progress, constants: this.constants } = await ready(this.body, label, this.deps));
    this.unwatch ??= this.progressStore.onChange((progress) => {
      if (!this.root.isConnected) return this.unwatch();
      this.progress = progress;
      this.draw().catch((error) => this.say(`Error: ${errorText(error)}`));
    });
    showNotices(this.root.querySelector(".mlw-notices"), this.progressStore);
    await this.draw();
  }

  async draw() {
    const data = await this.py.call("dashboard", {
      progress: this.progress, now_ms: Date.now(), tz_offset_min: tzOffset(),
    });
    const { interview_date: date, role, level } = this.progress.settings;
    // The role's words as the build wrote them into the form, from the engine's vocabulary.
    const roleLabel = [...this.form.elements.role.options].find((o) => o.value === role)?.textContent;
    const roleText = roleLabel ? `${roleLabel}, ` : "";
    const steps = sessionSteps(data, this.hrefs);
    this.body.replaceChildren(
      planLine(data.plan),
      stats(data),
      (await this.doneToday()) ?? "", // replaceChildren would write a null as "null"
      el("h3", { text: "Today's session" }),
      stepList(steps),
      sessionAction(this.store, steps),
      el("p", { class: "mlw-today__profile-line", text: `Preparing for: ${roleText}${level}` +
        (date ? `, interview on ${date}.` : ".") }));
    this.change.textContent = date ? "Change your interview" : "Set your interview date";
  }

  // What a session finished today came to, from the progress itself.
  async doneToday() {
    const done = finishedToday(this.store);
    if (!done) return null;
    const summary = await this.py.call("session_summary", {
      progress: this.progress, since_ms: done.started_ms, now_ms: done.finished_ms, tz_offset_min: tzOffset(),
    });
    return summaryBlock(summary, this.constants.grades);
  }

  fillForm() {
    const settings = this.progress?.settings;
    if (!settings) return;
    this.date.value = settings.interview_date ?? "";
    this.form.elements.role.value = settings.role ?? "";
    this.form.elements.level.value = settings.level;
  }

  openForm() {
    this.fillForm();
    this.form.hidden = false;
    this.date.focus();
  }

  skip() {
    this.store.write(SKIPPED, "1");
    this.form.hidden = true;
    this.say("Skipped. The Set your interview date button brings the form back.");
    this.change.focus();
  }

  // The engine checks the profile (a past date is refused with its reason); Python starts
  // here if the reader had no progress yet.
  async saveProfile() {
    const data = new FormData(this.form);
    const profile = {
      interview_date: data.get("interview_date") || null,
      role: data.get("role") || null,
      level: data.get("level"),
    };
    this.showDateError("");
    try {
      // what the reader typed stays in the form meanwhile
      if (!this.progress) await this.start("Loading Python to save your plan");
      const before = this.progress;
      const next = await this.py.call("set_profile", {
        progress: before, profile, now_ms: Date.now(), tz_offset_min: tzOffset(),
      });
      await this.progressStore.save(next, before);
      this.progress = next;
      this.form.hidden = true;
      await this.draw();
      this.say(profile.interview_date ? "Saved: the plan is fitted to your interview date." : "Saved.");
      this.root.querySelector("#today-title").focus();
    } catch (error) {
      const text = errorText(error);
      if (/interview date/.test(text)) return this.showDateError(text);
      const box = errorBox(`Your interview could not be saved: ${text}`, () => this.saveProfile());
      if (this.progress) this.root.querySelector(".mlw-notices").replaceChildren(box);
      else this.body.replaceChildren(box);
      this.say(`Error: ${text}`);
    }
  }

  showDateError(text) {
    this.dateError.textContent = text;
    if (text) this.date.setAttribute("aria-invalid", "true");
    else this.date.removeAttribute("aria-invalid");
    if (text) {
      this.say(text);
      this.date.focus();
    }
  }
}

export function mount(root, deps) {
  const widget = new Today(root, deps);
  return () => widget.unwatch?.();
}
