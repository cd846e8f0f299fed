// Links made from stored or imported text stay inside the site (frontend/lib/dom.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { siteHref } from "../../../frontend/lib/dom.js";

const root = new URL("https://example.org/guide/");

test("a page of the guide becomes a link", () => {
  assert.equal(siteHref("tracks/fundamentals/#q-bias-variance", root),
    "https://example.org/guide/tracks/fundamentals/#q-bias-variance");
});

test("anything else does not", () => {
  for (const path of [
    "javascript:alert(1)",
    "https://elsewhere.example/guide/",
    "//elsewhere.example/guide/",
    "../other-site/",
    "/not-the-guide/",
    "data:text/html,hi",
  ]) {
    assert.equal(siteHref(path, root), null, path);
  }
});
