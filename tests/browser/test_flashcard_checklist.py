"""The flashcards after a reveal, keyboard only, on a 360 px phone and a desktop: the rubric
comes first as one checklist (a typed answer's key points folded in, pre-ticked where the
answer made them), then the full answer; ticks suggest a grade on its button, in words,
and never grade. The first card is drawn from the page while Python loads: it can be read,
answered and revealed with the worker held back, grading says it waits, and what the
reader did stays when the engine arrives. axe checks the new states in both palettes."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from devtools.feedback_labels import exported_bank
from practice_engine import cards, progress
from practice_engine.bankdata import BankData
from tests.browser.axe_helpers import axe_clean, key
from tests.browser.page_types_practice import (
    CARD_READY,
    FLASHCARDS,
    INTERVALS_SHOWN,
    TIMEOUT,
    flashcards_ready,
    seed_progress,
)
from tests.browser.quiz_helpers import STORAGE_KEY
from tests.browser.test_answer_feedback import NOW, trap_answer

pytestmark = pytest.mark.browser
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
RUNTIME = "**/assets/quiz/runtime.json"  # the worker's first request: held, Python waits
BEFORE = (
    "([a, b]) => !!(document.querySelector(a).compareDocumentPosition("
    "document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING)"
)
SUGGESTED = ".mlw-fc .mlw-grade.is-suggested"
FIRST_IN_STORE = "document.querySelector('.fc-store .fc-card').dataset.fcId"
STORE_ORDER = """() => {
  const ids = [];
  for (const el of document.querySelector('.fc-store').children) {
    const here = el.matches('.fc-chunk') ? el.dataset.fcIds.split(' ') : [el.dataset.fcId];
    ids.push(...here.filter((id) => !ids.includes(id)));
  }
  return ids;
}"""


@pytest.fixture(scope="module")
def bank_data(real_bank) -> BankData:
    return exported_bank(real_bank)


@pytest.fixture(params=list(SCREENS))
def screen(request) -> dict:
    return SCREENS[request.param]


def first_id(data: BankData) -> str:
    """The engine's first card for a reader with no progress."""
    return cards.queue(data, progress.empty_progress(), NOW, 0)["new"][0]


def tick(page, selector: str) -> None:
    """Tick (or untick) a checkbox with the keyboard."""
    key(page, selector, "Space")


def suggestion(page) -> str:
    return page.locator(".mlw-rc__suggest").inner_text()


def no_reviews(page) -> bool:
    raw = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return not raw or json.loads(raw).get("reviews", []) == []


def test_first_card_works_while_python_is_held(
    browser, site_url: str, bank_data: BankData, screen: dict
) -> None:
    context = browser.new_context(viewport=screen, service_workers="block")
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    held: list = []
    page.route(RUNTIME, lambda route: held.append(route))
    try:
        page.goto(urljoin(site_url, FLASHCARDS))
        qid = first_id(bank_data)
        prompt = page.locator(".mlw-fc__prompt")
        prompt.wait_for()
        assert prompt.is_visible() and prompt.inner_text().strip()
        assert page.locator(f"#fc-note-{qid}").count() == 1  # the engine's first card
        assert not page.evaluate("!!window.MLGuide?.py.isReady")  # its runtime is held
        wait = page.locator(".mlw-fc__wait")
        assert wait.inner_text().startswith("Saving when Python is ready")
        assert page.locator(".mlw-answer__keep input").is_disabled()
        if screen["width"] == 360:
            assert page.evaluate("document.documentElement.scrollWidth") <= 360

        # keyboard only: the reveal works, the rubric checklist comes first, no grades yet
        page.locator(".mlw-fc__heading").focus()
        page.keyboard.press("Space")
        page.locator(".mlw-rc").wait_for()
        assert page.evaluate(BEFORE, [".mlw-rc", ".mlw-fc__answer"])
        assert page.evaluate(BEFORE, [".mlw-fc__answer", ".mlw-fc__wait"])
        assert page.evaluate("document.activeElement.classList.contains('mlw-kp__title')")
        assert page.locator(".mlw-fc .mlw-grade").count() == 0
        tick(page, ".mlw-rc__point--no-hire input")
        assert suggestion(page).startswith("Suggested grade: No hire")
        page.keyboard.press("2")  # a grade key does nothing before the engine
        assert page.locator(".mlw-fc__result").count() == 0
        axe_clean(page, "revealed before Python")

        for route in held:
            route.continue_()
        page.unroute(RUNTIME)
        bar = page.locator(".mlw-fc__gradebar")
        bar.wait_for(timeout=TIMEOUT)
        assert wait.count() == 0
        # what the reader did stays: the same card, its tick, and the suggestion on a button
        assert page.locator(f"#fc-note-{qid}").count() == 1
        assert page.locator(".mlw-rc__point--no-hire input").first.is_checked()
        assert page.locator(SUGGESTED).inner_text().count("Suggested") == 1
        assert "mlw-grade--no_hire" in page.locator(SUGGESTED).get_attribute("class")
        page.wait_for_function(INTERVALS_SHOWN)
        assert no_reviews(page)  # suggested, never graded
        page.locator(".mlw-fc__answer-title").focus()
        page.keyboard.press("2")
        result = page.locator(".mlw-fc__result")
        result.wait_for(timeout=TIMEOUT)
        assert result.inner_text().startswith("Graded: No hire.")
    finally:
        context.close()
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ticks_suggest_a_grade_and_never_grade(
    browser, site_url: str, screen: dict, scheme: str
) -> None:
    context = browser.new_context(viewport=screen, color_scheme=scheme, service_workers="block")
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    try:
        page.goto(urljoin(site_url, FLASHCARDS))
        flashcards_ready(page)
        key(page, ".mlw-fc__reveal")
        page.wait_for_function(INTERVALS_SHOWN)
        check = page.locator(".mlw-rc")
        assert page.evaluate(BEFORE, [".mlw-rc", ".mlw-fc__answer"])
        assert page.evaluate(BEFORE, [".mlw-fc__answer", ".mlw-fc__gradebar"])
        # the rubric is read once, in the checklist: hidden under the answer
        assert not page.locator(".mlw-fc__answer .qrubric").is_visible()
        assert "What." in page.locator(".mlw-fc__answer").inner_text()
        strong = check.locator(".mlw-rc__point--strong-hire input")
        assert strong.count() >= 2
        assert page.locator(SUGGESTED).count() == 0
        assert suggestion(page) == "Tick the points your answer made."

        tick(page, ".mlw-rc__point--strong-hire input")  # one of several
        assert suggestion(page).startswith("Suggested grade: Lean hire")
        for n in range(1, strong.count()):
            strong.nth(n).focus()
            page.keyboard.press("Space")
        assert suggestion(page).startswith("Suggested grade: Strong hire")
        button = page.locator(SUGGESTED)
        assert "mlw-grade--strong_hire" in button.get_attribute("class")
        assert "Suggested" in button.inner_text()  # in words, not colour alone
        names = page.locator(".mlw-fc .mlw-grades").aria_snapshot()
        assert re.search(r'button "Strong hire\s+Suggested\s+\(next review in', names), names
        if screen["width"] == 360:
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
        axe_clean(page, f"strong hire suggested, {scheme}")

        tick(page, ".mlw-rc__point--lean-hire input")
        assert suggestion(page).startswith("Suggested grade: Lean hire")
        tick(page, ".mlw-rc__point--no-hire input")
        assert suggestion(page).startswith("Suggested grade: No hire")
        assert page.locator(SUGGESTED).count() == 1
        assert page.locator(".mlw-fc__result").count() == 0 and no_reviews(page)
        axe_clean(page, f"no hire suggested, {scheme}")
    finally:
        context.close()


def test_typed_answer_pre_ticks_one_checklist(
    page, site_url: str, real_bank, bank_data: BankData
) -> None:
    qid = first_id(bank_data)
    text, result = trap_answer(real_bank, bank_data, qid)
    page.goto(urljoin(site_url, FLASHCARDS))
    flashcards_ready(page)
    page.locator(f"#fc-note-{qid}").focus()
    page.keyboard.insert_text(text)
    key(page, ".mlw-fc__reveal")
    page.locator(".mlw-kp__summary").wait_for(timeout=TIMEOUT)
    # one checklist: one section, one heading, the feedback and the rubric inside it
    assert page.locator(".mlw-fc .mlw-kp").count() == 1
    assert page.locator(".mlw-fc .mlw-kp__title").count() == 1
    assert page.evaluate(BEFORE, [".mlw-kp__made", ".mlw-rc__list"])
    made = page.locator(".mlw-kp__made input")
    assert made.count() == result["hit"] >= 1
    assert all(made.nth(n).is_checked() for n in range(made.count()))
    missed = page.locator(".mlw-kp__missed input")
    assert missed.count() == result["expected"] - result["hit"]
    assert not any(missed.nth(n).is_checked() for n in range(missed.count()))
    traps = page.locator(".mlw-kp__traps input")
    assert traps.count() == sum(t["asserted"] for t in result["traps"]) >= 1
    assert traps.first.is_checked()
    # a trap ticked is a no-hire slip; unticked (the reader disagrees), some points made
    assert suggestion(page).startswith("Suggested grade: No hire")
    for n in range(traps.count()):
        traps.nth(n).focus()
        page.keyboard.press("Space")
    assert suggestion(page).startswith("Suggested grade: Lean hire")
    assert page.locator(".mlw-fc .mlw-grade--lean_hire.is-suggested").count() == 1
    axe_clean(page, "typed answer in the checklist")


def test_store_order_is_the_engine_order(page, site_url: str, bank_data: BankData) -> None:
    """The page's first card is the engine's first for a new reader, and the whole store
    follows the engine's order (so the static first card stays right as the bank grows):
    its own cards, then those of each chunk page it names (a card it has already fetched
    from one comes after the chunk's entry)."""
    page.goto(urljoin(site_url, FLASHCARDS))
    page.locator(CARD_READY).wait_for(timeout=TIMEOUT)
    shown = page.evaluate(STORE_ORDER)
    order = cards.question_ids(bank_data)
    assert shown == order
    assert order[0] == first_id(bank_data)


QUEUE = """async () => (await MLGuide.py.call("queue", {
  progress: await MLGuide.progressStore.get(), now_ms: Date.now(),
  tz_offset_min: -new Date().getTimezoneOffset() })).due"""


def test_an_untouched_first_card_gives_way_to_a_due_one(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    seed_progress(page)  # a returning reader, with cards due
    page.reload()
    flashcards_ready(page)
    due = page.evaluate(QUEUE)
    assert due and due[0] != page.evaluate(FIRST_IN_STORE)  # the page's first is not due
    page.locator(f"#fc-note-{due[0]}").wait_for()
    assert page.locator(".mlw-fc__heading").inner_text() == "Card due for review"
    assert page.locator(".mlw-fc__wait").count() == 0


def test_what_the_reader_typed_stays_when_the_engine_arrives(page, site_url: str) -> None:
    page.goto(urljoin(site_url, FLASHCARDS))
    seed_progress(page)
    held: list = []
    page.route(RUNTIME, lambda route: held.append(route))
    page.reload()
    first = page.evaluate(FIRST_IN_STORE)
    box = page.locator(f"#fc-note-{first}")
    box.focus()
    page.keyboard.insert_text("Bias is the error of the average model.")
    for route in held:
        route.continue_()
    page.unroute(RUNTIME)
    flashcards_ready(page)
    # not replaced by the due card: the reader's work stays, now gradable
    assert box.input_value() == "Bias is the error of the average model."
    key(page, ".mlw-fc__reveal")
    page.locator(".mlw-fc__gradebar").wait_for()
