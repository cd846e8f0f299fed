"""The bank every practice page loads before its quiz is ready carries no answer feedback;
the worker fetches the lexicon and a question's feedback file only for a typed answer to
that question, once each (docs/assets/js/feedback-files.mjs)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.browser.conftest import RequestLog

pytestmark = pytest.mark.browser
TIMEOUT = 120_000
FEEDBACK = "/assets/quiz/feedback/"
ANSWER = (
    "Bias is error from wrong assumptions, so the model underfits; variance is sensitivity "
    "to the training sample, so it overfits. More data lowers variance, not bias."
)
CALL = """([qid, text]) => MLGuide.py.call("feedback", {question_id: qid, level: "L4", text})"""


def _fetched(log: RequestLog) -> list[str]:
    return [u.split(FEEDBACK, 1)[1] for u in log.urls if FEEDBACK in u]


def test_feedback_is_fetched_per_question_only_for_a_typed_answer(
    page, site_url: str, requests_log: RequestLog
) -> None:
    page.set_default_timeout(TIMEOUT)
    page.goto(urljoin(site_url, "drill/quiz/"))
    booted = page.evaluate("MLGuide.py.start()")
    assert booted["entries"] > 0
    page.locator(".mlw-quiz[data-bound] form button[type=submit]").click()
    page.locator(".mlw-options input").first.wait_for()
    assert _fetched(requests_log) == []  # the quiz is ready without any of it

    first = page.evaluate(CALL, ["bias-variance", ANSWER])
    assert first["question"] == "bias-variance" and first["hit"] >= 1
    assert sorted(_fetched(requests_log)) == ["bias-variance.json", "lexicon.json"]
    assert page.evaluate(CALL, ["bias-variance", "Another try."])["question"] == "bias-variance"
    page.evaluate(CALL, ["overfitting", ANSWER])
    assert sorted(_fetched(requests_log)) == [
        "bias-variance.json",
        "lexicon.json",
        "overfitting.json",
    ]
