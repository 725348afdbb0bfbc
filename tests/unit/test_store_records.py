"""Audit events carry ids, never free text; database URLs are checked before use."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from popliteal.errors import InvalidInputError
from popliteal.store import AuditEvent, normalise_url

NOW = datetime(2026, 11, 27, tzinfo=UTC)


def audit(**fields: object) -> AuditEvent:
    values: dict[str, object] = {"kind": "answered", "knowledge_base_version": "2026.11.0",
                                 "knowledge_base_hash": "0" * 64, "at": NOW}
    values.update(fields)
    return AuditEvent(**values)  # type: ignore[arg-type]


def test_an_event_of_ids_yes_no_values_and_numbers_is_accepted() -> None:
    e = audit(question_id="calf_swelling", value="unknown",
              data={"findings": {"pain_calf": True}, "top": [["dvt", 0.25]], "level": None})
    assert e.data is not None and e.data["top"] == [["dvt", 0.25]]


@pytest.mark.parametrize("data", [
    {"narrative": "my left knee hurts since Tuesday"},
    {"findings": ["pain_calf", "Jane Doe"]},
    {"a sentence as key": True},
])
def test_free_text_anywhere_in_the_data_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="only ids"):
        audit(data=data)


def test_free_text_as_an_answer_value_is_refused() -> None:
    with pytest.raises(ValueError, match="only ids"):
        audit(value="it hurts when I walk")


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        audit(kind="edited")


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        audit(at=datetime(2026, 11, 27))


def test_a_non_json_value_is_refused() -> None:
    with pytest.raises(ValueError, match="not JSON"):
        audit(data={"when": NOW})


@pytest.mark.parametrize(("url", "driver"), [
    ("postgres://u:p@localhost/db", "postgresql+psycopg"),
    ("postgresql://u:p@localhost/db", "postgresql+psycopg"),
    ("postgresql+psycopg://u:p@localhost/db", "postgresql+psycopg"),
    ("sqlite:///tmp/x.sqlite3", "sqlite"),
])
def test_database_urls_get_the_installed_driver(url: str, driver: str) -> None:
    assert normalise_url(url).drivername == driver


@pytest.mark.parametrize("url", ["mysql://u:p@localhost/db", "not a url"])
def test_an_unsupported_database_url_names_the_setting(url: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        normalise_url(url)
    assert caught.value.field == "database_url"
