"""A brute-force reference posterior, written for clarity rather than speed.

It applies Bayes' rule literally, with exact fractions, straight from the knowledge base.
Tests compare the fast engine with it; it is not used in production.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from popliteal.engine.evidence import Patient
from popliteal.engine.posterior import prior_weight
from popliteal.knowledge import KnowledgeBase


def reference_posterior(kb: KnowledgeBase, patient: Patient,
                        findings: Mapping[str, bool]) -> dict[str, float]:
    joint: dict[str, Fraction] = {}
    for condition_id in kb.conditions:
        probability = Fraction(prior_weight(kb, condition_id, patient))
        for finding_id, present in findings.items():
            p = Fraction(kb.likelihood(condition_id, finding_id).p)
            probability *= p if present else 1 - p
        joint[condition_id] = probability
    evidence = sum(joint.values())
    return {condition_id: float(value / evidence) for condition_id, value in joint.items()}
