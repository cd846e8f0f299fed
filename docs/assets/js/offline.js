// Register the service worker (offline reading after the first visit), and once Python has
// booted, ask it to keep the runtime too, so quizzes also work offline.
"use strict";

(() => {
  if (!("serviceWorker" in navigator) || window.MLGuide?.offline) return;
  const { siteRoot, py } = window.MLGuide;
  const registration = navigator.serviceWorker
    .register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname })
    .catch(() => null); // no sw.js under `mkdocs serve`: nothing to do

  async function keepRuntime() {
    const reg = await registration;
    if (!reg) return { ok: false, error: "no service worker" };
    const worker = (await navigator.serviceWorker.ready).active;
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      worker.postMessage({ type: "cache-runtime" }, [channel.port2]);
    });
  }

  const offline = { registration, keepRuntime, runtimeKept: null };
  py.onReady?.(() => {
    offline.runtimeKept = keepRuntime();
  });
  window.MLGuide.offline = offline;
})();
