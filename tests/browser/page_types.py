"""Every page type of the site, and how to bring a page into each widget state, for the
accessibility and CSP checks. Each entry: name -> (path, setup(page) or None)."""

from __future__ import annotations

from tests.browser import page_types_exercises, page_types_practice

TIMEOUT = 90_000
# Every widget shell on the site (frontend/main.js mounts them).
WIDGETS = (
    ".mlw-quiz, .mlw-fc, .mlw-mock, .mlw-dash, .mlw-exercise, .mlw-today, .mlw-index, .mlw-first,"
    " .mlw-plan"
)
# A page is ready to check once it has loaded, every widget is bound and none is still
# loading Python, and an exercise page has its editor (in place of the plain textarea).
SETTLED = f"""() => document.readyState === "complete"
  && [...document.querySelectorAll("{WIDGETS}")].every((w) => w.dataset.bound)
  && !document.querySelector(".mlw-progress, .mlw-noscript")
  && !document.querySelector(".mlw-exercise textarea.mlw-exercise__fallback")"""


def quiz_answered(page) -> None:
    quiz = page.locator(".mlw-quiz")
    quiz.locator("form button[type=submit]").click()
    quiz.locator(".mlw-options input").first.wait_for(timeout=TIMEOUT)
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    quiz.locator(".mlw-feedback").wait_for(timeout=TIMEOUT)


def quiz_error(page) -> None:
    page.route("**/assets/quiz/runtime.json", lambda route: route.fulfill(status=503, body=""))
    page.evaluate("MLGuide.py.restart().catch(() => {})")
    page.locator(".mlw-quiz form button[type=submit]").click()
    page.locator(".mlw-error").wait_for(timeout=TIMEOUT)


def answer_first_graded(page) -> None:
    """A track page's first card tried: countdown, answer shown, grade buttons ready."""
    card = page.locator(".qcard:has(.mlw-first)").first
    card.get_by_role("button", name="Answer first").click()
    card.get_by_role("button", name="Show answer and rubric").click()
    card.locator(".mlw-grade .mlw-grade__when:not(:empty)").first.wait_for(timeout=TIMEOUT)


def session_started(page) -> None:
    """Today's session started from the home page: its first step, with the bar."""
    page.locator(".mlw-today .mlw-today__start").click()
    page.locator("article .mlw-session").wait_for(timeout=TIMEOUT)


def plan_tracked(page) -> None:
    """The study plan for a reader with progress: weeks counted, links marked, and the
    header's due badge showing (the seeded history leaves cards due)."""
    page.evaluate("MLGuide.py.start()")
    page_types_practice.seed_progress(page)
    page.reload()
    page.locator(".mlw-plan__week").first.wait_for(timeout=TIMEOUT)
    page.locator(".md-header .mlw-due:not([hidden])").wait_for(timeout=TIMEOUT)


def search_open(page) -> None:
    page.keyboard.press("/")  # the theme's shortcut that opens the search dialog
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("leakage", delay=30)  # real keystrokes: the theme listens for them
    page.locator(".md-search-result__item").first.wait_for(timeout=TIMEOUT)


PAGE_TYPES = {
    "home": ("", None),
    "study-plan": ("study/plan/", None),
    "study-plan-tracked": ("study/plan/", plan_tracked),
    "today-session": ("", session_started),
    "home-search-open": ("", search_open),
    "track": ("tracks/fundamentals/", None),
    "track-answer-first": ("tracks/fundamentals/", answer_first_graded),
    "question-index": ("questions/", None),
    "question-index-filtered": ("questions/?track=llm&level=L6%2B&status=new", None),
    "problem-index": ("problems/", None),
    "other-lists": ("questions/other-lists/", None),
    "practice-problem": ("problems/worked/", None),
    "framework": ("frameworks/problem/", None),
    "round": ("round/", None),
    "quiz-idle": ("drill/quiz/", None),
    "quiz-answered": ("drill/quiz/", quiz_answered),
    "quiz-error": ("drill/quiz/", quiz_error),
}
PAGE_TYPES.update(page_types_practice.PAGE_TYPES)
PAGE_TYPES.update(page_types_exercises.PAGE_TYPES)
