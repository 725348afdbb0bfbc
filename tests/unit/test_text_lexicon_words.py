"""Lay words, synonyms and misspellings, and onset words."""

from __future__ import annotations

import pytest

from popliteal.text import read_narrative
from popliteal.text.spelling import within_one_edit


@pytest.mark.parametrize(("text", "finding_id"), [
    ("My calf is swolen.", "calf_swelling"),
    ("There's tinlging in my foot.", "numbness_or_tingling"),
    ("my claf hurts", "pain_calf"),
    ("I have a feaver", "fever"),
])
def test_a_common_misspelling_is_read_as_the_word_meant(text: str, finding_id: str) -> None:
    assert read_narrative(text).findings[finding_id] is True


def test_a_real_word_near_a_lexicon_word_is_not_corrected() -> None:
    assert "calf_swelling" not in read_narrative("My calf spelling is bad.").findings


def test_one_edit_means_one_letter_added_dropped_changed_or_swapped() -> None:
    assert within_one_edit("swolen", "swollen")
    assert within_one_edit("tinlging", "tingling")
    assert not within_one_edit("swelling", "smellings")


@pytest.mark.parametrize(("text", "finding_id"), [
    ("It came on suddenly.", "sudden_onset"),
    ("It crept up on me gradually.", "gradual_onset"),
    ("I flew back from Sydney on Sunday.", "long_journey"),
    ("I'm on the pill.", "hormone_treatment"),
    ("I take warfarin.", "on_anticoagulants"),
    ("I get pins and needles in my foot.", "numbness_or_tingling"),
    ("My knee gives way.", "giving_way"),
    ("I'm short of breath.", "breathlessness"),
])
def test_lay_phrases_name_their_finding(text: str, finding_id: str) -> None:
    assert read_narrative(text).findings[finding_id] is True


def test_a_felt_pop_also_states_a_sudden_onset() -> None:
    reading = read_narrative("I felt a pop at the back of my knee.")
    assert reading.findings["felt_pop"] is True
    assert reading.findings["sudden_onset"] is True


def test_a_longer_phrase_of_another_finding_can_override_a_shorter_one() -> None:
    reading = read_narrative("I have rheumatoid arthritis.")
    assert reading.findings == {"inflammatory_arthritis_history": True}


def test_activity_words_with_pain_mean_pain_with_activity() -> None:
    reading = read_narrative("It hurts behind my knee when I walk.")
    assert reading.findings["pain_with_activity"] is True


def test_no_pain_when_walking_is_pain_with_activity_absent() -> None:
    reading = read_narrative("I have no pain when I walk.")
    assert reading.findings["pain_with_activity"] is False


@pytest.mark.parametrize("text", [
    "Since the fall I can't take any weight through that leg.",
    "I couldn't stand on it afterwards.",
    "I can't walk at all, my husband had to help me to the car.",
    "I'm not able to put any weight on my left foot.",
])
def test_not_taking_a_step_is_unable_to_bear_weight(text: str) -> None:
    reading = read_narrative(text)
    assert reading.findings["unable_to_bear_weight"] is True
    assert "pain_severe" not in reading.findings


@pytest.mark.parametrize("text", [
    "I can't walk normally since Tuesday.",
    "I couldn't walk very far yesterday.",
    "I've been hobbling about at work.",
    "I get about with a limp.",
])
def test_walking_badly_is_walking_so_weight_is_borne(text: str) -> None:
    assert read_narrative(text).findings["unable_to_bear_weight"] is False


@pytest.mark.parametrize("text", [
    "My calf has gone hard as stone.",
    "The whole calf is firm and tight and it is agony.",
    "My calf is swollen, which is like a rock to touch.",
    "The muscle in my calf feels tense.",
])
def test_a_calf_hard_to_the_touch_is_a_tense_calf(text: str) -> None:
    assert read_narrative(text).findings["tense_calf"] is True


@pytest.mark.parametrize("text", [
    "My calf feels really tight.",
    "My calf feels very tight and puffy.",
    "There's a tight feeling at the back of my knee.",
])
def test_a_tight_feeling_is_not_a_tense_calf(text: str) -> None:
    assert "tense_calf" not in read_narrative(text).findings


def test_a_tight_feeling_behind_the_knee_is_fullness_there() -> None:
    reading = read_narrative("There's a tight feeling at the back of my knee.")
    assert reading.findings["swelling_behind_knee"] is True


@pytest.mark.parametrize("text", [
    "Since Monday I can't lift my big toe.",
    "I can't bring my foot up properly.",
    "My foot slapped on the pavement all the way home.",
    "My toes drag when I walk.",
    "I couldn't stand on my heels when the doctor asked.",
])
def test_weakness_lifting_the_foot_is_foot_drop(text: str) -> None:
    reading = read_narrative(text)
    assert reading.findings["foot_drop"] is True
    assert "pain_on_passive_stretch" not in reading.findings
    assert "unable_to_bear_weight" not in reading.findings


@pytest.mark.parametrize("text", [
    "The lump behind my knee doesn't budge when I press it.",
    "The swelling behind my knee is a lump that feels stuck to the bone.",
    "There is a lump at the back of my knee that stays put when I push on it.",
])
def test_a_lump_that_does_not_move_is_fixed(text: str) -> None:
    assert read_narrative(text).findings["lump_hard_or_fixed"] is True
