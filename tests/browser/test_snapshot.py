"""Booting Python from the build's memory snapshot, in a real browser: a first visit boots
plainly and keeps the snapshot in the background (inflated, with what was verified beside
it); later visits and the fresh worker after a time-out restore from it; and the engine
answers exactly as after a plain boot. Bad snapshots: test_snapshot_damage.py."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.quiz_helpers import answer_key, take_quiz
from tests.browser.snapshot_helpers import (
    RELEASE_IDLE,
    RELEASE_IDLE_UNTIL_ASKED,
    TIMEOUT,
    boot,
    checksum,
    how,
    keep_genuine,
    kept,
    kept_copy,
    manifest_of,
    serve_manifest,
    served_snap_site,
)

pytestmark = pytest.mark.browser


# The module's fixtures: one copy of the site with a snapshot, and its runtime manifest.
@pytest.fixture(scope="module")
def snap_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    yield from served_snap_site(built_site, tmp_path_factory)


@pytest.fixture(scope="module")
def manifest(snap_site) -> dict:
    return manifest_of(snap_site)


def test_the_service_worker_leaves_the_snapshot_to_the_python_worker(snap_site) -> None:
    site, _, record = snap_site
    assert record["file"].rsplit("/", 1)[1] not in (site / "sw.js").read_text(encoding="utf-8")


def test_a_first_visit_boots_plainly_then_keeps_the_snapshot_for_the_next(
    page, snap_site, manifest, requests_log
) -> None:
    site, url, record = snap_site
    # The page's idle moments are held back, so what the boot fetched can be read before
    # the keeping, which waits for one, may begin.
    page.add_init_script(
        "window.heldIdle = []; window.requestIdleCallback = (fn) => window.heldIdle.push(fn);"
    )
    info = boot(page, url)
    assert how(info) == ("plain", "not-cached", None)
    assert not [u for u in requests_log.urls if record["file"] in u], "snapshot fetched on the way"
    assert page.evaluate("MLGuide.py.snapshotKept") is None
    page.wait_for_function(RELEASE_IDLE_UNTIL_ASKED, timeout=TIMEOUT, polling=200)
    assert kept(page) == {"kept": True}
    assert [u for u in requests_log.urls if record["file"] in u], "kept without a fetch"
    raw = gzip.decompress((site / record["file"]).read_bytes())
    assert kept_copy(page, url, record) == {  # kept inflated, with what was verified
        "bytes": len(raw),
        "x-snapshot-sha256": manifest["snapshot"]["sha256"],
        "x-snapshot-checksum": checksum(raw),
    }

    seen = len(requests_log.urls)
    info = boot(page, url)
    assert how(info) == ("snapshot", "restored", None)
    assert not [u for u in requests_log.urls[seen:] if u.endswith(".whl") or record["file"] in u]
    # Progress counted the files this boot fetched: the runtime without the wheels.
    runtime = sum(n for rel, n in manifest["sizes"].items() if not rel.endswith(".whl"))
    assert page.evaluate("MLGuide.py.progress") == {"loaded": runtime, "total": runtime}
    page.evaluate(RELEASE_IDLE)
    assert page.evaluate("MLGuide.py.snapshotKept") is None, "kept again"
    quiz = page.locator(".mlw-quiz").first
    quiz.locator(".mlw-start").click()
    score = take_quiz(page, quiz, answer_key(site), [True, False, True, True, False])
    assert score == "Score: 3 of 5"


HEAD_WORKER = "[MLGuide.py.adopted, MLGuide.py.workersStarted, globalThis.mlguidePythonWorker]"


def test_a_practice_page_starts_the_worker_from_its_head(page, snap_site) -> None:
    """The quiz page (`python: eager`): its head's script starts the worker and asks it to
    boot before the bundle runs (py-early.mjs); the bundle takes that worker over and
    starts none of its own, on a first visit and on the next, which restores the kept
    copy. A page not for practice starts no worker from its head."""
    _, url, _ = snap_site
    for want in (("plain", "not-cached"), ("snapshot", "restored")):
        page.goto(urljoin(url, "drill/quiz/"))
        page.wait_for_function("() => MLGuide.py.isReady", timeout=TIMEOUT)
        info = page.evaluate("MLGuide.py._readyValue")
        assert (info["boot"], info["snapshot"]) == want
        assert page.evaluate(HEAD_WORKER) == [True, 1, None]
        if want[0] == "plain":
            assert kept(page) == {"kept": True}
    assert how(boot(page, url)) == ("snapshot", "restored", None)  # a track page
    assert page.evaluate(HEAD_WORKER) == [False, 1, None]


def test_after_a_time_out_python_comes_back_from_the_snapshot(page, snap_site) -> None:
    _, url, _ = snap_site
    keep_genuine(page, url)
    assert boot(page, url)["boot"] == "snapshot"
    stopped = page.evaluate(
        """() => MLGuide.py.call("run_code", { code: "while True: pass" }, { timeoutMs: 1000 })
              .then(() => "finished", (error) => error.name)"""
    )
    assert stopped == "PyTimeoutError"
    page.wait_for_function("() => MLGuide.py.isReady", timeout=TIMEOUT)
    info = page.evaluate("MLGuide.py._readyValue")
    assert (info["boot"], info["snapshot"]) == ("snapshot", "restored")
    assert page.evaluate("MLGuide.py.workersStarted") == 2
    answer = page.evaluate("MLGuide.py.call('run_code', { code: 'print(6 * 7)' })")
    assert "42" in json.dumps(answer)


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
    keep_genuine(page, url)
    assert boot(page, url)["boot"] == "snapshot"
    restored = page.evaluate(TRANSCRIPT, arg)

    plain_manifest = {k: v for k, v in manifest.items() if k != "snapshot"}
    context = browser.new_context(service_workers="block")
    try:
        other = context.new_page()
        serve_manifest(other, plain_manifest)
        info = boot(other, url)
        assert how(info) == ("plain", "none", None)
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
