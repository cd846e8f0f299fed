"""The exercise loop in Chromium, keyboard only, on a fixed clock: a reader fails a
Check, takes hints, passes, sees the solution (fetched only then), answers the follow-ups
and finds the exercise due again weeks later, on its page and on the Progress page; axe
finds nothing in any of those states. Also: a stale draft is flagged, not loaded."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urljoin

import pytest

from tests.browser.axe_helpers import axe_clean, key
from tests.browser.page_types_exercises import (
    BOOT_TIMEOUT,
    EXAMPLE,
    EXAMPLE_PATH,
    exercise_file,
    type_code,
    wait_for_editor,
    wait_for_summary,
)

pytestmark = pytest.mark.browser
T0 = 1_767_258_000_000  # 2026-01-01T09:00:00Z
MINUTE = 60_000
DAY = 24 * 60 * MINUTE
RECORD = ".mlw-exercise__record"


def set_clock(page, ms: int) -> None:
    """Date.now() answers `ms` from now on (timers keep running). Playwright reads a bare
    number as seconds here, so the time goes in as a datetime."""
    page.clock.set_fixed_time(datetime.fromtimestamp(ms / 1000, tz=UTC))


def record_says(page, text: str) -> None:
    page.locator(RECORD, has_text=text).wait_for(timeout=BOOT_TIMEOUT)


def stored_record(page) -> dict:
    return page.evaluate(f"MLGuide.progressStore.peek().exercises['{EXAMPLE}'] ?? null")


def focused_class(page) -> str:
    return page.evaluate("document.activeElement.className")


def test_fail_hints_pass_solution_followups_and_due_again(page, site_url: str) -> None:
    reveals: list[str] = []
    page.on("request", lambda r: reveals.append(r.url) if "/reveal/" in r.url else None)
    set_clock(page, T0)
    page.goto(urljoin(site_url, EXAMPLE_PATH))
    wait_for_editor(page)
    record_says(page, "not tried yet")
    axe_clean(page, "new")

    # fail: the starter, checked by keyboard
    key(page, ".mlw-exercise__check")
    page.locator(".mlw-result--fail .mlw-result__io").first.wait_for(timeout=BOOT_TIMEOUT)
    io = page.locator(".mlw-result--fail .mlw-result__io").first.inner_text()
    assert "Input" in io and "Expected" in io and "Got" in io
    record_says(page, "attempted")
    assert stored_record(page)["round"]["failed"] == 1
    assert "2 more failed checks" in page.locator(".mlw-exercise__reveal").inner_text()
    axe_clean(page, "failed")

    # hints, one at a time, each focused when shown
    total = page.locator(".mlw-exercise__learn").get_attribute("data-hints")
    set_clock(page, T0 + MINUTE)
    key(page, ".mlw-exercise__hint-next")
    page.locator(".mlw-exercise__hint").first.wait_for()
    assert "mlw-exercise__hint" in focused_class(page)
    key(page, ".mlw-exercise__hint-next")
    page.wait_for_function("() => document.querySelectorAll('.mlw-exercise__hint').length === 2")
    assert page.locator(".mlw-exercise__hint-next").inner_text() == f"Show hint 3 of {total}"
    page.wait_for_function(
        f"() => MLGuide.progressStore.peek().exercises['{EXAMPLE}'].round.hints === 2"
    )
    axe_clean(page, "hints")

    # "I give up" asks once; "Not yet" leaves it hidden and nothing is fetched
    key(page, ".mlw-exercise__give-up")
    page.locator(".mlw-exercise__confirm").wait_for()
    assert "mlw-exercise__show-solution" in focused_class(page)
    axe_clean(page, "asking before the solution")
    key(page, ".mlw-exercise__not-yet")
    page.locator(".mlw-exercise__give-up").wait_for()
    assert reveals == []

    # pass, then the record and the schedule
    set_clock(page, T0 + 20 * MINUTE)
    type_code(page, exercise_file(EXAMPLE, "solution.py"))
    key(page, ".mlw-exercise__check")
    wait_for_summary(page, "results", "All ")
    record_says(page, "solved with hints")
    record = stored_record(page)
    assert record["results"][-1][1] == "solved_with_help" and record["card"] is not None
    assert record["draft"]["code"] == exercise_file(EXAMPLE, "solution.py")
    assert "Next review" in page.locator(RECORD).inner_text()
    axe_clean(page, "passed")

    # the solution and remarks, fetched only now
    key(page, ".mlw-exercise__show-solution")
    page.locator(".mlw-exercise__solution").wait_for()
    assert len(reveals) == 1 and reveals[0].endswith(f"/reveal/{EXAMPLE}.json")
    solution = page.locator(".mlw-exercise__solution").inner_text()
    assert solution.strip() == exercise_file(EXAMPLE, "solution.py").strip()
    assert page.locator(".mlw-exercise__remarks p").count() >= 1
    assert "mlw-exercise__reveal-title" in focused_class(page)
    assert stored_record(page)["round"]["solution_seen"] is False  # seen after the pass
    axe_clean(page, "solution")

    # follow-ups: model answer on request, then a self-grade
    asked = page.locator(".mlw-followup").count()
    assert 2 <= asked <= 3
    for n in range(asked):
        item = f".mlw-followup >> nth={n}"
        key(page, f"{item} >> .mlw-followup__show")
        page.locator(f"{item} >> .mlw-followup__model").wait_for()
        key(page, f"{item} >> .mlw-grade--lean_hire")
        page.locator(f"{item} >> .mlw-followup__graded").wait_for()
    page.wait_for_function(
        f"() => MLGuide.progressStore.peek().exercises['{EXAMPLE}'].followups.length === {asked}"
    )
    axe_clean(page, "follow-ups graded")

    # weeks later: due again, on the page and on the Progress page
    set_clock(page, T0 + 40 * DAY)
    page.reload()
    wait_for_editor(page)
    record_says(page, "Due for review now")
    assert page.evaluate(f"MLGuide.exercises.get('{EXAMPLE}').code()") == exercise_file(
        EXAMPLE, "solution.py"
    )
    axe_clean(page, "due again")
    page.goto(urljoin(site_url, "drill/dashboard/"))
    row = page.locator(".mlw-dash__exercise", has_text="Due now")
    row.wait_for(timeout=BOOT_TIMEOUT)
    assert "Solved with hints" in row.inner_text()
    assert (
        "1 exercise due for review now" in page.locator(".mlw-dash__exercise-summary").inner_text()
    )
    axe_clean(page, "progress page")


def test_a_stale_draft_is_flagged_and_not_loaded(page, site_url: str) -> None:
    page.goto(urljoin(site_url, EXAMPLE_PATH))
    wait_for_editor(page)
    record_says(page, "not tried yet")
    page.evaluate(
        """async (id) => {
          const before = await MLGuide.progressStore.get();
          const next = await MLGuide.py.call("save_draft", {progress: before, exercise_id: id,
            version: "0000000000000000", code: "OLD = 1\\n", now_ms: Date.now()});
          await MLGuide.progressStore.save(next, before);
        }""",
        EXAMPLE,
    )
    page.reload()
    wait_for_editor(page)
    stale = page.locator(".mlw-exercise__stale")
    stale.wait_for(timeout=BOOT_TIMEOUT)
    assert "has changed since you last saved code" in stale.inner_text()
    code = f"MLGuide.exercises.get('{EXAMPLE}').code()"
    assert page.evaluate(code) == exercise_file(EXAMPLE, "starter.py")
    axe_clean(page, "stale draft")
    key(page, ".mlw-exercise__take-draft")
    page.wait_for_function(f"() => {code} === 'OLD = 1\\n'")
    page.wait_for_function(
        f"() => MLGuide.progressStore.peek().exercises['{EXAMPLE}'].draft.version"
        f" === document.querySelector('.mlw-exercise').dataset.version"
    )
