"""The simulated patient of interview mode answers only from what a vignette states."""

from __future__ import annotations

from popliteal.engine.evidence import Patient
from popliteal.evaluation.simulated_patient import simulated_answer, simulated_interview
from popliteal.interview import current_findings, question_by_id
from popliteal.knowledge import KnowledgeBase


def test_a_yes_no_question_is_answered_from_the_vignette(kb: KnowledgeBase) -> None:
    question = question_by_id(kb, "calf_swelling")
    assert simulated_answer(question, {"calf_swelling": True}) == "yes"
    assert simulated_answer(question, {"calf_swelling": False}) == "no"
    assert simulated_answer(question, {"fever": False}) == "unknown"


def test_an_option_is_chosen_only_when_the_vignette_states_all_it_says(kb: KnowledgeBase) -> None:
    screen = question_by_id(kb, "chest_screen")
    assert simulated_answer(screen, {"chest_pain": True}) == "chest_pain"
    none_of_them = {"breathlessness": False, "chest_pain": False, "coughing_blood": False}
    assert simulated_answer(screen, none_of_them) == "unknown"
    assert simulated_answer(screen, {**none_of_them, "fainting": False}) == "none"


def test_when_several_options_fit_the_first_is_chosen(kb: KnowledgeBase) -> None:
    screen = question_by_id(kb, "chest_screen")
    assert simulated_answer(screen, {"fainting": True, "breathlessness": True}) == "breathless"


def test_a_negative_about_one_alternative_does_not_pick_another(kb: KnowledgeBase) -> None:
    onset = question_by_id(kb, "onset")
    assert simulated_answer(onset, {"sudden_onset": False}) == "unknown"
    assert simulated_answer(onset, {"gradual_onset": True}) == "gradual"


def test_a_simulated_interview_learns_nothing_the_vignette_does_not_state(kb: KnowledgeBase) -> None:
    known = {"calf_swelling": True, "sudden_onset": True, "breathlessness": False,
             "knee_injury": False, "fever": False, "pain_calf": True}
    state = simulated_interview(kb, Patient(age=60, sex="male"), {"calf_swelling": True}, known)
    assert state.answers
    assert current_findings(kb, state).items() <= known.items()
