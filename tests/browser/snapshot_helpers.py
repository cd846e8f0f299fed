"""What the snapshot's browser tests share (test_snapshot.py, test_snapshot_damage.py): a
copy of the built site with a snapshot from devtools.site (no second build), served like
Pages; booting a page and reading how Python booted; and putting a copy in the worker's
snapshot cache as keeping it would (snapshot-store.mjs), genuine or damaged."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlparse

import numpy as np
import pytest
from playwright.sync_api import expect

from devtools.server import serve
from devtools.site import add_snapshot
from tests.browser.quiz_helpers import answer_current, answer_key

TIMEOUT = 90_000
MANIFEST = "**/assets/quiz/runtime.json"


def served_snap_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """(site, url, record): a copy of the built site with a snapshot, served like Pages."""
    site = tmp_path_factory.mktemp("snapshot") / "site"
    shutil.copytree(built_site, site)
    record = add_snapshot(site)
    with serve(site, prefix="/ml-guide/") as url:
        yield site, url, record


def manifest_of(snap_site) -> dict:
    return json.loads((snap_site[0] / "assets/quiz/runtime.json").read_text())


def serve_manifest(page, data: dict) -> None:
    page.route(MANIFEST, lambda route: route.fulfill(json=data))


def serve_snapshot(page, record: dict, body: bytes | None, status: int = 200) -> None:
    page.route(f"**/{record['file']}", lambda route: route.fulfill(status=status, body=body))


# The page's idle moments, held back by the test, let go (the keeping waits for one).
RELEASE_IDLE = "() => window.heldIdle.splice(0).forEach((fn) => fn({ didTimeout: false }))"
RELEASE_IDLE_UNTIL_ASKED = f"() => ({RELEASE_IDLE})() ?? MLGuide.py.snapshotKept !== null"


def boot(page, url: str) -> dict:
    page.goto(urljoin(url, "tracks/fundamentals/"))
    page.evaluate("MLGuide.py.start().catch(() => {}), null")  # as the quiz does on sight
    page.wait_for_function("() => MLGuide.py.isReady", timeout=TIMEOUT)
    return page.evaluate("MLGuide.py._readyValue")


def how(info: dict) -> tuple:
    """How a worker booted: its path, what became of the snapshot, and why it fell back."""
    return info["boot"], info["snapshot"], info["fallback_reason"]


def kept(page) -> dict:
    """What the background keeping of the snapshot ended in, once it has."""
    page.wait_for_function("() => MLGuide.py.snapshotKept !== null", timeout=TIMEOUT)
    return page.evaluate("MLGuide.py.snapshotKept")


def keep_genuine(page, url: str) -> None:
    info = boot(page, url)
    assert (info["boot"], info["snapshot"]) == ("plain", "not-cached")
    assert kept(page) == {"kept": True}


def checksum(raw: bytes) -> str:
    """snapshot-store.mjs's checksum: Fletcher's two running sums of the little-endian
    32-bit words, then of the last bytes, modulo 2**32."""
    n = len(raw) // 4
    words = np.frombuffer(raw[: n * 4], dtype="<u4").astype(np.uint64)
    a = int(words.sum())
    b = int((words * np.arange(n, 0, -1, dtype=np.uint64)).sum())
    for byte in raw[n * 4 :]:
        a += byte
        b += a
    return f"{a % 2**32:x}-{b % 2**32:x}"


def cache_copy(page, url: str, record: dict, raw: bytes, sha256: str, summed: bytes) -> None:
    """Put `raw` in the worker's snapshot cache as keeping it would (inflated, with the
    manifest's digest and the checksum of `summed` beside it): a browser or disk that
    damaged what it stored when `raw` is not `summed`. The cache's name is
    snapshot-store.mjs's: the site's path."""
    headers = {"X-Snapshot-Sha256": sha256, "X-Snapshot-Checksum": checksum(summed)}
    cache_response(page, url, record, raw, headers)


def cache_response(page, url: str, record: dict, body: bytes, headers: dict) -> None:
    page.route("**/__snapshot_bytes__", lambda route: route.fulfill(body=body, headers=headers))
    page.goto(urljoin(url, "404.html"))  # a page without Python, so nothing keeps the real one
    page.evaluate(
        """async ([name, file]) => {
          const cache = await caches.open(name);
          await cache.put(new URL(file, location.href).href, await fetch("__snapshot_bytes__"));
        }""",
        [f"python-snapshot:{urlparse(url).path}", record["file"]],
    )


# The kept copy as the worker finds it (cache name, absolute URL): its length and headers.
KEPT_COPY = """async ([name, file]) => {
  const response = await (await caches.open(name)).match(file);
  if (!response) return null;
  const ours = [...response.headers].filter(([k]) => k.startsWith("x-snapshot"));
  const headers = Object.fromEntries(ours);
  return { bytes: (await response.arrayBuffer()).byteLength, ...headers };
}"""


def kept_copy(page, url: str, record: dict) -> dict | None:
    name = f"python-snapshot:{urlparse(url).path}"
    return page.evaluate(KEPT_COPY, [name, urljoin(url, record["file"])])


def regzip(raw: bytes) -> bytes:
    return gzip.compress(raw, compresslevel=6, mtime=0)


def with_snapshot(manifest: dict, packed: bytes, **fields) -> dict:
    snap = {
        **manifest["snapshot"],
        "bytes": len(packed),
        "sha256": hashlib.sha256(packed).hexdigest(),
        **fields,
    }
    return {**manifest, "snapshot": snap}


def raw_of(snap_site) -> bytes:
    site, _, record = snap_site
    return gzip.decompress((site / record["file"]).read_bytes())


def quiz_still_works(page, site) -> None:
    progress = page.evaluate("MLGuide.py.progress")
    assert progress["loaded"] == progress["total"] > 0
    quiz = page.locator(".mlw-quiz").first
    quiz.locator(".mlw-start").click()
    answer_current(page, quiz, answer_key(site), True)
    # The live region is filled a moment after the feedback appears (so it is announced).
    expect(quiz.locator("[role=status]")).to_contain_text("Correct.")
