"""Answers as FHIR QuestionnaireResponses, shaped like the questionnaire they answer.

Two kinds: the findings an assessment used, against the clinician questionnaire (every
finding), which reproduces the result exactly; and an interview's answers as the person gave
them, against the patient questionnaire. "Don't know" answers and unknown findings are left
out, as FHIR expects of unanswered questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from popliteal.engine.evidence import Patient
from popliteal.errors import InvalidInputError
from popliteal.fhir.questionnaire import (
    ABOUT_YOU_LINK_ID,
    AGE_LINK_ID,
    CATEGORY_TITLES,
    SEX_LINK_ID,
    Audience,
    category_link_id,
    gender_coding,
    question_category,
    questionnaire_canonical,
)
from popliteal.fhir.terminology import QUESTION_OPTION_SYSTEM, knowledge_base_meta, option_code
from popliteal.interview import InterviewState, Question
from popliteal.interview.catalogue import catalogue
from popliteal.interview.model import UNKNOWN, YES
from popliteal.knowledge import KnowledgeBase
from popliteal.knowledge.model import Category


def subject_reference(patient: Patient, reference: str | None) -> dict[str, str]:
    """A reference to the patient if the caller has one; a description in any case."""
    subject = {"display": f"Adult, {patient.age} years, {patient.sex}"}
    if reference is not None:
        subject["reference"] = reference
    return subject


def _about_you(patient: Patient) -> dict[str, Any]:
    return {"linkId": ABOUT_YOU_LINK_ID, "item": [
        {"linkId": AGE_LINK_ID, "answer": [{"valueInteger": patient.age}]},
        {"linkId": SEX_LINK_ID, "answer": [{"valueCoding": gender_coding(patient.sex)}]},
    ]}


def _grouped(answered: list[tuple[Category, dict[str, Any]]]) -> list[dict[str, Any]]:
    groups: dict[Category, list[dict[str, Any]]] = {}
    for category, item in answered:
        groups.setdefault(category, []).append(item)
    return [{"linkId": category_link_id(c), "text": CATEGORY_TITLES[c], "item": items}
            for c, items in groups.items()]


def _response(kb: KnowledgeBase, audience: Audience, patient: Patient,
              answered: list[tuple[Category, dict[str, Any]]], authored: datetime,
              subject: str | None) -> QuestionnaireResponse:
    return QuestionnaireResponse.model_validate({
        "resourceType": "QuestionnaireResponse",
        "meta": knowledge_base_meta(kb.version, kb.content_hash),
        "questionnaire": questionnaire_canonical(kb, audience),
        "status": "completed",
        "subject": subject_reference(patient, subject),
        "authored": authored.isoformat(),
        "item": [_about_you(patient), *_grouped(answered)],
    })


def questionnaire_response(kb: KnowledgeBase, patient: Patient, findings: Mapping[str, bool], *,
                           authored: datetime, subject: str | None = None) -> QuestionnaireResponse:
    """Findings (ids already checked) against the clinician questionnaire, in its order."""
    unknown = sorted(set(findings) - set(kb.findings))
    if unknown:
        raise InvalidInputError(f"unknown finding ids: {', '.join(unknown)}", field="findings")
    answered = [
        (f.category, {"linkId": f.id, "text": f.clinician,
                      "answer": [{"valueBoolean": findings[f.id]}]})
        for f in kb.findings.values() if f.id in findings
    ]
    return _response(kb, "clinician", patient, answered, authored, subject)


def _answer_value(question: Question, value: str) -> dict[str, Any]:
    if question.kind == "yes_no":
        return {"valueBoolean": value == YES}
    option = next(o for o in question.options if o.id == value)
    return {"valueCoding": {"system": QUESTION_OPTION_SYSTEM,
                            "code": option_code(question.id, option.id), "display": option.label}}


def interview_response(kb: KnowledgeBase, state: InterviewState, *, authored: datetime,
                       subject: str | None = None) -> QuestionnaireResponse:
    """An interview's answers against the patient questionnaire, in its order."""
    given = {answer.question_id: answer.value for answer in state.answers
             if answer.value != UNKNOWN}
    answered = [
        (question_category(kb, q), {"linkId": q.id, "text": q.text,
                                    "answer": [_answer_value(q, given[q.id])]})
        for q in catalogue(kb).questions.values() if q.id in given
    ]
    missing = sorted(set(given) - set(catalogue(kb).questions))
    if missing:
        raise InvalidInputError(f"answers to unknown questions: {', '.join(missing)}",
                                field="answers")
    return _response(kb, "patient", state.patient, answered, authored, subject)
