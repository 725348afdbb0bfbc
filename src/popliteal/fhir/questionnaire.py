"""The interview as FHIR Questionnaires.

There are two. The patient questionnaire asks what the adaptive interview can ask, in the
person's words: a yes/no question per finding (linkId = the finding id) and a choice question
per question group (linkId = the group id, one coded option per answer), each with its "why we
ask" text as a help item. The clinician questionnaire asks every finding, examination findings
included, as yes/no in clinical wording; it is the one a finding-level answer set (a
clinician's entries, or what an interview amounted to) is recorded against. Both open with age
and sex, then group the questions by the category of the findings they ask about.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from fhir.resources.R4B.questionnaire import Questionnaire

from popliteal.engine.evidence import MAX_AGE, MIN_AGE
from popliteal.fhir.terminology import (
    CANONICAL_BASE,
    FINDING_SYSTEM,
    GENDER_SYSTEM,
    ITEM_CONTROL_EXTENSION,
    ITEM_CONTROL_SYSTEM,
    MAX_VALUE_EXTENSION,
    MIN_VALUE_EXTENSION,
    PUBLISHER,
    QUESTION_OPTION_SYSTEM,
    knowledge_base_meta,
    option_code,
)
from popliteal.interview import Question
from popliteal.interview.catalogue import catalogue
from popliteal.knowledge import KnowledgeBase
from popliteal.knowledge.model import Category, Finding

Audience = Literal["patient", "clinician"]
AUDIENCES: tuple[Audience, ...] = ("patient", "clinician")

ABOUT_YOU_LINK_ID = "about-you"
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


def category_link_id(category: str) -> str:
    return f"category-{category}"


def question_category(kb: KnowledgeBase, question: Question) -> Category:
    """The category a question sits in: its finding's, or its first option's first finding's."""
    if question.kind == "yes_no":
        return kb.findings[question.id].category
    first = next(iter(question.options[0].findings))
    return kb.findings[first].category


def gender_coding(sex: str) -> dict[str, str]:
    return {"system": GENDER_SYSTEM, "code": sex, "display": sex.title()}


def _about_you(audience: Audience) -> dict[str, Any]:
    patient = audience == "patient"
    return {"linkId": ABOUT_YOU_LINK_ID, "type": "group",
            "text": "About you" if patient else "Patient",
            "item": [
                {"linkId": AGE_LINK_ID, "type": "integer", "required": True,
                 "text": "How old are you, in years?" if patient else "Age (years)",
                 "extension": [{"url": MIN_VALUE_EXTENSION, "valueInteger": MIN_AGE},
                               {"url": MAX_VALUE_EXTENSION, "valueInteger": MAX_AGE}]},
                {"linkId": SEX_LINK_ID, "type": "choice", "required": True,
                 "text": "What is your sex?" if patient else "Sex",
                 "answerOption": [{"valueCoding": gender_coding(s)} for s in SEXES]},
            ]}


def _help(link_id: str, why: str) -> dict[str, Any]:
    """The "why we ask" text as a help item under its question."""
    return {"linkId": f"{link_id}.why", "type": "display", "text": why,
            "extension": [{"url": ITEM_CONTROL_EXTENSION, "valueCodeableConcept": {
                "coding": [{"system": ITEM_CONTROL_SYSTEM, "code": "help"}]}}]}


def _finding_code(finding: Finding) -> list[dict[str, str]]:
    return [{"system": FINDING_SYSTEM, "code": finding.id, "display": finding.clinician}]


def _patient_item(kb: KnowledgeBase, question: Question) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": question.id, "text": question.text, "required": False}
    if question.kind == "yes_no":
        item |= {"type": "boolean", "code": _finding_code(kb.findings[question.id])}
    else:
        item |= {"type": "choice", "answerOption": [
            {"valueCoding": {"system": QUESTION_OPTION_SYSTEM,
                             "code": option_code(question.id, option.id), "display": option.label}}
            for option in question.options]}
    item["item"] = [_help(question.id, question.why)]
    return item


def _clinician_item(finding: Finding) -> dict[str, Any]:
    return {"linkId": finding.id, "type": "boolean", "required": False,
            "text": finding.clinician, "code": _finding_code(finding)}


def _grouped(pairs: Iterable[tuple[Category, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Items under one group per category, categories in order of first appearance."""
    groups: dict[Category, list[dict[str, Any]]] = {}
    for category, item in pairs:
        groups.setdefault(category, []).append(item)
    return [{"linkId": category_link_id(category), "type": "group",
             "text": CATEGORY_TITLES[category], "item": items}
            for category, items in groups.items()]


def questionnaire_items(kb: KnowledgeBase, audience: Audience) -> list[dict[str, Any]]:
    if audience == "patient":
        questions = catalogue(kb).questions.values()
        return _grouped((question_category(kb, q), _patient_item(kb, q)) for q in questions)
    return _grouped((f.category, _clinician_item(f)) for f in kb.findings.values())


def questionnaire(kb: KnowledgeBase, audience: Audience = "patient") -> Questionnaire:
    """The questionnaire for one audience, built from the knowledge base."""
    title = ("Pain behind the knee: the questions popliteal asks" if audience == "patient"
             else "Pain behind the knee: every finding, for clinicians")
    description = (
        "The questions popliteal's interview can ask a person with pain behind the knee. The "
        "interview asks only those that matter for the answers so far; any may be left out."
        if audience == "patient" else
        "Every finding popliteal reasons with, history and examination, as yes or no. "
        "A finding not answered is unknown.")
    return Questionnaire.model_validate({
        "resourceType": "Questionnaire",
        "id": f"posterior-knee-pain-{audience}",
        "meta": knowledge_base_meta(kb.version, kb.content_hash),
        "url": questionnaire_url(audience),
        "version": kb.label,
        "name": f"PoplitealPosteriorKneePain{audience.title()}",
        "title": title,
        "status": "active",
        "experimental": False,
        "subjectType": ["Patient"],
        "publisher": PUBLISHER,
        "description": description,
        "item": [_about_you(audience), *questionnaire_items(kb, audience)],
    })
