// Flashcards: one concept question at a time from the engine's review queue, a countdown
// from its time target, the full answer and rubric (static HTML the build wrote, hidden
// until revealed), then a self-grade that the engine turns into the next due date.
// Also defines MLGuide.practice, the small helpers mock.js and dashboard.js share (this
// file is listed before them in mkdocs.yml, so it runs first).
"use strict";

(() => {
  const { el, progressBar, errorBox, notice } = window.MLGuide.ui;
  const { py, progressStore } = window.MLGuide;
  const DAY_MS = 86_400_000;

  // ---- shared helpers -------------------------------------------------------------------

  const tzOffset = () => -new Date().getTimezoneOffset();
  const localDay = (ms) => Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / DAY_MS);
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  // 183 -> "03:03"; never negative (callers say "over" themselves).
  function mmss(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  }

  // A countdown that reads the clock on every tick instead of counting ticks, so a tab in
  // the background (or a test's fast-forwarded clock) still shows the true time left.
  class Countdown {
    constructor(seconds, { onTick, onEnd, root }) {
      Object.assign(this, { seconds, onTick, onEnd, root, timer: null });
    }
    start() {
      this.startMs = Date.now();
      this.timer = setInterval(() => this.tick(), 1000);
      this.tick();
      return this;
    }
    left() {
      return this.seconds - (Date.now() - this.startMs) / 1000;
    }
    tick() {
      if (this.root && !this.root.isConnected) return this.stop(); // the page was left
      const left = this.left();
      this.onTick(left);
      if (left <= 0 && this.onEnd) {
        const onEnd = this.onEnd;
        this.onEnd = null; // once
        onEnd();
      }
    }
    stop() {
      clearInterval(this.timer);
    }
  }

  // A polite live region announces a fresh text node once; clearing first makes a repeated
  // message count as new.
  function announcer(status) {
    return (text) => {
      status.textContent = "";
      setTimeout(() => (status.textContent = text), 50);
    };
  }

  function dateWords(ms) {
    const sameYear = new Date(ms).getFullYear() === new Date().getFullYear();
    const options = { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) };
    return new Intl.DateTimeFormat("en-GB", options).format(new Date(ms));
  }

  // "Next review in 3 days, on 26 Nov." Days count local calendar days, so a card due
  // tomorrow morning is "in 1 day" even if fewer than 24 hours are left.
  function dueWords(dueMs, nowMs) {
    if (dueMs == null) return "No more reviews: this card has passed every checkpoint.";
    if (dueMs <= nowMs) return "Due again now.";
    const days = localDay(dueMs) - localDay(nowMs);
    if (days >= 1) return `Next review in ${plural(days, "day")}, on ${dateWords(dueMs)}.`;
    const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" })
      .format(new Date(dueMs));
    const minutes = Math.max(1, Math.round((dueMs - nowMs) / 60_000));
    const span = minutes < 60 ? plural(minutes, "minute") : plural(Math.round(minutes / 60), "hour");
    return `Next review in ${span}, on ${dateWords(dueMs)} at ${time}.`;
  }

  let constantsPromise = null;
  function constants() {
    constantsPromise ??= py.call("constants").catch((error) => {
      constantsPromise = null;
      throw error;
    });
    return constantsPromise;
  }

  // Boot Python with a progress bar in `body`, then load the reader's progress.
  async function ready(body, label) {
    const bar = progressBar(label);
    body.replaceChildren(el("p", { text: "Loading Python in your browser…" }), bar.root);
    const unsubscribe = py.onProgress(({ loaded, total }) => bar.set(loaded, total));
    try {
      await py.start();
      const [progress, fixed] = await Promise.all([progressStore.get(), constants()]);
      return { progress, constants: fixed };
    } finally {
      unsubscribe();
    }
  }

  function errorText(error) {
    return error?.name === "PyTimeoutError"
      ? "Python took too long and was restarted."
      : String(error?.message ?? error);
  }

  function showNotices(root) {
    const box = root.querySelector(".mlw-notices");
    for (const text of progressStore.takeNotices()) box?.append(notice(text));
  }

  // The four self-grades, in the engine's order and words, as one labelled group.
  function gradeButtons(grades, labelId, onGrade) {
    const button = (g) => el("button", {
      type: "button", class: `md-button mlw-grade mlw-grade--${g.id}`, text: g.label, onclick: () => onGrade(g),
    });
    return el("div", { class: "mlw-grades", role: "group", "aria-labelledby": labelId }, grades.map(button));
  }

  const practice = {
    tzOffset, localDay, plural, mmss, Countdown, announcer, dateWords, dueWords,
    constants, ready, errorText, showNotices, gradeButtons,
  };
  window.MLGuide = { ...window.MLGuide, practice };

  // ---- the flashcards widget ------------------------------------------------------------

  class Flashcards {
    constructor(root) {
      this.root = root;
      this.body = root.querySelector(".mlw-fc__body");
      this.counts = root.querySelector(".mlw-fc__counts");
      this.form = root.querySelector("form.mlw-fc__form");
      this.store = document.querySelector(".fc-store");
      this.say = announcer(root.querySelector(".mlw-fc__status"));
      this.session = []; // what was graded on this visit, newest last
      this.borrowed = null;
      this.settingsNote = el("p", { class: "mlw-fc__settings-note" }); // visible feedback
      this.form.append(this.settingsNote);
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.saveSettings();
      });
      this.load();
    }

    async load() {
      try {
        const { progress, constants: fixed } = await ready(this.body, "Loading Python for the flashcards");
        this.progress = progress;
        this.constants = fixed;
        this.unwatch ??= progressStore.onChange((p) => this.adopt(p));
        showNotices(this.root);
        this.fillSettings();
        await this.refresh();
        this.showIdle();
      } catch (error) {
        this.fail(error, () => this.load());
      }
    }

    // Another tab (or widget) graded or changed settings: show its work. A card being
    // answered stays; the counts, and an idle or finished queue, are redrawn.
    async adopt(progress) {
      if (!this.root.isConnected) return this.unwatch();
      this.progress = progress;
      try {
        await this.refresh();
        if (this.mode === "idle" || this.mode === "done") this.showIdle();
      } catch (error) {
        this.fail(error, () => this.showIdle());
      }
    }

    fillSettings() {
      const [low, high] = this.constants.new_per_day_range;
      const input = this.form.elements.new_per_day;
      Object.assign(input, { min: low, max: high, value: this.progress.settings.new_per_day });
      this.form.elements.schedule.value = this.progress.settings.schedule;
      this.form.querySelector("fieldset").disabled = false;
    }

    async refresh() {
      this.queue = await py.call("queue", {
        progress: this.progress, now_ms: Date.now(), tz_offset_min: tzOffset(),
      });
      const q = this.queue;
      const parts = [`Due now: ${q.due.length}`, `New cards left today: ${q.new_left_today}`];
      if (q.due_later_today) parts.push(`Due later today: ${q.due_later_today}`);
      this.counts.textContent = parts.join(" · ");
    }

    nextId() {
      return this.queue.due[0] ?? this.queue.new[0] ?? null;
    }

    showIdle() {
      this.stopTimer();
      this.returnCard();
      this.mode = "idle";
      const q = this.queue;
      if (!this.nextId()) return this.showDone();
      const start = el("button", {
        type: "button", class: "md-button md-button--primary mlw-fc__start",
        text: "Start reviewing", onclick: () => this.showCard(this.nextId()),
      });
      this.body.replaceChildren(
        el("p", { text: `${plural(q.due.length, "card")} due now and ${plural(q.new.length, "new card")} for today.` }),
        start,
      );
    }

    showDone() {
      this.mode = "done";
      const next = this.queue.next_due_ms;
      const heading = el("h3", { tabindex: -1, class: "mlw-fc__done", text: "Nothing left to review for now" });
      this.body.replaceChildren(
        heading,
        el("p", {
          text: next == null
            ? "You have no cards scheduled. Come back tomorrow for new ones, or raise the daily limit in the settings."
            : `The next card is due ${dueWords(next, Date.now()).replace(/^Next review /, "")}`,
        }),
        this.sessionList(),
      );
      return heading;
    }

    // The static card's prompt and answer are moved (not copied) into the widget, and put
    // back before another card is shown: the build's HTML is never re-parsed or duplicated.
    borrow(id) {
      const card = this.store.querySelector(`.fc-card[data-fc-id="${CSS.escape(id)}"]`);
      if (!card) throw new Error(`the card "${id}" is missing from this page; reload the page`);
      const prompt = card.querySelector(".fc-card__prompt");
      const answer = card.querySelector(".fc-card__answer");
      this.borrowed = { card, prompt, answer };
      return this.borrowed;
    }

    returnCard() {
      if (!this.borrowed) return;
      const { card, prompt, answer } = this.borrowed;
      card.append(prompt, answer);
      this.borrowed = null;
    }

    showCard(id) {
      this.returnCard();
      let card;
      try {
        card = this.borrow(id);
      } catch (error) {
        return this.fail(error, () => this.showIdle());
      }
      const isDue = this.queue.due.includes(id);
      const { fcTarget, fcSeconds, fcTrack } = card.card.dataset;
      this.current = { id, prompt: card.prompt.textContent.trim() };
      const heading = el("h3", { tabindex: -1, class: "mlw-fc__heading", text: isDue ? "Card due for review" : "New card" });
      const value = el("span", { class: "mlw-timer__value", text: mmss(Number(fcSeconds)) });
      const timer = el("p", { class: "mlw-timer" }, "Time left to answer: ", value);
      const noteId = `fc-note-${id}`;
      this.body.replaceChildren(
        heading,
        el("p", { class: "mlw-fc__meta", text: `${fcTrack} · Time target: ${fcTarget}` }),
        el("div", { class: "mlw-fc__prompt" }, card.prompt),
        timer,
        el("p", { class: "mlw-fc__note" },
          el("label", { for: noteId, text: "Your answer, if you want to type it (stays in this tab; never saved)" }),
          el("textarea", { id: noteId, rows: 4, spellcheck: "true" })),
        el("button", {
          type: "button", class: "md-button md-button--primary mlw-fc__reveal",
          text: "Reveal the answer and rubric", onclick: () => this.reveal(),
        }),
      );
      this.mode = "asking";
      this.timer = new Countdown(Number(fcSeconds), {
        root: this.root,
        onTick: (left) => (value.textContent = mmss(left)),
        onEnd: () => {
          timer.classList.add("is-up");
          value.textContent = "00:00, time is up";
          this.say("Time is up.");
        },
      }).start();
      heading.focus();
    }

    stopTimer() {
      this.timer?.stop();
    }

    reveal() {
      if (this.mode !== "asking") return;
      this.stopTimer();
      this.body.querySelector(".mlw-fc__reveal")?.remove();
      const labelId = `fc-grade-label-${this.current.id}`;
      const heading = el("h4", { tabindex: -1, class: "mlw-fc__answer-title", text: "Full answer and rubric" });
      this.body.append(
        el("div", { class: "mlw-fc__answer" }, heading, this.borrowed.answer),
        el("p", { id: labelId, class: "mlw-fc__ask", text: "How did you do, judged by the rubric?" }),
        gradeButtons(this.constants.grades, labelId, (g) => this.grade(g)),
      );
      this.mode = "revealed";
      heading.focus();
      this.say("Answer and rubric shown. Grade yourself with the buttons after the rubric.");
    }

    async grade(g) {
      if (this.mode !== "revealed") return;
      this.mode = "grading";
      for (const b of this.body.querySelectorAll(".mlw-grade")) b.disabled = true;
      const now = Date.now();
      const args = { question_id: this.current.id, now_ms: now };
      try {
        const before = this.progress;
        this.progress = await py.call("review", { progress: before, grade: g.id, ...args });
        await progressStore.save(this.progress, before);
        showNotices(this.root);
        const info = await py.call("card_info", { progress: this.progress, tz_offset_min: tzOffset(), ...args });
        const words = dueWords(info.due_ms, now);
        this.session.push({ prompt: this.current.prompt, grade: g.label, words });
        await this.refresh();
        this.showResult(`Graded: ${g.label}. ${words}`);
      } catch (error) {
        this.fail(error, () => this.showIdle());
      }
    }

    sessionList() {
      if (!this.session.length) return null;
      const items = this.session.map((s) =>
        el("li", {}, el("span", { class: "mlw-fc__done-prompt", text: s.prompt }), ` (${s.grade}): `,
          el("span", { class: "mlw-fc__due", text: s.words })));
      return el("div", { class: "mlw-fc__session" },
        el("h4", { text: "Graded on this visit" }), el("ol", {}, items));
    }

    showResult(text) {
      this.returnCard();
      this.mode = "result";
      const nextId = this.nextId();
      const next = el("button", {
        type: "button", class: "md-button md-button--primary mlw-fc__next",
        text: nextId ? "Next card" : "Finish",
        onclick: () => this.goOn(),
      });
      this.body.replaceChildren(el("p", { class: "mlw-fc__result", text }), next, this.sessionList());
      next.focus();
      this.say(text);
    }

    // The queue is asked again: a card in a minutes-long learning step may be due by now.
    async goOn() {
      if (this.mode !== "result") return;
      try {
        await this.refresh();
        const id = this.nextId();
        if (id) this.showCard(id);
        else this.showDone().focus();
      } catch (error) {
        this.fail(error, () => this.showIdle());
      }
    }

    async saveSettings() {
      const input = this.form.elements.new_per_day;
      const settings = { new_per_day: Number(input.value), schedule: this.form.elements.schedule.value };
      const tell = (text) => {
        this.settingsNote.textContent = text;
        this.say(text);
      };
      if (!input.checkValidity() || !Number.isInteger(settings.new_per_day)) {
        tell(`Not saved: new cards per day must be a whole number from ${input.min} to ${input.max}.`);
        input.focus();
        return;
      }
      try {
        const before = this.progress;
        this.progress = await py.call("set_settings", { progress: before, settings });
        await progressStore.save(this.progress, before);
        await this.refresh();
        if (this.mode === "idle" || this.mode === "done") this.showIdle();
        tell(`Settings saved. ${this.counts.textContent}.`);
      } catch (error) {
        tell(`Not saved: ${errorText(error)}`);
      }
    }

    fail(error, retry) {
      this.stopTimer();
      this.returnCard();
      this.mode = "error";
      const message = errorText(error);
      this.body.replaceChildren(errorBox(message, retry));
      this.say(`Error: ${message}`);
    }
  }

  function bindAll() {
    for (const root of document.querySelectorAll(".mlw-fc:not([data-bound])")) {
      root.dataset.bound = "1";
      new Flashcards(root);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(bindAll);
  else document.addEventListener("DOMContentLoaded", bindAll);
})();
