// The reader's code in a coding exercise (exercise.js): the CodeMirror editor swapped in
// for the shell's <textarea> (assets/js/editor.mjs, bundled at build time; the textarea
// stays, as a plain text box, if it cannot load), and the draft, kept in the reader's
// progress with the exercise's version and saved when typing pauses. A draft written for
// an earlier version of the exercise is offered, never loaded silently.
//
// Saving a draft goes through the Python worker, so it is asynchronous, and a tab closed or
// reloaded while typing pauses would lose the last keystrokes. When the page is hidden or
// left, code not yet saved is written at once, synchronously, to a small key of its own
// (UNSAVED_KEY, namespaced like all our storage); the next visit saves it through the
// usual path if it is newer than the stored draft, then removes the key.

import { el, notice } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { siteRoot } from "../lib/site.js";

const DRAFT_DELAY_MS = 500; // typing pauses this long before the draft is saved
const LEGACY_KEY = (id) => `exercise:${id}`; // where code was kept before drafts had versions
const UNSAVED_KEY = (id) => `exercise-unsaved:${id}`; // {code, version, saved_ms}

const PLAIN_HELP =
  "This is a plain text box: Tab moves to the next control instead of indenting, so " +
  "indent with spaces. Your code is saved in this browser as you type.";

let editorModule = null;
function loadEditor() {
  editorModule ??= import(new URL("assets/js/editor.mjs", siteRoot).href).catch((error) => {
    editorModule = null; // let a later page try again
    throw error;
  });
  return editorModule;
}

export class CodeBox {
  // `host` is the exercise widget: id, version, store, state, progress, say(), change(),
  // refresh().
  constructor(root, host) {
    this.host = host;
    this.root = root;
    this.textarea = root.querySelector("textarea");
    this.label = root.querySelector(".mlw-exercise__label");
    this.notices = root.querySelector(".mlw-exercise__notices");
    this.starter = this.textarea.defaultValue;
    this.editor = null;
    this.draftTimer = null;
    this.loaded = false; // the draft (if any) is in the editor: typing may save now
    this.unsaved = false; // the editor holds code no save has stored yet
    this.typedEarly = false; // the reader typed before the stored draft was known
    this.setting = false; // setCode is replacing the text: not the reader's typing
    this.textarea.addEventListener("input", () => this.save());
    this.ready = this.mountEditor();
    this.onLeave = () => this.keepUnsaved();
    this.onHidden = () => {
      if (document.visibilityState === "hidden") this.keepUnsaved();
    };
    window.addEventListener("pagehide", this.onLeave);
    document.addEventListener("visibilitychange", this.onHidden);
  }

  // The page was left (instant navigation): the listeners go; a pending save still runs.
  stop() {
    window.removeEventListener("pagehide", this.onLeave);
    document.removeEventListener("visibilitychange", this.onHidden);
  }

  async mountEditor() {
    try {
      const { mountEditor } = await loadEditor();
      if (!this.root.isConnected) return;
      const labelText = this.label.textContent;
      this.editor = mountEditor(this.textarea.parentElement, {
        doc: this.textarea.value,
        label: labelText,
        onChange: () => this.save(),
      });
      this.textarea.remove();
      // The label pointed at the textarea; the editor carries the same words itself.
      this.label.replaceWith(el("p", { class: "mlw-exercise__label", text: labelText }));
    } catch (error) {
      // The help above the box described the editor's keys; say what this box does.
      const help = this.root.querySelector(".mlw-exercise__help");
      if (help) help.textContent = PLAIN_HELP;
      this.notices.append(
        notice(`The code editor could not be loaded, so this is a plain text box. (${error?.message ?? error})`),
      );
    }
  }

  code() {
    return this.editor ? this.editor.getValue() : this.textarea.value;
  }

  setCode(text) {
    this.setting = true;
    try {
      if (this.editor) this.editor.setValue(text);
      else this.textarea.value = text;
    } finally {
      this.setting = false;
    }
  }

  focus() {
    (this.editor ?? this.textarea).focus();
  }

  // Synchronously, while the page is hidden or left: the code no save has stored yet.
  keepUnsaved() {
    if (!this.unsaved) return;
    const { id, version, store } = this.host;
    store.write(UNSAVED_KEY(id), JSON.stringify({ code: this.code(), version, saved_ms: Date.now() }));
  }

  // Code kept by keepUnsaved on the last visit, saved as the draft when it is newer than
  // the stored one (a draft for another version is saved with it, so it is flagged as
  // stale like any other); the key goes once that is done or there is nothing to do.
  async applyUnsaved() {
    const { id, store } = this.host;
    const raw = store.read(UNSAVED_KEY(id));
    if (raw === null) return;
    let kept = null;
    try {
      kept = JSON.parse(raw);
    } catch {
      /* not ours to read: dropped below */
    }
    const draft = this.host.state?.draft;
    const usable = typeof kept?.code === "string" && typeof kept.version === "string" && Number.isFinite(kept.saved_ms);
    if (usable && !(draft && draft.saved_ms >= kept.saved_ms)) {
      try {
        await this.host.change("save_draft", { version: kept.version, code: kept.code });
        await this.host.refresh();
      } catch (error) {
        this.host.say(`Your latest code could not be saved: ${errorText(error)}`);
        return; // kept for the next visit
      }
    }
    store.remove(UNSAVED_KEY(id));
  }

  // The saved draft into the editor, once the reader's state is known: code left unsaved
  // on the last visit first, then a current draft at once, a stale one offered, code from
  // before drafts had versions moved over.
  async restore() {
    await this.applyUnsaved();
    const { id, state, store } = this.host;
    const draft = state?.draft;
    const legacy = store.read(LEGACY_KEY(id));
    if (this.typedEarly) {
      if (draft && draft.code !== this.code()) this.offerTypedOver(draft);
    } else if (draft && !draft.stale) this.setCode(draft.code);
    else if (draft?.stale) this.flagStale(draft);
    else if (legacy !== null && legacy !== this.starter) {
      this.setCode(legacy);
      this.saveNow();
      store.remove(LEGACY_KEY(id));
    }
  }

  // A draft written against an earlier version of the exercise is not run silently: the
  // editor keeps the starter, and the reader chooses.
  flagStale(draft) {
    this.offerDraft(draft, {
      lead: "This exercise has changed since you last saved code for it. ",
      text: "Your earlier code may not fit the new version, so the editor shows the starter. ",
      done: "Your earlier code is in the editor. Check it against the changed exercise.",
      kind: "mlw-exercise__stale",
    });
  }

  // The reader typed while their progress was loading: what they typed stays (and is
  // saved), and the stored draft it would have replaced is one click away.
  offerTypedOver(draft) {
    this.offerDraft(draft, {
      lead: "You typed before your saved code had loaded, so the editor keeps what you typed. ",
      text: "Your saved code is still here: ",
      done: "Your saved code is in the editor. Press Ctrl+Z in the editor to get back what you typed.",
      kind: "mlw-exercise__typed-over",
    });
  }

  offerDraft(draft, { lead, text, done, kind }) {
    const take = el("button", { type: "button", class: "md-button mlw-exercise__take-draft", text: "Load my earlier code" });
    const box = notice(el("strong", { text: lead }), text, take);
    box.classList.add(kind);
    take.addEventListener("click", () => {
      this.setCode(draft.code);
      this.saveNow();
      box.remove();
      this.focus();
      this.host.say(done);
    });
    this.notices.append(box);
  }

  // The stored draft is known (or could not be): typing saves from now on, and what the
  // reader typed meanwhile is saved as soon as typing pauses.
  finishLoading() {
    this.loaded = true;
    if (this.typedEarly) this.save();
  }

  // The draft is saved when typing pauses (and before every run). A refused write is
  // shown by the notice at the top of the page (saving.js).
  save() {
    if (this.setting && !this.loaded) return; // the draft going in, not typing
    this.unsaved = true;
    if (!this.loaded) {
      this.typedEarly = true; // saved by finishLoading, once the stored draft is known
      return;
    }
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveNow(), DRAFT_DELAY_MS);
  }

  saveNow() {
    clearTimeout(this.draftTimer);
    const host = this.host;
    if (!host.progress) return Promise.resolve();
    const code = this.code();
    if (host.state?.draft?.code === code && !host.state.draft.stale) {
      this.saved(code);
      return Promise.resolve();
    }
    this.unsaved = true; // until the worker has stored it
    return host
      .change("save_draft", { version: host.version, code })
      .then(() => {
        this.saved(code);
        return host.refresh();
      })
      .catch((error) => host.say(`Your code could not be saved: ${errorText(error)}`));
  }

  // `code` is stored as the draft: nothing is unsaved unless the reader typed on since.
  saved(code) {
    if (this.code() !== code) return;
    this.unsaved = false;
    this.host.store.remove(UNSAVED_KEY(this.host.id));
  }
}
