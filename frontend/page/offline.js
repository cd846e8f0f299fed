// Register the service worker (offline reading after the first visit), and once Python has
// booted, ask it to keep the runtime too, so quizzes also work offline.
//
// A new build installs beside the old one and waits: a page never mixes two builds. While
// it waits, every page says a new version is ready; the reader's click lets it take over,
// and the page reloads from the new build at once.

import { el } from "../lib/dom.js";
import { siteRoot } from "../lib/site.js";
import { py } from "../python/client.js";

const sw = navigator.serviceWorker;
let registration = Promise.resolve(null);

async function keepRuntime() {
  const reg = await registration;
  if (!reg) return { ok: false, error: "no service worker" };
  const worker = (await sw.ready).active;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage({ type: "cache-runtime" }, [channel.port2]);
  });
}

let waiting = null;
let applying = false; // this tab asked for the update, so this tab reloads by itself

function applyUpdate(button) {
  if (!waiting) return;
  applying = true;
  button.disabled = true;
  button.textContent = "Updating…";
  waiting.postMessage({ type: "skip-waiting" });
}

// Another tab took the update: this page still runs the old build, so say so rather than
// reload under the reader's hands (an exercise may hold unsaved code).
function showTakenElsewhere() {
  const box = document.querySelector(".mlw-update");
  if (!box) return;
  const button = el("button", { type: "button", class: "md-button", text: "Reload this page" });
  button.addEventListener("click", () => location.reload());
  box.replaceChildren(
    el("p", { class: "admonition-title", text: "The guide was updated in another tab" }),
    el("p", { text: "This page is still the old version. " }, button),
  );
}

// The notice lives in the page's content, so instant navigation replaces it: showUpdate
// runs again on every page while a new build waits.
function showUpdate() {
  const host = document.querySelector(".md-content__inner");
  if (!waiting || !host || host.querySelector(".mlw-update")) return;
  const button = el("button", {
    type: "button",
    class: "md-button mlw-update__apply",
    text: "Reload with the new version",
  });
  button.addEventListener("click", () => applyUpdate(button));
  host.prepend(
    el(
      "div",
      { class: "admonition info mlw-update", role: "status" },
      el("p", { class: "admonition-title", text: "A new version of the guide is ready" }),
      el("p", { text: "Your progress is kept. " }, button),
    ),
  );
}

function watch(reg) {
  if (!reg) return;
  const found = (worker) => {
    // With no controller this is the first install, not an update.
    if (worker && sw.controller) {
      waiting = worker;
      showUpdate();
    }
  };
  if (reg.waiting) found(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const worker = reg.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") found(worker);
    });
  });
  sw.addEventListener("controllerchange", () => {
    if (!waiting) return; // the first install claiming this page: nothing changed
    waiting = null;
    if (applying) location.reload();
    else showTakenElsewhere();
  });
}

// For tests and the console (main.js hands it on).
export const offline = { registration, keepRuntime, runtimeKept: null };

// Once per tab. No sw.js under `mkdocs serve`: then there is nothing to do.
export function start() {
  if (!sw) return;
  registration = sw.register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname }).catch(() => null);
  offline.registration = registration;
  registration.then(watch);
  py.onReady(() => {
    offline.runtimeKept = keepRuntime();
  });
}

// Every page, after instant navigation too: the notice of a waiting update.
export const onPage = () => showUpdate();
