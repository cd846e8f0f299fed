"""Back-of-envelope numbers in the bank, recomputed from the assumptions the text states.

Each track's test module computes a worked number with a small function and checks that the
question's text writes the same number, rounded the way the text rounds it; so a number can
not drift away from its arithmetic. `text_of` and `number_in` read a number by pattern;
`field` and `assert_shows` check that a number appears exactly as written ("12 GB" is not
in "112 GB").
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


def field(bank: Bank, qid: str, path: str) -> str:
    """The text of one field of entry `qid`, addressed like `answer.why`, `depth.L6+`,
    `followups[1].a` or `quiz[0].options[2].text`."""
    obj: object = bank.get(qid)
    for part in re.findall(r"\[\d+\]|[^.\[\]]+", path):
        if part.startswith("["):
            obj = obj[int(part[1:-1])]  # type: ignore[index]
        else:
            obj = getattr(obj, part.replace("+", "plus"))
    if not isinstance(obj, str):
        raise TypeError(f"{qid}: {path} is not a text field")
    return obj


def assert_shows(text: str, shown: str, where: str = "") -> None:
    """`shown` must occur in `text` as a whole number: no digit, decimal point or
    thousands separator may continue it on either side ("12 GB" is not in "112 GB")."""
    pattern = r"(?<![\d.,])" + re.escape(shown) + r"(?![\d]|[.,]\d)"
    assert re.search(pattern, text), f"{where}: expected {shown!r} in {text!r}"
