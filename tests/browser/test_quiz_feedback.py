"""The quiz's feedback and results, on a desktop and a 360 px phone, driven by keyboard:
options marked in place (in words, each reason under its option) and one verdict line,
announced; progress dots named in words; the setup folded to a summary while the quiz
runs; "Start over" asking first; results with a bar and numbers per track in a styled
table, the misses linked to their answers, and "Retry the misses". axe in both palettes,
and nothing wider than the phone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.browser.axe_helpers import axe_clean
from tests.browser.axe_helpers import key as press_on
from tests.browser.quiz_helpers import STORAGE_KEY, answer_key

pytestmark = pytest.mark.browser
TIMEOUT = 90_000  # a cold Pyodide boot on a busy shared machine
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}
SLOT = STORAGE_KEY.replace(":progress", ":quiz-session:quiz-all-f")  # the drill page's quiz
TRACK = "Statistics and experimentation"


HREFS = "links => links.map((a) => a.href)"


@pytest.fixture
def key(built_site: Path) -> dict[str, list[str]]:
    return answer_key(built_site)


def _context(browser, viewport: str, **options):
    return browser.new_context(viewport=VIEWPORTS[viewport], service_workers="block", **options)


@pytest.fixture(params=sorted(VIEWPORTS))
def sized_page(browser, request) -> Iterator:
    """A page at a desktop's or a phone's width; it fails on any uncaught page error."""
    context = _context(browser, request.param)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == [], f"uncaught page errors: {errors}"


def no_overflow(page, where: str) -> None:
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"{where}: the page is {wide}px wider than the screen"


def start(page, site_url: str):
    """The drill page's quiz on one track, 5 questions, set up and started by keyboard."""
    page.goto(urljoin(site_url, "drill/quiz/"))
    quiz = page.locator(".mlw-quiz")
    press_on(page, ".mlw-quiz input[name=tracks][value=statistics]", "Space")
    quiz.locator("select[name=count]").select_option("5")
    press_on(page, ".mlw-quiz form button[type=submit]")
    quiz.locator(".mlw-question__count", has_text="Question 1 of 5").wait_for(timeout=TIMEOUT)
    return quiz


def answer(page, quiz, key, number: int, right: bool) -> tuple[str, list[int]]:
    """Answers question `number` with number keys and Enter; its stem and the numbers of
    its correct options."""
    quiz.locator(".mlw-question__count", has_text=f"Question {number} of").wait_for()
    stem = quiz.locator(".mlw-question legend").inner_text().strip()
    labels = quiz.locator(".mlw-options label")
    texts = [labels.nth(i).locator("span").last.inner_text().strip() for i in range(labels.count())]
    correct = [i + 1 for i, t in enumerate(texts) if t in key[stem]]
    picks = correct if right else [next(n for n in range(1, len(texts) + 1) if n not in correct)]
    for n in picks:
        page.keyboard.press(str(n))
    page.keyboard.press("Enter")
    quiz.locator(".mlw-feedback").wait_for()
    return stem, correct


def status_is(page, text: str) -> None:
    page.wait_for_function(
        "t => document.querySelector('.mlw-quiz [role=status]').textContent === t", arg=text
    )


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def test_answers_are_marked_in_place_and_results_offer_the_misses(
    sized_page, site_url: str, key
) -> None:
    page = sized_page
    quiz = start(page, site_url)
    # the setup folds into one line that says what the quiz was drawn from
    expect(quiz.locator("form")).to_be_hidden()
    expect(quiz.locator(".mlw-setup")).to_have_text(re.compile(rf"{TRACK} · 5 questions"))
    expect(quiz.locator(".mlw-setup__change")).to_have_attribute("aria-expanded", "false")
    dots = quiz.locator(".mlw-dots[role=img]")
    expect(dots).to_have_attribute("aria-label", "Question 1 of 5. None answered yet.")
    assert quiz.locator(".mlw-dot").count() == 5

    missed = [answer(page, quiz, key, 1, right=False)[0]]
    options = quiz.locator(".mlw-options > li")
    count = options.count()
    # every option marked where it stands, in words, with its reason; no second list
    assert quiz.locator(".mlw-quiz__body li").count() == count
    picked = quiz.locator(".mlw-choice.is-picked")
    expect(picked).to_have_count(1)
    expect(picked.locator(".mlw-choice__mark")).to_contain_text("Your answer: wrong")
    marks = [
        m.replace("✓", "").replace("✗", "").strip()
        for m in options.locator(".mlw-choice__mark").all_inner_texts()
    ]
    assert marks.count("Your answer: wrong") == 1 and "Correct answer" in marks
    assert set(marks) <= {"Correct answer", "Wrong option", "Your answer: wrong"}
    assert all(w.strip() for w in options.locator(".mlw-choice__why").all_inner_texts())
    assert options.locator(".mlw-choice__why").count() == count
    numbers = [i + 1 for i, m in enumerate(marks) if m == "Correct answer"]
    verdict = quiz.locator(".mlw-verdict").inner_text()
    assert re.fullmatch(r"Not quite: the answers? (is|are) options? [\d ,and]+\.", verdict)
    assert all(str(n) in verdict for n in numbers)
    status_is(page, verdict)
    assert focused(page, ".mlw-next")
    expect(dots).to_have_attribute("aria-label", "Question 1 of 5. So far 0 right, 1 wrong.")
    no_overflow(page, "answer marked")

    page.keyboard.press("n")
    _, correct = answer(page, quiz, key, 2, right=True)
    picked_marks = quiz.locator(".mlw-choice.is-picked .mlw-choice__mark")
    expect(picked_marks).to_have_count(len(correct))  # "select all that apply" picks several
    assert all("Your answer: correct" in m for m in picked_marks.all_inner_texts())
    expect(quiz.locator(".mlw-verdict")).to_have_text("Correct.")
    status_is(page, "Correct.")
    expect(quiz.locator(".mlw-dots")).to_have_attribute(
        "aria-label", "Question 2 of 5. So far 1 right, 1 wrong."
    )
    for number, right in ((3, True), (4, False), (5, True)):
        page.keyboard.press("n")
        stem, _ = answer(page, quiz, key, number, right)
        if not right:
            missed.append(stem)
    page.keyboard.press("n")

    expect(quiz.locator(".mlw-score")).to_have_text("Score: 3 of 5")
    assert focused(page, ".mlw-score")
    # the theme styles tables without a class: cells padded, not run together
    table = quiz.locator(".mlw-results__tracks table:not([class])")
    expect(table.locator("tbody th")).to_have_text(TRACK)
    expect(table.locator("tbody td")).to_have_text("3 of 5 (60%)")
    padding = table.locator("tbody th").evaluate("th => getComputedStyle(th).paddingRight")
    assert padding != "0px"
    expect(table.locator(".mlw-bar")).to_have_attribute("aria-hidden", "true")
    items = quiz.locator(".mlw-missed > li")
    assert [s.strip() for s in items.locator(".mlw-missed__stem").all_inner_texts()] == missed
    for href in items.locator("a").evaluate_all(HREFS):
        assert href.startswith(urljoin(site_url, "tracks/statistics/#q-"))
        anchor = href.split("#")[1]
        assert f'id="{anchor}"' in page.request.get(href).text()
    no_overflow(page, "results")

    # the misses join the flashcards: their cards are due now, and the page says so
    entries = {h.split("#q-")[1] for h in items.locator("a").evaluate_all(HREFS)}
    press_on(page, ".mlw-add-misses")
    added = quiz.locator(".mlw-results__added")
    expect(added).to_contain_text(re.compile(r"now due in your flashcards"), timeout=TIMEOUT)
    expect(quiz.locator(".mlw-add-misses")).to_have_count(0)
    assert focused(page, ".mlw-results__added a")
    expect(added.get_by_role("link", name="Review them now")).to_have_attribute(
        "href", re.compile(r"drill/flashcards/$")
    )
    page.wait_for_function(
        """(ids) => { const p = JSON.parse(localStorage.getItem(MLGuide.store.key('progress')));
        return ids.every((id) => p.cards[id] && Date.parse(p.cards[id].due) <= Date.now()); }""",
        arg=sorted(entries),
    )

    press_on(page, ".mlw-retry")  # "Retry the misses (2)", by keyboard
    quiz.locator(".mlw-question__count", has_text="Question 1 of 2").wait_for(timeout=TIMEOUT)
    expect(quiz.locator(".mlw-setup")).to_contain_text("retrying 2 missed questions")
    asked = [answer(page, quiz, key, 1, right=True)[0]]
    page.keyboard.press("n")
    asked.append(answer(page, quiz, key, 2, right=True)[0])
    assert sorted(asked) == sorted(missed)
    page.keyboard.press("n")
    expect(quiz.locator(".mlw-score")).to_have_text("Score: 2 of 2")
    expect(quiz.locator(".mlw-results__none")).to_be_visible()
    expect(quiz.locator(".mlw-retry")).to_have_count(0)


def test_setup_folds_and_start_over_asks_first(sized_page, site_url: str) -> None:
    page = sized_page
    quiz = start(page, site_url)
    form = quiz.locator("form")
    # "Change" opens the setup again, and closes it
    press_on(page, ".mlw-setup__change")
    expect(form).to_be_visible()
    expect(quiz.locator(".mlw-setup__change")).to_have_attribute("aria-expanded", "true")
    assert focused(page, ".mlw-quiz form input")
    press_on(page, ".mlw-setup__change")
    expect(form).to_be_hidden()

    # "Start over" is a quiet link-like button that asks in the page first
    over = quiz.locator(".mlw-quiz__over")
    assert "md-button" not in (over.get_attribute("class") or "")
    press_on(page, ".mlw-quiz__over")
    confirm = quiz.locator(".mlw-confirm[role=group]")
    expect(confirm).to_contain_text("Discard this quiz?")
    assert focused(page, ".mlw-confirm__no")  # the safe answer: a stray Enter loses nothing
    no_overflow(page, "start over asked")
    page.keyboard.press("Escape")
    expect(confirm).to_have_count(0)
    assert focused(page, ".mlw-quiz__over")
    expect(quiz.locator(".mlw-question__count")).to_have_text("Question 1 of 5")
    assert page.evaluate("k => localStorage.getItem(k)", SLOT) is not None

    page.keyboard.press("Enter")
    expect(confirm).to_be_visible()
    page.keyboard.press("Shift+Tab")
    assert focused(page, ".mlw-confirm__yes")
    page.keyboard.press("Enter")
    expect(form).to_be_visible()
    expect(quiz.locator(".mlw-setup")).to_be_hidden()
    expect(quiz.locator(".mlw-question")).to_have_count(0)
    status_is(page, "The unfinished quiz was discarded.")
    assert page.evaluate("k => localStorage.getItem(k)", SLOT) is None


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_quiz_states_are_axe_clean(
    browser, site_url: str, key, scheme: str, viewport: str
) -> None:
    # axe is injected by evaluate; bypass_csp lets it run without loosening the site's CSP
    context = _context(browser, viewport, bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        quiz = start(page, site_url)
        answer(page, quiz, key, 1, right=False)
        press_on(page, ".mlw-setup__change")  # the setup open above a marked answer,
        press_on(page, ".mlw-quiz__over")  # and "Start over" asking
        expect(quiz.locator(".mlw-confirm")).to_be_visible()
        axe_clean(page, f"marked answer, setup open, start over asked ({scheme}, {viewport})")
        page.keyboard.press("Escape")
        for number in range(2, 6):
            page.keyboard.press("n")
            answer(page, quiz, key, number, right=number % 2 == 0)
        page.keyboard.press("n")
        expect(quiz.locator(".mlw-retry")).to_be_visible()
        axe_clean(page, f"results with misses ({scheme}, {viewport})")
    finally:
        context.close()
