"""Whatever a vignette states, the simulated patient never says more than it, nor contradicts it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from popliteal.evaluation.simulated_patient import simulated_answer
from popliteal.interview import Question
from popliteal.interview.catalogue import catalogue
from popliteal.knowledge import load_knowledge_base

KB = load_knowledge_base()
QUESTIONS = list(catalogue(KB).questions.values())
vignette_findings = st.dictionaries(st.sampled_from(sorted(KB.findings)), st.booleans(),
                                    max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(QUESTIONS), vignette_findings)
def test_an_answer_states_only_what_the_vignette_states(question: Question,
                                                        findings: dict[str, bool]) -> None:
    answer = simulated_answer(question, findings)
    assert answer in question.values
    assert question.findings_for(answer).items() <= findings.items()
