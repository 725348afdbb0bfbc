"""What every browser test shares: Debian's Chromium, a phone-sized page, a live server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from acceptance.live_server import Server, live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian's chromium is not installed (.ci/run installs it)"),
]


@contextmanager
def browser_server(folder: Path) -> Iterator[Server]:
    """A real `popliteal serve` on a SQLite file in ``folder``."""
    with live_server(f"sqlite:///{folder / 'browser.sqlite3'}", folder / "serve.log") as running:
        yield running


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_page(browser: Any, errors: list[str], *, javascript: bool) -> Any:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript,
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    return page
