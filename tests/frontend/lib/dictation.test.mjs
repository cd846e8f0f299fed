// Dictation only with on-device recognition confirmed (frontend/lib/dictation.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { localRecogniser, onDeviceRecognition } from "../../../frontend/lib/dictation.js";

function fakeRecognition(status, { local = true } = {}) {
  class Recognition {
    constructor() {
      this.listeners = {};
    }
    addEventListener(name, fn) {
      this.listeners[name] = fn;
    }
  }
  if (local) {
    Object.defineProperty(Recognition.prototype, "processLocally", {
      get() { return this._local ?? false; },
      set(v) { this._local = v; },
    });
  }
  Recognition.asked = [];
  Recognition.available = async (options) => {
    Recognition.asked.push(options);
    if (status instanceof Error) throw status;
    return status;
  };
  return Recognition;
}

test("only an installed on-device language gives a recogniser", async () => {
  const Available = fakeRecognition("available");
  assert.equal(await onDeviceRecognition("en-GB", { SpeechRecognition: Available }), Available);
  assert.deepEqual(Available.asked, [{ langs: ["en-GB"], processLocally: true }]);
  for (const status of ["downloadable", "downloading", "unavailable", new Error("policy")]) {
    assert.equal(await onDeviceRecognition("en-GB", { SpeechRecognition: fakeRecognition(status) }), null);
  }
});

test("no promise of local processing, no microphone", async () => {
  assert.equal(await onDeviceRecognition("en", {}), null);
  assert.equal(await onDeviceRecognition("en", { webkitSpeechRecognition: fakeRecognition("available") }), null);
  const noFlag = fakeRecognition("available", { local: false });
  assert.equal(await onDeviceRecognition("en", { SpeechRecognition: noFlag }), null);
  const noCheck = fakeRecognition("available");
  delete noCheck.available;
  assert.equal(await onDeviceRecognition("en", { SpeechRecognition: noCheck }), null);
});

test("the recogniser is set to stay local and passes on final results only", () => {
  const heard = [];
  const r = localRecogniser(fakeRecognition("available"), "en-GB", { onHeard: (t) => heard.push(t) });
  assert.equal(r.processLocally, true);
  r.listeners.result({
    resultIndex: 0,
    results: [Object.assign([{ transcript: "bias is" }], { isFinal: true }), Object.assign([{ transcript: "noise" }], { isFinal: false })],
  });
  assert.deepEqual(heard, ["bias is"]);
});
