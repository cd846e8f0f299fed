// Entry of the code-editor bundle (macros/publish/editor.py runs esbuild on it at build time
// and writes site/assets/js/editor.mjs). The exercise script imports that file and calls
// `mountEditor`; nothing here knows about exercises.
//
// The editor lives in a shadow root. CodeMirror injects its structural styles at run time;
// in a document it would add a <style> element, which the site's CSP (no 'unsafe-inline'
// styles) refuses, while in a shadow root it uses a constructed stylesheet, which the CSP
// allows. Colours come in through CSS custom properties, which cross the shadow boundary,
// so the light and dark palettes stay in docs/assets/css/exercise.css.

import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  isolateHistory,
} from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

const color = (name) => `var(--mlw-code-${name})`;

// Token colours by role; each variable is defined per palette with AA contrast.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: color("keyword") },
  { tag: [t.string, t.special(t.string), t.regexp], color: color("string") },
  { tag: [t.number, t.bool, t.null], color: color("number") },
  { tag: [t.comment, t.lineComment, t.blockComment], color: color("comment"), fontStyle: "italic" },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className)], color: color("definition") },
  { tag: [t.standard(t.variableName), t.self], color: color("builtin") },
  { tag: t.invalid, color: color("invalid") },
]);

const theme = EditorView.theme({
  "&": {
    color: color("fg"),
    backgroundColor: color("bg"),
    border: `1px solid ${color("border")}`,
    borderRadius: "0.2rem",
    fontSize: "0.75rem",
  },
  "&.cm-focused": {
    outline: `0.15rem solid ${color("focus")}`,
    outlineOffset: "0.1rem",
  },
  ".cm-scroller": {
    fontFamily: "var(--md-code-font-family, ui-monospace, SFMono-Regular, Menlo, monospace)",
    lineHeight: "1.55",
    minHeight: "14rem",
  },
  ".cm-content": { caretColor: color("fg"), padding: "0.4rem 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: color("fg") },
  ".cm-gutters": {
    backgroundColor: color("bg"),
    color: color("gutter"),
    borderRight: `1px solid ${color("border")}`,
  },
  ".cm-activeLineGutter": { backgroundColor: color("active"), color: color("fg") },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: color("selection") },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": {
    backgroundColor: color("active"),
    outline: `1px solid ${color("gutter")}`,
  },
});

// Mount an editor in `parent`. `label` names the editable area for assistive technology;
// `onChange(text)` is called after every edit. Tab indents (indentWithTab); CodeMirror's
// own rule lets keyboard users leave: Escape, then Tab or Shift-Tab moves focus on.
export function mountEditor(parent, { doc = "", label = "Code editor", onChange } = {}) {
  const host = document.createElement("div");
  host.className = "mlw-editor";
  parent.append(host);
  const shadow = host.attachShadow({ mode: "open" });
  const state = EditorState.create({
    doc,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      python(),
      syntaxHighlighting(highlight),
      indentUnit.of("    "),
      EditorState.tabSize.of(4),
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      // Long lines wrap and the editor grows with its text, so it never becomes a
      // scrolling box of its own (one more thing to reach by keyboard); the page scrolls.
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-label": label, spellcheck: "false" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && onChange) onChange(update.state.doc.toString());
      }),
      theme,
    ],
  });
  const view = new EditorView({ state, parent: shadow, root: shadow });
  return {
    view,
    host,
    getValue: () => view.state.doc.toString(),
    // Replace the whole text as one edit of its own (never merged with the typing just
    // before it), so one Ctrl+Z brings the old text back.
    setValue(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: isolateHistory.of("full"),
      });
    },
    focus: () => view.focus(),
    destroy() {
      view.destroy();
      host.remove();
    },
  };
}
