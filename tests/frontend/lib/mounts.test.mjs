// The entry's selector -> mount table (frontend/lib/mounts.js): each widget on its own,
// idempotent, and unmounted when it leaves the page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mounter } from "../../../frontend/lib/mounts.js";

const shell = () => ({ isConnected: true, dataset: {} });
const page = (bySelector) => ({ querySelectorAll: (s) => bySelector[s] ?? [] });

test("a widget that throws stops only itself, and its error is reported", () => {
  const [a, b, c] = [shell(), shell(), shell()];
  const reported = [];
  const started = [];
  const table = [
    [".a", (root) => started.push(root)],
    [".b", () => {
      throw new Error("b broke");
    }],
    [".c", (_root, deps) => started.push(deps.py)],
  ];
  mounter(table, { py: "the client" }, (e) => reported.push(e.message)).page(page({ ".a": [a], ".b": [b], ".c": [c] }));
  assert.deepEqual(started, [a, "the client"]);
  assert.deepEqual(reported, ["b broke"]);
  assert.equal(b.dataset.bound, "1"); // not tried again on the next page event
});

test("mounting again mounts only what is new", () => {
  const [a, a2] = [shell(), shell()];
  let mounts = 0;
  const widgets = mounter([[".a", () => (mounts += 1)]], {}, assert.fail);
  widgets.page(page({ ".a": [a] }));
  widgets.page(page({ ".a": [a] }));
  widgets.page(page({ ".a": [a, a2] }));
  assert.equal(mounts, 2);
});

test("a widget that left the page is unmounted once; a failing unmount is reported", () => {
  const [a, b] = [shell(), shell()];
  const unmounted = [];
  const reported = [];
  const table = [
    [".a", () => () => unmounted.push("a")],
    [".b", () => () => {
      throw new Error("b would not stop");
    }],
  ];
  const widgets = mounter(table, {}, (e) => reported.push(e.message));
  widgets.page(page({ ".a": [a], ".b": [b] }));
  a.isConnected = b.isConnected = false; // instant navigation replaced the content
  widgets.page(page({}));
  widgets.page(page({}));
  assert.deepEqual(unmounted, ["a"]);
  assert.deepEqual(reported, ["b would not stop"]);
  assert.equal(widgets.size, 0);
});
