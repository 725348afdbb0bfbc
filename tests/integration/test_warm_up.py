"""A worker builds the free-text reader when it starts, not on the first person's story."""

from __future__ import annotations

from popliteal.text import reading

from .web_helpers import make_client


def test_starting_the_app_builds_the_reader(sqlite_url: str) -> None:
    reading._reader.cache_clear()
    with make_client(sqlite_url):
        assert reading._reader.cache_info().currsize == 1
