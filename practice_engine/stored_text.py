"""Stored text read safely: what the page kept in storage (or a file), parsed as JSON only
after its nesting depth is known to be safe. Every store reads this way (progress, a
running mock round, a quiz session, an imported file); what the parsed data must hold is
checked by validate.py.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

MAX_NESTING = 32  # progress nests 5 deep; far below where Pyodide's stack gives out
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]]+")


def nesting_problem(text: str) -> str | None:
    """None if `text` nests brackets at most about MAX_NESTING deep, else why it is refused.

    json.loads recurses once per level, and in Pyodide a deep enough file overflows the
    JavaScript stack, which kills the worker instead of raising, so depth is measured
    before parsing, at C speed: strings out, brackets only, then MAX_NESTING passes that
    each remove the innermost pairs. What is left is either still nested (too deep) or
    "]]..[[..", whose trailing opens add to the depth."""
    shape = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text).translate({123: "[", 125: "]"}))
    if "[" * (MAX_NESTING + 1) in shape:  # the plain attack, found without any pass
        return f"the data is nested more than {MAX_NESTING} levels deep"
    for _ in range(MAX_NESTING):
        if "[]" not in shape:
            break
        shape = shape.replace("[]", "")
    if "[]" in shape or len(shape) - len(shape.rstrip("[")) > MAX_NESTING:
        return f"the data is nested more than {MAX_NESTING} levels deep"
    return None


class Stored(NamedTuple):
    """What the page kept in storage, parsed: `present` is False when nothing was kept."""

    present: bool
    data: Any = None
    reason: str | None = None


def parse_stored(raw: Any, what: str) -> Stored:
    """Stored text as JSON, or the reason it cannot be used; never raises.

    Every store (progress, a running mock round, a quiz session) reads the page's storage
    the same way, and the depth check must come before json.loads (see nesting_problem).
    `what` names the store in the reason, e.g. "stored progress"."""
    if raw is None or raw == "":
        return Stored(present=False)
    if not isinstance(raw, str):
        return Stored(True, reason=f"{what} is not text")
    nested = nesting_problem(raw)
    if nested:
        return Stored(True, reason=f"{what} is unusable: {nested}")
    try:
        return Stored(True, json.loads(raw))
    except (ValueError, RecursionError) as exc:
        return Stored(True, reason=f"{what} is not valid JSON ({exc})")
