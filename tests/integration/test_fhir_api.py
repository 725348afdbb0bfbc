"""FHIR over HTTP: definitions are public, an assessment's Bundle needs its token, and a
QuestionnaireResponse posted from elsewhere gets its result. Every body is validated."""

from __future__ import annotations

import json
from typing import Any

import pytest

from integration.web_helpers import TestClient, answer_until_done, bearer, start
from popliteal.fhir import parse_resource, questionnaire, read_bundle, validate
from popliteal.fhir.questionnaire import AUDIENCES
from popliteal.fhir.reading import bundle_risk_assessment, triage_level
from popliteal.knowledge import KnowledgeBase, load_knowledge_base

FHIR_JSON = "application/fhir+json"
KB = load_knowledge_base()
QUESTIONNAIRES = [questionnaire(KB, a) for a in AUDIENCES]


def fhir_body(response: Any) -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(FHIR_JSON)
    return parse_resource(response.text)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_questionnaire_is_served_and_validates(client: TestClient, audience: str) -> None:
    served = fhir_body(client.get(f"/api/v1/fhir/Questionnaire/{audience}"))
    assert validate(served, KB) == [] and served == questionnaire(KB, audience)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["triage-level", "condition", "finding", "question-option"])
def test_each_code_system_is_served_and_validates(client: TestClient, name: str) -> None:
    served = fhir_body(client.get(f"/api/v1/fhir/CodeSystem/{name}"))
    assert served.id == name and validate(served, KB) == []


def test_an_unknown_code_system_is_a_problem_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/v1/fhir/CodeSystem/colours")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_assessment_bundle_needs_the_token(client: TestClient) -> None:
    created = start(client)
    assert client.get(f"/api/v1/assessments/{created['id']}/fhir").status_code == 401
    wrong = client.get(f"/api/v1/assessments/{created['id']}/fhir", headers=bearer("x" * 43))
    assert wrong.status_code == 401


def test_a_finished_assessment_exports_a_valid_bundle_with_its_result(client: TestClient,
                                                                     kb: KnowledgeBase) -> None:
    created = start(client, 61, "male", {"calf_swelling": True})
    answer_until_done(client, created)
    headers = bearer(created["token"])
    bundle = fhir_body(client.get(f"/api/v1/assessments/{created['id']}/fhir", headers=headers))
    assert validate(bundle, kb, QUESTIONNAIRES) == []
    result = client.get(f"/api/v1/assessments/{created['id']}/result", headers=headers).json()
    patient, findings = read_bundle(kb, bundle)
    assert (patient.age, patient.sex) == (61, "male")
    assert findings == result["assessment"]["findings"]
    assert triage_level(bundle_risk_assessment(bundle)).value == result["assessment"]["triage"]["level"]
    assert len(bundle.entry) == 3  # the findings, the interview's answers, the RiskAssessment


def test_a_response_posted_from_elsewhere_is_assessed(client: TestClient, kb: KnowledgeBase) -> None:
    created = start(client, 45, "female", {"pain_calf": True, "hormone_treatment": True})
    answer_until_done(client, created)
    bundle = client.get(f"/api/v1/assessments/{created['id']}/fhir",
                        headers=bearer(created["token"])).json()
    response = bundle["entry"][1]["resource"]  # the interview's own answers
    response["subject"]["reference"] = "Patient/42"
    posted = client.post("/api/v1/fhir/assess", content=json.dumps(response),
                         headers={"content-type": FHIR_JSON})
    answer = fhir_body(posted)
    assert validate(answer, kb, QUESTIONNAIRES) == []
    risk = bundle_risk_assessment(answer)
    assert risk.subject.reference == "Patient/42"


@pytest.mark.parametrize(("body", "field"), [
    ({"resourceType": "Patient"}, "resourceType"),
    ({"resourceType": "QuestionnaireResponse", "status": "completed",
      "questionnaire": "http://example.org/Questionnaire/x"}, "questionnaire"),
])
def test_a_bad_response_is_a_problem_naming_the_field(client: TestClient, body: dict[str, Any],
                                                      field: str) -> None:
    posted = client.post("/api/v1/fhir/assess", json=body)
    assert posted.status_code == 422
    assert posted.json()["field"] == field
