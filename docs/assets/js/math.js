// Typeset formulas with the self-hosted KaTeX. Bound through Material's document$ so it
// also runs after instant navigation; rendering an element twice is avoided by a marker.
"use strict";

(() => {
  const render = () => {
    if (typeof katex === "undefined") return;
    for (const el of document.querySelectorAll(".arithmatex:not([data-katex])")) {
      const tex = el.textContent.trim();
      const display = tex.startsWith("\\[");
      const body = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
      try {
        katex.render(body, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
        el.dataset.katex = "1";
      } catch (err) {
        console.warn("formula not rendered", err);
      }
    }
  };
  if (typeof document$ !== "undefined") document$.subscribe(render);
  else document.addEventListener("DOMContentLoaded", render);
})();
