from __future__ import annotations

import json

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


@pytest.fixture(scope="session")
def loaded_bank(real_bank) -> str:
    """The real bank's export text, loaded into the api as the browser worker does; ops
    that need the bank (restoring a saved round, say) can then be dispatched."""
    from practice_engine.api import dispatch

    text = json.dumps(bank_json(real_bank))
    assert json.loads(dispatch("load_bank", json.dumps({"text": text})))["ok"]
    return text
