"""axe-core, from the pinned npm package, and the WCAG rule tags every page must pass."""

from __future__ import annotations

from tests.conftest import ROOT

AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
