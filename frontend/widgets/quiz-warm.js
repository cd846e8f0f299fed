// Warming Python up for a quiz, before the reader presses Start.

// Warm Python up when a quiz comes near the screen, or when the reader reaches for it
// (pointer over it, keyboard focus in it). Not when the browser is idle: on a page read
// for its text that downloaded Pyodide (13 MB) and competed with the page's own start-up
// for the CPU. Practice pages start Python at once instead (main.js).
export function warmUp(root, py) {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    root.removeEventListener("pointerenter", go);
    root.removeEventListener("focusin", go);
    py.start().catch(() => {});
  };
  // Half a screen of margin: booting takes a few seconds, so start before it is on screen.
  const observer = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(),
      { rootMargin: "50% 0px" })
    : null;
  observer?.observe(root);
  root.addEventListener("pointerenter", go);
  root.addEventListener("focusin", go);
  return () => observer?.disconnect();
}
