"""A whole assessment in Debian's Chromium through Playwright, at phone width, with axe scans.

The first walk runs with JavaScript switched off, as a person whose browser blocks scripts
would meet popliteal; the second runs axe-core (which needs JavaScript to run at all) on every
kind of page and expects no violation of any rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from acceptance.live_server import Server, live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian's chromium is not installed (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("browser")
    with live_server(f"sqlite:///{folder / 'browser.sqlite3'}", folder / "serve.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def console_errors() -> list[str]:
    return []


def new_page(browser: Any, errors: list[str], *, javascript: bool) -> Any:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript,
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    return page


def start(page: Any, server: Server) -> None:
    page.goto(f"{server.url}/")
    page.get_by_label("Your age in years").fill("67")
    page.get_by_label("Male", exact=True).check()
    page.get_by_role("button", name="Start").click()


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
    start(page, server)
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
    page.context.close()


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
    start(page, server)
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
    assert len(scanned) == 10  # start (twice), three questions, result, answers, change, report (twice)
    page.context.close()
