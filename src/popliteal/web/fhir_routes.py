"""FHIR R4B over HTTP: the questionnaires and code systems, an assessment as a Bundle, and the
result for a QuestionnaireResponse collected elsewhere.

Definitions are public. An assessment's Bundle holds health information, so it needs the
assessment's token like every other read of it. Every body is `application/fhir+json`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Response
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from popliteal.engine.assessment import run_assessment
from popliteal.errors import InvalidInputError
from popliteal.fhir import (
    assessment_bundle,
    code_systems,
    parse_resource,
    questionnaire,
    read_response,
    to_json,
)
from popliteal.fhir.questionnaire import Audience
from popliteal.service import AssessmentService, Opened
from popliteal.web.api import PREFIX
from popliteal.web.deps import api_assessment, get_service
from popliteal.web.problems import problem_responses

FHIR_JSON = "application/fhir+json"
CodeSystemName = Literal["triage-level", "condition", "finding", "question-option"]

router = APIRouter(prefix=PREFIX, tags=["fhir"])

Service = Annotated[AssessmentService, Depends(get_service)]
Authorised = Annotated[Opened, Depends(api_assessment)]


def _fhir_ok(description: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"description": description,
                  "content": {FHIR_JSON: {"schema": {"type": "object"}}}}}


def fhir_response(resource: Any) -> Response:
    return Response(content=to_json(resource, indent=None), media_type=FHIR_JSON)


@router.get("/fhir/Questionnaire/{audience}", response_class=Response,
            responses={**_fhir_ok("A FHIR R4B Questionnaire"), **problem_responses(422)},
            summary="The patient or the clinician questionnaire")
def get_questionnaire(audience: Audience, service: Service) -> Response:
    """The questions the interview can ask (`patient`), or every finding (`clinician`)."""
    return fhir_response(questionnaire(service.kb, audience))


@router.get("/fhir/CodeSystem/{name}", response_class=Response,
            responses={**_fhir_ok("A FHIR R4B CodeSystem"), **problem_responses(422)},
            summary="One of popliteal's code systems")
def get_code_system(name: CodeSystemName, service: Service) -> Response:
    """The triage levels, the conditions, the findings or the answer options."""
    systems = {str(system.id): system for system in code_systems(service.kb)}
    return fhir_response(systems[name])


@router.get("/assessments/{assessment_id}/fhir", response_class=Response,
            responses={**_fhir_ok("A FHIR R4B Bundle (collection)"),
                       **problem_responses(401, 413, 422)},
            summary="An assessment as FHIR")
def get_assessment_bundle(opened: Authorised, service: Service) -> Response:
    """The answers (QuestionnaireResponses) and the result (RiskAssessment), as a Bundle."""
    result = service.result(opened)
    return fhir_response(assessment_bundle(service.kb, result, issued=service.clock(),
                                           interview=opened.state))


RESPONSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": ("A FHIR R4B QuestionnaireResponse to the patient or the clinician "
                    "questionnaire (GET /api/v1/fhir/Questionnaire/{audience}), with age and sex "
                    "answered. Which answers fit depends on the questionnaire, so a response "
                    "that fits this outline may still be refused with 422 naming the item."),
    "required": ["resourceType", "status", "questionnaire", "item"],
    "properties": {
        "resourceType": {"type": "string", "enum": ["QuestionnaireResponse"]},
        "status": {"type": "string",
                   "enum": ["in-progress", "completed", "amended", "entered-in-error", "stopped"]},
        "questionnaire": {"type": "string", "description": "url|version of the questionnaire"},
        "subject": {"type": "object", "description": "Kept as the subject of the result."},
        "item": {"type": "array", "items": {"type": "object"}},
    },
}


@router.post("/fhir/assess", response_class=Response,
             responses={**_fhir_ok("A FHIR R4B Bundle (collection)"),
                        **problem_responses(400, 413, 422)},
             openapi_extra={"requestBody": {"required": True, "content": {
                 FHIR_JSON: {"schema": RESPONSE_SCHEMA},
                 "application/json": {"schema": RESPONSE_SCHEMA}}}},
             summary="Assess a QuestionnaireResponse")
def assess_response(
    body: Annotated[dict[str, Any], Body(media_type=FHIR_JSON,
                                         description="A QuestionnaireResponse to either "
                                                     "popliteal questionnaire.")],
    service: Service,
) -> Response:
    """The result for answers collected with a popliteal questionnaire; nothing is stored."""
    response = parse_resource(body)
    if not isinstance(response, QuestionnaireResponse):
        raise InvalidInputError("expected a QuestionnaireResponse", field="resourceType")
    patient, findings = read_response(service.kb, response)
    result = run_assessment(service.kb, patient, findings)
    subject = response.subject.reference if response.subject is not None else None
    return fhir_response(assessment_bundle(service.kb, result, issued=service.clock(),
                                           subject=subject))
