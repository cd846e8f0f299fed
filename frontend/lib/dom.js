// Small DOM helpers shared by the widgets. Text is always inserted as text: `el` only
// ever sets textContent, and `richText` turns `backticks` into <code> elements without
// parsing any HTML. Links to pages of the guide go through `siteHref`.

import { siteRoot } from "./site.js";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// "Use `np.log1p` here" -> ["Use ", <code>np.log1p</code>, " here"]
export function richText(text) {
  return String(text)
    .split("`")
    .map((part, i) => (i % 2 ? el("code", { text: part }) : document.createTextNode(part)));
}

export function progressBar(label) {
  const bar = el("progress", { max: 100, value: 0, "aria-label": label });
  const text = el("span", { class: "mlw-progress__text", text: "0%" });
  const root = el("div", { class: "mlw-progress" }, bar, text);
  return {
    root,
    set(loaded, total) {
      const share = total ? Math.min(100, Math.round((100 * loaded) / total)) : 0;
      bar.value = share;
      text.textContent = total
        ? `${share}% of ${(total / 1e6).toFixed(1)} MB`
        : "starting…";
    },
  };
}

export function errorBox(message, onRetry) {
  return el(
    "div",
    { class: "mlw-error", role: "alert" },
    el("p", {}, el("strong", { text: "Something went wrong. " }), message),
    onRetry && el("button", { type: "button", class: "md-button", onclick: onRetry, text: "Retry" }),
  );
}

export function notice(...content) {
  return el("p", { class: "mlw-notice", role: "note" }, ...content);
}

// A link into this site, or null: stored or imported text never becomes a link to
// anywhere else ("javascript:", another host), whatever it says.
export function siteHref(path, root = siteRoot) {
  let url;
  try {
    url = new URL(String(path), root);
  } catch {
    return null;
  }
  const inside = url.origin === root.origin && url.pathname.startsWith(root.pathname);
  return inside && /^https?:$/.test(url.protocol) ? url.href : null;
}

// Offer `text` as a file; the reader's browser saves it.
export function download(name, text, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name, class: "visually-hidden", text: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // after the download has started
}

// "2026-01-31", in the reader's own time zone, for file names.
export function localDate(ms = Date.now()) {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

// HTML the build produced (an exercise's hints, remarks and model answers, rendered from
// the bank's Markdown by macros/render/fragments.py), as nodes to insert. Parsing in a
// separate document runs no script and loads nothing; the CSP blocks inline handlers.
// Never pass it text from storage, the reader or their code: that goes in with `el`.
export function fromBuild(html) {
  const doc = new DOMParser().parseFromString(String(html), "text/html");
  const fragment = document.createDocumentFragment();
  fragment.append(...[...doc.body.childNodes].map((node) => document.adoptNode(node)));
  return fragment;
}
