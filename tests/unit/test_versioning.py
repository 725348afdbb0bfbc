"""Every result, report and FHIR resource names the knowledge base that produced it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fhir.resources.R4B.resource import Resource

from popliteal.api import assess
from popliteal.clinician import clinician_report
from popliteal.docs import knowledge_base_reference
from popliteal.evaluation.runner import evaluate
from popliteal.evaluation.vignettes import load_vignettes
from popliteal.fhir import assessment_bundle, code_systems, knowledge_base_of, questionnaire
from popliteal.fhir.questionnaire import AUDIENCES
from popliteal.fhir.validation import walk
from popliteal.knowledge import KnowledgeBase

DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"


def test_the_assessment_and_the_clinician_report_carry_version_and_full_hash(
        kb: KnowledgeBase) -> None:
    result = assess(50, "female", {"pain_behind_knee": True})
    report = clinician_report(kb, result)
    for carrier in (result, report):
        assert (carrier.knowledge_base_version, carrier.knowledge_base_hash) == (
            kb.version, kb.content_hash)


def test_every_fhir_resource_at_any_depth_is_tagged_with_the_knowledge_base(
        kb: KnowledgeBase) -> None:
    bundle = assessment_bundle(kb, assess(50, "female", {"pain_behind_knee": True}),
                               issued=datetime(2026, 12, 1, tzinfo=UTC))
    exported = [bundle, *code_systems(kb), *(questionnaire(kb, a) for a in AUDIENCES)]
    resources = [model for resource in exported for _, model in walk(resource)
                 if isinstance(model, Resource)]
    assert len(resources) == 1 + 2 + len(code_systems(kb)) + len(AUDIENCES)
    assert {knowledge_base_of(r) for r in resources} == {(kb.version, kb.content_hash)}


def test_an_evaluation_run_and_the_reference_name_the_knowledge_base(kb: KnowledgeBase) -> None:
    run = evaluate(kb, load_vignettes([DEV], kb)[:2], "full")
    assert run.knowledge_base == kb.label and kb.content_hash.startswith(kb.label.split("+")[1])
    reference = knowledge_base_reference(kb)
    assert kb.version in reference and kb.content_hash in reference
