"""Helpers for the deep-learning number tests: find a number in a question's text as the
text writes it, so a test can compare it with the function that computes it. (The package's
``__init__`` holds the helpers the other tracks share; these add rounding as written.)

A test names the field (``answer.why``, ``depth.L5``, ``followups[2].a``, ``quiz[1]`` for
all the text of one quiz item) and a pattern: literal text with ``{n}`` where the number
stands. Whitespace in the pattern matches any whitespace, LaTeX thousands separators
(``2{,}099{,}200``) read as commas, and the number is compared after rounding the computed
value to the decimals the text shows, half away from zero, as a writer rounds.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from macros.bank import Bank

_NUMBER = r"(−?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
_FIELD = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+\+?))?$")


def _walk(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _walk(v)]
    if isinstance(value, list):
        return [s for v in value for s in _walk(v)]
    return []


def field_text(bank: Bank, qid: str, field: str) -> str:
    """The text of one field of question `qid`, e.g. ``answer.when`` or ``quiz[3]``."""
    match = _FIELD.match(field)
    if not match:
        raise ValueError(f"{qid}: cannot read field {field!r}")
    name, index, key = match.groups()
    data = bank.get(qid).model_dump(mode="json", by_alias=True)
    value = data[name]
    if index is not None:
        value = value[int(index)]
    if key is not None:
        value = value[key]
    return " ".join(_walk(value))


def number_in(text: str, pattern: str, where: str = "text") -> str:
    """The number written where ``{n}`` stands in `pattern`; it must occur exactly once."""
    if pattern.count("{n}") != 1:
        raise ValueError(f"pattern needs exactly one {{n}}: {pattern!r}")
    flat = " ".join(text.replace("{,}", ",").split())
    before, after = pattern.split("{n}")
    regex = r"\s+".join(map(re.escape, before.split(" "))) + _NUMBER
    regex += r"\s+".join(map(re.escape, after.split(" ")))
    found = re.findall(regex, flat)
    if len(found) != 1:
        raise AssertionError(f"{where}: {pattern!r} found {len(found)} times, expected once")
    return found[0]


def rounded_like(value: float, written: str) -> Decimal:
    """`value` rounded to as many decimals as `written` shows, half away from zero."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def as_decimal(written: str) -> Decimal:
    return Decimal(written.replace(",", "").replace("−", "-"))


def check(bank: Bank, qid: str, field: str, pattern: str, value: float) -> None:
    """Assert that the number the text writes at `pattern` is `value`, rounded as written."""
    where = f"{qid} {field}"
    written = number_in(field_text(bank, qid, field), pattern, where)
    expected = rounded_like(value, written)
    assert as_decimal(written) == expected, f"{where}: text says {written}, computed {value}"
