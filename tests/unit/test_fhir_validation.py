"""The FHIR checks and the response reader catch what they are there to catch.

Each test damages one thing in an otherwise valid resource and expects exactly that problem.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from popliteal.api import assess
from popliteal.errors import InvalidInputError
from popliteal.fhir import assessment_bundle, parse_resource, questionnaire, read_response, validate
from popliteal.fhir.questionnaire import AUDIENCES
from popliteal.fhir.validation import COMPLETE_VALUE_SETS
from popliteal.knowledge import KnowledgeBase

ISSUED = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


@pytest.fixture
def bundle_json(kb: KnowledgeBase) -> dict[str, Any]:
    result = assess(52, "female", {"swelling_behind_knee": True, "lump_behind_knee": True,
                                   "calf_swelling": False})
    data: dict[str, Any] = json.loads(assessment_bundle(kb, result, issued=ISSUED).model_dump_json())
    return data


def problems(kb: KnowledgeBase, data: dict[str, Any]) -> list[str]:
    return validate(parse_resource(data), kb, [questionnaire(kb, a) for a in AUDIENCES])


def response_of(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["entry"][0]["resource"]
    return found


def risk_of(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["entry"][1]["resource"]
    return found


def test_the_undamaged_bundle_has_no_problems(kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    assert problems(kb, bundle_json) == []


def test_a_status_outside_its_required_value_set_is_reported(
        kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    risk_of(bundle_json)["status"] = "done"
    assert problems(kb, bundle_json) == [
        "Bundle.entry.resource.status: 'done' is not an allowed code"]


def test_an_undefined_condition_code_is_reported(kb: KnowledgeBase,
                                                 bundle_json: dict[str, Any]) -> None:
    risk_of(bundle_json)["prediction"][0]["outcome"]["coding"][1]["code"] = "gout"
    assert problems(kb, bundle_json) == [
        "Bundle.entry.resource.prediction.outcome.coding: 'gout' is not defined in "
        "https://popliteal.dev/fhir/CodeSystem/condition"]


def test_a_malformed_icd10_code_is_reported(kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    risk_of(bundle_json)["prediction"][0]["outcome"]["coding"][0]["code"] = "M71-2"
    assert problems(kb, bundle_json) == [
        "Bundle.entry.resource.prediction.outcome.coding: 'M71-2' is not an ICD-10 code"]


def test_a_reference_to_a_resource_outside_the_bundle_is_reported(
        kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    risk_of(bundle_json)["basis"][0]["reference"] = "urn:uuid:00000000-0000-0000-0000-000000000000"
    assert problems(kb, bundle_json) == [
        "Bundle.entry.resource.basis: urn:uuid:00000000-0000-0000-0000-000000000000 is not in "
        "the Bundle"]


def test_a_resource_from_another_knowledge_base_is_reported(
        kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    risk_of(bundle_json)["meta"]["tag"][0]["code"] = "0" * 64
    found = problems(kb, bundle_json)
    assert len(found) == 1 and "knowledge-base tag" in found[0]


def test_an_answer_to_a_question_never_asked_is_reported(
        kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    response_of(bundle_json)["item"][1]["item"][0]["linkId"] = "favourite_colour"
    found = problems(kb, bundle_json)
    assert found == ["QuestionnaireResponse.item[1].item[0]: linkId 'favourite_colour' is not "
                     "asked at this level"]


def test_an_answer_of_the_wrong_type_is_reported(kb: KnowledgeBase,
                                                 bundle_json: dict[str, Any]) -> None:
    response_of(bundle_json)["item"][1]["item"][0]["answer"] = [{"valueString": "yes"}]
    assert problems(kb, bundle_json) == [
        "QuestionnaireResponse.item[1].item[0].answer: a boolean item needs valueBoolean"]


def test_an_age_outside_the_questionnaire_limits_is_reported(
        kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    response_of(bundle_json)["item"][0]["item"][0]["answer"] = [{"valueInteger": 12}]
    assert problems(kb, bundle_json) == [
        "QuestionnaireResponse.item[0].item[0].answer: 12 is outside 16..110"]


def test_a_missing_required_answer_is_reported(kb: KnowledgeBase,
                                               bundle_json: dict[str, Any]) -> None:
    del response_of(bundle_json)["item"][0]["item"][1]
    assert problems(kb, bundle_json) == [
        "QuestionnaireResponse.item[0].item: required item 'sex' is not answered"]


def test_a_duplicate_link_id_in_a_questionnaire_is_reported(kb: KnowledgeBase) -> None:
    data = json.loads(questionnaire(kb, "clinician").model_dump_json())
    data["item"][1]["item"].append(data["item"][1]["item"][0])
    found = validate(parse_resource(data), kb)
    assert len(found) == 1 and "duplicate linkId" in found[0]


def test_the_complete_value_sets_extend_what_fhir_resources_lists() -> None:
    from fhir.resources.R4B.questionnaire import QuestionnaireItem
    from fhir.resources.R4B.riskassessment import RiskAssessment
    for (model, field), complete in COMPLETE_VALUE_SETS.items():
        cls = {"QuestionnaireItem": QuestionnaireItem, "RiskAssessment": RiskAssessment}[model]
        extra = cls.model_fields[field].json_schema_extra
        assert isinstance(extra, dict)
        listed = set(extra["enum_values"]) - {"+"}
        assert "+" in extra["enum_values"] and listed < complete


def test_reading_a_response_to_another_questionnaire_is_refused(
        kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    response = response_of(bundle_json)
    response["questionnaire"] = "http://example.org/Questionnaire/other"
    with pytest.raises(InvalidInputError, match="not a popliteal questionnaire"):
        read_response(kb, parse_resource(response))


def test_reading_a_response_with_an_unknown_finding_names_it(
        kb: KnowledgeBase, bundle_json: dict[str, Any]) -> None:
    response = response_of(bundle_json)
    response["item"][1]["item"][0]["linkId"] = "favourite_colour"
    with pytest.raises(InvalidInputError, match="favourite_colour"):
        read_response(kb, parse_resource(response))


@pytest.mark.parametrize(("text", "message"), [
    ("{", "not valid JSON"),
    ('{"status": "final"}', "needs a resourceType"),
    ('{"resourceType": "Nonsense"}', "unknown FHIR resource type"),
    ('{"resourceType": "Coding"}', "not a FHIR resource"),
    ('{"resourceType": "RiskAssessment", "status": "final"}', "subject"),
])
def test_parsing_bad_json_raises_a_clear_input_error(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        parse_resource(text)


def test_a_bundle_for_another_knowledge_base_is_refused(kb: KnowledgeBase) -> None:
    result = assess(40, "male", {}).model_copy(update={"knowledge_base_hash": "f" * 64})
    with pytest.raises(InvalidInputError, match="knowledge base"):
        assessment_bundle(kb, result, issued=ISSUED)


def test_a_response_entered_in_error_is_not_read(kb: KnowledgeBase,
                                                 bundle_json: dict[str, Any]) -> None:
    response = response_of(bundle_json)
    response["status"] = "entered-in-error"
    with pytest.raises(InvalidInputError, match="entered-in-error"):
        read_response(kb, parse_resource(response))
