"""Reading what the guide kept in a page's storage: its backups (IndexedDB or
localStorage, through the page's own MLGuide.backups), the notice that saving stopped,
filling localStorage to its quota, and pages whose browser blocks or lacks a storage."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

TIMEOUT = 90_000

BACKUPS_JS = """async (name) => {
  const found = (await MLGuide.backups.list()).filter((b) => b.name === name);
  return Promise.all(found.map(async (b) => ({ ...b, raw: await MLGuide.backups.read(b) })));
}"""

# Fill localStorage with filler keys until at most `room` more characters fit.
FILL_JS = """(room) => {
  const chunk = (n) => "f".repeat(n);
  let i = 0;
  for (const size of [500000, 50000, 5000, 500, 50]) {
    for (;;) {
      try { localStorage.setItem(`filler:${i}`, chunk(size)); i += 1; } catch { break; }
    }
  }
  // free `room` characters again, so that only a little more fits
  let freed = 0;
  while (freed < room && i > 0) {
    i -= 1;
    freed += (localStorage.getItem(`filler:${i}`) ?? "").length;
    localStorage.removeItem(`filler:${i}`);
  }
  return i;
}"""


def backups(page, name: str) -> list[dict]:
    """This guide's backups of `name` ("progress", "mock-round"...), with their text."""
    return page.evaluate(BACKUPS_JS, name)


def fill_storage(page, room: int = 0) -> None:
    page.evaluate(FILL_JS, room)


def blocking(*names: str) -> str:
    """A script that makes each storage in `names` ("localStorage", "sessionStorage")
    throw on access, as a browser that blocks it does."""
    return (
        f"for (const name of {json.dumps(list(names))}) {{"
        " Object.defineProperty(window, name, {get() {"
        " throw new DOMException('blocked', 'SecurityError'); }}); }"
    )


@contextmanager
def page_with_script(browser, script: str, **options) -> Iterator:
    """A page in a context of its own that runs `script` before the site's own; service
    workers are blocked unless `options` (for browser.new_context) say otherwise. The
    context is closed afterwards."""
    context = browser.new_context(**{"service_workers": "block", **options})
    context.add_init_script(script)
    try:
        yield context.new_page()
    finally:
        context.close()


def saving_notice(page):
    """The notice at the top of a practice page that says saving stopped."""
    return page.locator(".md-content .mlw-saving")
