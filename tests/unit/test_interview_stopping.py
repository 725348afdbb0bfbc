"""The stopping rule and the order of questions (interview/policy.py documents both)."""

from __future__ import annotations

from collections.abc import Mapping

from popliteal.engine.evidence import Patient
from popliteal.interview import (
    InterviewState,
    answer_question,
    current_findings,
    finish,
    next_question,
    question_by_id,
    start_interview,
)
from popliteal.interview.catalogue import catalogue
from popliteal.interview.lookahead import situation, triage_model
from popliteal.interview.policy import MAX_QUESTIONS, OPTIONAL_AFTER_EMERGENCY, STAKE_TO_ASK, choose
from popliteal.interview.session import plan
from popliteal.interview.value import weigh
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

PERSON = Patient(age=45, sex="male")


def interview_of_dont_knows(kb: KnowledgeBase, initial: Mapping[str, bool]) -> InterviewState:
    """An interview where the person answers "don't know" to every question."""
    state = start_interview(kb, PERSON, initial)
    while (question := next_question(kb, state)) is not None:
        state = answer_question(kb, state, question.id, "unknown")
    return state


def test_the_interview_stops_at_the_cap_even_with_questions_left(kb: KnowledgeBase) -> None:
    tm = triage_model(kb)
    now = situation(tm, PERSON, {"pain_behind_knee": True})
    questions = list(catalogue(kb).questions.values())
    assert choose(tm, now, questions, answered=0).question_id is not None
    capped = choose(tm, now, questions, answered=MAX_QUESTIONS)
    assert capped.question_id is None and capped.worth_asking == 0


def test_even_a_person_who_never_knows_is_asked_at_most_the_cap(kb: KnowledgeBase) -> None:
    assert len(interview_of_dont_knows(kb, {}).answers) <= MAX_QUESTIONS


def test_the_interview_stops_at_once_when_everything_askable_is_known(kb: KnowledgeBase) -> None:
    everything = {f.id: False for f in kb.findings.values() if f.ask == "patient"}
    assert next_question(kb, start_interview(kb, PERSON, everything)) is None


def test_a_question_that_could_change_the_level_comes_first(kb: KnowledgeBase) -> None:
    state = start_interview(kb, PERSON, {"pain_behind_knee": True})
    first = next_question(kb, state)
    assert first is not None
    tm = triage_model(kb)
    value = weigh(tm, situation(tm, PERSON, current_findings(kb, state)), first)
    assert value is not None and value.stake >= STAKE_TO_ASK


def test_when_a_clot_is_likely_its_lung_warning_signs_are_asked_first(kb: KnowledgeBase) -> None:
    state = interview_of_dont_knows(kb, {"calf_swelling": True, "sudden_onset": True,
                                         "pain_calf": True})
    assert state.answers[0].question_id == "chest_screen"


def test_a_yes_to_a_lung_warning_sign_ends_in_an_ambulance(kb: KnowledgeBase) -> None:
    state = start_interview(kb, PERSON, {"calf_swelling": True, "sudden_onset": True})
    state = answer_question(kb, state, "chest_screen", "breathless")
    assert finish(kb, state).level is Level.EMERGENCY_AMBULANCE


def test_the_interview_does_not_stop_while_a_red_flag_is_plausible(kb: KnowledgeBase) -> None:
    """A swollen, warm knee makes a joint infection plausible: fever must be asked about."""
    state = interview_of_dont_knows(kb, {"knee_swelling": True, "skin_warm": True})
    asked = {a.question_id for a in state.answers}
    assert {"fever", "hot_swollen_knee"} <= asked


def test_a_settled_picture_needs_few_questions(kb: KnowledgeBase) -> None:
    state = interview_of_dont_knows(kb, {"swelling_behind_knee": True, "lump_behind_knee": True,
                                         "lump_softer_when_bent": True,
                                         "known_knee_arthritis": True, "gradual_onset": True})
    assert len(state.answers) <= 10


def test_when_it_stops_no_open_question_could_change_the_level(kb: KnowledgeBase) -> None:
    state = interview_of_dont_knows(kb, {"pain_calf": True, "knee_injury": True})
    assert len(state.answers) < MAX_QUESTIONS
    tm = triage_model(kb)
    now = situation(tm, PERSON, current_findings(kb, state))
    for question in catalogue(kb).questions.values():
        value = weigh(tm, now, question)
        if question.id not in state.answered and value is not None:
            assert value.stake < STAKE_TO_ASK, question.id


def test_at_an_emergency_ambulance_questions_come_first_then_a_few_optional_ones(
        kb: KnowledgeBase) -> None:
    start = start_interview(kb, PERSON, {"hot_swollen_knee": True, "knee_swelling": True})
    assert finish(kb, start).level is Level.EMERGENCY
    tm = triage_model(kb)
    emergency = situation(tm, PERSON, {"hot_swollen_knee": True, "knee_swelling": True})
    state, optional_seen = start, False
    while (step := plan(kb, state)).question is not None:
        assert step.emergency is not None and step.emergency.is_emergency
        value = weigh(tm, emergency, step.question)
        if not step.optional:
            assert not optional_seen and value is not None and value.stake >= STAKE_TO_ASK
        optional_seen = optional_seen or step.optional
        state = answer_question(kb, state, step.question.id, "unknown")
    optional = len(state.answers) - sum(
        1 for a in state.answers
        if (v := weigh(tm, emergency, question_by_id(kb, a.question_id))) is not None
        and v.stake >= STAKE_TO_ASK)
    assert optional <= OPTIONAL_AFTER_EMERGENCY
    assert finish(kb, state).level.is_emergency


def test_a_level_on_a_knife_edge_does_not_keep_the_interview_going(kb: KnowledgeBase) -> None:
    """Each "no" may tip the level across a boundary where both levels cost nearly the same;
    that is not worth a question, so someone who says no to everything is not asked to the cap."""
    state = start_interview(kb, Patient(age=61, sex="male"))
    while (question := next_question(kb, state)) is not None:
        state = answer_question(kb, state, question.id,
                                "no" if question.kind == "yes_no" else question.options[-1].id)
    assert len(state.answers) < MAX_QUESTIONS
