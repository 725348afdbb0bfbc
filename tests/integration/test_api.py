"""The REST API in process: a whole assessment, each use case, and errors that name the field."""

from __future__ import annotations

import math
from typing import Any

import pytest

from integration.web_helpers import TestClient, answer_until_done, bearer, start
from popliteal.errors import ConflictError
from popliteal.service import AssessmentService

API = "/api/v1/assessments"


def service_of(client: TestClient) -> AssessmentService:
    service: AssessmentService = client.app.state.service  # type: ignore[attr-defined]
    return service


def test_creating_an_assessment_returns_its_id_token_and_first_question(client: TestClient) -> None:
    response = client.post(API, json={"age": 54, "sex": "female"})
    assert response.status_code == 201
    created = response.json()
    assert response.headers["location"] == f"{API}/{created['id']}"
    assert len(created["token"]) == 43
    assert created["complete"] is False and created["answers"] == []
    question = created["question"]
    assert question["text"] and question["why"]
    assert question["choices"][-1] == {"value": "unknown", "label": "I don't know"}
    assert created["progress"]["answered"] == 0 and created["progress"]["still_to_come"] > 0


def test_a_whole_assessment_ends_in_a_result_and_an_audit_trail(any_client: TestClient) -> None:
    created = start(any_client)
    final = answer_until_done(any_client, created)
    assert final["question"] is None and final["progress"]["still_to_come"] == 0
    response = any_client.get(f"{API}/{created['id']}/result", headers=bearer(created["token"]))
    assert response.status_code == 200
    body = response.json()
    assert body["complete"] is True
    result = body["assessment"]
    assert math.isclose(sum(c["probability"] for c in result["conditions"]), 1.0, rel_tol=1e-9)
    assert result["triage"]["level"] in {"self_care", "consultation", "consultation_24",
                                         "emergency", "emergency_ambulance"}
    assert result["disclaimer"].startswith("popliteal gives information, not a diagnosis")

    trail = service_of(any_client).store.audit_trail(created["id"])
    answered = len(final["answers"])
    assert [e.kind for e in trail] == ["created"] + ["answered"] * answered + ["result"]
    assert [e.question_id for e in trail[1:-1]] == [a["question_id"] for a in final["answers"]]
    assert trail[-1].data is not None and trail[-1].data["level"] == result["triage"]["level"]
    assert all(e.knowledge_base_version == result["knowledge_base_version"] for e in trail)
    assert [e.at for e in trail] == sorted(e.at for e in trail)


def test_the_status_lists_the_answers_in_the_order_given(client: TestClient) -> None:
    created = start(client)
    first = created["question"]
    client.post(f"{API}/{created['id']}/answers", headers=bearer(created["token"]),
                json={"question_id": first["id"], "value": "unknown"})
    status = client.get(f"{API}/{created['id']}", headers=bearer(created["token"])).json()
    assert status["answers"] == [{"question_id": first["id"], "value": "unknown"}]
    assert status["question"]["id"] != first["id"]
    again = client.get(f"{API}/{created['id']}/question", headers=bearer(created["token"])).json()
    assert again == status


def answer_two(client: TestClient, created: dict[str, Any]) -> dict[str, Any]:
    status = created
    for _ in range(2):
        status = client.post(f"{API}/{created['id']}/answers", headers=bearer(created["token"]),
                             json={"question_id": status["question"]["id"], "value": "unknown"}
                             ).json()
    return status


def test_changing_an_answer_keeps_its_place_and_is_audited(client: TestClient) -> None:
    created = start(client)
    status = answer_two(client, created)
    first = status["answers"][0]["question_id"]
    new_value = created["question"]["choices"][0]["value"]
    response = client.put(f"{API}/{created['id']}/answers/{first}", headers=bearer(created["token"]),
                          json={"value": new_value})
    assert response.status_code == 200
    answers = response.json()["answers"]
    assert answers[0] == {"question_id": first, "value": new_value}
    assert answers[1] == status["answers"][1]
    trail = service_of(client).store.audit_trail(created["id"])
    changed = [(e.question_id, e.value) for e in trail if e.kind == "changed"]
    assert changed == [(first, new_value)]
    # A change that ends the interview (a warning sign, say) records the result it gives.
    assert (trail[-1].kind == "result") == response.json()["complete"]


def test_going_back_takes_back_the_last_answer(client: TestClient) -> None:
    created = start(client)
    status = answer_two(client, created)
    last = status["answers"][-1]["question_id"]
    response = client.post(f"{API}/{created['id']}/back", headers=bearer(created["token"]))
    assert response.status_code == 200
    back = response.json()
    assert back["answers"] == status["answers"][:1]
    assert back["question"]["id"] == last
    assert service_of(client).store.audit_trail(created["id"])[-1].kind == "went_back"


def test_why_this_question_gives_the_reason_in_plain_words(client: TestClient) -> None:
    created = start(client)
    question = created["question"]
    response = client.get(f"{API}/{created['id']}/questions/{question['id']}/why",
                          headers=bearer(created["token"]))
    assert response.status_code == 200
    assert response.json() == {"question_id": question["id"], "text": question["text"],
                               "why": question["why"]}


def test_the_explanation_names_what_set_the_level_and_the_evidence(client: TestClient) -> None:
    created = start(client, findings={"pain_calf": True, "previous_dvt": True})
    answer_until_done(client, created)
    response = client.get(f"{API}/{created['id']}/explanation", headers=bearer(created["token"]))
    assert response.status_code == 200
    body = response.json()
    assert body["driven_by"] and all(r["level"] == body["level"] for r in body["driven_by"])
    assert body["headline"]
    assert body["explanations"] and body["wells"] is not None


def test_a_result_asked_for_early_says_the_interview_is_not_complete(client: TestClient) -> None:
    created = start(client)
    body = client.get(f"{API}/{created['id']}/result", headers=bearer(created["token"])).json()
    assert body["complete"] is False
    assert body["assessment"]["conditions"]


def test_findings_given_at_the_start_are_not_asked_again(client: TestClient) -> None:
    created = start(client, findings={"pain_calf": True})
    final = answer_until_done(client, created)
    assert "pain_calf" not in {a["question_id"] for a in final["answers"]}
    result = client.get(f"{API}/{created['id']}/result", headers=bearer(created["token"])).json()
    assert result["assessment"]["findings"]["pain_calf"] is True


@pytest.mark.parametrize(("body", "field"), [
    ({"age": 12, "sex": "female"}, "age"),
    ({"age": "54", "sex": "female"}, "age"),
    ({"age": 54, "sex": "other"}, "sex"),
    ({"age": 54}, "sex"),
    ({"age": 54, "sex": "male", "name": "Ann"}, "name"),
    ({"age": 54, "sex": "male", "findings": {"pain_calf": "yes"}}, "findings.pain_calf"),
    ({"age": 54, "sex": "male", "findings": {"no_such_finding": True}},
     "findings.no_such_finding"),
])
def test_a_bad_start_is_a_problem_naming_the_field(client: TestClient, body: dict[str, Any],
                                                   field: str) -> None:
    response = client.post(API, json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422 and problem["field"] == field
    assert problem["instance"] == API


@pytest.mark.parametrize(("change", "field"), [
    ({"question_id": "no_such_question"}, "question_id"),
    ({"value": "maybe"}, "value"),
    ({"value": "Not A Value"}, "value"),
])
def test_a_bad_answer_is_a_problem_naming_the_field(client: TestClient, change: dict[str, str],
                                                    field: str) -> None:
    created = start(client)
    body = {"question_id": created["question"]["id"], "value": "unknown", **change}
    response = client.post(f"{API}/{created['id']}/answers", json=body,
                           headers=bearer(created["token"]))
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_changing_a_question_not_yet_answered_is_refused(client: TestClient) -> None:
    created = start(client)
    response = client.put(f"{API}/{created['id']}/answers/{created['question']['id']}",
                          json={"value": "unknown"}, headers=bearer(created["token"]))
    assert response.status_code == 422
    assert response.json()["field"] == "question_id"


def test_of_two_changes_from_the_same_reading_the_second_is_a_conflict(client: TestClient) -> None:
    created = start(client)
    service = service_of(client)
    opened = service.open(created["id"], created["token"])
    question = created["question"]["id"]
    service.answer(opened, question, "unknown")
    with pytest.raises(ConflictError):
        service.answer(opened, question, "unknown")
    assert len(service.open(created["id"], created["token"]).state.answers) == 1


def test_an_unknown_route_and_method_are_problems_too(client: TestClient) -> None:
    missing = client.get("/api/v1/nothing-here")
    assert (missing.status_code, missing.headers["content-type"]) == (404,
                                                                       "application/problem+json")
    wrong = client.delete(API)
    assert wrong.status_code == 405 and "POST" in wrong.headers["allow"]
    assert wrong.json()["status"] == 405


def test_the_health_check_answers_without_the_database(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
