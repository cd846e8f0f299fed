// Typeset formulas with the self-hosted KaTeX, loaded only on pages that have formulas
// (most pages have none, and its script and stylesheet would block every page). Bound
// through Material's document$ so it also runs after instant navigation.
"use strict";

(() => {
  const root = window.MLGuide?.siteRoot ?? new URL("../../", document.currentScript.src);
  let loading = null;

  function loadKatex() {
    loading ??= new Promise((resolve, reject) => {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("assets/katex/katex.min.css", root).href;
      document.head.append(css);
      const script = document.createElement("script");
      script.src = new URL("assets/katex/katex.min.js", root).href;
      script.onload = resolve;
      script.onerror = () => reject(new Error("KaTeX failed to load"));
      document.head.append(script);
    });
    return loading;
  }

  async function render() {
    const pending = document.querySelectorAll(".arithmatex:not([data-katex])");
    if (!pending.length) return;
    try {
      await loadKatex();
    } catch (error) {
      console.warn(String(error)); // the TeX source stays readable as text
      return;
    }
    for (const el of pending) {
      const tex = el.textContent.trim();
      const display = tex.startsWith("\\[");
      const body = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
      katex.render(body, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
      el.dataset.katex = "1";
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(render);
  else document.addEventListener("DOMContentLoaded", render);
})();
