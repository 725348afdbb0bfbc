"""A brute-force reference for the value of a question, written for clarity, not speed.

It builds the joint table P(condition, answer) straight from the definitions: the exact
posterior of engine/reference.py, the answer model spelled out (a screen by enumerating every
combination of signs that could apply), and the decision after each answer (its level, its
expected losses and the floors set by rules and scores) from a full ``run_assessment``.
Tests compare value.py with it; the interview never uses it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import product
from typing import TypeVar

from popliteal.engine.assessment import run_assessment
from popliteal.engine.evidence import Patient, present_findings
from popliteal.engine.reference import reference_posterior
from popliteal.engine.triage import TriageDecision, loss
from popliteal.interview.value import OpenAnswers, QuestionValue
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

X = TypeVar("X")


def reference_value(kb: KnowledgeBase, patient: Patient, findings: Mapping[str, bool],
                    question_id: str, answers: OpenAnswers) -> QuestionValue:
    prior = reference_posterior(kb, patient, findings)
    joint = {(c, a): prior[c] * p for c in prior
             for a, p in enumerate(_answer_given(kb, c, answers))}
    now = run_assessment(kb, patient, findings).level
    decisions = [run_assessment(kb, patient, {**findings, **s}).triage for s in answers.statements]
    after = [d.level for d in decisions]
    chance = [sum(joint[c, a] for c in prior) for a in range(len(answers.statements))]
    present = present_findings(findings)
    above = {c for c in prior if kb.conditions[c].needed_level(present) > now}
    urgent = {(u, a): math.fsum(joint[c, a] for c in prior if (c in above) == u)
              for u in (True, False) for a in range(len(answers.statements))}
    return QuestionValue(
        question_id=question_id,
        information=_mutual_information(joint),
        urgency=_mutual_information(urgent),
        stake=sum(p * _regret(now, d) for p, d in zip(chance, decisions, strict=True)),
        raise_probability=sum(p for p, level in zip(chance, after, strict=True) if level > now),
    )


def _regret(level: Level, decision: TriageDecision) -> float:
    """How much worse ``level`` is than the decision: by expected loss, or below a rule's floor."""
    model = max(0.0, decision.expected_loss[level] - decision.expected_loss[decision.level])
    floors = [r.level for r in decision.reasons if r.kind != "expected_loss"]
    floor = max(floors) if floors else None
    rule = loss(level, floor) if floor is not None and floor > level else 0.0
    return max(model, rule)


def _answer_given(kb: KnowledgeBase, condition_id: str, answers: OpenAnswers) -> list[float]:
    """P(answer | condition) for each open answer, from the definition of the answer model."""
    applies = [_all_hold(kb, condition_id, s) for s in answers.statements]
    if not answers.first_that_applies:
        return [a / sum(applies) for a in applies]
    given = [0.0] * len(applies)
    signs = applies[:-1]
    for pattern in product((True, False), repeat=len(signs)):
        weight = math.prod(p if on else 1.0 - p for p, on in zip(signs, pattern, strict=True))
        first = next((i for i, on in enumerate(pattern) if on), len(signs))
        given[first] += weight
    return given


def _all_hold(kb: KnowledgeBase, condition_id: str, stated: Mapping[str, bool]) -> float:
    return math.prod(kb.likelihood(condition_id, f).p if v else 1.0 - kb.likelihood(condition_id, f).p
                     for f, v in stated.items())


def _mutual_information(joint: Mapping[tuple[X, int], float]) -> float:
    """I(X; A) in bits from a joint table over (x, answer)."""
    total = sum(joint.values())
    xs: dict[X, float] = {}
    answers: dict[int, float] = {}
    for (x, a), p in joint.items():
        xs[x] = xs.get(x, 0.0) + p / total
        answers[a] = answers.get(a, 0.0) + p / total
    return sum((p / total) * math.log2((p / total) / (xs[x] * answers[a]))
               for (x, a), p in joint.items() if p > 0.0)
