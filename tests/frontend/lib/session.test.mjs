import assert from "node:assert/strict";
import { test } from "node:test";
import { advance, isRunning, newSession, parseSession } from "../../../frontend/lib/session.js";

const inside = (href) => (href.startsWith("https://site.test/") ? href : null);
const STEPS = [
  { href: "https://site.test/drill/flashcards/", text: "Review" },
  { href: "https://site.test/drill/quiz/?tracks=llm", text: "Quiz" },
];

test("a session reads back as it was kept, and runs to its end", () => {
  let session = newSession(STEPS, 1000);
  assert.deepEqual(parseSession(JSON.stringify(session), inside), session);
  assert.ok(isRunning(session));
  session = advance(session, 2000);
  assert.equal(session.at, 1);
  assert.ok(isRunning(session));
  session = advance(session, 3000);
  assert.equal(session.finished_ms, 3000);
  assert.ok(!isRunning(session));
  assert.deepEqual(parseSession(JSON.stringify(session), inside), session);
});

test("a step that leaves the site, or a broken copy, reads as no session", () => {
  const kept = (change) => JSON.stringify({ ...newSession(STEPS, 1000), ...change });
  const outside = [{ href: "javascript:alert(1)", text: "x" }];
  for (const raw of [null, "{", kept({ version: 2 }), kept({ steps: outside }), kept({ steps: [] }),
    kept({ at: 2 }), kept({ at: -1 }), kept({ started_ms: "x" }), kept({ finished_ms: 10 }),
    kept({ steps: [{ href: STEPS[0].href, text: "" }] })]) {
    assert.equal(parseSession(raw, inside), null, raw);
  }
});
