"""The Python API: one call from age, sex and findings to a complete, explained result."""

from __future__ import annotations

import pytest

from popliteal import DISCLAIMER, assess
from popliteal.errors import InvalidInputError
from popliteal.knowledge import KnowledgeBase


def _typical_cyst() -> dict[str, bool]:
    return {"swelling_behind_knee": True, "lump_behind_knee": True, "lump_softer_when_bent": True,
            "known_knee_arthritis": True, "gradual_onset": True, "calf_swelling": False}


def test_a_typical_bakers_cyst_ranks_first() -> None:
    result = assess(58, "female", _typical_cyst())
    assert result.top.condition_id == "bakers_cyst"


def test_probabilities_are_ranked_and_sum_to_one() -> None:
    result = assess(58, "female", _typical_cyst())
    probabilities = [c.probability for c in result.conditions]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) == pytest.approx(1.0)


def test_every_result_carries_the_disclaimer_advice_and_versions(kb: KnowledgeBase) -> None:
    result = assess(58, "female", _typical_cyst())
    assert result.disclaimer == DISCLAIMER and "not a diagnosis" in DISCLAIMER
    assert result.self_care and result.safety_net
    assert result.knowledge_base_version == kb.version
    assert result.knowledge_base_hash == kb.content_hash


def test_the_explanation_lists_findings_for_and_against_with_likelihood_ratios() -> None:
    result = assess(58, "female", _typical_cyst())
    top = result.explanations[0]
    assert top.condition_id == "bakers_cyst"
    assert any(w.finding_id == "lump_softer_when_bent" and w.likelihood_ratio > 1 for w in top.supporting)
    assert all(w.likelihood_ratio < 1 for w in top.opposing)


def test_a_possible_clot_brings_the_clot_caution_into_self_care() -> None:
    result = assess(45, "female", {"pain_calf": True, "calf_swelling": True, "hormone_treatment": True})
    assert any("blood clot" in tip for tip in result.self_care)


@pytest.mark.parametrize(("age", "sex", "findings", "field"), [
    (15, "female", {}, "age"),
    (111, "female", {}, "age"),
    ("40", "female", {}, "age"),
    (40, "other", {}, "sex"),
    (40, "male", {"no_such_finding": True}, "findings.no_such_finding"),
    (40, "male", {"fever": "yes"}, "findings.fever"),
])
def test_bad_input_is_rejected_with_the_field_named(age: object, sex: object,
                                                    findings: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as raised:
        assess(age, sex, findings)  # type: ignore[arg-type]
    assert raised.value.field == field
