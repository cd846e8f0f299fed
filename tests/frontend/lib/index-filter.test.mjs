// The indexes' filters (frontend/lib/index-filter.js): the query that holds a view, the
// rows it shows, the count, and what "Practise these" hands to the quiz.
import assert from "node:assert/strict";
import { test } from "node:test";
import { countText, matches, quizLink, quizPreset, readQuery, writeQuery } from "../../../frontend/lib/index-filter.js";

const allowed = {
  track: new Set(["", "llm", "statistics"]),
  level: new Set(["", "L3", "L6+"]),
  status: new Set(["", "due", "new"]),
};

test("a query keeps only the values the index offers", () => {
  assert.deepEqual(readQuery("?track=llm&level=L9&status=due&x=1", allowed), {
    track: "llm", level: "", status: "due",
  });
  assert.deepEqual(readQuery("", allowed), { track: "", level: "", status: "" });
  assert.equal(readQuery("?level=L6%2B", allowed).level, "L6+");
});

test("writing a view drops empty filters and keeps other parameters", () => {
  assert.equal(writeQuery("?x=1&track=llm", { track: "", level: "L6+" }), "?x=1&level=L6%2B");
  assert.equal(writeQuery("?track=llm", { track: "" }), "");
  const back = readQuery(writeQuery("", { track: "statistics", level: "L3", status: "" }), allowed);
  assert.deepEqual(back, { track: "statistics", level: "L3", status: "" });
});

test("levels and roles match any of a row's, the rest exactly", () => {
  const row = { track: "llm", levels: "L4 L5 L6+", roles: "mle ai", type: "explain", status: "due" };
  assert.ok(matches(row, { track: "", level: "", role: "" }));
  assert.ok(matches(row, { track: "llm", level: "L6+", role: "ai", status: "due" }));
  assert.ok(!matches(row, { level: "L3" }));
  assert.ok(!matches(row, { role: "ds" }));
  assert.ok(!matches(row, { level: "L5", status: "new" }));
  assert.ok(!matches({ ...row, levels: "L4 L56" }, { level: "L5" })); // whole words only
});

test("the count says how many of how many", () => {
  assert.equal(countText(24, 150), "24 of 150 shown");
  assert.equal(countText(0, 150), "0 of 150 shown");
  assert.equal(countText(150, 150), "All 150 shown");
});

test("the quiz gets the filters it draws by and the others are named", () => {
  const { href, dropped } = quizLink("https://h/ml-guide/drill/quiz/", {
    track: "llm", level: "L6+", role: "", type: "compare", status: "due",
  });
  const url = new URL(href);
  assert.equal(url.pathname, "/ml-guide/drill/quiz/");
  assert.equal(url.searchParams.get("tracks"), "llm");
  assert.equal(url.searchParams.get("levels"), "L6+");
  assert.equal(url.searchParams.get("roles"), null);
  assert.deepEqual(dropped, ["type", "status"]);
});

test("the quiz page reads back only the choices its form offers", () => {
  const offered = { tracks: new Set(["llm"]), levels: new Set(["L6+"]), roles: new Set(["mle"]) };
  assert.deepEqual(quizPreset("?tracks=llm,nope&levels=L6%2B", offered), {
    tracks: ["llm"], levels: ["L6+"], roles: [], scope: [],
  });
  assert.equal(quizPreset("?tracks=nope", offered), null);
  assert.equal(quizPreset("", offered), null);
});

test("the core set travels from an index to the quiz, but alone starts no quiz", () => {
  const { href, dropped } = quizLink("https://h/ml-guide/drill/quiz/", { track: "llm", scope: "core" });
  assert.equal(new URL(href).searchParams.get("scope"), "core");
  assert.deepEqual(dropped, []);
  const offered = { tracks: new Set(["llm"]), scope: new Set(["core", "all"]) };
  assert.deepEqual(quizPreset("?tracks=llm&scope=core", offered).scope, ["core"]);
  assert.equal(quizPreset("?scope=core", offered), null);
  assert.ok(matches({ scope: "core" }, { scope: "core" }));
  assert.ok(!matches({ scope: "" }, { scope: "core" }));
});
