// The page's side of the Python worker: one module worker per tab, started lazily and
// kept alive across Material's instant navigation (this script runs once per tab, not
// per page). Requests are JSON; each may carry a time limit, after which the worker is
// terminated, a fresh one started, and the request rejected with a TimeoutError.
//
// A worker restoring Python from a memory snapshot says it is alive about every second. If
// it goes quiet for stallMs, the restore has hung inside the wasm (only terminate() ends
// that): a fresh worker boots without the snapshot, for the rest of this tab's life, and
// the page just gets Python a little later.
"use strict";

(() => {
  if (window.MLGuide?.py) return;

  const scriptURL = document.currentScript?.src ?? location.href;
  const siteRoot = new URL("../../", scriptURL);

  class PyTimeoutError extends Error {
    constructor(ms) {
      super(`stopped after ${Math.round(ms / 1000)} s`);
      this.name = "PyTimeoutError";
    }
  }

  const STALLED = Symbol("stalled");

  class PyClient {
    constructor() {
      this.worker = null;
      this.ready = null;
      this.nextId = 1;
      this.pending = new Map();
      this.progressListeners = new Set();
      this.workersStarted = 0;
      this.progress = { loaded: 0, total: 0 };
      this.readyListeners = new Set();
      this.stallMs = 10_000;
      this.skipSnapshot = null; // why this tab boots without the snapshot, once it must
      this._heard = { at: 0, phase: null };
    }

    // Called each time a worker finishes booting (and at once if one already has).
    onReady(listener) {
      this.readyListeners.add(listener);
      if (this._readyValue !== undefined) listener(this._readyValue);
    }

    onProgress(listener) {
      this.progressListeners.add(listener);
      listener(this.progress);
      return () => this.progressListeners.delete(listener);
    }

    get isReady() {
      return this._readyValue !== undefined;
    }

    start() {
      if (this.ready) return this.ready;
      this.ready = this._boot().then((info) => {
        this._readyValue = info;
        for (const listener of this.readyListeners) listener(info);
        return info;
      });
      this.ready.catch(() => {
        this._discard();
      });
      return this.ready;
    }

    _spawn() {
      this.worker = new Worker(new URL("assets/js/py-worker.mjs", siteRoot), { type: "module" });
      this.workersStarted += 1;
      this._heard = { at: performance.now(), phase: null };
      this.worker.onmessage = (event) => this._receive(event.data);
      this.worker.onerror = (event) => {
        event.preventDefault?.();
        this._failAll(new Error(event.message || "the Python worker failed to start"));
      };
    }

    // Boot a worker; if it hangs restoring the snapshot, boot a fresh one without it.
    async _boot() {
      for (;;) {
        this._spawn();
        const worker = this.worker;
        const booted = this._send({ op: "boot", skipSnapshot: this.skipSnapshot });
        booted.catch(() => {}); // a stalled boot is rejected below on purpose; no console noise
        const stalled = this._watchStall(worker);
        try {
          const info = await Promise.race([booted, stalled.promise]);
          if (info !== STALLED) return info;
        } finally {
          stalled.stop();
        }
        this.skipSnapshot = `the worker stopped answering while restoring the snapshot`;
        worker.terminate();
        this._failAll(new Error("the Python worker was restarted"));
      }
    }

    // Resolves to STALLED when a worker on the snapshot path has been silent for stallMs
    // while the page was visible (hidden tabs throttle timers, so silence proves nothing).
    _watchStall(worker) {
      let timer = null;
      const promise = new Promise((resolve) => {
        timer = setInterval(() => {
          const { at, phase } = this._heard;
          const silent = performance.now() - at > this.stallMs;
          if (document.hidden) this._heard.at = performance.now();
          else if (this.worker === worker && phase === "snapshot" && silent) resolve(STALLED);
        }, 1000);
      });
      return { promise, stop: () => clearInterval(timer) };
    }

    async call(name, args = {}, { timeoutMs } = {}) {
      await this.start();
      return this._send({ op: "call", name, args }, timeoutMs);
    }

    // Throw the worker away (runaway code, fatal error) and start a fresh one.
    restart() {
      this._discard();
      return this.start();
    }

    _discard() {
      this.worker?.terminate();
      this.worker = null;
      this.ready = null;
      this._readyValue = undefined;
      this.progress = { loaded: 0, total: 0 };
      this._failAll(new Error("the Python worker was restarted"));
    }

    _send(message, timeoutMs) {
      const id = this.nextId++;
      const worker = this.worker;
      return new Promise((resolve, reject) => {
        const entry = { resolve, reject, timer: null };
        if (timeoutMs) {
          entry.timer = setTimeout(() => {
            this.pending.delete(id);
            reject(new PyTimeoutError(timeoutMs));
            if (this.worker === worker) this.restart().catch(() => {});
          }, timeoutMs);
        }
        this.pending.set(id, entry);
        worker.postMessage(JSON.stringify({ id, ...message }));
      });
    }

    _receive(data) {
      let message;
      try {
        message = JSON.parse(data);
      } catch {
        return;
      }
      this._heard.at = performance.now();
      if (message.type === "alive") {
        this._heard.phase = message.phase;
        return;
      }
      if (message.type === "progress") {
        this.progress = { loaded: message.loaded, total: message.total };
        for (const listener of this.progressListeners) listener(this.progress);
        return;
      }
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      clearTimeout(entry.timer);
      if (message.ok) entry.resolve(message.result);
      else entry.reject(new Error(message.error));
    }

    _failAll(error) {
      for (const [id, entry] of this.pending) {
        clearTimeout(entry.timer);
        entry.reject(error);
        this.pending.delete(id);
      }
    }
  }

  const py = new PyClient();
  window.MLGuide = { ...(window.MLGuide ?? {}), py, siteRoot, PyTimeoutError };
  if (document.querySelector('meta[name="mlguide-python"][content="eager"]')) {
    py.start().catch(() => {}); // widgets show the error, with a retry, when they bind
  }
})();
