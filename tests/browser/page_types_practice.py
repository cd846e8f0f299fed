"""Page types of the practice loop (flashcards, mock round, dashboard) for the a11y and CSP
checks: name -> (path, setup(page) or None). The helpers that bring a widget into a state
are shared with test_practice_loop.py."""

from __future__ import annotations

import json

TIMEOUT = 90_000
FLASHCARDS = "drill/flashcards/"
MOCK = "drill/mock/"
DASHBOARD = "drill/dashboard/"
DAY_MS = 86_400_000

# Some study spread over the last days: self-grades (one via a mock-like lapse) and quiz
# answers, so every part of the dashboard has something to show.
SEED_REVIEWS = [
    ("bias-variance", "strong_hire", -3),
    ("bias-variance", "strong_hire", -2),
    ("overfitting", "lean_hire", -2),
    ("bias-variance", "didnt_know", -1),
]
SEED_ANSWERS = [("bias-variance-1", True, -1), ("bias-variance-2", False, 0)]

SEED_JS = """async ([reviews, answers, day]) => {
  const { py, progressStore } = MLGuide;
  let progress = await progressStore.get();
  const now = Date.now();
  for (const [question_id, grade, days] of reviews) {
    progress = await py.call("review", { progress, question_id, grade, now_ms: now + days * day });
  }
  for (const [item_id, correct, days] of answers) {
    const now_ms = now + days * day - 1000;
    progress = await py.call("record", { progress, item_id, correct, now_ms });
  }
  await progressStore.save(progress);
  return progress;
}"""


def seed_progress(page) -> dict:
    """Write a known history through the engine (the widgets' own ops) and save it."""
    page.wait_for_function("() => window.MLGuide && MLGuide.py.isReady", timeout=TIMEOUT)
    return page.evaluate(SEED_JS, [SEED_REVIEWS, SEED_ANSWERS, DAY_MS])


def dashboard_ready(page) -> None:
    page.locator(".mlw-dash__readiness").wait_for(timeout=TIMEOUT)


def export_text(page) -> str:
    """The export file's text, made by the same op the Export button uses."""
    data = page.evaluate(
        "async () => MLGuide.py.call('export_file', "
        "{ progress: await MLGuide.progressStore.get(), now_ms: Date.now() })"
    )
    return json.dumps(data, indent=2)


def choose_file(page, name: str, text: str) -> None:
    file_input = page.locator(".mlw-transfer__file")
    page.wait_for_function(
        "() => !document.querySelector('.mlw-transfer__file').disabled", timeout=TIMEOUT
    )
    file_input.set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": text.encode()}
    )


# The first card, shown from the page while Python loads, is now the engine's: its "keep my
# answers" tick waits, disabled, for the reader's progress.
CARD_READY = ".mlw-fc .mlw-answer__keep input:not([disabled])"


def flashcards_ready(page) -> None:
    page.locator(CARD_READY).wait_for(timeout=TIMEOUT)


# Every grade button says when the card would come back (the engine's preview answered).
INTERVALS_SHOWN = """() => {
  const when = [...document.querySelectorAll('.mlw-fc .mlw-grade__when')];
  return when.length === 4 && when.every((w) => w.textContent.trim());
}"""


def flashcards_revealed(page) -> None:
    flashcards_ready(page)
    page.locator(".mlw-fc__reveal").click()
    page.locator(".mlw-fc .mlw-grades").wait_for()
    page.wait_for_function(INTERVALS_SHOWN, timeout=TIMEOUT)


def one_new_card_a_day(page) -> None:
    """One new card today (through the settings form), so one grade ends the session."""
    fc = page.locator(".mlw-fc")
    fc.locator(".mlw-fc__settings summary").click()
    fc.get_by_label("New cards per day").fill("1", timeout=TIMEOUT)
    fc.get_by_role("button", name="Save settings").click()
    fc.locator(".mlw-fc__counts", has_text="New cards left today: 1").wait_for(timeout=TIMEOUT)
    fc.locator(".mlw-fc__settings summary").click()  # closed again, as a reader would


def flashcards_summary(page) -> None:
    """One card graded (Lean hire, by its key) and the session's summary shown."""
    one_new_card_a_day(page)
    flashcards_revealed(page)
    page.keyboard.press("3")
    page.locator(".mlw-fc__next", has_text="Finish").click(timeout=TIMEOUT)
    page.locator(".mlw-fc__summary .mlw-fc__mix").wait_for(timeout=TIMEOUT)


def start_mock(page, role: str = "mle", level: str = "L4") -> None:
    mock = page.locator(".mlw-mock")
    mock.locator("select[name=role]").select_option(role, timeout=TIMEOUT)
    mock.locator("select[name=level]").select_option(level)
    mock.locator("form button[type=submit]").click(timeout=TIMEOUT)
    mock.locator(".mlw-mock__count").wait_for(timeout=TIMEOUT)


def grade_mock(page, label: str) -> None:
    """Says "I'm done" to the current question, waits for its rubric, then grades it."""
    mock = page.locator(".mlw-mock")
    mock.locator(".mlw-mock__done-button").click(timeout=TIMEOUT)
    mock.locator(".mlw-mock__review-title").wait_for(timeout=TIMEOUT)
    mock.locator(".mlw-grades").get_by_role("button", name=label, exact=True).click()


def mock_running(page) -> None:
    start_mock(page)
    page.locator(".mlw-mock__probe").click()
    page.locator(".mlw-probes li").first.wait_for()


def mock_done(page) -> None:
    """After "I'm done": the rubric and the level's answer, then the grade buttons."""
    start_mock(page)
    page.locator(".mlw-mock__done-button").click()
    page.locator(".mlw-mock__review-title").wait_for()


def mock_scorecard(page) -> None:
    start_mock(page)
    grade_mock(page, "Lean hire")
    page.locator(".mlw-mock__count", has_text="Question 2 of").wait_for()
    page.locator(".mlw-mock__end").click()
    page.locator(".mlw-mock__score").wait_for(timeout=TIMEOUT)


def dashboard_with_data(page) -> None:
    seed_progress(page)
    page.reload()
    dashboard_ready(page)
    for toggle in page.locator(".mlw-dash details.mlw-fig__table > summary").all():
        toggle.click()  # the tables, open, are checked too


def dashboard_import_preview(page) -> None:
    dashboard_with_data(page)
    choose_file(page, "progress.json", export_text(page))
    page.locator(".mlw-transfer__preview").wait_for(timeout=TIMEOUT)


def saving_stopped(page) -> None:
    """The notice that saving stopped, with its buttons (here: a newer guide's progress)."""
    page.wait_for_function("() => window.MLGuide && MLGuide.store", timeout=TIMEOUT)
    page.evaluate("MLGuide.store.freeze('progress', 9)")
    page.locator(".md-content .mlw-saving").wait_for(timeout=TIMEOUT)


def dashboard_with_a_backup(page) -> None:
    key = "mlguide:/ml-guide/:progress:backup:2026-01-02T10:00:00.000Z"
    page.evaluate("k => localStorage.setItem(k, '{broken')", key)
    page.reload()
    page.locator(".mlw-backups tbody tr").first.wait_for(timeout=TIMEOUT)


PAGE_TYPES: dict = {
    "flashcards-card": (FLASHCARDS, flashcards_ready),
    "flashcards-revealed": (FLASHCARDS, flashcards_revealed),
    "flashcards-summary": (FLASHCARDS, flashcards_summary),
    "mock-running": (MOCK, mock_running),
    "mock-done": (MOCK, mock_done),
    "mock-scorecard": (MOCK, mock_scorecard),
    "dashboard-data": (DASHBOARD, dashboard_with_data),
    "dashboard-import-preview": (DASHBOARD, dashboard_import_preview),
    "dashboard-backups": (DASHBOARD, dashboard_with_a_backup),
    "flashcards-saving-stopped": (FLASHCARDS, saving_stopped),
}
