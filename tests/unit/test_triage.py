"""Triage: red-flag rules set floors, the loss matrix prefers over- to under-triage."""

from __future__ import annotations

import pytest

from popliteal import assess
from popliteal.engine.triage import OVER_TRIAGE_COST, UNDER_TRIAGE_COST, loss
from popliteal.levels import LEVELS, Level


def test_under_triage_costs_more_than_over_triage_at_every_level() -> None:
    for needed in LEVELS[1:]:
        assert UNDER_TRIAGE_COST[needed] > OVER_TRIAGE_COST
    assert loss(Level.CONSULTATION, Level.EMERGENCY) > loss(Level.EMERGENCY, Level.CONSULTATION)


def test_missing_an_emergency_costs_more_than_missing_a_consultation() -> None:
    assert UNDER_TRIAGE_COST[Level.EMERGENCY] > UNDER_TRIAGE_COST[Level.CONSULTATION_24] > \
        UNDER_TRIAGE_COST[Level.CONSULTATION]


def test_leg_pain_with_breathlessness_means_call_an_ambulance() -> None:
    result = assess(40, "female", {"pain_calf": True, "breathlessness": True})
    assert result.level == Level.EMERGENCY_AMBULANCE
    assert any(r.rule_id == "pulmonary_embolism_symptoms" for r in result.triage.driven_by)


def test_a_pale_cold_foot_is_an_emergency() -> None:
    result = assess(70, "male", {"foot_cold": True, "foot_pale_or_blue": True})
    assert result.level >= Level.EMERGENCY


def test_a_likely_wells_score_means_same_day_care() -> None:
    result = assess(50, "female", {"active_cancer": True, "previous_dvt": True,
                                   "alternative_diagnosis_as_likely": False})
    assert result.wells is not None and result.wells.likely
    assert result.level >= Level.CONSULTATION_24
    assert any(r.kind == "wells" for r in result.triage.reasons)


def test_a_positive_ottawa_rule_means_same_day_care() -> None:
    result = assess(30, "male", {"knee_injury": True, "unable_to_bear_weight": True})
    assert result.level >= Level.CONSULTATION_24


def test_a_mild_hamstring_strain_is_self_care() -> None:
    result = assess(24, "male", {
        "sprinting_or_kicking_injury": True, "sudden_onset": True, "pain_posterior_thigh": True,
        "bruising": False, "palpable_gap": False, "calf_swelling": False,
        "unable_to_bear_weight": False, "pain_radiating_down_leg": False,
    })
    assert result.top.condition_id == "hamstring_strain"
    assert result.level == Level.SELF_CARE


def test_the_result_names_what_drove_the_level() -> None:
    result = assess(60, "male", {"hot_swollen_knee": True})
    assert result.triage.driven_by
    assert all(reason.level == result.level for reason in result.triage.driven_by)


@pytest.mark.parametrize("level", list(Level))
def test_every_level_has_a_headline_for_the_person(level: Level) -> None:
    assert level.headline
