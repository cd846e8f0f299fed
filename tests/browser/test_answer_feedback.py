"""Answer feedback in the practice loop, in Chromium, keyboard only: a typed answer to a
flashcard and to a mock-round question is checked against the question's key points
(hits with their sentence highlighted, misses linked to the part of the answer that
explains them, an asserted trap flagged with its explanation, points not expected at the
reader's level apart); a self-grade the checklist disagrees with is saved only after one
confirmation; axe finds nothing in each state; the typed text reaches storage only when
the reader ticks "keep my answers". The `page` fixture fails a test in which any request
leaves the local server.

The answers are taken from the labelled set (tests/data/feedback/) and the expected
checklist is computed by the same engine on CPython, so the test follows the bank."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from devtools.feedback_labels import exported_bank, load_labelled
from practice_engine import cards, mock, progress
from practice_engine.bankdata import BankData
from practice_engine.feedback import feedback
from tests.browser.axe_helpers import axe_clean, key
from tests.browser.page_types_practice import FLASHCARDS, MOCK, TIMEOUT, flashcards_ready
from tests.browser.quiz_helpers import STORAGE_KEY

pytestmark = pytest.mark.browser
LEVEL = "L4"  # the default level of the settings and of the mock setup form
NOW = 1_767_258_000_000


@pytest.fixture(scope="module")
def bank_data(real_bank) -> BankData:
    return exported_bank(real_bank)


def trap_answer(real_bank, data: BankData, qid: str) -> tuple[str, dict]:
    """A labelled answer to `qid` that makes some expected points, misses others and
    asserts a trap, at LEVEL, with the engine's feedback on it."""
    for a in load_labelled(real_bank):
        if a.question != qid:
            continue
        result = feedback(data.entry(qid).feedback, qid, LEVEL, a.text, data.lexicon)
        if any(t["asserted"] for t in result["traps"]) and 1 <= result["hit"] < result["expected"]:
            return a.text, result
    raise AssertionError(f"no labelled answer to {qid} asserts a trap with hits and misses")


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def status_has(page, widget: str, text: str) -> None:
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent.includes(text)",
        arg=[f"{widget} [role=status]", text],
    )


def storage_dump(page) -> str:
    """Everything this origin keeps in local and session storage, as one text."""
    return page.evaluate(
        "() => JSON.stringify([localStorage, sessionStorage].map(s => "
        "Object.keys(s).map(k => [k, s.getItem(k)])))"
    )


def stored_progress(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return json.loads(raw) if raw else {}


def check_panel(page, root: str, text: str, result: dict) -> None:
    """The checklist as the engine's result says, hits quoted from the typed text."""
    check = page.locator(f"{root} .mlw-kp")
    summary = check.locator(".mlw-kp__summary")
    summary.wait_for(timeout=TIMEOUT)
    assert summary.inner_text().startswith(
        f"You made {result['hit']} of the {result['expected']} key points expected at {LEVEL}"
    )
    assert "seems to assert" in summary.inner_text()
    made = check.locator(".mlw-kp__made li")
    assert made.count() == result["hit"]
    for n in range(made.count()):
        marks = made.nth(n).locator("mark")
        assert marks.count() >= 1
        for m in range(marks.count()):
            assert marks.nth(m).inner_text() in text  # the reader's own words, as text
    missed = [k for k in result["key_points"] if k["status"] == "missed"]
    assert check.locator(".mlw-kp__missed li").count() == len(missed)
    for label in (k["label"] for k in missed):
        assert check.locator(".mlw-kp__missed li", has_text=label).count() == 1
    traps = [t for t in result["traps"] if t["asserted"]]
    flagged = check.locator(".mlw-kp__traps li")
    assert flagged.count() == len(traps)
    assert "Why it is a trap:" in flagged.first.inner_text()
    later = [k for k in result["key_points"] if not k["expected"]]
    assert check.locator(".mlw-kp__later li").count() == len(later)
    assert check.locator(".mlw-kp__later").count() == (1 if later else 0)
    assert "word matching, not a grade" in check.inner_text()


def test_flashcard_checklist_and_a_grade_confirmed_keyboard_only(
    page, site_url: str, real_bank, bank_data: BankData
) -> None:
    qid = cards.queue(bank_data, progress.empty_progress(), NOW, 0)["new"][0]
    text, result = trap_answer(real_bank, bank_data, qid)
    page.goto(urljoin(site_url, FLASHCARDS))
    fc = ".mlw-fc"
    flashcards_ready(page)
    box = page.locator(f"#fc-note-{qid}")
    box.wait_for()
    assert page.locator(".mlw-answer__mic").count() == 0  # no on-device recognition here
    box.focus()
    page.keyboard.insert_text(text)
    axe_clean(page, "answer typed")

    key(page, ".mlw-fc__reveal")
    check_panel(page, fc, text, result)
    assert focused(page, ".mlw-kp__title")
    status_has(page, fc, f"Key points made: {result['hit']} of {result['expected']}.")
    # the checklist comes before the answer and its rubric, and misses link into it
    assert page.evaluate(
        "() => !!(document.querySelector('.mlw-kp').compareDocumentPosition("
        "document.querySelector('.mlw-fc__answer')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    links = page.locator(".mlw-kp__missed a")
    assert links.count() >= 1
    for n in range(links.count()):
        href = links.nth(n).get_attribute("href")
        assert href.startswith(f"#fc-{qid}-")
        assert page.locator(f".mlw-fc__answer {href}").count() == 1
    assert (
        page.locator(".mlw-kp__caveat", has_text="Not yet measured").count() == 0
    )  # a must-know question: measured
    axe_clean(page, "checklist")

    # A trap asserted and "Strong hire": the widget asks once before saving.
    key(page, ".mlw-fc .mlw-grade--strong_hire")
    notice = page.locator(".mlw-fc .mlw-confirm")
    notice.wait_for()
    assert "You chose Strong hire" in notice.inner_text()
    assert focused(page, ".mlw-confirm__save")
    status_has(page, fc, "You chose Strong hire")
    assert (
        page.locator(".mlw-fc__result").count() == 0
        and stored_progress(page).get("reviews", []) == []
    )
    axe_clean(page, "disagreement")
    key(page, ".mlw-confirm__again")
    notice.wait_for(state="detached")
    assert focused(page, ".mlw-fc .mlw-grade")
    key(page, ".mlw-fc .mlw-grade--strong_hire")
    notice.wait_for()
    page.keyboard.press("Enter")  # "Save Strong hire anyway" has the focus
    result_line = page.locator(".mlw-fc__result")
    result_line.wait_for(timeout=TIMEOUT)
    assert result_line.inner_text().startswith("Graded: Strong hire.")

    # Without the tick, nothing of the text reached storage.
    saved = stored_progress(page)
    assert [r[:2] for r in saved["reviews"]] == [[qid, "strong_hire"]]
    assert saved["answers"] == {} and saved["settings"]["keep_answers"] is False
    dump = storage_dump(page)
    for piece in (text[:40], text[-40:], text[len(text) // 2 : len(text) // 2 + 30]):
        assert json.dumps(piece)[1:-1] not in dump and piece not in dump


def test_kept_answers_are_stored_exported_and_forgotten(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    flashcards_ready(page)
    box = page.locator(".mlw-answer__text")
    key(page, ".mlw-answer__keep input", "Space")
    page.wait_for_function(
        f"() => JSON.parse(localStorage.getItem('{STORAGE_KEY}') || '{{}}')"
        ".settings?.keep_answers === true",
        timeout=TIMEOUT,
    )
    status_has(page, ".mlw-fc", "Your answers will be kept in this browser.")
    text = "Kept answer 7151: bias is the error of the average model."
    box.focus()
    page.keyboard.insert_text(text)
    key(page, ".mlw-fc__reveal")
    page.locator(".mlw-kp__summary").wait_for(timeout=TIMEOUT)
    key(page, ".mlw-fc .mlw-grade--no_hire")
    page.locator(".mlw-fc__result").wait_for(timeout=TIMEOUT)
    qid = stored_progress(page)["reviews"][0][0]
    assert stored_progress(page)["answers"][qid]["text"] == text
    exported = page.evaluate(
        "() => MLGuide.py.call('export_file', "
        "{ progress: MLGuide.progressStore.peek(), now_ms: Date.now() })"
    )
    assert exported["progress"]["answers"][qid]["text"] == text
    read = page.evaluate("t => MLGuide.py.call('read_import', { text: t })", json.dumps(exported))
    assert read["ok"] and read["incoming"]["answers"][qid]["text"] == text

    # Unticked again (on the next card): every kept answer is deleted.
    key(page, ".mlw-fc__next")
    page.locator(".mlw-answer__keep input").wait_for()
    assert page.locator(".mlw-answer__keep input").is_checked()
    key(page, ".mlw-answer__keep input", "Space")
    page.wait_for_function(
        f"() => JSON.parse(localStorage.getItem('{STORAGE_KEY}')).settings.keep_answers === false",
        timeout=TIMEOUT,
    )
    assert stored_progress(page)["answers"] == {}
    assert "Kept answer 7151" not in storage_dump(page)


def _seed_for(data: BankData, real_bank, role: str) -> tuple[int, str, str, dict]:
    """A mock seed whose first question has a labelled answer asserting a trap."""
    for seed in range(200):
        qid = mock.new_mock(data, role, LEVEL, seed)["questions"][0]["id"]
        try:
            return (seed, qid, *trap_answer(real_bank, data, qid))
        except AssertionError:
            continue
    raise AssertionError("no seed found")


def test_mock_round_checklist_and_a_grade_confirmed_keyboard_only(
    page, site_url: str, real_bank, bank_data: BankData
) -> None:
    seed, qid, text, result = _seed_for(bank_data, real_bank, "mle")
    page.goto(urljoin(site_url, MOCK))
    root = ".mlw-mock"
    page.locator("#mock-role").select_option("mle", timeout=TIMEOUT)
    page.locator("#mock-level").select_option(LEVEL)
    # The round's seed comes from crypto.getRandomValues once: fix that one draw.
    page.evaluate(
        """seed => {
          const original = crypto.getRandomValues.bind(crypto);
          crypto.getRandomValues = (array) => {
            crypto.getRandomValues = original;
            array[0] = seed;
            return array;
          };
        }""",
        seed,
    )
    key(page, ".mlw-mock form button[type=submit]")
    page.locator(".mlw-mock__count").wait_for(timeout=TIMEOUT)
    box = page.locator("#mock-answer-1")
    box.focus()
    page.keyboard.insert_text(text)
    axe_clean(page, "mock answer typed")

    key(page, ".mlw-mock__check-button")
    check_panel(page, root, text, result)
    assert focused(page, ".mlw-kp__title")
    links = page.locator(".mlw-kp__missed a")
    assert links.count() >= 1
    for n in range(links.count()):
        assert f"#q-{qid}" in links.nth(n).get_attribute("href")  # its card on its page
    axe_clean(page, "mock checklist")

    key(page, ".mlw-mock__done-button")
    page.locator(".mlw-mock__review-title").wait_for()
    key(page, ".mlw-mock .mlw-grade--lean_hire")
    notice = page.locator(".mlw-mock .mlw-confirm")
    notice.wait_for()
    assert "trap" in notice.inner_text()
    assert focused(page, ".mlw-confirm__save")
    status_has(page, root, "You chose Lean hire")
    axe_clean(page, "mock disagreement")
    page.keyboard.press("Enter")
    page.locator(".mlw-mock__count", has_text="Question 2 of").wait_for(timeout=TIMEOUT)
    assert page.locator("#mock-answer-2").input_value() == ""

    dump = storage_dump(page)
    assert text[:40] not in dump and text[-40:] not in dump
    assert json.dumps(text[:40])[1:-1] not in dump


def test_the_reveal_does_not_wait_for_the_checklist(page, site_url: str) -> None:
    """While the worker has not answered (Python busy or still loading), the answer, the
    rubric and the grades are already there; the checklist fills in when it answers."""
    page.goto(urljoin(site_url, FLASHCARDS))
    flashcards_ready(page)
    page.evaluate(
        """() => {
          const py = MLGuide.py;
          const call = py.call.bind(py);
          let release;
          window.releaseFeedback = new Promise((r) => { release = r; });
          window.letFeedbackGo = () => release();
          py.call = async (name, ...rest) => {
            if (name === "feedback") await window.releaseFeedback;
            return call(name, ...rest);
          };
        }"""
    )
    box = page.locator(".mlw-answer__text")
    box.focus()
    page.keyboard.insert_text("Bias is the error of the average model; variance is the spread.")
    key(page, ".mlw-fc__reveal")
    page.locator(".mlw-fc__answer").wait_for()
    assert page.locator(".mlw-fc .mlw-grade").count() == 4
    waiting = page.locator(".mlw-kp__body[aria-busy=true] .mlw-kp__wait")
    assert waiting.inner_text() == "Checking your answer against the key points…"
    status_has(page, ".mlw-fc", "Checking your answer against the key points.")
    page.evaluate("window.letFeedbackGo()")
    page.locator(".mlw-kp__summary").wait_for(timeout=TIMEOUT)
    assert page.locator(".mlw-kp__body[aria-busy]").count() == 0
