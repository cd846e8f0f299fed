"""Booting Python from the build's memory snapshot, in a real browser: the quiz works
through it, the engine answers exactly as after a plain boot, and every kind of bad
snapshot ends in a plain boot that says why, with the quiz still working.

One copy of the built site gets a snapshot from devtools.site (no second build); the
bad cases are made by routing the snapshot or the manifest, so each meets the worker
exactly as a broken host would serve it."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from devtools.server import serve
from devtools.site import add_snapshot
from tests.browser.quiz_helpers import answer_current, answer_key, take_quiz

pytestmark = pytest.mark.browser
TIMEOUT = 90_000
MANIFEST = "**/assets/quiz/runtime.json"


@pytest.fixture(scope="module")
def snap_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """(site, url, record): a copy of the built site with a snapshot, served like Pages."""
    site = tmp_path_factory.mktemp("snapshot") / "site"
    shutil.copytree(built_site, site)
    record = add_snapshot(site)
    with serve(site, prefix="/ml-guide/") as url:
        yield site, url, record


@pytest.fixture(scope="module")
def manifest(snap_site) -> dict:
    return json.loads((snap_site[0] / "assets/quiz/runtime.json").read_text())


def _serve_manifest(page, data: dict) -> None:
    page.route(MANIFEST, lambda route: route.fulfill(json=data))


def _serve_snapshot(page, record: dict, body: bytes | None, status: int = 200) -> None:
    page.route(f"**/{record['file']}", lambda route: route.fulfill(status=status, body=body))


def _boot(page, url: str) -> dict:
    page.goto(urljoin(url, "tracks/fundamentals/"))
    page.evaluate("MLGuide.py.start().catch(() => {}), null")  # as the quiz does on sight
    page.wait_for_function("() => MLGuide.py.isReady", timeout=TIMEOUT)
    return page.evaluate("MLGuide.py._readyValue")


def test_the_service_worker_caches_the_snapshot_with_the_runtime(snap_site) -> None:
    site, _, record = snap_site
    assert json.dumps(record["file"]) in (site / "sw.js").read_text(encoding="utf-8")


def test_quiz_runs_on_the_snapshot(page, snap_site, manifest, requests_log) -> None:
    site, url, record = snap_site
    info = _boot(page, url)
    assert (info["boot"], info["fallback_reason"]) == ("snapshot", None)
    assert not [u for u in requests_log.urls if u.endswith(".whl")], "wheels fetched anyway"
    # Progress counted the files this boot fetched: the runtime and the snapshot.
    runtime = sum(n for rel, n in manifest["sizes"].items() if not rel.endswith(".whl"))
    progress = page.evaluate("MLGuide.py.progress")
    assert progress == {"loaded": runtime + record["bytes"], "total": runtime + record["bytes"]}
    quiz = page.locator(".mlw-quiz").first
    quiz.locator(".mlw-start").click()
    score = take_quiz(page, quiz, answer_key(site), [True, False, True, True, False])
    assert score == "Score: 3 of 5"


# Every quiz item of the bank, every option chosen alone, graded at its position in one
# session holding them all; then a few shuffled sessions. Returns every answer.
TRANSCRIPT = """async (items) => {
  const py = MLGuide.py;
  const base = await py.call("new_session", { filters: { count: 1 }, seed: 0 });
  const all = items.map(([item, n]) => ({ item, order: [...Array(n).keys()] }));
  const session = { ...base, items: all, filters: { ...base.filters, count: all.length } };
  const out = [];
  for (const [k, [item, n]] of items.entries()) {
    for (let j = 0; j < n; j++) {
      const graded = await py.call("grade", { session: { ...session, position: k }, chosen: [j] });
      out.push([item, j, graded.feedback]);
    }
  }
  for (const seed of [1, 2, 3]) {
    let s = await py.call("new_session", { filters: { count: 50 }, seed });
    s = (await py.call("grade", { session: s, chosen: [0] })).session;
    out.push([seed, s, await py.call("score", { session: s })]);
  }
  return out;
}"""


def test_engine_answers_the_same_on_both_paths(page, browser, snap_site, manifest) -> None:
    site, url, _ = snap_site
    bank = json.loads((site / "assets/quiz/bank.json").read_text())
    items = [i for e in bank["entries"] for i in e["items"]]
    arg = [[i["id"], len(i["options"])] for i in items]
    assert _boot(page, url)["boot"] == "snapshot"
    restored = page.evaluate(TRANSCRIPT, arg)

    plain_manifest = {k: v for k, v in manifest.items() if k != "snapshot"}
    context = browser.new_context(service_workers="block")
    try:
        other = context.new_page()
        _serve_manifest(other, plain_manifest)
        info = _boot(other, url)
        assert (info["boot"], info["fallback_reason"]) == ("plain", None)
        plain = other.evaluate(TRANSCRIPT, arg)
    finally:
        context.close()

    assert restored == plain
    # ...and both are right: each option is graded as the bank marks it.
    graded = {(item, j): fb["correct"] for item, j, fb in restored[:-3]}
    expected = {
        (i["id"], j): o["correct"] and sum(x["correct"] for x in i["options"]) == 1
        for i in items
        for j, o in enumerate(i["options"])
    }
    assert graded == expected


def _regzip(raw: bytes) -> bytes:
    return gzip.compress(raw, compresslevel=6, mtime=0)


def _with_snapshot(manifest: dict, packed: bytes, **fields) -> dict:
    snap = {
        **manifest["snapshot"],
        "bytes": len(packed),
        "sha256": hashlib.sha256(packed).hexdigest(),
        **fields,
    }
    return {**manifest, "snapshot": snap}


def _other_build(snap_site, manifest) -> tuple[dict, bytes]:
    """The snapshot with another build id in its header, listed honestly in the manifest:
    only Pyodide's own check can reject it."""
    site, _, record = snap_site
    raw = bytearray(gzip.decompress((site / record["file"]).read_bytes()))
    raw[16:20] = bytes(b ^ 0xFF for b in raw[16:20])
    packed = _regzip(bytes(raw))
    return _with_snapshot(manifest, packed), packed


def _missing(snap_site, manifest):
    return manifest, None


def _truncated(snap_site, manifest):
    site, _, record = snap_site
    return manifest, (site / record["file"]).read_bytes()[: -(64 << 10)]


def _altered(snap_site, manifest):
    site, _, record = snap_site
    packed = bytearray((site / record["file"]).read_bytes())
    packed[len(packed) // 2] ^= 0x01
    return manifest, bytes(packed)


def _other_version(snap_site, manifest):
    site, _, record = snap_site
    return _with_snapshot(manifest, (site / record["file"]).read_bytes(), pyodide="0.0.1"), None


CASES = {
    "another Pyodide build": (_other_build, r"(?i)snapshot|build"),
    "missing": (_missing, r"HTTP 404"),
    "truncated": (_truncated, r"bytes, the manifest says"),
    "altered": (_altered, r"SHA-256"),
    "manifest for another version": (_other_version, r"Pyodide 0\.0\.1"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_snapshot_falls_back_to_a_plain_boot(page, snap_site, manifest, case) -> None:
    site, url, record = snap_site
    make, reason = CASES[case]
    data, body = make(snap_site, manifest)
    if data is not manifest:
        _serve_manifest(page, data)
    if body is not None or case == "missing":
        _serve_snapshot(page, record, body, status=404 if case == "missing" else 200)
    info = _boot(page, url)
    assert info["boot"] == "plain"
    assert info["fallback_reason"] and re.search(reason, info["fallback_reason"])
    progress = page.evaluate("MLGuide.py.progress")
    assert progress["loaded"] == progress["total"] > 0
    quiz = page.locator(".mlw-quiz").first
    quiz.locator(".mlw-start").click()
    answer_current(page, quiz, answer_key(site), True)
    # The live region is filled a moment after the feedback appears (so it is announced).
    expect(quiz.locator("[role=status]")).to_contain_text("Correct.")


def test_a_restore_that_hangs_is_abandoned_for_a_plain_boot(page, snap_site, manifest) -> None:
    """64 KiB of zeros inside the heap hang this runtime's restore (found by an earlier probe,
    see the README); listed honestly, so it passes every check
    the worker can make, and only the page's stall watchdog gets Python back."""
    site, url, record = snap_site
    raw = bytearray(gzip.decompress((site / record["file"]).read_bytes()))
    raw[14 << 20 : (14 << 20) + 65536] = bytes(65536)
    packed = _regzip(bytes(raw))
    _serve_manifest(page, _with_snapshot(manifest, packed))
    _serve_snapshot(page, record, packed)
    info = _boot(page, url)
    assert info["boot"] == "plain"
    assert "stopped answering" in info["fallback_reason"]
    assert page.evaluate("MLGuide.py.workersStarted") == 2
