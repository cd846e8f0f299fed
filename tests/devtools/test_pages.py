"""eventually: polls until the page's value is truthy, and says what stayed false."""

from __future__ import annotations

import pytest

from devtools.pages import eventually


class FakePage:
    """Answers each evaluate with the next value; waiting costs no real time."""

    def __init__(self, values: list) -> None:
        self.values, self.waits = list(values), 0

    def evaluate(self, script: str, arg=None):
        return self.values.pop(0) if len(self.values) > 1 else self.values[0]

    def wait_for_timeout(self, ms: int) -> None:
        self.waits += 1


def test_returns_the_first_truthy_value() -> None:
    page = FakePage([None, False, {"kept": True}])
    assert eventually(page, "() => x") == {"kept": True}
    assert page.waits == 2


def test_names_the_expression_that_stayed_false() -> None:
    with pytest.raises(AssertionError, match=r"still false after 0\.01 s: never"):
        eventually(FakePage([False]), "never", timeout_s=0.01)
