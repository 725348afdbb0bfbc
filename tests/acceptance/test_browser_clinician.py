"""Clinician mode in Debian's Chromium: the form and the result, at phone width, with axe scans.

The walk runs without JavaScript, as the pages must work without it; the scans run axe-core
(which needs JavaScript) and expect no violation of any rule and no sideways scrolling.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from acceptance.browser_support import BROWSER_MARKS, browser_server, chromium, new_page
from acceptance.live_server import Server
from popliteal.knowledge import load_knowledge_base

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with browser_server(tmp_path_factory.mktemp("browser-clinician")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def enter_a_possible_clot(page: Any, server: Server) -> None:
    page.goto(f"{server.url}/clinician")
    page.get_by_label("Age in years").fill("67")
    page.get_by_label("Female", exact=True).check()
    for finding in ("Unilateral calf swelling", "Pitting oedema confined to the symptomatic leg"):
        page.get_by_label(f"Yes: {finding}", exact=False).first.check()
    page.get_by_label("No: Acute knee injury", exact=True).check()
    page.get_by_role("button", name="Assess").click()


def test_findings_entered_without_javascript_give_the_clinician_view(browser: Any,
                                                                     server: Server) -> None:
    page = new_page(browser, [], javascript=False)
    enter_a_possible_clot(page, server)
    main = page.locator("main")
    assert main.get_by_role("heading", name="Clinician view").count() == 1
    assert main.locator("table.differential tbody tr").count() == len(load_knowledge_base().conditions)
    assert main.get_by_role("heading", name="Ottawa knee rule: not applicable").count() == 1
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a FHIR Bundle (JSON)").click()
    assert download.value.suggested_filename.endswith(".fhir.json")
    page.context.close()


def test_no_clinician_page_has_an_axe_violation(browser: Any, server: Server) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    errors: list[str] = []
    page = new_page(browser, errors, javascript=True)

    def scan(name: str) -> None:
        results = axe.run(page)
        assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")
        assert not overflow, f"{name} scrolls sideways at phone width"

    page.goto(f"{server.url}/clinician")
    scan("clinician form")
    page.get_by_role("button", name="Assess").click()
    scan("clinician form with errors")
    enter_a_possible_clot(page, server)
    scan("clinician view")
    assert [m for m in errors if "Content Security Policy" in m] == []
    page.context.close()
