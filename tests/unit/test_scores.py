"""The Wells DVT score and the Ottawa knee rule reproduce their published items and cut-offs."""

from __future__ import annotations

import pytest

from popliteal.engine.scores import (
    OTTAWA_ITEMS,
    WELLS_ITEMS,
    ottawa_knee_rule,
    wells_score,
)

NICE_NG158_ITEMS = {
    "Active cancer (treatment ongoing, within 6 months, or palliative)": 1,
    "Paralysis, paresis or recent plaster immobilisation of the lower extremities": 1,
    "Recently bedridden for 3 days or more, or major surgery within 12 weeks": 1,
    "Localised tenderness along the deep venous system": 1,
    "Entire leg swollen": 1,
    "Calf swelling at least 3 cm larger than the asymptomatic side": 1,
    "Pitting oedema confined to the symptomatic leg": 1,
    "Collateral superficial veins (non-varicose)": 1,
    "Previously documented DVT": 1,
}


def test_wells_has_the_nine_nice_items_with_one_point_each() -> None:
    assert {label: points for _, label, points in WELLS_ITEMS} == NICE_NG158_ITEMS


def test_an_alternative_diagnosis_subtracts_two_points() -> None:
    score = wells_score({"active_cancer": True, "alternative_diagnosis_as_likely": True})
    assert score is not None and score.points == -1


@pytest.mark.parametrize(("present", "category"), [
    ([], "unlikely"),
    (["active_cancer"], "unlikely"),
    (["active_cancer", "previous_dvt"], "likely"),
    (["whole_leg_swollen", "pitting_oedema", "calf_swelling_3cm"], "likely"),
])
def test_two_points_or_more_means_dvt_likely(present: list[str], category: str) -> None:
    findings = {f: True for f in present} | {"alternative_diagnosis_as_likely": False,
                                            "deep_vein_tenderness": False}
    score = wells_score(findings)
    assert score is not None and score.category == category


def test_a_derived_alternative_is_marked_as_derived() -> None:
    score = wells_score({"active_cancer": True}, alternative_as_likely=True)
    assert score is not None
    alternative = score.items[-1]
    assert alternative.derived and alternative.state == "present" and score.points == -1


def test_no_wells_score_when_no_item_is_known() -> None:
    assert wells_score({"fever": True}) is None


def test_an_incomplete_unlikely_score_says_it_may_rise() -> None:
    score = wells_score({"active_cancer": True})
    assert score is not None and not score.complete and "may rise" in score.interpretation


def test_ottawa_has_the_five_stiell_criteria() -> None:
    labels = [label for _, label in OTTAWA_ITEMS]
    assert labels[0] == "Age 55 years or older" and len(labels) == 5


def test_ottawa_applies_only_after_a_knee_injury() -> None:
    assert ottawa_knee_rule(40, {"fever": True}) is None
    result = ottawa_knee_rule(40, {"knee_injury": False})
    assert result is not None and result.result == "not_applicable"


@pytest.mark.parametrize("finding", [
    "fibular_head_tenderness", "patella_tenderness_isolated", "unable_to_bend_knee_90",
    "unable_to_bear_weight",
])
def test_any_single_ottawa_item_makes_the_rule_positive(finding: str) -> None:
    result = ottawa_knee_rule(30, {"knee_injury": True, finding: True})
    assert result is not None and result.positive


def test_age_55_alone_makes_the_rule_positive() -> None:
    result = ottawa_knee_rule(55, {"knee_injury": True})
    assert result is not None and result.positive


def test_ottawa_is_negative_only_when_every_item_is_known_absent() -> None:
    items = {f: False for f, _ in OTTAWA_ITEMS if f is not None}
    result = ottawa_knee_rule(30, {"knee_injury": True, **items})
    assert result is not None and result.result == "negative"
    partial = ottawa_knee_rule(30, {"knee_injury": True, "unable_to_bear_weight": False})
    assert partial is not None and partial.result == "incomplete"
