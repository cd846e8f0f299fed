"""axe-core, from the pinned npm package, and the WCAG rule tags every page must pass."""

from __future__ import annotations

from tests.conftest import ROOT

AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every running CSS transition and animation has ended: axe reads colours as they are now.
SETTLED = "() => document.getAnimations().every((a) => a.playState !== 'running')"


def violations(page) -> list[dict]:
    """axe's violations on the page as it stands, read with motion reduced. The theme's
    "Back to top" button fades in and out as the page scrolls, and axe read its colour
    mid-fade (4.35:1 where it has 4.6:1 at rest), failing a check now and then on a busy
    machine: a fade can begin after any wait for running ones has passed. The theme drops
    every transition for readers who ask for reduced motion, so a fade ends at once and
    none can begin; the page's own setting is restored afterwards."""
    page.emulate_media(reduced_motion="reduce")
    try:
        page.wait_for_function(SETTLED)
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(AXE)
        # resultTypes: only violations are reported in full, which makes axe much faster
        options = "{runOnly: {type: 'tag', values: rules}, resultTypes: ['violations']}"
        return page.evaluate(f"rules => axe.run(document, {options})", RULES)["violations"]
    finally:
        page.emulate_media(reduced_motion="null")


def axe_clean(page, where: str) -> None:
    """No axe violation on the page as it stands once its transitions have ended."""
    found = violations(page)
    # Spelled out in the message: pytest does not rewrite asserts in this helper module, and
    # a violation seen once on a busy CI machine must say what it was.
    summary = [
        (v["id"], [(n["target"], n.get("failureSummary", "")[:300]) for n in v["nodes"][:3]])
        for v in found
    ]
    assert not summary, f"{where}: {summary}"


def key(page, selector: str, keys: str = "Enter") -> None:
    """Focus a control and press a key on it, as a keyboard user would after tabbing."""
    page.locator(selector).first.focus()
    page.keyboard.press(keys)
