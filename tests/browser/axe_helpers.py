"""axe-core, from the pinned npm package, and the WCAG rule tags every page must pass."""

from __future__ import annotations

from tests.conftest import ROOT

AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every running CSS transition and animation has ended: axe reads colours as they are now,
# and a control fading in (the theme's "Back to top" button after a scroll up) fails the
# contrast rule halfway through its fade.
SETTLED = "() => document.getAnimations().every((a) => a.playState !== 'running')"


def axe_clean(page, where: str) -> None:
    """No axe violation on the page as it stands once its transitions have ended."""
    page.wait_for_function(SETTLED)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE)
    options = "{runOnly: {type: 'tag', values: rules}, resultTypes: ['violations']}"
    found = page.evaluate(f"rules => axe.run(document, {options})", RULES)["violations"]
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
