"""An interview answered from a file: answers checked, every written answer taken into account."""

from __future__ import annotations

import pytest

from popliteal.engine.evidence import Patient
from popliteal.errors import InvalidInputError
from popliteal.interview import current_findings, finish, start_interview
from popliteal.interview.scripted import read_script, run_scripted
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

PERSON = Patient(age=67, sex="female")
ARTHRITIS = {"known_knee_arthritis": True, "gradual_onset": True, "pain_with_activity": True}


def test_yes_and_no_may_be_written_as_true_and_false(kb: KnowledgeBase) -> None:
    script = read_script(kb, {"fever": False, "calf_swelling": True, "onset": "Gradual",
                              "smoker": None, "pain_calf": "don't know"})
    assert script == {"fever": "no", "calf_swelling": "yes", "onset": "gradual",
                      "smoker": "unknown", "pain_calf": "unknown"}


@pytest.mark.parametrize(("raw", "message"), [
    ({"no_such_question": "yes"}, "unknown question id"),
    ({"sudden_onset": "yes"}, "'onset'"),
    ({"onset": "yes"}, "not an answer"),
])
def test_a_bad_answer_names_its_question(kb: KnowledgeBase, raw: dict[str, object],
                                         message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as raised:
        read_script(kb, raw)
    assert raised.value.field == f"answers.{next(iter(raw))}"


def test_questions_the_script_does_not_answer_are_answered_dont_know(kb: KnowledgeBase) -> None:
    state = run_scripted(kb, start_interview(kb, PERSON, ARTHRITIS), {})
    assert state.answers and all(a.value == "unknown" for a in state.answers)


def test_an_answer_the_interview_never_asked_for_still_counts(kb: KnowledgeBase) -> None:
    state = run_scripted(kb, start_interview(kb, PERSON, ARTHRITIS),
                         {"skin_blisters_or_dark_patches": "yes", "smoker": "no"})
    assert current_findings(kb, state)["skin_blisters_or_dark_patches"] is True
    assert current_findings(kb, state)["smoker"] is False
    assert finish(kb, state).level >= Level.EMERGENCY


def test_scripted_answers_are_used_when_their_question_comes(kb: KnowledgeBase) -> None:
    state = run_scripted(kb, start_interview(kb, PERSON, {"calf_swelling": True}),
                         {"chest_screen": "breathless"})
    assert state.answers[0].question_id == "chest_screen"
    assert finish(kb, state).level is Level.EMERGENCY_AMBULANCE
