"""Answer feedback loaded apart from the bank (practice_engine/feedback_files.py): the bank
as published has no feedback, and once a question's file and the lexicon are loaded the
`feedback` op answers exactly as with the blocks inline."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from macros.publish.export import FEEDBACK_DIR, FEEDBACK_LEXICON, bank_json, split_feedback
from practice_engine.api import dispatch

QID = "bias-variance"
ANSWER = (
    "Bias is error from wrong assumptions, so the model underfits; variance is sensitivity "
    "to the training sample, so it overfits. More data lowers variance, not bias."
)


def call(op: str, **args: object) -> dict:
    return json.loads(dispatch(op, json.dumps(args)))


@pytest.fixture
def published(real_bank) -> Iterator[tuple[dict, dict]]:
    """The bank as published (no feedback) loaded into the api; the inline bank is put
    back afterwards, for the tests that share the api's state."""
    full = bank_json(real_bank)
    bank, files = split_feedback(full)
    try:
        assert call("load_bank", text=json.dumps(bank))["ok"]
        yield full, files
    finally:
        assert call("load_bank", text=json.dumps(full))["ok"]


def test_the_published_bank_has_no_feedback(published) -> None:
    full, files = published
    bank, _ = split_feedback(full)
    assert "feedback_lexicon" not in bank
    assert not [e["id"] for e in bank["entries"] if "feedback" in e]
    with_feedback = [e["id"] for e in full["entries"] if "feedback" in e]
    assert sorted(files) == sorted(
        [FEEDBACK_LEXICON, *(f"{FEEDBACK_DIR}/{i}.json" for i in with_feedback)]
    )


def test_feedback_from_files_is_the_same_as_inline(published, real_bank) -> None:
    full, files = published
    args = {"question_id": QID, "level": "L4", "text": ANSWER}
    assert call("feedback", **args)["result"] == {"available": False, "question": QID}

    assert call("load_feedback", text=files[FEEDBACK_LEXICON])["ok"]
    assert call("load_feedback", text=files[f"{FEEDBACK_DIR}/{QID}.json"])["ok"]
    from_files = call("feedback", **args)
    assert call("load_bank", text=json.dumps(full))["ok"]
    inline = call("feedback", **args)
    assert from_files == inline and inline["result"]["hit"] >= 1


def test_a_new_bank_forgets_what_was_loaded(published) -> None:
    full, files = published
    assert call("load_feedback", text=files[f"{FEEDBACK_DIR}/{QID}.json"])["ok"]
    bank, _ = split_feedback(full)
    assert call("load_bank", text=json.dumps(bank))["ok"]
    result = call("feedback", question_id=QID, level="L4", text=ANSWER)["result"]
    assert result["available"] is False


@pytest.mark.parametrize(
    "text",
    ["", "[]", '{"version": 1, "lexicon": []}', '{"version": 2, "id": 3, "feedback": {}}',
     '{"version": 2, "lexicon": [1]}', '{"version": 2}'],
)  # fmt: skip
def test_a_wrong_feedback_file_is_refused_in_words(text: str) -> None:
    out = call("load_feedback", text=text)
    assert out["ok"] is False and "feedback" in out["error"]
