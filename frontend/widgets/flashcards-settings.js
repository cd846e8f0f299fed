// The flashcards' settings form (new cards per day, schedule, level, and whether new cards
// come from the core set or all questions): filled from progress once Python has it,
// checked before it is sent, and saved through the engine. When the core set has no new
// card left, a note beside the counts says so and offers all questions.

import { el } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { changeSettings } from "./practice.js";

export class SettingsForm {
  // host: the Flashcards widget (py, progressStore, progress, constants, say, and
  // `settingsSaved()`, which redraws what the settings change).
  constructor(form, host) {
    Object.assign(this, { form, host });
    this.note = el("p", { class: "mlw-fc__settings-note" }); // visible feedback
    form.append(this.note);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save();
    });
  }

  fill() {
    const { form, host } = this;
    const [low, high] = host.constants.new_per_day_range;
    Object.assign(form.elements.new_per_day, { min: low, max: high, value: host.progress.settings.new_per_day });
    form.elements.schedule.value = host.progress.settings.schedule;
    form.elements.level.value = host.progress.settings.level;
    form.elements.scope.value = host.progress.settings.scope;
    form.querySelector("fieldset").disabled = false;
  }

  tell(text) {
    this.note.textContent = text;
    this.host.say(text);
  }

  async save() {
    const { elements } = this.form;
    const input = elements.new_per_day;
    const settings = {
      new_per_day: Number(input.value), schedule: elements.schedule.value, level: elements.level.value,
      scope: elements.scope.value,
    };
    if (!input.checkValidity() || !Number.isInteger(settings.new_per_day)) {
      this.tell(`Not saved: new cards per day must be a whole number from ${input.min} to ${input.max}.`);
      input.focus();
      return;
    }
    try {
      await changeSettings(this.host, settings);
      this.tell(`Settings saved. ${await this.host.settingsSaved()}.`);
    } catch (error) {
      this.tell(`Not saved: ${errorText(error)}`);
    }
  }

  // The queue's `core_done`: every core card met, others still new. Rather than leave the
  // reader with no new card, the note offers all questions (the same as the form's radio).
  showCoreDone(queue) {
    this.coreNote ??= this.coreDoneNote();
    this.coreNote.hidden = !queue.core_done;
  }

  coreDoneNote() {
    const all = this.form.querySelector("input[name=scope][value=all]");
    const words = all.closest("label").textContent.trim();
    const button = el("button", {
      type: "button", class: "md-button mlw-fc__widen", text: `New cards from: ${words}`,
      onclick: async () => {
        all.checked = true;
        await this.save();
        this.host.body.querySelector("button")?.focus(); // the note it was in is gone
      },
    });
    const note = el("p", { class: "mlw-fc__core-done", hidden: true },
      "You have met every core (must-know) card, so there are no new ones to learn. ", button);
    this.host.counts.after(note);
    return note;
  }
}
