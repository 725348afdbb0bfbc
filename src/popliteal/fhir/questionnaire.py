"""The interview as a FHIR Questionnaire, and answers as a QuestionnaireResponse.

There are two questionnaires. The patient one asks what a lay person can answer, in their
words; the clinician one asks every finding, in clinical wording. Both open with age and sex,
then group the findings by category. Every finding item's linkId is the finding id, and its
code is the finding in popliteal's finding CodeSystem.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from popliteal.engine.evidence import MAX_AGE, MIN_AGE, Patient
from popliteal.errors import InvalidInputError
from popliteal.fhir.terminology import (
    CANONICAL_BASE,
    FINDING_SYSTEM,
    GENDER_SYSTEM,
    MAX_VALUE_EXTENSION,
    MIN_VALUE_EXTENSION,
    PUBLISHER,
    knowledge_base_meta,
)
from popliteal.knowledge import KnowledgeBase
from popliteal.knowledge.model import Category, Finding

Audience = Literal["patient", "clinician"]
AUDIENCES: tuple[Audience, ...] = ("patient", "clinician")

AGE_LINK_ID = "age"
SEX_LINK_ID = "sex"
SEXES = ("female", "male")

CATEGORY_TITLES: dict[Category, str] = {
    "location": "Where it hurts",
    "character": "What the pain is like",
    "onset": "How and when it started",
    "swelling": "Swelling",
    "lump": "A lump",
    "skin": "The skin",
    "circulation": "Circulation",
    "neuro": "Numbness and weakness",
    "mechanical": "How the knee moves",
    "systemic": "Feeling unwell",
    "risk": "Health and risk factors",
    "exam": "Examination",
}


def questionnaire_url(audience: Audience) -> str:
    return f"{CANONICAL_BASE}/Questionnaire/posterior-knee-pain-{audience}"


def questionnaire_canonical(kb: KnowledgeBase, audience: Audience) -> str:
    """The versioned canonical a response points to: url|version."""
    return f"{questionnaire_url(audience)}|{kb.label}"


def askable(kb: KnowledgeBase, audience: Audience) -> tuple[Finding, ...]:
    """The findings a questionnaire for this audience asks."""
    return tuple(f for f in kb.findings.values() if audience == "clinician" or f.ask == "patient")


def audience_for(kb: KnowledgeBase, findings: Mapping[str, bool]) -> Audience:
    """The patient questionnaire if it can hold every answer, else the clinician one."""
    return "clinician" if any(kb.findings[f].ask == "clinician" for f in findings) else "patient"


def _by_category(findings: tuple[Finding, ...]) -> dict[Category, list[Finding]]:
    grouped: dict[Category, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.category, []).append(finding)
    return grouped


def category_link_id(category: str) -> str:
    return f"category-{category}"


def _about_you(audience: Audience) -> list[dict[str, Any]]:
    return [
        {"linkId": AGE_LINK_ID, "type": "integer", "required": True,
         "text": "How old are you, in years?" if audience == "patient" else "Age (years)",
         "extension": [{"url": MIN_VALUE_EXTENSION, "valueInteger": MIN_AGE},
                       {"url": MAX_VALUE_EXTENSION, "valueInteger": MAX_AGE}]},
        {"linkId": SEX_LINK_ID, "type": "choice", "required": True,
         "text": "What is your sex?" if audience == "patient" else "Sex",
         "answerOption": [{"valueCoding": {"system": GENDER_SYSTEM, "code": s, "display": s.title()}}
                          for s in SEXES]},
    ]


def _finding_item(finding: Finding, audience: Audience) -> dict[str, Any]:
    return {
        "linkId": finding.id, "type": "boolean", "required": False,
        "text": finding.question if audience == "patient" else finding.clinician,
        "code": [{"system": FINDING_SYSTEM, "code": finding.id, "display": finding.clinician}],
    }


def questionnaire(kb: KnowledgeBase, audience: Audience = "patient") -> Questionnaire:
    """The questionnaire for one audience, built from the knowledge base."""
    groups = [
        {"linkId": category_link_id(category), "type": "group", "text": CATEGORY_TITLES[category],
         "item": [_finding_item(f, audience) for f in members]}
        for category, members in _by_category(askable(kb, audience)).items()
    ]
    who = "a person with pain behind the knee" if audience == "patient" else "a clinician"
    return Questionnaire.model_validate({
        "resourceType": "Questionnaire",
        "id": f"posterior-knee-pain-{audience}",
        "meta": knowledge_base_meta(kb.version, kb.content_hash),
        "url": questionnaire_url(audience),
        "version": kb.label,
        "name": f"PoplitealPosteriorKneePain{audience.title()}",
        "title": f"Pain behind the knee: questions for {who}",
        "status": "active",
        "experimental": False,
        "subjectType": ["Patient"],
        "publisher": PUBLISHER,
        "description": ("Every question popliteal can use to assess pain behind the knee in an "
                        "adult. Unanswered questions are simply unknown."),
        "item": [
            {"linkId": "about-you", "type": "group",
             "text": "About you" if audience == "patient" else "Patient", "item": _about_you(audience)},
            *groups,
        ],
    })


def questionnaire_response(kb: KnowledgeBase, patient: Patient, findings: Mapping[str, bool], *,
                           authored: datetime, audience: Audience | None = None,
                           subject: str | None = None) -> QuestionnaireResponse:
    """The answers given, shaped like the questionnaire they answer; unknowns are left out."""
    audience = audience or audience_for(kb, findings)
    allowed = {f.id for f in askable(kb, audience)}
    outside = sorted(set(findings) - allowed)
    if outside:
        raise InvalidInputError(f"the {audience} questionnaire does not ask {', '.join(outside)}",
                                field="findings")
    answered = tuple(f for f in askable(kb, audience) if f.id in findings)
    groups = [
        {"linkId": category_link_id(category), "text": CATEGORY_TITLES[category],
         "item": [{"linkId": f.id, "text": f.question if audience == "patient" else f.clinician,
                   "answer": [{"valueBoolean": findings[f.id]}]} for f in members]}
        for category, members in _by_category(answered).items()
    ]
    data: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "meta": knowledge_base_meta(kb.version, kb.content_hash),
        "questionnaire": questionnaire_canonical(kb, audience),
        "status": "completed",
        "authored": authored.isoformat(),
        "subject": _subject(patient, subject),
        "item": [
            {"linkId": "about-you", "item": [
                {"linkId": AGE_LINK_ID, "answer": [{"valueInteger": patient.age}]},
                {"linkId": SEX_LINK_ID, "answer": [{"valueCoding": {
                    "system": GENDER_SYSTEM, "code": patient.sex, "display": patient.sex.title()}}]},
            ]},
            *groups,
        ],
    }
    return QuestionnaireResponse.model_validate(data)


def _subject(patient: Patient, reference: str | None) -> dict[str, str]:
    """A reference to the patient if the caller has one; otherwise a description only."""
    subject = {"display": f"Adult, {patient.age} years, {patient.sex}"}
    if reference is not None:
        subject["reference"] = reference
    return subject
