// Dictation only where the browser promises to recognise speech on this device. The Web
// Speech API's default recogniser may send the audio to a server (Chrome's does), so the
// answer box offers a microphone only when `SpeechRecognition` has `processLocally` and
// its static `available({ langs, processLocally: true })` says "available" (the language
// pack is installed). Anything else, including the prefixed webkitSpeechRecognition,
// which has no such promise, means no microphone button at all.

// The SpeechRecognition class to use on-device for `lang`, or null. `scope` is for tests.
export async function onDeviceRecognition(lang, scope = globalThis) {
  const Recognition = scope.SpeechRecognition;
  if (typeof Recognition !== "function" || typeof Recognition.available !== "function") return null;
  if (!("processLocally" in (Recognition.prototype ?? {}))) return null;
  try {
    const status = await Recognition.available({ langs: [lang], processLocally: true });
    return status === "available" ? Recognition : null;
  } catch {
    return null; // refused by a permissions policy, or any other failure: no dictation
  }
}

// A recogniser that must stay on the device, appending what it hears through `onHeard`.
export function localRecogniser(Recognition, lang, { onHeard, onEnd }) {
  const recogniser = new Recognition();
  recogniser.processLocally = true;
  if (recogniser.processLocally !== true) return null; // the promise did not hold
  recogniser.lang = lang;
  recogniser.continuous = true;
  recogniser.interimResults = false;
  recogniser.addEventListener("result", (event) => {
    for (let i = event.resultIndex; i < event.results.length; i += 1) {
      if (event.results[i].isFinal) onHeard(event.results[i][0].transcript);
    }
  });
  recogniser.addEventListener("end", () => onEnd?.());
  recogniser.addEventListener("error", () => onEnd?.());
  return recogniser;
}
