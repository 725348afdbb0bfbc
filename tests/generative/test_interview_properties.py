"""Properties of the interview, and the fast value of a question against a brute-force reference."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from popliteal.engine.assessment import run_assessment
from popliteal.engine.evidence import Patient
from popliteal.interview import (
    InterviewState,
    Question,
    answer_question,
    current_findings,
    finish,
    go_back,
    next_question,
    start_interview,
)
from popliteal.interview.catalogue import catalogue
from popliteal.interview.lookahead import level_after, situation, triage_model
from popliteal.interview.policy import (
    INFORMATION_TO_ASK,
    MAX_QUESTIONS,
    OPTIONAL_AFTER_EMERGENCY,
    STAKE_TO_ASK,
    URGENCY_TO_ASK,
    is_settled,
)
from popliteal.interview.reference import reference_value
from popliteal.interview.session import emergency_reached
from popliteal.interview.value import open_answers, weigh
from popliteal.knowledge import load_knowledge_base

KB = load_knowledge_base()
TM = triage_model(KB)
QUESTIONS = list(catalogue(KB).questions.values())
FINDING_IDS = sorted(KB.findings)
ASKABLE = sorted(f.id for f in KB.findings.values() if f.ask == "patient")

patients = st.builds(Patient, age=st.integers(16, 110), sex=st.sampled_from(["female", "male"]))
findings_maps = st.dictionaries(st.sampled_from(FINDING_IDS), st.booleans(), max_size=30)
questions = st.sampled_from(QUESTIONS)


@settings(max_examples=200, deadline=None)
@given(patients, findings_maps, questions)
def test_the_fast_value_of_a_question_matches_the_reference(patient: Patient,
                                                            findings: dict[str, bool],
                                                            question: Question) -> None:
    fast = weigh(TM, situation(TM, patient, findings), question)
    answers = open_answers(question, question.id in TM.screens, findings)
    assert (fast is None) == (answers is None)
    if fast is None or answers is None:
        return
    slow = reference_value(KB, patient, findings, question.id, answers)
    for name in ("information", "urgency", "stake", "raise_probability"):
        assert math.isclose(getattr(fast, name), getattr(slow, name), rel_tol=1e-9,
                            abs_tol=1e-12), name


@settings(max_examples=200, deadline=None)
@given(patients, findings_maps, questions)
def test_the_level_after_each_answer_is_the_level_of_a_full_assessment(
        patient: Patient, findings: dict[str, bool], question: Question) -> None:
    now = situation(TM, patient, findings)
    assert now.level == run_assessment(KB, patient, findings).level
    answers = open_answers(question, question.id in TM.screens, findings)
    for stated in answers.statements if answers else ():
        expected = run_assessment(KB, patient, {**findings, **stated}).level
        assert level_after(TM, now, stated) == expected


def answer_for(question: Question, draw: st.DrawFn) -> str:
    return draw(st.sampled_from(question.values))


@st.composite
def interviews(draw: st.DrawFn) -> tuple[InterviewState, list[str]]:
    """An interview run to its end with arbitrary answers; also the questions in order."""
    initial = draw(st.dictionaries(st.sampled_from(ASKABLE), st.booleans(), max_size=8))
    state = start_interview(KB, draw(patients), initial)
    asked: list[str] = []
    while (question := next_question(KB, state)) is not None:
        asked.append(question.id)
        state = answer_question(KB, state, question.id, answer_for(question, draw))
    return state, asked


@settings(max_examples=40, deadline=None)
@given(interviews())
def test_no_question_is_asked_twice_and_the_cap_holds(run: tuple[InterviewState, list[str]]) -> None:
    _, asked = run
    assert len(asked) == len(set(asked)) and len(asked) <= MAX_QUESTIONS


@settings(max_examples=40, deadline=None)
@given(interviews())
def test_going_back_restores_the_previous_question(run: tuple[InterviewState, list[str]]) -> None:
    state, asked = run
    while state.answers:
        state = go_back(state)
        question = next_question(KB, state)
        assert question is not None and question.id == asked[len(state.answers)]


@settings(max_examples=40, deadline=None)
@given(interviews())
def test_it_stops_only_when_nothing_left_could_change_the_level(
        run: tuple[InterviewState, list[str]]) -> None:
    state, _ = run
    if len(state.answers) >= MAX_QUESTIONS:
        return
    now = situation(TM, state.patient, current_findings(KB, state))
    reached = emergency_reached(KB, state)
    optional_spent = (reached is not None
                      and len(state.answers) - reached.after_answers >= OPTIONAL_AFTER_EMERGENCY)
    settled = is_settled(now) or optional_spent
    for question in QUESTIONS:
        value = weigh(TM, now, question)
        if question.id in state.answered or value is None:
            continue
        assert value.stake < STAKE_TO_ASK and value.urgency < URGENCY_TO_ASK
        assert settled or value.information < INFORMATION_TO_ASK


@settings(max_examples=40, deadline=None)
@given(interviews())
def test_a_stored_interview_resumes_where_it_stopped(run: tuple[InterviewState, list[str]]) -> None:
    state, _ = run
    restored = InterviewState.model_validate_json(state.model_dump_json())
    assert restored == state
    assert current_findings(KB, restored) == current_findings(KB, state)


@settings(max_examples=40, deadline=None)
@given(interviews())
def test_the_optional_questions_after_an_emergency_never_lower_the_level(
        run: tuple[InterviewState, list[str]]) -> None:
    state, _ = run
    reached = emergency_reached(KB, state)
    if reached is not None:
        assert finish(KB, state).level >= reached.level
