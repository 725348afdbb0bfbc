"""Every FHIR resource popliteal exports validates, round-trips through JSON, and reads back.

Validation is two-fold: fhir.resources parses each resource as R4B (types and cardinality),
and popliteal.fhir.validation checks what parsing leaves out (required code bindings, codes
from popliteal's CodeSystems, the knowledge-base tag, questionnaire structure, responses
against their questionnaire, references inside a Bundle).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire

from popliteal.api import assess
from popliteal.engine.assessment import run_assessment
from popliteal.engine.evidence import Patient
from popliteal.errors import InvalidInputError
from popliteal.evaluation.vignettes import Vignette, load_vignettes
from popliteal.fhir import (
    assessment_bundle,
    code_systems,
    knowledge_base_of,
    parse_resource,
    questionnaire,
    read_bundle,
    to_json,
    validate,
)
from popliteal.fhir.assessment import probability_decimal
from popliteal.fhir.questionnaire import AUDIENCES, CATEGORY_TITLES
from popliteal.fhir.reading import bundle_risk_assessment, differential, triage_level
from popliteal.fhir.response import questionnaire_response
from popliteal.fhir.terminology import ICD10_SYSTEM, TRIAGE_LEVEL_SYSTEM
from popliteal.interview.catalogue import catalogue
from popliteal.knowledge import KnowledgeBase, load_knowledge_base
from popliteal.knowledge.model import Category
from popliteal.levels import LEVELS

DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"
KB = load_knowledge_base()
VIGNETTES = load_vignettes([DEV], KB)
ISSUED = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def questionnaires(kb: KnowledgeBase) -> tuple[Questionnaire, ...]:
    return tuple(questionnaire(kb, audience) for audience in AUDIENCES)


def bundle_for(vignette: Vignette) -> Bundle:
    return assessment_bundle(KB, assess(vignette.age, vignette.sex, vignette.findings), issued=ISSUED)


def all_items(items: list[Any] | None) -> list[Any]:
    found: list[Any] = []
    for item in items or []:
        found.append(item)
        found += all_items(item.item)
    return found


def link_ids(items: list[Any] | None) -> list[str]:
    return [item.linkId for item in all_items(items)]


def assert_round_trips(resource: Any) -> None:
    text = to_json(resource)
    parsed = parse_resource(text)
    assert type(parsed) is type(resource)
    assert parsed == resource
    assert to_json(parsed) == text


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_questionnaire_validates_and_round_trips(kb: KnowledgeBase, audience: str) -> None:
    built = questionnaire(kb, audience)  # type: ignore[arg-type]
    assert validate(built, kb) == []
    assert_round_trips(built)


def test_every_code_system_validates_and_round_trips(kb: KnowledgeBase) -> None:
    for system in code_systems(kb):
        assert validate(system, kb) == [], system.url
        assert_round_trips(system)


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_the_bundle_of_every_development_vignette_validates_and_round_trips(
        vignette: Vignette) -> None:
    bundle = bundle_for(vignette)
    assert validate(bundle, KB, questionnaires(KB)) == []
    assert_round_trips(bundle)


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_a_bundle_read_back_gives_the_same_assessment(vignette: Vignette) -> None:
    bundle = parse_resource(to_json(bundle_for(vignette)))
    patient, findings = read_bundle(KB, bundle)
    assert (patient.age, patient.sex, findings) == (vignette.age, vignette.sex, vignette.findings)
    again = run_assessment(KB, patient, findings)
    risk = bundle_risk_assessment(bundle)
    assert differential(risk) == {c.condition_id: probability_decimal(c.probability)
                                  for c in again.conditions}
    assert triage_level(risk) == again.level


def test_the_patient_questionnaire_asks_every_interview_question_and_covers_every_patient_finding(
        kb: KnowledgeBase) -> None:
    items = {item.linkId: item for item in all_items(questionnaire(kb, "patient").item)}
    assert set(catalogue(kb).questions) <= set(items)
    covered = {i for i in items if i in kb.findings} | {
        finding for item in items.values() if item.type == "choice" and item.linkId != "sex"
        for finding in catalogue(kb).questions[item.linkId].options[0].findings}
    grouped = {f for q in catalogue(kb).questions.values() for o in q.options for f in o.findings}
    assert covered | grouped == {f.id for f in kb.findings.values() if f.ask == "patient"}
    assert {"age", "sex"} <= set(items)


def test_every_patient_question_carries_its_reason_as_help(kb: KnowledgeBase) -> None:
    items = {item.linkId: item for item in all_items(questionnaire(kb, "patient").item)}
    for question in catalogue(kb).questions.values():
        assert items[f"{question.id}.why"].text == question.why
        assert items[f"{question.id}.why"].type == "display"


def test_the_clinician_questionnaire_asks_every_finding_once(kb: KnowledgeBase) -> None:
    asked = [i for i in link_ids(questionnaire(kb, "clinician").item) if i in kb.findings]
    assert sorted(asked) == sorted(kb.findings)


def test_every_finding_category_has_a_title() -> None:
    assert set(CATEGORY_TITLES) == set(Category.__args__)  # type: ignore[attr-defined]


def test_the_condition_code_system_carries_every_icd10_code(kb: KnowledgeBase) -> None:
    systems = {str(s.url): s for s in code_systems(kb)}
    conditions: CodeSystem = next(s for url, s in systems.items() if url.endswith("/condition"))
    icd10 = {c.code: next(p.valueCode for p in c.property if p.code == "icd-10")
             for c in conditions.concept}
    assert icd10 == {c.id: c.icd10 for c in kb.conditions.values()}


def test_the_triage_code_system_lists_the_five_levels_in_order_of_urgency(kb: KnowledgeBase) -> None:
    levels = next(s for s in code_systems(kb) if s.url == TRIAGE_LEVEL_SYSTEM)
    assert [c.code for c in levels.concept] == [level.value for level in LEVELS]
    assert [c.property[0].valueInteger for c in levels.concept] == [0, 1, 2, 3, 4]


def test_each_prediction_is_coded_in_icd10_and_sums_to_one(kb: KnowledgeBase) -> None:
    result = assess(58, "female", {"swelling_behind_knee": True, "calf_swelling": True})
    risk = bundle_risk_assessment(assessment_bundle(kb, result, issued=ISSUED))
    assert len(risk.prediction) == len(kb.conditions)
    for prediction, condition in zip(risk.prediction, result.conditions, strict=True):
        icd10 = [c.code for c in prediction.outcome.coding if c.system == ICD10_SYSTEM]
        assert icd10 == [condition.icd10]
    assert sum(differential(risk).values()) == pytest.approx(Decimal(1), abs=Decimal("1e-5"))


def test_every_exported_resource_carries_the_knowledge_base_version_and_hash(
        kb: KnowledgeBase) -> None:
    bundle = assessment_bundle(kb, assess(40, "male", {"pain_calf": True}), issued=ISSUED)
    resources = [*questionnaires(kb), *code_systems(kb), bundle,
                 *(entry.resource for entry in bundle.entry)]
    assert {knowledge_base_of(r) for r in resources} == {(kb.version, kb.content_hash)}


def test_the_same_assessment_at_the_same_time_gives_the_same_bundle(kb: KnowledgeBase) -> None:
    result = assess(40, "male", {"pain_calf": True})
    assert to_json(assessment_bundle(kb, result, issued=ISSUED)) == to_json(
        assessment_bundle(kb, result, issued=ISSUED))


def test_the_findings_response_answers_the_clinician_questionnaire(kb: KnowledgeBase) -> None:
    result = assess(60, "female", {"pitting_oedema": True, "pain_calf": True})
    response = assessment_bundle(kb, result, issued=ISSUED).entry[0].resource
    assert response.questionnaire == f"{questionnaire(kb, 'clinician').url}|{kb.label}"
    assert validate(response, kb, questionnaires(kb)) == []


def test_a_findings_response_refuses_an_unknown_finding(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInputError, match="gout"):
        questionnaire_response(kb, Patient(age=60, sex="female"), {"gout": True},
                               authored=ISSUED)
