// The reader's code in a coding exercise (exercise.js): the CodeMirror editor swapped in
// for the shell's <textarea> (assets/js/editor.mjs, bundled at build time; the textarea
// stays, as a plain text box, if it cannot load), and the draft, kept in the reader's
// progress with the exercise's version and saved when typing pauses. A draft written for
// an earlier version of the exercise is offered, never loaded silently.

import { el, notice } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { siteRoot } from "../lib/site.js";

const DRAFT_DELAY_MS = 500; // typing pauses this long before the draft is saved
const LEGACY_KEY = (id) => `exercise:${id}`; // where code was kept before drafts had versions

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
    this.textarea.addEventListener("input", () => this.save());
    this.ready = this.mountEditor();
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
    if (this.editor) this.editor.setValue(text);
    else this.textarea.value = text;
  }

  focus() {
    (this.editor ?? this.textarea).focus();
  }

  // The saved draft into the editor, once the reader's state is known: a current draft
  // at once, a stale one offered, code from before drafts had versions moved over.
  restore() {
    const { id, state, store } = this.host;
    const draft = state?.draft;
    const legacy = store.read(LEGACY_KEY(id));
    if (draft && !draft.stale) this.setCode(draft.code);
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
    const take = el("button", { type: "button", class: "md-button mlw-exercise__take-draft", text: "Load my earlier code" });
    const box = notice(
      el("strong", { text: "This exercise has changed since you last saved code for it. " }),
      "Your earlier code may not fit the new version, so the editor shows the starter. ",
      take,
    );
    box.classList.add("mlw-exercise__stale");
    take.addEventListener("click", () => {
      this.setCode(draft.code);
      this.saveNow();
      box.remove();
      this.focus();
      this.host.say("Your earlier code is in the editor. Check it against the changed exercise.");
    });
    this.notices.append(box);
  }

  // The draft is saved when typing pauses (and before every run). A refused write is
  // shown by the notice at the top of the page (saving.js).
  save() {
    if (!this.loaded) return;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveNow(), DRAFT_DELAY_MS);
  }

  saveNow() {
    clearTimeout(this.draftTimer);
    const host = this.host;
    if (!host.progress) return Promise.resolve();
    const code = this.code();
    if (host.state?.draft?.code === code && !host.state.draft.stale) return Promise.resolve();
    return host
      .change("save_draft", { version: host.version, code })
      .then(() => host.refresh())
      .catch((error) => host.say(`Your code could not be saved: ${errorText(error)}`));
  }
}
