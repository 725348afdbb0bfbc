"""The clinician report shows the whole differential, every likelihood ratio and both scores."""

from __future__ import annotations

import pytest

from popliteal.api import assess
from popliteal.clinician import clinician_report
from popliteal.clinician.report import OTTAWA_SOURCES, WELLS_SOURCES
from popliteal.engine.explain import likelihood_ratio
from popliteal.knowledge import KnowledgeBase

CLOT = {"calf_swelling": True, "pitting_oedema": True, "recent_surgery_or_bedridden": True,
        "pain_calf": True, "knee_injury": False, "fever": False}


def test_the_differential_lists_every_condition_with_its_probability_and_icd10(
        kb: KnowledgeBase) -> None:
    result = assess(67, "female", CLOT)
    report = clinician_report(kb, result)
    assert [row.condition_id for row in report.differential] == [
        c.condition_id for c in result.conditions]
    assert len(report.differential) == len(kb.conditions)
    for row in report.differential:
        assert row.icd10 == kb.conditions[row.condition_id].icd10
    assert [row.rank for row in report.differential] == list(range(1, len(kb.conditions) + 1))


def test_every_informative_finding_appears_for_or_against_every_condition(kb: KnowledgeBase) -> None:
    result = assess(67, "female", CLOT)
    for row in clinician_report(kb, result).differential:
        shown = {w.finding_id: w.likelihood_ratio for w in (*row.supporting, *row.opposing)}
        for finding_id, present in CLOT.items():
            ratio = likelihood_ratio(kb, result.patient, row.condition_id, finding_id, present)
            if abs(ratio - 1) > 0.06:
                assert shown[finding_id] == pytest.approx(ratio, abs=5e-4), (row.condition_id,
                                                                            finding_id)
        assert all(w.likelihood_ratio > 1 for w in row.supporting)
        assert all(w.likelihood_ratio < 1 for w in row.opposing)


def test_the_wells_view_gives_items_rule_next_steps_and_what_is_not_recorded(
        kb: KnowledgeBase) -> None:
    report = clinician_report(kb, assess(67, "female", CLOT))
    wells = report.wells
    assert wells is not None
    assert len(wells.items) == 10
    assert wells.result == "2 points: DVT likely"
    assert "ultrasound within 4 hours" in wells.interpretation
    assert "Previously documented DVT" in wells.unknown_items
    assert "2 points or more: DVT likely" in wells.rule


def test_the_ottawa_view_says_when_the_rule_does_not_apply(kb: KnowledgeBase) -> None:
    ottawa = clinician_report(kb, assess(67, "female", CLOT)).ottawa
    assert ottawa is not None and ottawa.result == "not applicable"
    assert ottawa.unknown_items == ()
    assert clinician_report(kb, assess(30, "male", {"pain_calf": True})).ottawa is None


def test_a_negative_ottawa_rule_gives_its_published_reading(kb: KnowledgeBase) -> None:
    findings = {"knee_injury": True, "fibular_head_tenderness": False,
                "patella_tenderness_isolated": False, "unable_to_bend_knee_90": False,
                "unable_to_bear_weight": False}
    ottawa = clinician_report(kb, assess(30, "male", findings)).ottawa
    assert ottawa is not None and ottawa.result == "negative"
    assert "98.5%" in ottawa.interpretation


def test_the_score_sources_are_the_published_rules(kb: KnowledgeBase) -> None:
    assert all("NG158" in kb.sources[s].citation or "QS201" in kb.sources[s].citation
               for s in WELLS_SOURCES)
    assert all("Ottawa" in kb.sources[s].citation or "radiography in acute knee injuries"
               in kb.sources[s].citation for s in OTTAWA_SOURCES)


def test_the_report_carries_the_knowledge_base_version_and_hash(kb: KnowledgeBase) -> None:
    report = clinician_report(kb, assess(40, "male", {}))
    assert (report.knowledge_base_version, report.knowledge_base_hash) == (kb.version,
                                                                           kb.content_hash)
