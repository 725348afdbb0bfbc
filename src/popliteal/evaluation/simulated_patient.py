"""The simulated patient of interview mode: answers only from what the vignette states.

The vignette contract says the patient answers from ``findings``: ``true`` yes, ``false`` no,
unlisted "don't know". A choice question needs one more rule, and it must be as strict, or
the simulation would tell the engine more than the vignette does:

* the patient picks an option only when the vignette states *every* finding that option sets,
  each with the same value. "Suddenly" (sudden onset) is picked when the vignette says
  ``sudden_onset: true``; "None of these" on a screen of four warning signs only when the
  vignette says all four are absent;
* when several options qualify, the patient picks the first, as a person told "if more than
  one applies, choose the first" would;
* otherwise the patient says "don't know", even if the vignette rules some options out: a
  pertinent negative about one option does not say which other option fits.

So an answer never states a finding the vignette does not state, and never contradicts one.
"""

from __future__ import annotations

from collections.abc import Mapping

from popliteal.engine.evidence import Patient
from popliteal.interview import InterviewState, answer_question, next_question, start_interview
from popliteal.interview.model import NO, UNKNOWN, YES, Question
from popliteal.knowledge import KnowledgeBase


def simulated_answer(question: Question, findings: Mapping[str, bool]) -> str:
    """The answer a person whose every known fact is ``findings`` would give."""
    if question.kind == "yes_no":
        if question.id not in findings:
            return UNKNOWN
        return YES if findings[question.id] else NO
    for option in question.options:
        if all(findings.get(f) == v for f, v in option.findings.items()):
            return option.id
    return UNKNOWN


def simulated_interview(kb: KnowledgeBase, patient: Patient, initial_findings: Mapping[str, bool],
                        findings: Mapping[str, bool]) -> InterviewState:
    """Run the interview to its own stopping rule, the simulated patient answering."""
    state = start_interview(kb, patient, initial_findings)
    while (question := next_question(kb, state)) is not None:
        state = answer_question(kb, state, question.id, simulated_answer(question, findings))
    return state
