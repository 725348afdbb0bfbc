"""popliteal's FHIR identifiers, the knowledge-base tag, and the CodeSystems it defines.

Canonical URLs in FHIR are identifiers: they must be stable and unique, and need not be
served. popliteal's all live under :data:`CANONICAL_BASE`. Four CodeSystems are exported:
the five triage levels, the conditions, the findings and the options of the interview's
choice questions, each built from the code or the data so they never disagree with popliteal.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.codesystem import CodeSystem

from popliteal import __version__
from popliteal.interview.catalogue import catalogue
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import LEVELS

CANONICAL_BASE = "https://popliteal.dev/fhir"
ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10"
GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender"
MIN_VALUE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/maxValue"
ITEM_CONTROL_EXTENSION = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"

TRIAGE_LEVEL_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/triage-level"
CONDITION_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/condition"
FINDING_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/finding"
QUESTION_OPTION_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/question-option"
KNOWLEDGE_BASE_SYSTEM = f"{CANONICAL_BASE}/CodeSystem/knowledge-base"
TRIAGE_LEVEL_EXTENSION = f"{CANONICAL_BASE}/StructureDefinition/triage-level"

PUBLISHER = "popliteal"


def knowledge_base_meta(version: str, content_hash: str) -> dict[str, Any]:
    """The `meta` every exported resource carries: the knowledge base's version and hash.

    The tag's code is the full content hash and its version the knowledge-base version, so a
    reader can tell exactly which numbers and rules produced the resource.
    """
    return {"tag": [{
        "system": KNOWLEDGE_BASE_SYSTEM,
        "version": version,
        "code": content_hash,
        "display": f"popliteal knowledge base {version}+{content_hash[:12]}",
    }]}


def knowledge_base_of(resource: Any) -> tuple[str, str] | None:
    """The (version, content hash) a resource was tagged with, or None if it has no such tag."""
    meta = getattr(resource, "meta", None)
    for tag in (meta.tag or []) if meta is not None else []:
        if tag.system == KNOWLEDGE_BASE_SYSTEM and tag.version and tag.code:
            return str(tag.version), str(tag.code)
    return None


def _code_system(*, slug: str, name: str, title: str, version: str, description: str,
                 kb: KnowledgeBase, concepts: list[dict[str, Any]],
                 properties: list[dict[str, Any]] | None = None) -> CodeSystem:
    data: dict[str, Any] = {
        "resourceType": "CodeSystem",
        "id": slug,
        "meta": knowledge_base_meta(kb.version, kb.content_hash),
        "url": f"{CANONICAL_BASE}/CodeSystem/{slug}",
        "version": version,
        "name": name,
        "title": title,
        "status": "active",
        "experimental": False,
        "publisher": PUBLISHER,
        "description": description,
        "caseSensitive": True,
        "content": "complete",
        "count": len(concepts),
        "concept": concepts,
    }
    if properties:
        data["property"] = properties
    return CodeSystem.model_validate(data)


def triage_level_code_system(kb: KnowledgeBase) -> CodeSystem:
    """The five levels of care, least to most urgent; the definition is the advice shown."""
    return _code_system(
        slug="triage-level", name="PoplitealTriageLevel", title="popliteal triage levels",
        version=__version__, kb=kb,
        description=("The level of care popliteal recommends, from least to most urgent. "
                     "Defined by popliteal's code, so the version is the program's version."),
        concepts=[{"code": level.value, "display": level.value.replace("_", " "),
                   "definition": level.headline,
                   "property": [{"code": "rank", "valueInteger": level.rank}]}
                  for level in LEVELS],
        properties=[{"code": "rank", "type": "integer",
                     "description": "Order of urgency, 0 for self-care."}],
    )


def condition_code_system(kb: KnowledgeBase) -> CodeSystem:
    """Every condition popliteal ranks, with its ICD-10 code, lay name and usual level."""
    concepts = [{
        "code": c.id, "display": c.name, "definition": c.description,
        "property": [{"code": "icd-10", "valueCode": c.icd10},
                     {"code": "lay-name", "valueString": c.lay_name},
                     {"code": "care-level", "valueCode": c.care_level.value}],
    } for c in kb.conditions.values()]
    return _code_system(
        slug="condition", name="PoplitealCondition", title="popliteal conditions",
        version=kb.version, kb=kb, concepts=concepts,
        description="Causes of pain behind the knee in adults that popliteal ranks.",
        properties=[
            {"code": "icd-10", "uri": ICD10_SYSTEM, "type": "code",
             "description": "The ICD-10 code this condition is reported under."},
            {"code": "lay-name", "type": "string", "description": "The name shown to patients."},
            {"code": "care-level", "type": "code",
             "description": f"The level of care it usually needs ({TRIAGE_LEVEL_SYSTEM})."},
        ])


def finding_code_system(kb: KnowledgeBase) -> CodeSystem:
    """Every finding: the clinical wording as display, the patient question as a property."""
    concepts = [{
        "code": f.id, "display": f.clinician,
        "property": [{"code": "category", "valueCode": f.category},
                     {"code": "asked-of", "valueCode": f.ask},
                     {"code": "patient-question", "valueString": f.question}],
    } for f in kb.findings.values()]
    return _code_system(
        slug="finding", name="PoplitealFinding", title="popliteal findings",
        version=kb.version, kb=kb, concepts=concepts,
        description="Symptoms, history and examination findings popliteal reasons with.",
        properties=[
            {"code": "category", "type": "code", "description": "The group the finding belongs to."},
            {"code": "asked-of", "type": "code",
             "description": "patient (a lay person can answer) or clinician (needs an examination)."},
            {"code": "patient-question", "type": "string",
             "description": "The question a patient is asked."},
        ])


def option_code(question_id: str, option_id: str) -> str:
    """An option's code: option ids are unique only within their question."""
    return f"{question_id}.{option_id}"


def question_option_code_system(kb: KnowledgeBase) -> CodeSystem:
    """Each option of each choice question, with the findings choosing it states."""
    concepts = [{
        "code": option_code(question.id, option.id), "display": option.label,
        "definition": "States " + ", ".join(
            f"{finding_id}={'yes' if value else 'no'}" for finding_id, value in option.findings.items()),
    } for question in catalogue(kb).questions.values() for option in question.options]
    return _code_system(
        slug="question-option", name="PoplitealQuestionOption", title="popliteal answer options",
        version=kb.version, kb=kb, concepts=concepts,
        description=("The answers to popliteal's choice questions. The code is the question id "
                     "and the option id joined by a dot."))


def code_systems(kb: KnowledgeBase) -> tuple[CodeSystem, ...]:
    """Every CodeSystem popliteal defines."""
    return (triage_level_code_system(kb), condition_code_system(kb), finding_code_system(kb),
            question_option_code_system(kb))
