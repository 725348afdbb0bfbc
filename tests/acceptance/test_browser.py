"""A whole assessment in Debian's Chromium through Playwright, at phone width, with axe scans.

Every walk starts with the person's own words: the story page, then the list of what was
understood, corrected (one answer flipped, one left out) before the questions. The first walk
runs with JavaScript switched off, as a person whose browser blocks scripts would meet
popliteal; the second runs axe-core (which needs JavaScript to run at all) on every kind of
page and expects no violation of any rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from acceptance.browser_support import BROWSER_MARKS, PHONE, browser_server, chromium, new_page
from acceptance.live_server import Server
from popliteal.knowledge import load_knowledge_base

STORY = ("For two days the back of my knee has been swollen and my calf is swollen too. "
         "No fever.")
KB = load_knowledge_base()
KEPT, FLIPPED, LEFT_OUT = "swelling_behind_knee", "calf_swelling", "fever"

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with browser_server(tmp_path_factory.mktemp("browser")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def console_errors() -> list[str]:
    return []


def to_the_story(page: Any, server: Server) -> None:
    page.goto(f"{server.url}/")
    page.get_by_label("Your age in years").fill("67")
    page.get_by_label("Male", exact=True).check()
    page.get_by_role("button", name="Start").click()


def start(page: Any, server: Server, on_page: Any = None) -> None:
    """Age and sex, the story, then the corrected list of what was understood."""
    to_the_story(page, server)
    if on_page is not None:
        on_page("story page")
    page.get_by_label("Tell us in your own words").fill(STORY)
    page.get_by_role("button", name="Continue", exact=True).click()
    if on_page is not None:
        on_page("confirmation page")
    page.get_by_role("group", name=KB.findings[FLIPPED].question).get_by_label(
        "No", exact=True).check()
    page.get_by_role("group", name=KB.findings[LEFT_OUT].question).get_by_label(
        "Leave it out").check()
    page.get_by_role("button", name="Continue to the questions").click()


def answer_negatively(page: Any) -> None:
    """'No', else 'None of these', else the first choice; then Continue."""
    for label in ("No", "None of these"):
        choice = page.get_by_label(label, exact=True)
        if choice.count():
            choice.check()
            break
    else:
        page.locator("input[name=value]").first.check()
    page.get_by_role("button", name="Continue").click()


def walk_to_result(page: Any, on_question: Any = None, limit: int = 60) -> int:
    for asked in range(limit):
        if page.url.endswith("/result"):
            return asked
        if on_question is not None:
            on_question(page, asked)
        answer_negatively(page)
    raise AssertionError("no result after the question limit")


def test_a_whole_assessment_works_without_javascript_at_phone_width(
        browser: Any, server: Server, console_errors: list[str]) -> None:
    page = new_page(browser, console_errors, javascript=False)
    page.goto(f"{server.url}/")
    page.get_by_role("button", name="Start").click()
    assert page.locator("#age-error").count() == 1  # the story waits for age and sex
    start(page, server, on_page=lambda name: check_story_step(page, name))
    assert "Question 1 of at most" in page.locator(".progress").inner_text()

    first = page.locator("legend").inner_text()
    answer_negatively(page)
    page.get_by_role("button", name="Back to the previous question").click()
    assert page.locator("legend").inner_text() == first

    asked = walk_to_result(page)
    assert asked > 3
    main = page.locator("main")
    assert main.locator(".urgency").count() == 1
    assert main.locator("h1").first.inner_text() == main.locator(".urgency h1").inner_text()
    assert main.locator(".causes li").count() >= 3
    assert "%" in main.locator(".causes li").first.inner_text()
    for heading in ("What might be causing it", "What you can do now", "When to get help"):
        assert main.get_by_role("heading", name=heading).count() == 1
    page.goto(page.url.removesuffix("/result") + "/report")
    recorded = page.locator("table", has=page.get_by_role("columnheader", name="Reported"))
    assert recorded.locator("tr", has_text=KB.findings[KEPT].clinician).inner_text().endswith(
        "present")
    assert recorded.locator("tr", has_text=KB.findings[FLIPPED].clinician).inner_text().endswith(
        "absent")
    page.context.close()


def check_story_step(page: Any, name: str) -> None:
    """The story page and the list of what was understood, as a person meets them."""
    main = page.locator("main")
    if name == "story page":
        assert "We do not keep your words" in main.inner_text()
        assert page.get_by_role("button", name="Skip this step").count() == 1
        return
    assert main.get_by_role("heading", name="Check what we understood").count() == 1
    assert main.get_by_role("group").count() == 4
    kept = main.get_by_role("group", name=KB.findings[KEPT].question)
    assert kept.get_by_label("Yes", exact=True).is_checked()
    assert "back of my knee has been swollen" in kept.inner_text()


def test_no_page_has_an_axe_violation(browser: Any, server: Server,
                                      console_errors: list[str]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(browser, console_errors, javascript=True)
    scanned: dict[str, Any] = {}

    def scan(name: str) -> None:
        results = axe.run(page)
        scanned[name] = results
        assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")
        assert not overflow, f"{name} scrolls sideways at phone width"

    page.goto(f"{server.url}/")
    scan("start page")
    page.get_by_role("button", name="Start").click()
    scan("start page with errors")
    to_the_story(page, server)  # now with more words than are read
    page.locator("#story").evaluate(
        "(box, words) => { box.removeAttribute('maxlength'); box.value = words; }", "ow " * 700)
    page.get_by_role("button", name="Continue", exact=True).click()
    assert page.locator("#story-error").count() == 1
    scan("story page with an error")
    start(page, server, on_page=scan)
    walk_to_result(page, lambda p, n: scan(f"question {n + 1}") if n < 3 else None)
    scan("result page")
    result_url = page.url
    page.get_by_role("link", name="Check or change your answers").click()
    scan("answers page")
    page.locator("a", has_text="Change").first.click()
    scan("change page")
    page.goto(result_url.removesuffix("/result") + "/report")
    scan("report page")
    page.emulate_media(media="print")
    scan("report page, printed")
    assert [m for m in console_errors if "Content Security Policy" in m] == []
    # start (twice), story (twice), confirmation, three questions, result, answers, change,
    # report (twice)
    assert len(scanned) == 13
    page.context.close()


def test_an_emergency_is_shown_at_once_above_the_question_with_no_axe_violation(
        browser: Any, server: Server, console_errors: list[str]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(browser, console_errors, javascript=True)
    to_the_story(page, server)
    page.get_by_label("Tell us in your own words").fill(
        "My knee is hot, red and swollen and I can hardly bend it.")
    page.get_by_role("button", name="Continue", exact=True).click()
    page.get_by_role("button", name="Continue to the questions").click()
    banner = page.locator("section.urgency")
    assert "Go to an emergency department now." in banner.inner_text()
    assert banner.bounding_box()["y"] < PHONE["height"] / 2
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("link", name="See what to do now").click()
    assert page.url.endswith("/result")
    assert "Go to an emergency department now." in page.locator("main").inner_text()
