"""An interview as pure functions over its state: ask, answer, go back, change, finish.

Each function takes the state and returns a new one; nothing is stored and nothing is printed,
so the terminal, the web app and the evaluation harness drive the same interview.

Findings are derived from the state every time: the initial findings first, then each answer in
the order given, a later statement replacing an earlier one about the same finding. Changing
an earlier answer therefore changes exactly what that answer said, and the answers after it
are kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from popliteal.api import normalise_findings
from popliteal.engine.assessment import Assessment, run_assessment
from popliteal.engine.evidence import Patient
from popliteal.engine.triage import TriageReason
from popliteal.errors import InvalidInputError
from popliteal.interview.catalogue import catalogue, check_value, question_by_id
from popliteal.interview.lookahead import situation, triage_model
from popliteal.interview.model import Answer, InterviewState, Question
from popliteal.interview.policy import choose
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

NO_FINDINGS: Mapping[str, bool] = {}


def start_interview(kb: KnowledgeBase, patient: Patient,
                    initial_findings: Mapping[str, bool] = NO_FINDINGS) -> InterviewState:
    """A new interview from what is already known (for example, read from the person's story)."""
    return InterviewState(patient=patient, initial_findings=_checked(kb, initial_findings))


def _checked(kb: KnowledgeBase, initial_findings: Mapping[str, bool]) -> dict[str, bool]:
    """Known finding ids (aliases followed) with true/false values, or an error naming one."""
    try:
        return normalise_findings(kb, initial_findings)
    except InvalidInputError as exc:
        field = None if exc.field is None else f"initial_{exc.field}"
        raise InvalidInputError(str(exc), field=field) from None


def current_findings(kb: KnowledgeBase, state: InterviewState) -> dict[str, bool]:
    """The initial findings, then what each answer states, later statements winning."""
    *_, findings = findings_over_time(kb, state)
    return findings


def findings_over_time(kb: KnowledgeBase, state: InterviewState) -> Iterator[dict[str, bool]]:
    """What was known before the first answer, then after each answer in turn."""
    findings = _checked(kb, state.initial_findings)
    yield findings
    for index, answer in enumerate(state.answers):
        question = _answered_question(kb, answer, index)
        findings = {**findings, **question.findings_for(answer.value)}
        yield findings


def _answered_question(kb: KnowledgeBase, answer: Answer, index: int) -> Question:
    """The question of a stored answer, checked, so a bad saved state names its answer."""
    try:
        question = question_by_id(kb, answer.question_id)
        check_value(question, answer.value)
    except InvalidInputError as exc:
        raise InvalidInputError(str(exc), field=f"answers[{index}].{exc.field}") from None
    return question


@dataclass(frozen=True)
class Plan:
    """What comes next: the question to ask (None to stop), how many may still follow, whether
    it is optional, and the emergency level already reached (None if none was)."""

    question: Question | None
    answered: int
    still_to_come: int
    optional: bool = False
    emergency: Level | None = None


@dataclass(frozen=True)
class Reached:
    """The first point of the interview at which the level was an emergency, and the highest
    level from that point on: the floor that later, optional answers cannot lower."""

    after_answers: int
    level: Level


def emergency_reached(kb: KnowledgeBase, state: InterviewState) -> Reached | None:
    """Replay the answers in order and find where the level first became an emergency."""
    tm = triage_model(kb)
    reached: Reached | None = None
    for index, findings in enumerate(findings_over_time(kb, state)):
        level = situation(tm, state.patient, findings).level
        if reached is None and level.is_emergency:
            reached = Reached(index, level)
        elif reached is not None and level > reached.level:
            reached = Reached(reached.after_answers, level)
    return reached


def plan(kb: KnowledgeBase, state: InterviewState) -> Plan:
    """Weigh every open question once, for both the next question and the progress estimate."""
    findings = current_findings(kb, state)
    tm = triage_model(kb)
    now = situation(tm, state.patient, findings)
    answered = state.answered
    open_questions = [q for q in catalogue(kb).questions.values() if q.id not in answered]
    reached = emergency_reached(kb, state)
    optional_asked = None if reached is None else len(state.answers) - reached.after_answers
    choice = choose(tm, now, open_questions, len(state.answers), optional_asked)
    question = None if choice.question_id is None else question_by_id(kb, choice.question_id)
    return Plan(question, len(state.answers), choice.worth_asking, choice.optional,
                None if reached is None else reached.level)


def next_question(kb: KnowledgeBase, state: InterviewState) -> Question | None:
    """The most useful question now, or None when the stopping rule says the interview is done."""
    return plan(kb, state).question


def progress(kb: KnowledgeBase, state: InterviewState) -> tuple[int, int]:
    """(questions answered, how many more could still follow at most as things stand).

    The second number counts the questions that are still worth asking now, within the cap.
    Answers can make new questions worth asking, so it is an estimate, and it is 0 exactly when
    the interview is done.
    """
    current = plan(kb, state)
    return current.answered, current.still_to_come


def answer_question(kb: KnowledgeBase, state: InterviewState, question_id: str,
                    value: str) -> InterviewState:
    """Record an answer to a question not answered yet (use change_answer for one that was)."""
    question = question_by_id(kb, question_id)
    check_value(question, value)
    if question_id in state.answered:
        raise InvalidInputError(f"{question_id!r} is already answered; change that answer "
                                "instead", field="question_id")
    return _with_answers(state, (*state.answers, Answer(question_id=question_id, value=value)))


def change_answer(kb: KnowledgeBase, state: InterviewState, question_id: str,
                  value: str) -> InterviewState:
    """Replace an earlier answer where it stands; the answers after it are kept."""
    question = question_by_id(kb, question_id)
    check_value(question, value)
    if question_id not in state.answered:
        raise InvalidInputError(f"{question_id!r} has not been answered yet",
                                field="question_id")
    answers = tuple(Answer(question_id=question_id, value=value) if a.question_id == question_id
                    else a for a in state.answers)
    return _with_answers(state, answers)


def go_back(state: InterviewState) -> InterviewState:
    """Drop the last answer, so its question is asked again. At the start, nothing changes."""
    return _with_answers(state, state.answers[:-1])


def _with_answers(state: InterviewState, answers: tuple[Answer, ...]) -> InterviewState:
    """A new state, checked again like any other."""
    return InterviewState(patient=state.patient, initial_findings=state.initial_findings,
                          answers=answers)


REACHED_TEXT = ("Your earlier answers already showed that you need emergency care. The questions "
                "after that only help the doctors who will see you; they do not change it.")


def finish(kb: KnowledgeBase, state: InterviewState) -> Assessment:
    """The assessment from everything said so far (it can be called before the interview ends).

    An emergency reached on the way stays the level: the optional answers after it refine the
    differential and the report, never the urgency.
    """
    reached = emergency_reached(kb, state)
    floors = () if reached is None else (
        TriageReason(kind="reached", level=reached.level, text=REACHED_TEXT),)
    return run_assessment(kb, state.patient, current_findings(kb, state), floors)
