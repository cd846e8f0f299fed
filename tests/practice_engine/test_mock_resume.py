"""A running mock round saved by the page and restored on the next visit: every round the
page can save comes back unchanged, and anything else (tampered, truncated, from another
version, not even JSON) is refused with a reason, never an exception, on CPython and in
Pyodide alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_engine import mock, vocab
from practice_engine.api import dispatch
from practice_engine.vocab import GRADES, LEVELS, ROLES
from tests.practice_engine.builders import DAY, T0
from tests.practice_engine.test_state import json_values


def saved_round(bank, role: str, level: str, seed: int, graded: int, probes: int = 0) -> dict:
    """A round as the page saves it, with `graded` questions graded (capped at its length)."""
    m = mock.new_mock(bank, role, level, seed)
    for n in range(min(graded, len(m["questions"]))):
        m = mock.grade_mock(m, GRADES[n % len(GRADES)])
    return {
        "version": vocab.SAVED_ROUND_VERSION,
        "mock": m,
        "started_ms": T0,
        "question_started_ms": T0 + 60_000 * m["position"],
        "probes": probes,
        "done_seconds": None,
    }


def followups_now(saved: dict) -> int:
    """How many probes the current question has (none once every question is graded)."""
    qs, position = saved["mock"]["questions"], saved["mock"]["position"]
    return len(qs[position]["followups"]) if position < len(qs) else 0


@given(
    role=st.sampled_from(ROLES),
    level=st.sampled_from(LEVELS),
    seed=st.integers(0, 2**32 - 1),
    graded=st.integers(0, 8),
    share=st.floats(0, 1),
)
@settings(max_examples=150, deadline=None)
def test_every_round_the_page_saves_comes_back(engine_bank, role, level, seed, graded, share):
    saved = saved_round(engine_bank, role, level, seed, graded)
    saved["probes"] = int(share * followups_now(saved))
    assert mock.restore_round(engine_bank, json.dumps(saved)) == (saved, None)


@pytest.mark.parametrize("raw", [None, ""])
def test_nothing_saved_is_not_a_problem(engine_bank, raw) -> None:
    assert mock.restore_round(engine_bank, raw) == (None, None)


def _changed(saved: dict, path: tuple, value: Any) -> dict:
    copy = json.loads(json.dumps(saved))
    target = copy
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


@pytest.mark.parametrize(
    "path, value, words",
    [
        (("version",), 1, "version 1, expected 3"),
        (("version",), True, "version True"),
        (("started_ms",), KeyError, "missing 'started_ms'"),
        (("extra",), 1, "unknown keys"),
        (("started_ms",), -1, "clocks are not times"),
        (("started_ms",), 1.5, "clocks are not times"),
        (("question_started_ms",), T0 - 1, "question began before the round"),
        (("question_started_ms",), "soon", "clocks are not times"),
        (("probes",), -1, "shows -1 probes"),
        (("probes",), 99, "shows 99 probes"),
        (("probes",), True, "shows True probes"),
        (("done_seconds",), -1, "answer took -1 seconds"),
        (("done_seconds",), 2.5, "answer took 2.5 seconds"),
        (("done_seconds",), "soon", "answer took 'soon' seconds"),
        (("done_seconds",), KeyError, "missing 'done_seconds'"),
        (("mock", "position"), 0, "position does not match its grades"),
        (("mock", "grades", 0), "great", "unknown grade"),
        (("mock", "questions"), [], "no questions"),
        (("mock",), None, "the mock round is not an object"),
    ],
)
def test_a_tampered_round_is_refused_with_its_reason(engine_bank, path, value, words) -> None:
    saved = saved_round(engine_bank, "mle", "L4", 7, graded=2)
    assert mock.restore_round(engine_bank, json.dumps(saved)) == (saved, None)
    found, reason = mock.restore_round(engine_bank, json.dumps(_changed(saved, path, value)))
    assert found is None
    assert words in reason


def test_a_finished_round_keeps_no_probes(engine_bank) -> None:
    saved = saved_round(engine_bank, "ds", "L5", 3, graded=8)
    assert saved["mock"]["position"] == len(saved["mock"]["questions"])
    assert mock.restore_round(engine_bank, json.dumps(saved)) == (saved, None)
    found, reason = mock.restore_round(engine_bank, json.dumps({**saved, "probes": 1}))
    assert found is None and "shows 1 probes of 0" in reason


@pytest.mark.parametrize(
    "raw, words",
    [
        ("{not json", "not valid JSON"),
        ('{"version": 1', "not valid JSON"),
        ("[]", "not an object"),
        ("[" * 5000 + "]" * 5000, "nested more than"),
        (42, "not text"),
    ],
)
def test_unreadable_text_is_refused_with_its_reason(engine_bank, raw, words) -> None:
    found, reason = mock.restore_round(engine_bank, raw)
    assert found is None and words in reason


@given(data=json_values)
@settings(max_examples=300, deadline=None)
def test_any_json_is_answered_without_raising(engine_bank, data) -> None:
    found, reason = mock.restore_round(engine_bank, json.dumps(data))
    assert (found is None) != (reason is None)


@given(raw=st.one_of(st.none(), st.text(max_size=40), json_values.map(json.dumps), json_values))
@settings(max_examples=300, deadline=None)
def test_the_op_always_answers_with_a_round_or_a_reason(loaded_bank, raw) -> None:
    out = json.loads(dispatch("restore_round", json.dumps({"raw": raw})))
    assert out["ok"], out
    assert set(out["result"]) == {"round", "reason", "newer"}
    assert out["result"]["round"] is None or out["result"]["reason"] is None


# Run by devtools/run_in_pyodide.mjs, which sets INPUT to the text of the cases file.
PARITY_SCRIPT = """
import json
from practice_engine.api import dispatch

given = json.loads(INPUT)
assert json.loads(dispatch("load_bank", json.dumps({"text": given["bank"]})))["ok"]
answers = [dispatch("restore_round", json.dumps({"raw": raw})) for raw in given["cases"]]
OUTPUT = json.dumps([json.loads(a) for a in answers])
"""


@pytest.mark.node
def test_restoring_is_the_same_in_pyodide(engine_bank, loaded_bank, tmp_path: Path) -> None:
    from devtools.pyodide import run_in_pyodide
    from macros.publish.wheels import browser_wheels, build_engine_wheel
    from tests.conftest import ROOT

    good = saved_round(engine_bank, "re", "L6+", 11, graded=3, probes=1)
    cases = [
        None,
        "",
        json.dumps(good),
        json.dumps({**good, "probes": 50}),
        json.dumps({**good, "started_ms": T0 + DAY}),
        json.dumps({**good, "version": 0}),
        "{not json",
        "[" * 40 + "]" * 40,
    ]
    (tmp_path / "cases.json").write_text(json.dumps({"bank": loaded_bank, "cases": cases}))
    script = tmp_path / "script.py"
    script.write_text(PARITY_SCRIPT)
    expected = [json.loads(dispatch("restore_round", json.dumps({"raw": raw}))) for raw in cases]
    wheels = [*browser_wheels(ROOT), build_engine_wheel(ROOT)]
    assert json.loads(run_in_pyodide(script, tmp_path / "cases.json", wheels)) == expected
    assert expected[2] == {"ok": True, "result": {"round": good, "reason": None, "newer": None}}
    assert all(e["result"]["reason"] for e in expected[3:])


def test_links_and_words_come_from_the_bank_never_from_storage(engine_bank) -> None:
    """A saved url of "javascript:..." once became a scorecard link as it was."""
    saved = saved_round(engine_bank, "mle", "L4", 7, graded=2)
    tampered = _changed(saved, ("mock", "questions", 0, "url"), "javascript:alert(1)")
    tampered = _changed(tampered, ("mock", "questions", 1, "title"), "<img src=x onerror=alert(1)>")
    found, reason = mock.restore_round(engine_bank, json.dumps(tampered))
    assert reason is None
    assert found == saved  # every question as the bank has it
    first = found["mock"]["questions"][0]
    assert first["url"] == engine_bank.entry(first["id"]).url


def test_a_round_asking_a_question_the_bank_lacks_is_refused(engine_bank) -> None:
    saved = saved_round(engine_bank, "mle", "L4", 7, graded=2)
    for bad in ("no-such-question", "bias-variance-1"):  # unknown, and a quiz item
        found, reason = mock.restore_round(
            engine_bank, json.dumps(_changed(saved, ("mock", "questions", 0, "id"), bad))
        )
        assert found is None
        assert f"asks '{bad}', which this guide does not have" in reason
