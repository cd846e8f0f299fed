"""Reading what the guide kept in a page's storage: its backups (IndexedDB or
localStorage, through the page's own MLGuide.backups), the notice that saving stopped,
and filling localStorage to its quota."""

from __future__ import annotations

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


def saving_notice(page):
    """The notice at the top of a practice page that says saving stopped."""
    return page.locator(".md-content .mlw-saving")
