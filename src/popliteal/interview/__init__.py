"""The adaptive interview: the fewest questions to a safe, well-founded result. Pure, no I/O.

>>> from popliteal.engine.evidence import Patient
>>> from popliteal.knowledge import load_knowledge_base
>>> kb = load_knowledge_base()
>>> state = start_interview(kb, Patient(age=54, sex="female"), {"swelling_behind_knee": True})
>>> question = next_question(kb, state)
>>> question is not None and bool(question.why)
True
"""

from popliteal.interview.catalogue import question_by_id
from popliteal.interview.model import Answer, InterviewState, Question
from popliteal.interview.session import (
    Plan,
    answer_question,
    change_answer,
    current_findings,
    finish,
    go_back,
    next_question,
    plan,
    progress,
    start_interview,
)
from popliteal.knowledge.questions import Option

__all__ = [
    "Answer",
    "InterviewState",
    "Option",
    "Plan",
    "Question",
    "answer_question",
    "change_answer",
    "current_findings",
    "finish",
    "go_back",
    "next_question",
    "plan",
    "progress",
    "question_by_id",
    "start_interview",
]
