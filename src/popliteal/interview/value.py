"""The value of asking a question: what its answer would tell, and what it could change.

For each question still open, three numbers (policy.py says how they are used):

* ``information``: the mutual information between the answer and the condition, in bits,
  ``I(C; A) = H(A) - H(A | C)``: how much the answer is expected to narrow the differential;
* ``urgency``: the mutual information between the answer and U, "the condition needs more
  urgent care than the level given now", in bits;
* ``stake``: the triage loss expected from *not* asking, ``sum_a P(a) * regret_a``: how much
  worse the level given now would be, once answer a is known, than the level run_assessment
  would then give (lookahead.Decision.regret). The engine judges a level by its expected loss
  under the posterior (the loss matrix of engine/triage.py), and a red-flag rule or a score
  sets a floor whose breach costs a full under-triage. So a "yes" that fires a rule for an
  ambulance weighs heavily even when rare, while an answer that only tips the level across a
  boundary where the two levels cost nearly the same weighs little. A question whose answers
  cannot move the level has no stake.

All three use the posterior as it stands and the answer model described in lookahead.py. The
brute-force reference in reference.py computes them from the definitions, and hypothesis
tests compare.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from popliteal.interview.catalogue import catalogue
from popliteal.interview.lookahead import (
    Situation,
    Stated,
    Statement,
    TriageModel,
    Vector,
    decision_after,
    statement,
)
from popliteal.interview.model import Question


@dataclass(frozen=True)
class QuestionValue:
    """Why a question is worth asking now."""

    question_id: str
    information: float
    urgency: float
    stake: float
    raise_probability: float


@dataclass(frozen=True)
class OpenAnswers:
    """The answers still possible to a question: what each would state, in the listed order.

    ``first_that_applies`` marks a screen, where the person picks the first option that holds.
    """

    statements: tuple[Stated, ...]
    first_that_applies: bool


def open_answers(question: Question, screen: bool,
                 findings: Mapping[str, bool]) -> OpenAnswers | None:
    """What each possible answer would add, or None when the answer is already known.

    Answers that contradict what is known are left out. An option already known to hold
    settles an ``alternatives`` question; on a screen it only rules out the options after it,
    since the person would pick an earlier, more urgent sign first if it applied.
    """
    if question.kind == "yes_no":
        if question.id in findings:
            return None
        return OpenAnswers(({question.id: True}, {question.id: False}), False)
    statements: list[Stated] = []
    for option in question.options:
        if any(findings.get(f, v) != v for f, v in option.findings.items()):
            continue
        rest = {f: v for f, v in option.findings.items() if f not in findings}
        if not rest and (not screen or not statements):
            return None
        statements.append(rest)
        if not rest:
            break
    return OpenAnswers(tuple(statements), screen) if statements else None


@dataclass(frozen=True, eq=False)
class AnswerModel:
    """P(answer | condition) for each open answer, H(A | C = c), and the compiled answers."""

    given_condition: tuple[Vector, ...]
    entropy_given_condition: Vector
    statements: tuple[Statement, ...]


def answer_model(tm: TriageModel, answers: OpenAnswers) -> AnswerModel:
    """P(answer | condition) under the answer model of lookahead.py."""
    statements = tuple(statement(tm, s) for s in answers.statements)
    weights = [s.weights for s in statements]
    if answers.first_that_applies:
        given = _first_that_applies(weights)
    else:
        totals = [math.fsum(column) for column in zip(*weights, strict=True)]
        given = [tuple(w / t for w, t in zip(row, totals, strict=True)) for row in weights]
    entropy = tuple(-sum(row[c] * math.log2(row[c]) for row in given if row[c] > 0.0)
                    for c in range(len(tm.conditions)))
    return AnswerModel(tuple(given), entropy, statements)


def _first_that_applies(weights: list[Vector]) -> list[Vector]:
    """Option i is picked when it applies and no earlier one does; the last takes the rest."""
    given: list[Vector] = []
    none_before = [1.0] * len(weights[0])
    for row in weights[:-1]:
        given.append(tuple(n * w for n, w in zip(none_before, row, strict=True)))
        none_before = [n * (1.0 - w) for n, w in zip(none_before, row, strict=True)]
    given.append(tuple(none_before))
    return given


def open_model(tm: TriageModel, question: Question,
               findings: Mapping[str, bool]) -> AnswerModel | None:
    """The answer model of a question as things stand, or None when its answer is known.

    It depends only on which of the question's own findings are known, so it is computed once
    per question and pattern of known findings.
    """
    ids = _finding_ids(tm, question.id)
    return _open_model(tm, question.id, tuple(findings.get(f) for f in ids))


@cache
def _finding_ids(tm: TriageModel, question_id: str) -> tuple[str, ...]:
    question = catalogue(tm.kb).questions[question_id]
    if question.kind == "yes_no":
        return (question.id,)
    return tuple(sorted({f for option in question.options for f in option.findings}))


@cache
def _open_model(tm: TriageModel, question_id: str,
                known: tuple[bool | None, ...]) -> AnswerModel | None:
    question = catalogue(tm.kb).questions[question_id]
    ids = _finding_ids(tm, question_id)
    findings = {f: v for f, v in zip(ids, known, strict=True) if v is not None}
    answers = open_answers(question, question_id in tm.screens, findings)
    return None if answers is None else answer_model(tm, answers)


def weigh(tm: TriageModel, now: Situation, question: Question) -> QuestionValue | None:
    """The question's information, urgency and stake, or None when its answer is known."""
    model = open_model(tm, question, now.findings)
    if model is None:
        return None
    p = now.probabilities
    chances = [_dot(p, row) for row in model.given_condition]
    information = max(0.0, _entropy(chances) - _dot(p, model.entropy_given_condition))
    urgency = _urgency_information(p, now, model.given_condition, chances)
    stake = 0.0
    raise_probability = 0.0
    for chance, answer in zip(chances, model.statements, strict=True):
        after = decision_after(tm, now, answer)
        stake += chance * after.regret(now.rank)
        if after.rank > now.rank:
            raise_probability += chance
    return QuestionValue(question.id, information, urgency, stake, raise_probability)


def _urgency_information(p: Vector, now: Situation, given: tuple[Vector, ...],
                         chances: list[float]) -> float:
    """I(U; A): what the answer tells about U, "the cause needs more urgent care than now"."""
    rank = now.rank
    above = [pc if need > rank else 0.0 for pc, need in zip(p, now.needs, strict=True)]
    p_above = sum(above)
    if p_above <= 0.0 or p_above >= 1.0:
        return 0.0
    joint_above = [_dot(above, row) for row in given]
    cells = [*joint_above, *(c - a for c, a in zip(chances, joint_above, strict=True))]
    margins = [p_above] * len(given) + [1.0 - p_above] * len(given)
    return max(0.0, sum(j * math.log2(j / (c * m)) for j, c, m in
                        zip(cells, chances + chances, margins, strict=True) if j > 0.0))


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum([x * y for x, y in zip(a, b, strict=True)])


def _entropy(chances: list[float]) -> float:
    return -sum(c * math.log2(c) for c in chances if c > 0.0)
