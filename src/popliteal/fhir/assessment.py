"""A finished assessment as FHIR: a RiskAssessment, and a Bundle with the answers behind it.

The Bundle holds the findings the assessment used (a QuestionnaireResponse to the clinician
questionnaire, which reproduces the result exactly), the interview's own answers when there
was an interview (a QuestionnaireResponse to the patient questionnaire), and the RiskAssessment
based on them.

The RiskAssessment holds one prediction per condition (probability, ICD-10 code and popliteal's
own condition code, since two conditions can share an ICD-10 code), the triage level as a
coded extension, the reasons for the level as the mitigation, and the Wells and Ottawa
interpretations and the disclaimer as notes. Resource ids inside the Bundle are UUIDs derived
from the content, so the same assessment at the same time always gives the same Bundle.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.riskassessment import RiskAssessment

from popliteal.engine.assessment import Assessment, RankedCondition
from popliteal.engine.explain import Explanation
from popliteal.errors import InvalidInputError
from popliteal.fhir.response import interview_response, questionnaire_response, subject_reference
from popliteal.fhir.terminology import (
    CANONICAL_BASE,
    CONDITION_SYSTEM,
    ICD10_SYSTEM,
    TRIAGE_LEVEL_EXTENSION,
    TRIAGE_LEVEL_SYSTEM,
    knowledge_base_meta,
)
from popliteal.interview import InterviewState, current_findings
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

SIGNIFICANT_DIGITS = 6
UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, CANONICAL_BASE)


def probability_decimal(probability: float) -> Decimal:
    """A probability as a FHIR decimal with six significant digits."""
    return Decimal(f"{probability:.{SIGNIFICANT_DIGITS}g}")


def triage_level_concept(level: Level) -> dict[str, Any]:
    return {"coding": [{"system": TRIAGE_LEVEL_SYSTEM, "code": level.value,
                        "display": level.value.replace("_", " ")}],
            "text": level.headline}


def _outcome(condition: RankedCondition) -> dict[str, Any]:
    return {"coding": [{"system": ICD10_SYSTEM, "code": condition.icd10},
                       {"system": CONDITION_SYSTEM, "code": condition.condition_id,
                        "display": condition.name}],
            "text": condition.name}


def _rationale(condition: RankedCondition, explanation: Explanation | None) -> str:
    text = f"If this is the cause, the care it needs is: {condition.needed_level.value}."
    if explanation is None:
        return text
    for label, weights in (("For", explanation.supporting), ("Against", explanation.opposing)):
        if weights:
            listed = "; ".join(f"{w.text} (LR {w.likelihood_ratio:g})" for w in weights)
            text += f" {label}: {listed}."
    return text


def _notes(assessment: Assessment) -> list[dict[str, str]]:
    notes = []
    if assessment.wells is not None:
        wells = assessment.wells
        notes.append(f"Two-level Wells DVT score: {wells.points} ({wells.category}). "
                     f"{wells.interpretation}")
    if assessment.ottawa is not None:
        notes.append(f"Ottawa knee rule: {assessment.ottawa.result.replace('_', ' ')}. "
                     f"{assessment.ottawa.interpretation}")
    notes.append(assessment.disclaimer)
    return [{"text": note} for note in notes]


def risk_assessment(assessment: Assessment, *, occurrence: datetime, basis: tuple[str, ...] = (),
                    subject: str | None = None) -> RiskAssessment:
    """The assessment's differential and level of care as a RiskAssessment.

    ``basis`` references the answers (QuestionnaireResponse fullUrls in a Bundle); ``subject``
    is a reference to the patient, when the caller has one.
    """
    explained = {e.condition_id: e for e in assessment.explanations}
    reasons = " ".join(reason.text for reason in assessment.triage.reasons)
    data: dict[str, Any] = {
        "resourceType": "RiskAssessment",
        "meta": knowledge_base_meta(assessment.knowledge_base_version,
                                    assessment.knowledge_base_hash),
        "extension": [{"url": TRIAGE_LEVEL_EXTENSION,
                       "valueCodeableConcept": triage_level_concept(assessment.level)}],
        "status": "final",
        "code": {"text": "Causes of pain behind the knee and the level of care needed"},
        "subject": subject_reference(assessment.patient, subject),
        "occurrenceDateTime": occurrence.isoformat(),
        "method": {"text": ("popliteal Bayesian assessment, knowledge base "
                            f"{assessment.knowledge_base_version}+"
                            f"{assessment.knowledge_base_hash[:12]}")},
        "prediction": [
            {"outcome": _outcome(c), "probabilityDecimal": probability_decimal(c.probability),
             "rationale": _rationale(c, explained.get(c.condition_id))}
            for c in assessment.conditions
        ],
        "mitigation": f"{assessment.level.headline} {reasons}",
        "note": _notes(assessment),
    }
    if basis:
        data["basis"] = [{"reference": url, "type": "QuestionnaireResponse"} for url in basis]
    return RiskAssessment.model_validate(data)


def _content_key(assessment: Assessment, issued: datetime,
                 interview: InterviewState | None) -> str:
    findings = ",".join(f"{f}={int(v)}" for f, v in sorted(assessment.findings.items()))
    answers = "" if interview is None else ",".join(
        f"{a.question_id}={a.value}" for a in interview.answers)
    return (f"{assessment.knowledge_base_hash}|{assessment.patient.age}|{assessment.patient.sex}|"
            f"{findings}|{answers}|{issued.isoformat()}")


def _urn(kind: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(UUID_NAMESPACE, f'{kind}|{key}')}"


def assessment_bundle(kb: KnowledgeBase, assessment: Assessment, *, issued: datetime,
                      subject: str | None = None,
                      interview: InterviewState | None = None) -> Bundle:
    """A collection Bundle: the answers behind the assessment and its RiskAssessment.

    ``interview`` is the interview the assessment finished, if there was one.
    """
    if assessment.knowledge_base_hash != kb.content_hash:
        raise InvalidInputError(
            f"this assessment used knowledge base {assessment.knowledge_base_version}+"
            f"{assessment.knowledge_base_hash[:12]}, not the loaded {kb.label}",
            field="knowledge_base")
    if interview is not None and (interview.patient != assessment.patient or
                                  current_findings(kb, interview) != assessment.findings):
        raise InvalidInputError("the interview given is not the one this assessment finished",
                                field="interview")
    key = _content_key(assessment, issued, interview)
    entries: list[tuple[str, Any]] = [(_urn("QuestionnaireResponse", key), questionnaire_response(
        kb, assessment.patient, assessment.findings, authored=issued, subject=subject))]
    if interview is not None:
        entries.append((_urn("InterviewResponse", key), interview_response(
            kb, interview, authored=issued, subject=subject)))
    risk = risk_assessment(assessment, occurrence=issued, basis=tuple(url for url, _ in entries),
                           subject=subject)
    entries.append((_urn("RiskAssessment", key), risk))
    return Bundle.model_validate({
        "resourceType": "Bundle",
        "meta": knowledge_base_meta(kb.version, kb.content_hash),
        "identifier": {"system": "urn:ietf:rfc:3986", "value": _urn("Bundle", key)},
        "type": "collection",
        "timestamp": issued.isoformat(),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    })
