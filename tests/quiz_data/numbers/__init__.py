"""Back-of-envelope numbers in the bank, recomputed from the assumptions the text states.

Each track's test module computes a worked number with a small function and checks that the
question's text writes the same number, rounded the way the text rounds it; so a number can
not drift away from its arithmetic. The two helpers below find the text and the number.
"""

from __future__ import annotations

import re

from macros.bank import Bank


def text_of(bank: Bank, qid: str, field: str) -> str:
    """The text at a dotted path of a question, such as `answer.why`, `depth.L5`,
    `followups.0.a` or `quiz.1.options.2.why`; a wrong path fails loudly, naming it."""
    node: object = bank.get(qid).model_dump(mode="json", by_alias=True)
    for part in field.split("."):
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(f"{qid}: no field {field!r} (stopped at {part!r})")
    if not isinstance(node, str):
        raise TypeError(f"{qid}: {field!r} is not text")
    return node


def number_in(text: str, pattern: str) -> float:
    """The number captured by the one group of `pattern` in `text`, as written there
    (thousands commas allowed); fails if the pattern is absent, so a rewording that drops
    the number is caught too."""
    match = re.search(pattern, text)
    if match is None:
        raise AssertionError(f"pattern {pattern!r} not found in: {text[:200]}...")
    return float(match.group(1).replace(",", "").rstrip("."))  # a full stop ends a sentence
