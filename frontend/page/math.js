// Typeset formulas with the self-hosted KaTeX, loaded only when a formula comes near the
// viewport (most pages have none, and its script and stylesheet would block every page).
// main.js calls `onPage` on every page, after instant navigation too.
//
// Why lazily, formula by formula: typesetting every formula at load was the largest main-
// thread task on long pages (the flashcards page keeps 150 formulas in hidden cards; a
// track page keeps dozens below the fold): about 0.3-1 s under Lighthouse's mobile CPU.
// A formula is typeset when it comes within a viewport of the screen, so it is done before
// the reader gets there; one inside a closed block or a hidden card is typeset when it is
// shown. Work is split into short slices so no task holds the page up for long.

import { siteRoot as root } from "../lib/site.js";

const SLICE_MS = 30; // under the 50 ms a "long task" starts at
const queue = new Set();
let loading = null;
let draining = false;
let observer = null;

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

function typeset(el) {
  if (el.dataset.katex) return;
  const tex = el.textContent.trim();
  const display = tex.startsWith("\\[");
  const body = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
  katex.render(body, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
  el.dataset.katex = "1";
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function drain() {
  if (draining) return;
  draining = true;
  try {
    await loadKatex();
    while (queue.size) {
      const start = performance.now();
      for (const el of queue) {
        queue.delete(el);
        if (el.isConnected) typeset(el);
        if (performance.now() - start > SLICE_MS) break;
      }
      if (queue.size) await nextTask(); // let input and paint in between slices
    }
  } catch (error) {
    queue.clear();
    console.warn(String(error)); // the TeX source stays readable as text
  } finally {
    draining = false;
  }
}

function onSight(entries) {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    queue.add(entry.target);
  }
  if (queue.size) drain();
}

// A page meant to be printed whole typesets everything at once (still in slices).
const eager = () => document.querySelector('meta[name="mlguide-math"][content="eager"]');

export function onPage() {
  const pending = document.querySelectorAll(".arithmatex:not([data-katex])");
  if (!pending.length) return;
  if (eager() || !("IntersectionObserver" in window)) {
    for (const el of pending) queue.add(el);
    drain();
    return;
  }
  // One viewport of margin above and below: typeset before the reader scrolls there.
  // Instant navigation replaced the page: forget the old page's formulas.
  observer?.disconnect();
  observer ??= new IntersectionObserver(onSight, { rootMargin: "100% 0px" });
  for (const el of pending) observer.observe(el);
}

// Printing shows every formula, including those never scrolled to; printing cannot wait
// for a download, so if KaTeX is not loaded yet the TeX source is printed as text.
export function start() {
  window.addEventListener("beforeprint", () => {
    if (typeof katex === "undefined") return;
    for (const el of document.querySelectorAll(".arithmatex:not([data-katex])")) typeset(el);
  });
}
