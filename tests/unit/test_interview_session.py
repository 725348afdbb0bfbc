"""The interview session: starting, answering, going back, changing an answer, finishing."""

from __future__ import annotations

import pytest

from popliteal.engine.assessment import run_assessment
from popliteal.engine.evidence import Patient
from popliteal.errors import InvalidInputError
from popliteal.interview import (
    InterviewState,
    answer_question,
    change_answer,
    current_findings,
    finish,
    go_back,
    next_question,
    progress,
    question_by_id,
    start_interview,
)
from popliteal.interview.catalogue import catalogue
from popliteal.knowledge import KnowledgeBase

PERSON = Patient(age=54, sex="female")


def test_every_question_says_in_plain_words_what_it_asks_and_why(kb: KnowledgeBase) -> None:
    for question in catalogue(kb).questions.values():
        assert question.text.endswith("?") or question.kind == "choice", question.id
        assert len(question.why) > 20, question.id
        assert (question.kind == "choice") == bool(question.options), question.id


def test_a_yes_no_question_is_asked_with_the_findings_own_wording(kb: KnowledgeBase) -> None:
    question = question_by_id(kb, "calf_swelling")
    assert question.kind == "yes_no" and question.text == kb.findings["calf_swelling"].question


def test_a_grouped_finding_points_to_its_group(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInputError) as raised:
        question_by_id(kb, "sudden_onset")
    assert raised.value.field == "question_id" and "'onset'" in str(raised.value)


def test_a_finding_that_needs_an_examination_is_not_a_question(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInputError, match="examination"):
        question_by_id(kb, "mcmurray_positive")


def test_an_unknown_initial_finding_names_its_field(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInputError) as raised:
        start_interview(kb, PERSON, {"no_such_finding": True})
    assert raised.value.field == "initial_findings.no_such_finding"


def test_answers_are_checked_and_the_field_at_fault_is_named(kb: KnowledgeBase) -> None:
    state = start_interview(kb, PERSON)
    for question_id, value, field in [("no_such_question", "yes", "question_id"),
                                      ("calf_swelling", "maybe", "value"),
                                      ("onset", "yes", "value")]:
        with pytest.raises(InvalidInputError) as raised:
            answer_question(kb, state, question_id, value)
        assert raised.value.field == field


def test_a_question_is_answered_once_then_changed_not_answered_again(kb: KnowledgeBase) -> None:
    state = answer_question(kb, start_interview(kb, PERSON), "calf_swelling", "yes")
    with pytest.raises(InvalidInputError, match="already answered"):
        answer_question(kb, state, "calf_swelling", "no")
    with pytest.raises(InvalidInputError, match="not been answered"):
        change_answer(kb, state, "fever", "no")


def test_answers_become_findings_and_a_later_answer_wins(kb: KnowledgeBase) -> None:
    state = start_interview(kb, PERSON, {"sudden_onset": False, "fever": True})
    state = answer_question(kb, state, "onset", "sudden")
    state = answer_question(kb, state, "fever", "unknown")
    state = answer_question(kb, state, "chest_screen", "none")
    findings = current_findings(kb, state)
    assert findings["sudden_onset"] is True and "gradual_onset" not in findings
    assert findings["fever"] is True  # "don't know" takes nothing back
    assert not any(findings[f] for f in ("breathlessness", "chest_pain", "coughing_blood",
                                         "fainting"))


def test_changing_an_answer_keeps_the_later_ones(kb: KnowledgeBase) -> None:
    state = start_interview(kb, PERSON)
    for question_id, value in [("calf_swelling", "yes"), ("onset", "sudden"), ("fever", "no")]:
        state = answer_question(kb, state, question_id, value)
    changed = change_answer(kb, state, "calf_swelling", "no")
    assert [a.question_id for a in changed.answers] == ["calf_swelling", "onset", "fever"]
    assert current_findings(kb, changed) == {"calf_swelling": False, "sudden_onset": True,
                                             "fever": False}


def test_going_back_drops_the_last_answer_and_does_nothing_at_the_start(kb: KnowledgeBase) -> None:
    start = start_interview(kb, PERSON, {"swelling_behind_knee": True})
    first = next_question(kb, start)
    assert first is not None
    answered = answer_question(kb, start, first.id, "unknown")
    assert go_back(answered) == start
    assert go_back(start) == start


def test_finish_is_the_assessment_of_the_current_findings(kb: KnowledgeBase) -> None:
    state = answer_question(kb, start_interview(kb, PERSON, {"calf_swelling": True}), "onset",
                            "sudden")
    result = finish(kb, state)
    expected = run_assessment(kb, PERSON, {"calf_swelling": True, "sudden_onset": True})
    assert result.level == expected.level and result.conditions == expected.conditions


def test_progress_counts_answers_and_reaches_zero_when_the_interview_is_done(kb: KnowledgeBase) -> None:
    state = start_interview(kb, PERSON, {"pain_behind_knee": True})
    answered, to_come = progress(kb, state)
    assert (answered, to_come > 0) == (0, True)
    while (question := next_question(kb, state)) is not None:
        state = answer_question(kb, state, question.id, "unknown")
    assert progress(kb, state) == (len(state.answers), 0)


def test_a_saved_state_resumes_exactly(kb: KnowledgeBase) -> None:
    state = answer_question(kb, start_interview(kb, PERSON, {"calf_swelling": True}), "onset",
                            "gradual")
    restored = InterviewState.model_validate_json(state.model_dump_json())
    assert restored == state and next_question(kb, restored) == next_question(kb, state)


def test_a_stored_state_with_a_bad_answer_names_it(kb: KnowledgeBase) -> None:
    state = InterviewState.model_validate({
        "patient": {"age": 40, "sex": "male"},
        "answers": [{"question_id": "fever", "value": "no"},
                    {"question_id": "onset", "value": "sideways"}]})
    with pytest.raises(InvalidInputError) as raised:
        current_findings(kb, state)
    assert raised.value.field == "answers[1].value"


def test_a_state_cannot_answer_a_question_twice() -> None:
    with pytest.raises(ValueError, match="at most once"):
        InterviewState.model_validate({
            "patient": {"age": 40, "sex": "male"},
            "answers": [{"question_id": "fever", "value": "no"},
                        {"question_id": "fever", "value": "yes"}]})


def test_a_stored_state_with_an_unknown_initial_finding_names_it(kb: KnowledgeBase) -> None:
    state = InterviewState.model_validate({"patient": {"age": 40, "sex": "male"},
                                           "initial_findings": {"no_such_finding": True}})
    with pytest.raises(InvalidInputError) as raised:
        next_question(kb, state)
    assert raised.value.field == "initial_findings.no_such_finding"
