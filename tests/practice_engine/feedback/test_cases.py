"""The feedback engine on behaviour cases: negation and its scope, reported beliefs and
hedges, flipped comparisons and opposites, numbers, misspellings and paraphrases. The same
cases run in Pyodide under Node (test_pyodide.py) and must give the same answers."""

from __future__ import annotations

import pytest

from practice_engine.feedback import feedback

from .cases import BLOCKS, CASES


@pytest.mark.parametrize(
    ("block", "level", "text", "hits", "traps"), CASES, ids=[c[2][:60] for c in CASES]
)
def test_case(block: str, level: str, text: str, hits: list[str], traps: list[str]) -> None:
    result = feedback(BLOCKS[block], block, level, text)
    found_hits = sorted(k["id"] for k in result["key_points"] if k["status"] == "hit")
    found_traps = sorted(t["id"] for t in result["traps"] if t["asserted"])
    assert (found_hits, found_traps) == (sorted(hits), sorted(traps))
