"""Read FHIR back: JSON to resources, a QuestionnaireResponse to a patient and findings.

A health app can collect answers with popliteal's Questionnaire and send the response back
for an assessment; this is where such a response is checked and turned into engine input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.riskassessment import RiskAssessment
from pydantic import ValidationError

from popliteal.api import make_patient, normalise_findings
from popliteal.engine.evidence import Patient
from popliteal.errors import InvalidInputError
from popliteal.fhir.questionnaire import AGE_LINK_ID, AUDIENCES, SEX_LINK_ID, questionnaire_url
from popliteal.fhir.terminology import (
    CONDITION_SYSTEM,
    QUESTION_OPTION_SYSTEM,
    TRIAGE_LEVEL_EXTENSION,
    TRIAGE_LEVEL_SYSTEM,
)
from popliteal.interview.catalogue import check_value, question_by_id
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level


def to_json(resource: Any, indent: int | None = 2) -> str:
    """A resource as FHIR JSON."""
    return str(resource.model_dump_json(indent=indent))


def parse_resource(text: str | bytes | Mapping[str, Any]) -> Any:
    """Any R4B resource from JSON (text or already decoded), by its resourceType."""
    try:
        data = dict(text) if isinstance(text, Mapping) else json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"not valid JSON: {exc}", field="body") from exc
    kind = data.get("resourceType") if isinstance(data, dict) else None
    if not isinstance(kind, str):
        raise InvalidInputError("a FHIR resource needs a resourceType", field="resourceType")
    try:
        model = get_fhir_model_class(kind)
    except ValueError as exc:
        raise InvalidInputError(f"unknown FHIR resource type {kind!r}",
                                field="resourceType") from exc
    if not issubclass(model, Resource):
        raise InvalidInputError(f"{kind} is a data type, not a FHIR resource", field="resourceType")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InvalidInputError(f"not a valid R4B {kind}: {where}: {first['msg']}",
                                field=where or "resourceType") from exc


def _answered(items: list[Any] | None) -> Iterator[tuple[str, Any]]:
    """(linkId, first answer) for every answered item, at any depth."""
    for item in items or []:
        if item.answer and len(item.answer) > 1:
            raise InvalidInputError(f"{item.linkId!r} has {len(item.answer)} answers; each "
                                    "question takes one", field=str(item.linkId))
        if item.answer:
            yield str(item.linkId), item.answer[0]
        yield from _answered(item.item)


def read_response(kb: KnowledgeBase, response: QuestionnaireResponse) -> tuple[Patient, dict[str, bool]]:
    """The patient and findings a response to either questionnaire gives.

    Answers to the clinician questionnaire are findings; answers to the patient questionnaire
    are read as the interview reads them (a choice states its option's findings). Published
    ids and their aliases are accepted.
    """
    if response.status == "entered-in-error":
        raise InvalidInputError("this response is marked entered-in-error", field="status")
    canonical = str(response.questionnaire or "").split("|")[0]
    audiences = {questionnaire_url(a): a for a in AUDIENCES}
    if canonical not in audiences:
        raise InvalidInputError(f"this response answers {canonical or 'no questionnaire'}, not "
                                "a popliteal questionnaire", field="questionnaire")
    age: object = None
    sex: object = None
    raw: dict[str, object] = {}
    for link_id, answer in _answered(response.item):
        if link_id == AGE_LINK_ID:
            age = answer.valueInteger
        elif link_id == SEX_LINK_ID:
            sex = answer.valueCoding.code if answer.valueCoding is not None else None
        elif audiences[canonical] == "patient" and answer.valueCoding is not None:
            raw.update(_option_findings(kb, link_id, answer.valueCoding))
        else:
            raw[link_id] = answer.valueBoolean
    return make_patient(age, sex), normalise_findings(kb, raw)


def _option_findings(kb: KnowledgeBase, link_id: str, coding: Any) -> dict[str, bool]:
    """What choosing an option of a patient-questionnaire choice question states."""
    question = question_by_id(kb, link_id)
    prefix = f"{question.id}."
    code = str(coding.code or "")
    if coding.system != QUESTION_OPTION_SYSTEM or not code.startswith(prefix):
        raise InvalidInputError(f"{code!r} is not an answer to {link_id!r}", field=link_id)
    option_id = code.removeprefix(prefix)
    check_value(question, option_id)
    return question.findings_for(option_id)


def read_bundle(kb: KnowledgeBase, bundle: Bundle) -> tuple[Patient, dict[str, bool]]:
    """The patient and findings an assessment Bundle records (its finding-level response)."""
    clinician = questionnaire_url("clinician")
    responses = [r for r in _all(bundle, QuestionnaireResponse)
                 if str(r.questionnaire or "").split("|")[0] == clinician]
    if len(responses) != 1:
        raise InvalidInputError("the Bundle must hold exactly one response to the clinician "
                                f"questionnaire, not {len(responses)}", field="entry")
    return read_response(kb, responses[0])


def bundle_risk_assessment(bundle: Bundle) -> RiskAssessment:
    found: RiskAssessment = _only(bundle, RiskAssessment)
    return found


def differential(risk: RiskAssessment) -> dict[str, Decimal]:
    """popliteal condition id -> probability, from a RiskAssessment's predictions."""
    result: dict[str, Decimal] = {}
    for prediction in risk.prediction or []:
        codings = prediction.outcome.coding or [] if prediction.outcome is not None else []
        codes = [c.code for c in codings if c.system == CONDITION_SYSTEM]
        if len(codes) != 1 or prediction.probabilityDecimal is None:
            raise InvalidInputError("a prediction needs one popliteal condition code and a "
                                    "probability", field="prediction")
        result[str(codes[0])] = Decimal(prediction.probabilityDecimal)
    return result


def triage_level(risk: RiskAssessment) -> Level:
    """The triage level coded in a RiskAssessment's extension."""
    for extension in risk.extension or []:
        if extension.url == TRIAGE_LEVEL_EXTENSION and extension.valueCodeableConcept:
            for coding in extension.valueCodeableConcept.coding or []:
                if coding.system == TRIAGE_LEVEL_SYSTEM and coding.code in set(Level):
                    return Level(coding.code)
    raise InvalidInputError("the RiskAssessment has no popliteal triage level",
                            field="extension")


def _all(bundle: Bundle, kind: type[Any]) -> list[Any]:
    return [e.resource for e in bundle.entry or [] if isinstance(e.resource, kind)]


def _only(bundle: Bundle, kind: type[Any]) -> Any:
    found = _all(bundle, kind)
    if len(found) != 1:
        raise InvalidInputError(f"the Bundle must hold exactly one {kind.__name__}, "
                                f"not {len(found)}", field="entry")
    return found[0]
