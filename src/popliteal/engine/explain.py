"""Why a condition ranks where it does: the findings for and against it, as likelihood ratios.

The ratio for a finding compares P(answer | condition) with P(answer | any other condition),
the other conditions weighted by their prior for this person.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from popliteal.engine.evidence import Patient
from popliteal.engine.posterior import prior_weight
from popliteal.knowledge import KnowledgeBase


class FindingWeight(BaseModel):
    model_config = ConfigDict(frozen=True)

    finding_id: str
    present: bool
    likelihood_ratio: float
    evidence: str
    text: str


class Explanation(BaseModel):
    model_config = ConfigDict(frozen=True)

    condition_id: str
    supporting: tuple[FindingWeight, ...]
    opposing: tuple[FindingWeight, ...]


def likelihood_ratio(kb: KnowledgeBase, patient: Patient, condition_id: str, finding_id: str,
                     present: bool) -> float:
    weights = {c: prior_weight(kb, c, patient) for c in kb.conditions if c != condition_id}
    total = sum(weights.values())

    def p_answer(c: str) -> float:
        p = kb.likelihood(c, finding_id).p
        return p if present else 1.0 - p

    others = sum(w * p_answer(c) for c, w in weights.items()) / total
    return p_answer(condition_id) / others


def _negated(wording: str) -> str:
    return f"No {wording[0].lower()}{wording[1:]}"


def explain(kb: KnowledgeBase, patient: Patient, condition_id: str,
            findings: Mapping[str, bool], limit: int = 6) -> Explanation:
    weights: list[FindingWeight] = []
    for finding_id, present in sorted(findings.items()):
        ratio = likelihood_ratio(kb, patient, condition_id, finding_id, present)
        finding = kb.findings[finding_id]
        weights.append(FindingWeight(
            finding_id=finding_id, present=present, likelihood_ratio=round(ratio, 3),
            evidence=kb.likelihood(condition_id, finding_id).evidence,
            text=finding.clinician if present else _negated(finding.clinician),
        ))
    supporting = sorted((w for w in weights if w.likelihood_ratio > 1.05),
                        key=lambda w: -w.likelihood_ratio)[:limit]
    opposing = sorted((w for w in weights if w.likelihood_ratio < 0.95),
                      key=lambda w: w.likelihood_ratio)[:limit]
    return Explanation(condition_id=condition_id, supporting=tuple(supporting),
                       opposing=tuple(opposing))
