"""Units of the feedback engine: text analysis, misspellings and opposites, levels, the
places it reports (in the UTF-16 offsets the page uses) and the op's errors."""

from __future__ import annotations

import json

import pytest

from macros.export import bank_json, dumps
from practice_engine.api import dispatch
from practice_engine.feedback import coverage_grade, feedback
from practice_engine.feedback.lexicon import (
    distance_within,
    edit_budget,
    misspelling_of,
    near_words,
    opposite,
)
from practice_engine.feedback.text import analyse

from .cases import BLOCKS


def _sentences(text: str) -> list[str]:
    a = analyse(text)
    return [a.text[s.start : s.end] for s in a.sentences]


def test_sentences_keep_decimals_abbreviations_and_split_on_lines() -> None:
    text = "We use p < 0.05, e.g. for a test. It works!\n- a bullet\nlast one"
    assert _sentences(text) == [
        "We use p < 0.05, e.g. for a test.",
        "It works!",
        "- a bullet",
        "last one",
    ]


def test_tokens_split_contractions_and_spell_ise() -> None:
    words = [t.text for t in analyse("It isn't normalized; we can't say.").tokens]
    assert words == ["it", "is", "not", "normalised", "we", "can", "not", "say"]


@pytest.mark.parametrize(
    ("a", "b", "limit", "within"),
    [
        ("variance", "varaince", 1, True),  # an adjacent swap is one edit
        ("variance", "varience", 1, True),
        ("variance", "varnce", 1, False),
        ("regularisation", "regularsiatoin", 2, True),
        ("kitten", "sitting", 2, False),
    ],
)
def test_bounded_distance(a: str, b: str, limit: int, within: bool) -> None:
    assert distance_within(a, b, limit) is within


def test_edit_budget_by_length_and_never_on_numbers_or_codes() -> None:
    assert [edit_budget(w) for w in ("mse", "bias", "gradients", "regularise")] == [0, 1, 1, 2]
    assert edit_budget("0.05") == 0 and edit_budget("l2") == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("increasing", "decreasing"),
        ("significant", "insignificant"),
        ("overestimate", "underestimate"),
        ("higher", "lower"),
        ("more", "less"),
    ],
)
def test_opposites_are_never_misspellings(a: str, b: str) -> None:
    assert opposite(a, b)
    assert not misspelling_of(a, b)


def test_negations_and_other_first_letters_are_never_misspellings() -> None:
    assert not misspelling_of("never", "fever") and not misspelling_of("either", "neither")
    assert not misspelling_of("full", "null")
    assert misspelling_of("nul", "null")


def test_real_words_near_a_matcher_word_are_not_read_as_misspellings() -> None:
    near = near_words({"model"}, {"increas"}, {"modal", "models", "model", "incredible"})
    assert near == ["modal"]
    block = {
        "key_points": [
            {"id": "m", "label": "m", "level": "L3", "match": {"all": ["model"]}},
        ],
    }
    assert feedback(block, "q", "L3", "A modal value.")["key_points"][0]["status"] == "hit"
    blocked = feedback(block, "q", "L3", "A modal value.", frozenset(near))
    assert blocked["key_points"][0]["status"] == "missed"


def test_levels_expected_not_expected_and_bonus_hits() -> None:
    text = "Peeking inflates false positives. It is computed assuming the null."
    result = feedback(BLOCKS["p-values"], "p-values", "L3", text)
    status = {k["id"]: (k["status"], k["expected"]) for k in result["key_points"]}
    assert status == {
        "conditional": ("hit", True),
        "extreme": ("missed", True),
        "not-null-prob": ("not_expected", False),
        "threshold": ("missed", True),
        "peeking": ("hit", False),  # above the reader's level, still shown as hit
    }
    assert (result["expected"], result["hit"]) == (3, 1)


def test_places_are_utf16_offsets_of_the_sentence_and_words() -> None:
    text = "🙂 Hi. The p-value is not the probability that the null is true."
    result = feedback(BLOCKS["p-values"], "p-values", "L5", text)
    point = next(k for k in result["key_points"] if k["id"] == "not-null-prob")
    assert point["sentences"] == [1]
    start, end = result["sentences"][1]
    utf16 = text.encode("utf-16-le")
    assert utf16[2 * start : 2 * end].decode("utf-16-le") == text[6:]
    shown = [utf16[2 * a : 2 * b].decode("utf-16-le") for a, b in point["spans"]]
    assert shown == ["probability", "null is true"]


def test_trap_reports_its_sentence_and_the_trap_text() -> None:
    text = "Fine so far. The p-value is the chance the null is true."
    (trap, _) = feedback(BLOCKS["p-values"], "p-values", "L5", text)["traps"]
    assert trap["asserted"] and trap["sentences"] == [1]
    assert trap["text"] == "Reading p as P(H0)."


def test_a_question_without_key_points_is_not_available() -> None:
    assert feedback(None, "q", "L3", "x") == {"available": False, "question": "q"}


def test_coverage_grade() -> None:
    assert coverage_grade(3, 4, 0) == "strong_hire"
    assert coverage_grade(2, 4, 0) == "lean_hire"
    assert coverage_grade(1, 4, 0) == "no_hire"
    assert coverage_grade(0, 4, 0) == "didnt_know"
    assert coverage_grade(4, 4, 1) == "no_hire"


def _call(op: str, **args) -> dict:
    return json.loads(dispatch(op, json.dumps(args)))


def test_op_through_dispatch(fixture_bank) -> None:
    assert _call("load_bank", text=dumps(bank_json(fixture_bank)))["ok"]
    out = _call("feedback", question_id="alpha", level="L4", text="Alpha is not omega.")
    assert out["ok"], out
    statuses = {k["id"]: k["status"] for k in out["result"]["key_points"]}
    assert statuses == {"first-letter": "missed", "not-omega": "hit"}
    out = _call("feedback", question_id="alpha", level="L3", text="Alpha is called beta.")
    assert out["result"]["traps"][0]["asserted"]
    errors = [
        _call("feedback", question_id="nope", level="L3", text="x")["error"],
        _call("feedback", question_id="delta", level="L3", text="x")["error"],
        _call("feedback", question_id="alpha", level="L9", text="x")["error"],
        _call("feedback", question_id="alpha", level="L3", text=7)["error"],
        _call("feedback", question_id="alpha", level="L3", text="x" * 20_001)["error"],
    ]
    assert errors == [
        "'nope' is not a concept question of the bank",
        "'delta' is not a concept question of the bank",
        "level must be one of L3, L4, L5, L6+",
        "the answer must be text",
        "the answer is 20001 characters long; feedback reads at most 20000",
    ]
    assert _call("feedback", question_id="beta", level="L3", text="x")["result"] == {
        "available": False,
        "question": "beta",
    }
