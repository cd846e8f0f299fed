"""Mock rounds do not ask again what the reader's last rounds asked, until the role's pool
has run out of other questions; then the least recently asked come back first."""

from __future__ import annotations

import json

import pytest

from practice_engine import api, mock, progress
from practice_engine.bankdata import BankData
from practice_engine.errors import EngineError
from tests.practice_engine.builders import T0

HOUR = 3_600_000


def _play(
    bank: BankData, state: dict, role: str, level: str, seed: int, t: int, scope: str = "all"
) -> tuple:
    m = mock.new_mock(bank, role, level, seed, scope, progress=state)
    for _ in m["questions"]:
        m = mock.grade_mock(m, "strong_hire", 60)
    return m, mock.record_mock(state, m, t)


def _ids(m: dict) -> list[str]:
    return [q["id"] for q in m["questions"]]


@pytest.mark.parametrize(
    ("role", "level", "scope"),
    [("mle", "L4", "all"), ("ai", "L3", "all"), ("re", "L6+", "all"), ("mle", "L5", "core")],
)
def test_rounds_go_through_the_pool_before_repeating(engine_bank, role, level, scope) -> None:
    """Round after round, each takes the least recently asked questions of the pool, those
    never asked first: none comes back while another was never asked."""
    pool = {e.id for e in mock.candidates(engine_bank, role, level, scope)}
    state, seen = progress.empty_progress(), {}  # question -> round it was last asked in
    laps = -(-len(pool) // 6)  # rounds enough to go through the pool once
    for n in range(3 * laps):
        m, state = _play(engine_bank, state, role, level, 100 + n, T0 + n * HOUR, scope)
        ids = set(_ids(m))
        assert len(ids) == len(m["questions"]) and ids <= pool
        age = {q: seen.get(q, -1) for q in pool}  # never asked: the oldest of all
        left = pool - ids
        assert max(age[q] for q in ids) <= min((age[q] for q in left), default=n), n
        seen.update(dict.fromkeys(ids, n))
        if n == laps - 1:
            assert set(seen) == pool  # every question came up before any came back


def test_without_progress_or_mocks_the_round_is_the_old_draw(engine_bank) -> None:
    for seed in range(20):
        plain = mock.new_mock(engine_bank, "mle", "L4", seed)
        assert (
            mock.new_mock(engine_bank, "mle", "L4", seed, progress=progress.empty_progress())
            == plain
        )


def test_the_draw_is_deterministic_for_a_seed(engine_bank) -> None:
    _, state = _play(engine_bank, progress.empty_progress(), "mle", "L4", 1, T0)
    a = mock.new_mock(engine_bank, "mle", "L4", 9, progress=state)
    assert a == mock.new_mock(engine_bank, "mle", "L4", 9, progress=json.loads(json.dumps(state)))


def test_the_op_takes_the_progress_and_checks_it(engine_bank, loaded_bank) -> None:
    first, state = _play(engine_bank, progress.empty_progress(), "mle", "L4", 1, T0)
    args = {"role": "mle", "level": "L4", "seed": 2, "progress": state}
    out = json.loads(api.dispatch("new_mock", json.dumps(args)))
    assert out["ok"], out
    assert not set(_ids(out["result"])) & set(_ids(first))
    with pytest.raises(EngineError):
        mock.new_mock(engine_bank, "mle", "L4", 2, progress={"version": 1})
