// Print every answer: open the closed "Full Answer + Rubric" blocks before printing and
// close them again afterwards, so the reader's page is left as it was.

let opened = [];

export function start() {
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details:not([open])")];
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
