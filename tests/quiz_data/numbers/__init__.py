"""Back-of-envelope numbers as code.

Each worked number in a question is recomputed in a test from the assumptions its text
states, and the test fails when the text and the computation disagree. The helpers find a
number exactly as the text writes it ("112 GB", "0.52 billion") in one field of a bank
entry, so a rounding or unit change in either place is caught.
"""

from __future__ import annotations

import re

from macros.bank import Bank


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
