// The page's side of the Python worker: one module worker per tab, started lazily and
// kept alive across Material's instant navigation (this script runs once per tab, not
// per page). Requests are JSON; each may carry a time limit, after which the worker is
// terminated, a fresh one started, and the request rejected with a TimeoutError.
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
      this.worker = new Worker(new URL("assets/js/py-worker.mjs", siteRoot), { type: "module" });
      this.workersStarted += 1;
      this.worker.onmessage = (event) => this._receive(event.data);
      this.worker.onerror = (event) => {
        event.preventDefault?.();
        this._failAll(new Error(event.message || "the Python worker failed to start"));
      };
      this.ready = this._send({ op: "boot" }).then((info) => {
        this._readyValue = info;
        for (const listener of this.readyListeners) listener(info);
        return info;
      });
      this.ready.catch(() => {
        this._discard();
      });
      return this.ready;
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
