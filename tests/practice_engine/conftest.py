from __future__ import annotations

import pytest

from macros.export import bank_json
from practice_engine.bankdata import BankData, parse_bank


@pytest.fixture(scope="session")
def engine_bank(real_bank) -> BankData:
    """The real bank, through the same export the browser reads."""
    return parse_bank(bank_json(real_bank))


@pytest.fixture(scope="session")
def small_bank(fixture_bank) -> BankData:
    return parse_bank(bank_json(fixture_bank))
