// Small DOM helpers shared by the widgets. Text is always inserted as text: `el` only
// ever sets textContent, and `richText` turns `backticks` into <code> elements without
// parsing any HTML. Also: the reader's progress, loaded and validated once per tab.
"use strict";

(() => {
  if (window.MLGuide?.ui) return;

  function el(tag, attrs = {}, ...children) {
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
  function richText(text) {
    return String(text)
      .split("`")
      .map((part, i) => (i % 2 ? el("code", { text: part }) : document.createTextNode(part)));
  }

  function progressBar(label) {
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

  function errorBox(message, onRetry) {
    return el(
      "div",
      { class: "mlw-error", role: "alert" },
      el("p", {}, el("strong", { text: "Something went wrong. " }), message),
      onRetry && el("button", { type: "button", class: "md-button", onclick: onRetry, text: "Retry" }),
    );
  }

  function notice(text) {
    return el("p", { class: "mlw-notice", role: "note" }, text);
  }

  // Progress is shared by every widget in the tab; it is read and validated once.
  let progressPromise = null;
  let current = null;
  const notices = [];

  async function loadProgress() {
    const { py, store } = window.MLGuide;
    if (!store.persistent) {
      notices.push(
        "This browser is not letting the guide save progress (storage is blocked or full), " +
          "so your answers are kept only until you close this tab.",
      );
    }
    const raw = store.read("progress");
    const { progress, reason } = await py.call("restore_progress", { raw });
    if (reason) {
      const backupKey = store.backup("progress", raw);
      notices.push(
        `Your saved progress could not be read (${reason}). A copy was kept in this ` +
          `browser under "${backupKey}", and you start with a clean history.`,
      );
      store.write("progress", JSON.stringify(progress));
    }
    current = progress;
    return progress;
  }

  const progressStore = {
    get() {
      progressPromise ??= loadProgress().catch((error) => {
        progressPromise = null;
        throw error;
      });
      return progressPromise;
    },
    save(progress) {
      current = progress;
      progressPromise = Promise.resolve(progress);
      const { store } = window.MLGuide;
      const wasPersistent = store.persistent;
      if (!store.write("progress", JSON.stringify(progress)) && wasPersistent) {
        notices.push(
          "Your browser refused to save progress (storage is full or blocked); answers from " +
            "now on are kept only until you close this tab. Export your progress to keep it.",
        );
      }
    },
    // Notices not yet shown; each is shown once, by whichever widget asks first.
    takeNotices() {
      return notices.splice(0, notices.length);
    },
    peek() {
      return current;
    },
  };

  window.MLGuide = {
    ...(window.MLGuide ?? {}),
    ui: { el, richText, progressBar, errorBox, notice },
    progressStore,
  };
})();
