"""Every question the interview can ask, built once per knowledge base.

A finding asked of the person (``ask: patient``) is a yes/no question with its own wording,
unless a group in question_groups.yaml asks it; then only the group's choice question asks it.
Findings that need an examination (``ask: clinician``) are never asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from popliteal.errors import InvalidInputError
from popliteal.interview.model import Question
from popliteal.knowledge import KnowledgeBase
from popliteal.knowledge.questions import QuestionGroup


@dataclass(frozen=True, eq=False)
class Catalogue:
    """The questions in a stable order, and which group asks each grouped finding."""

    questions: dict[str, Question]
    group_of_finding: dict[str, str]


@cache
def catalogue(kb: KnowledgeBase) -> Catalogue:
    """Questions in the order of findings.yaml, each group where its first finding stands."""
    groups = kb.questions
    questions: dict[str, Question] = {}
    group_of_finding: dict[str, str] = {}
    for finding in kb.findings.values():
        if finding.ask != "patient":
            continue
        group = groups.group_of(finding.id)
        if group is None:
            why = groups.why_for(finding) or ""
            questions[finding.id] = Question(id=finding.id, kind="yes_no", text=finding.question,
                                             why=why)
            continue
        group_of_finding[finding.id] = group.id
        questions.setdefault(group.id, _choice_question(group))
    return Catalogue(questions=questions, group_of_finding=group_of_finding)


def _choice_question(group: QuestionGroup) -> Question:
    return Question(id=group.id, kind="choice", text=group.text, why=group.why,
                    options=group.options)


def question_by_id(kb: KnowledgeBase, question_id: str) -> Question:
    """The question with this id, or an error that says what to use instead."""
    known = catalogue(kb)
    question = known.questions.get(question_id)
    if question is not None:
        return question
    if question_id in known.group_of_finding:
        group = known.group_of_finding[question_id]
        raise InvalidInputError(
            f"{question_id!r} is asked as part of the question {group!r}; answer that question "
            f"with one of its options", field="question_id")
    if question_id in kb.findings:
        raise InvalidInputError(f"{question_id!r} needs an examination, so the interview does "
                                "not ask it", field="question_id")
    raise InvalidInputError(f"unknown question id {question_id!r}", field="question_id")


def check_value(question: Question, value: str) -> None:
    """Reject an answer the question does not accept, naming the accepted ones."""
    if value not in question.values:
        raise InvalidInputError(
            f"{value!r} is not an answer to {question.id!r}; use one of "
            f"{', '.join(question.values)}", field="value")
