// The page's side of the Python worker: one module worker per tab, started lazily and
// kept alive across Material's instant navigation (this module runs once per tab, not
// per page). Requests are JSON; each may carry a time limit, after which the worker is
// terminated, a fresh one started, and the request rejected with a TimeoutError.
//
// A time limit runs from the moment the worker says it started the request. A worker that
// does not even start it (earlier code left it busy, or closed it) is replaced and the
// request sent again: the reader's next run is never blamed for the one before. After each
// timed run the worker is also asked to answer a ping: one that cannot is replaced at once.
// Exercise pages keep a spare worker booted (`keepSpare`), so that after a time-out
// Python is runnable again at once rather than after a new boot.
//
// The first time a worker boots plainly on a site that has a memory snapshot, the page,
// once it and the worker are idle (the first quiz item is on screen, say), asks it to keep
// the snapshot for later visits (`snapshotKept`); a reader who never uses Python never
// downloads it, and one who asked the browser to save data is spared it. Later visits, and
// the fresh worker after a time-out, restore from it.
//
// A worker restoring Python from a memory snapshot says it is alive about every second. If
// it goes quiet for stallMs, the restore has hung inside the wasm (only terminate() ends
// that): a fresh worker boots without the snapshot, which it then marks rejected, and the
// page just gets Python a little later.

import { siteRoot } from "../lib/site.js";
import { newWorker, takeEarlyWorker } from "./workers.js";

const ACK_MS = 2000; // how long an idle worker may take to start a timed request
const QUIET_MS = 2000; // the worker has had nothing to do this long: the page is not using it
const RETRY_ACK_MS = 10_000; // the same for the fresh worker a request was sent on again

export class PyTimeoutError extends Error {
  constructor(ms) {
    super(`stopped after ${Math.round(ms / 1000)} s`);
    this.name = "PyTimeoutError";
  }
}

const STALLED = Symbol("stalled");
const whenIdle = (fn) => (window.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(fn, { timeout: 5000 });

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
    this.spare = null; // { worker, booted: Promise<info|null> } on exercise pages
    this.wantSpare = false;
    this.snapshotKept = null; // Promise<{ kept, why? }> once asked, for tests and the console
    this._busyAt = 0; // when a request was last sent or answered
    this.marks = {}; // page-clock ms: first worker created, first boot answered (the bench)
    this.adopted = false; // the first worker was the one the page's head started
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
    this._announce(this._boot());
    return this.ready;
  }

  _announce(booted) {
    this.ready = booted.then((info) => {
      this.marks.ready ??= performance.now();
      this._readyValue = info;
      for (const listener of this.readyListeners) listener(info);
      if (this.wantSpare) whenIdle(() => this._startSpare());
      if (info.snapshot === "not-cached") this._whenQuiet(() => this._keepSnapshot());
      return info;
    });
    this.ready.catch(() => {
      this._discard();
    });
  }

  // Keep one more worker booted, once the first is ready and the page is idle.
  keepSpare() {
    this.wantSpare = true;
    if (this.isReady) whenIdle(() => this._startSpare());
  }

  _startSpare() {
    if (this.spare || !this.worker) return;
    const worker = this._spawn();
    const booted = this._send(worker, { op: "boot", skipSnapshot: this.skipSnapshot }).catch(() => null);
    this.spare = { worker, booted };
    booted.then((info) => {
      if (!info && this.spare?.worker === worker) {
        worker.terminate();
        this.spare = null;
      }
    });
  }

  // Run `fn` once the worker has had nothing to do for QUIET_MS and the page is idle, so
  // background work never competes with what the reader is waiting for.
  _whenQuiet(fn) {
    const check = () => {
      const quiet = this.pending.size === 0 && performance.now() - this._busyAt >= QUIET_MS;
      if (quiet) whenIdle(fn);
      else setTimeout(check, QUIET_MS);
    };
    setTimeout(check, QUIET_MS);
  }

  // Once per tab, in the background: the worker fetches, checks and stores the snapshot.
  // A worker still booting (a restart since the quiet check began) is left alone: its own
  // ready asks again.
  _keepSnapshot() {
    if (this.snapshotKept || !this.worker || !this.isReady) return;
    if (navigator.connection?.saveData) {
      this.snapshotKept = Promise.resolve({ kept: false, why: "the browser asks to save data" });
      return;
    }
    this.snapshotKept = this._send(this.worker, { op: "keep_snapshot" }).catch((error) => ({
      kept: false,
      why: String(error?.message ?? error),
    }));
  }

  // A new worker, or (`early`) the one the page's head started.
  _spawn(early = null) {
    const worker = early?.worker ?? newWorker(siteRoot);
    this.marks.spawn ??= early?.at ?? performance.now();
    this.workersStarted += 1;
    worker.onmessage = (event) => this._receive(event.data, worker);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this._failAll(new Error(event.message || "the Python worker failed to start"), worker);
    };
    return worker;
  }

  // Boot a worker; if it hangs restoring the snapshot, boot a fresh one without it. The
  // first may be the one the page's head started and asked to boot (py-early.mjs): what it
  // said until now is heard as if it had been this client's from the start.
  async _boot() {
    for (;;) {
      const early = takeEarlyWorker();
      this.adopted ||= Boolean(early);
      const worker = this._spawn(early);
      this.worker = worker;
      this._heard = { at: performance.now(), phase: null };
      const boot = { op: "boot", skipSnapshot: this.skipSnapshot };
      const booted = early ? this._expect(worker, early.id, boot) : this._send(worker, boot);
      booted.catch(() => {}); // a stalled boot is rejected below on purpose; no console noise
      for (const event of early?.heard ?? []) {
        if (event.type === "error") worker.onerror(event);
        else this._receive(event.data, worker);
      }
      const stalled = this._watchStall(worker);
      try {
        const info = await Promise.race([booted, stalled.promise]);
        if (info !== STALLED) return info;
      } finally {
        stalled.stop();
      }
      this.skipSnapshot = `the worker stopped answering while restoring the snapshot`;
      worker.terminate();
      this._failAll(new Error("the Python worker was restarted"), worker);
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
    const answer = this._send(this.worker, { op: "call", name, args }, timeoutMs);
    if (timeoutMs) answer.then(() => this._checkFree(), () => this._checkFree());
    return answer;
  }

  // After a timed run (the reader's code): a worker whose event loop does not come free
  // soon (something the code left keeps it busy, or it closed itself) is replaced now,
  // so the reader's next run starts on a working worker instead of waiting to find out.
  _checkFree() {
    const worker = this.worker;
    if (!worker || !this.isReady) return;
    let answered = false;
    const done = () => {
      answered = true;
    };
    this._send(worker, { op: "ping" }).then(done, done);
    setTimeout(() => {
      if (!answered && this.worker === worker) this.restart().catch(() => {});
    }, ACK_MS);
  }

  // Throw the worker away (runaway code, fatal error) and go on with a fresh one: the
  // spare at once when there is one, else a new boot.
  restart() {
    this._discard();
    const spare = this.spare;
    this.spare = null;
    if (!spare) return this.start();
    this.worker = spare.worker;
    this._announce(spare.booted.then((info) => info ?? this._boot()));
    return this.ready;
  }

  _discard() {
    const worker = this.worker;
    worker?.terminate();
    this.worker = null;
    this.ready = null;
    this._readyValue = undefined;
    this.progress = { loaded: 0, total: 0 };
    this._failAll(new Error("the Python worker was restarted"), worker);
  }

  _send(worker, message, timeoutMs, retried = false) {
    const id = this.nextId++;
    const answer = this._expect(worker, id, message, timeoutMs, retried);
    worker.postMessage(JSON.stringify({ id, ...message }));
    return answer;
  }

  // The answer to request `id` of `worker`, sent now or already (by py-early.mjs).
  _expect(worker, id, message, timeoutMs, retried = false) {
    this._busyAt = performance.now();
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject, worker, message, timeoutMs, retried, timer: null, ack: null };
      if (timeoutMs) entry.ack = setTimeout(() => this._unstarted(id), retried ? RETRY_ACK_MS : ACK_MS);
      this.pending.set(id, entry);
    });
  }

  // The worker began a timed request: its time limit runs from now.
  _started(id) {
    const entry = this.pending.get(id);
    if (!entry?.timeoutMs) return;
    clearTimeout(entry.ack);
    entry.timer = setTimeout(() => {
      this.pending.delete(id);
      entry.reject(new PyTimeoutError(entry.timeoutMs));
      if (this.worker === entry.worker) this.restart().catch(() => {});
    }, entry.timeoutMs);
  }

  // The worker never began the request: something earlier left it busy or closed. Not
  // this request's fault: a fresh worker gets it, once.
  _unstarted(id) {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.retried) {
      entry.reject(new Error("Python did not answer, even after a restart"));
      return;
    }
    const fresh = this.worker === entry.worker ? this.restart() : this.start();
    fresh
      .then(() => this._send(this.worker, entry.message, entry.timeoutMs, true))
      .then(entry.resolve, entry.reject);
  }

  _receive(data, worker) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (worker === this.worker) this._heard.at = performance.now();
    if (message.type === "alive") {
      if (worker === this.worker) this._heard.phase = message.phase;
      return;
    }
    if (message.type === "progress") {
      if (worker !== this.worker) return; // the spare boots quietly
      this.progress = { loaded: message.loaded, total: message.total };
      for (const listener of this.progressListeners) listener(this.progress);
      return;
    }
    if (message.type === "started") {
      if (this.pending.get(message.id)?.worker === worker) this._started(message.id);
      return;
    }
    const entry = this.pending.get(message.id);
    if (!entry || entry.worker !== worker) return;
    this.pending.delete(message.id);
    this._busyAt = performance.now();
    clearTimeout(entry.timer);
    clearTimeout(entry.ack);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(message.error));
  }

  _failAll(error, worker) {
    for (const [id, entry] of this.pending) {
      if (worker && entry.worker !== worker) continue;
      clearTimeout(entry.timer);
      clearTimeout(entry.ack);
      entry.reject(error);
      this.pending.delete(id);
    }
  }
}

// The one client of the tab, which every widget is handed (main.js).
export const py = new PyClient();
