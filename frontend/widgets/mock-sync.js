// The mock round kept in this browser (mock.js holds the round): the running round saved
// after every change, so a reload or a visit elsewhere resumes it, and followed across
// tabs, one running round per browser; and the finished round recorded into progress.

import { el } from "../lib/dom.js";
import { errorText } from "../lib/format.js";
import { showNotices } from "./practice.js";

// The running round as saved; its version is the engine's (data-round-version, written
// by the build).
export function roundState(round) {
  return {
    version: Number(round.root.dataset.roundVersion),
    mock: round.mock, started_ms: round.startedMs, question_started_ms: round.askedMs, probes: round.shown,
    done_seconds: round.doneSeconds ?? null,
  };
}

// The running round, saved after every change. A widget left by instant navigation
// must not overwrite the round a fresh one on the same page has resumed. When another
// tab got further with this round, or started a newer one, its copy is shown instead.
export async function saveRound(round) {
  if (!round.root.isConnected) return;
  try {
    const { keep, stored } = await round.slot.save(roundState(round));
    if (keep === "stored" && stored) await follow(round, stored);
  } catch (error) {
    round.say(`The round could not be saved: ${errorText(error)}`);
  }
}

// This tab follows another tab's changes to the running round; returns what stops it.
export function watchRound(round) {
  const stop = round.slot.watch(async () => {
    if (!round.root.isConnected) return stop();
    if (round.mode !== "running" && round.mode !== "idle") return;
    const { value } = await round.slot.load();
    if (value) await follow(round, value);
    else if (round.mode === "running") endedElsewhere(round);
  });
  return stop;
}

async function follow(round, saved) {
  const mine = round.mode === "running" ? roundState(round) : null;
  if (mine && JSON.stringify(mine) === JSON.stringify(saved)) return;
  round.stopClocks();
  round.mode = "idle";
  await round.show(saved);
  round.say("This round changed in another tab; it goes on from there.");
}

function endedElsewhere(round) {
  round.stopClocks();
  round.mode = "idle";
  round.fieldset.disabled = false;
  round.body.replaceChildren(el("p", { class: "mlw-mock__elsewhere",
    text: "This round was finished or discarded in another tab. Choose your role and level above to start another." }));
  round.say("This round ended in another tab.");
}

// A finished round into the reader's progress, as it ended (complete, or partial with
// what was graded); returns the sentence for the scorecard (a failure to save must not
// hide the scorecard).
export async function recordRound(round, reason, partial) {
  const done = partial
    ? "Saved to your progress as a partial round: each graded question now schedules as a flashcard; the rest were not scored."
    : "Saved to your progress: each grade now schedules that question as a flashcard.";
  // A reload between recording and clearing the saved round finishes it a second time.
  if (round.progress.mocks.some((m) => m.id === round.mock.id)) return done;
  const before = round.progress;
  try {
    round.progress = await round.py.call("record_mock", {
      progress: before, mock: round.mock, finished_ms: Date.now(), ended: partial ? reason : "complete",
    });
  } catch (error) {
    return `This round could not be saved to your progress: ${errorText(error)}`;
  }
  await round.progressStore.save(round.progress, before);
  showNotices(round.root.querySelector(".mlw-notices"), round.progressStore);
  return done;
}
