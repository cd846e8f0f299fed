// The theme's "Back to top" pill floats over the top of the screen as the reader scrolls up;
// over a widget it covered the question being answered. While any widget is on screen the
// root element carries `mlw-widget-in-view` and the stylesheet (widgets.css) hides the pill;
// elsewhere, on a long track page, it stays where the theme puts it.

// Not the Answer first panels and their switch: one sits on every card of a track page, and
// the pill would never show there.
const WIDGETS = ".mlw-quiz, .mlw-panel:not(.mlw-first, .mlw-first-mode), .mlw-exercise";
const FLAG = "mlw-widget-in-view";

let observer = null;

// Every page, the first and each one instant navigation brings: watch its widgets.
export function onPage() {
  observer?.disconnect();
  const root = document.documentElement;
  root.classList.remove(FLAG);
  if (typeof IntersectionObserver === "undefined") return;
  const seen = new Set();
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) seen.add(entry.target);
      else seen.delete(entry.target);
    }
    root.classList.toggle(FLAG, seen.size > 0);
  });
  for (const widget of document.querySelectorAll(WIDGETS)) observer.observe(widget);
}
