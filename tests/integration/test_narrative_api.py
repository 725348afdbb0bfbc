"""POST /api/v1/narrative: a person's words read into findings, then an assessment from them."""

from __future__ import annotations

import logging
from typing import get_args

import pytest

from integration.test_story_pages import everything_stored_is_empty, service_of
from integration.web_helpers import TestClient, bearer, start
from popliteal.service import MAX_STORY_CHARS
from popliteal.text import Status
from popliteal.web.schemas import NotCountedStatus

NARRATIVE = "/api/v1/narrative"
STORY = ("Since yesterday my calf is swollen and tender, I don't have a fever. I flew home "
         "from Auckland last week. My brother had a clot once.")


def test_a_story_is_read_into_findings_each_with_the_words_that_decided_it(
        client: TestClient) -> None:
    response = client.post(NARRATIVE, json={"text": STORY})
    assert response.status_code == 200
    body = response.json()
    assert body["findings"]["calf_swelling"] is True and body["findings"]["fever"] is False
    assert body["findings"]["long_journey"] is True
    assert {e["finding_id"]: e["present"] for e in body["evidence"]} == body["findings"]
    for item in body["evidence"]:
        assert STORY[item["start"]:item["end"]] == item["text"]
        assert item["question"].endswith("?")
    fever = next(e for e in body["evidence"] if e["finding_id"] == "fever")
    assert fever["triggers"] == ["negated: n't"]
    assert [(n["finding_id"], n["status"]) for n in body["not_counted"]] == [
        ("previous_dvt", "other_person")]


def test_reading_a_story_stores_nothing_and_logs_nothing_of_it(
        client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert client.post(NARRATIVE, json={"text": STORY}).status_code == 200
    assert client.post(NARRATIVE, json={"text": "Auckland" * 300}).status_code == 422
    assert everything_stored_is_empty(client)
    assert "Auckland" not in caplog.text


def test_the_findings_read_start_an_assessment_that_does_not_ask_them_again(
        client: TestClient) -> None:
    findings = client.post(NARRATIVE, json={"text": STORY}).json()["findings"]
    created = start(client, findings=findings)
    opened = service_of(client).open(created["id"], created["token"])
    assert dict(opened.state.initial_findings) == findings
    status = client.get(f"/api/v1/assessments/{created['id']}", headers=bearer(created["token"]))
    assert status.status_code == 200 and status.json()["question"] is not None


@pytest.mark.parametrize("text", ["", "   ", "I would like some advice.", "🦵 sore ✓ — ok"])
def test_text_with_little_or_odd_content_is_still_read(client: TestClient, text: str) -> None:
    response = client.post(NARRATIVE, json={"text": text})
    assert response.status_code == 200
    assert set(response.json()) == {"findings", "evidence", "not_counted"}


def test_text_that_is_not_valid_unicode_is_a_problem_naming_the_field(client: TestClient) -> None:
    # JSON can spell a lone surrogate (\ud800), which is no character at all.
    response = client.post(NARRATIVE, content=b'{"text": "\\ud800 swollen calf"}',
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["field"] == "text"


@pytest.mark.parametrize(("body", "field"), [
    ({"text": "x" * (MAX_STORY_CHARS + 1)}, "text"),
    ({"text": 42}, "text"),
    ({}, "text"),
    ({"text": "my calf hurts", "age": 54}, "age"),
])
def test_bad_input_is_a_problem_naming_the_field(client: TestClient, body: dict[str, object],
                                                 field: str) -> None:
    response = client.post(NARRATIVE, json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == field
    assert "xxxx" not in response.text  # the text is not echoed back


def test_a_body_over_the_size_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post(NARRATIVE, json={"text": "swollen calf " * 2000})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_the_openapi_schema_documents_the_operation_strictly(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][NARRATIVE]["post"]
    assert set(operation["responses"]) == {"200", "400", "413", "422"}
    assert "application/problem+json" in operation["responses"]["422"]["content"]
    request = schema["components"]["schemas"]["NarrativeIn"]
    assert request["additionalProperties"] is False
    assert request["properties"]["text"]["maxLength"] == MAX_STORY_CHARS


def test_the_statuses_that_do_not_count_are_the_readers_own() -> None:
    assert set(get_args(NotCountedStatus)) == {s.value for s in Status if not s.counts}
