"""Posterior probability of each condition, in log space.

A naive-Bayes model: findings are independent given the condition. Present findings add
log p, absent findings add log(1 - p), unknown findings add nothing. The model is compiled
once per knowledge base into per-finding columns so one assessment is a few hundred additions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from popliteal.engine.evidence import Patient
from popliteal.knowledge import KnowledgeBase


@dataclass(frozen=True, eq=False)
class CompiledModel:
    """Log-likelihood columns per finding and the condition order they follow."""

    kb: KnowledgeBase
    condition_ids: tuple[str, ...]
    log_if_present: dict[str, tuple[float, ...]]
    log_if_absent: dict[str, tuple[float, ...]]


@cache
def compile_model(kb: KnowledgeBase) -> CompiledModel:
    condition_ids = tuple(sorted(kb.conditions))
    present: dict[str, tuple[float, ...]] = {}
    absent: dict[str, tuple[float, ...]] = {}
    for finding_id in kb.findings:
        ps = [kb.likelihood(c, finding_id).p for c in condition_ids]
        present[finding_id] = tuple(math.log(p) for p in ps)
        absent[finding_id] = tuple(math.log1p(-p) for p in ps)
    return CompiledModel(kb, condition_ids, present, absent)


def prior_weight(kb: KnowledgeBase, condition_id: str, patient: Patient) -> float:
    """The unnormalised prior of a condition for this person's age and sex."""
    condition = kb.conditions[condition_id]
    weight = condition.prior.p
    for band in condition.age:
        if band.applies(patient.age):
            weight *= band.factor
    sex_factor = condition.sex.get(patient.sex)
    if sex_factor is not None:
        weight *= sex_factor.factor
    return weight


def log_priors(model: CompiledModel, patient: Patient) -> list[float]:
    return [math.log(prior_weight(model.kb, c, patient)) for c in model.condition_ids]


def posterior(model: CompiledModel, patient: Patient,
              findings: Mapping[str, bool]) -> dict[str, float]:
    """P(condition | age, sex, findings) for every condition; the values sum to 1."""
    scores = log_priors(model, patient)
    for finding_id in sorted(findings):
        column = (model.log_if_present if findings[finding_id] else model.log_if_absent)[finding_id]
        scores = [s + v for s, v in zip(scores, column, strict=True)]
    return dict(zip(model.condition_ids, normalise_log(scores), strict=True))


def tempered(probabilities: Mapping[str, float], temperature: float) -> dict[str, float]:
    """The posterior raised to 1 / temperature and normalised again: the probabilities stated.

    Naive Bayes counts correlated findings as if each were new evidence and grows surer than it
    is right; a temperature fitted on real cases (fitted.yaml) brings the stated probabilities
    back to how often they come true. The order of the causes does not change, and the level
    of care is weighed on the model's own posterior, with its own loss matrix.
    """
    if temperature == 1.0:
        return dict(probabilities)
    ids = list(probabilities)
    logs = [math.log(max(probabilities[c], 1e-300)) / temperature for c in ids]
    return dict(zip(ids, normalise_log(logs), strict=True))


def normalise_log(scores: list[float]) -> list[float]:
    """Exponentiate and normalise log scores without overflow (log-sum-exp)."""
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = math.fsum(weights)
    return [w / total for w in weights]


def ranked(probabilities: Mapping[str, float]) -> list[tuple[str, float]]:
    """Conditions from most to least probable; ties broken by id so the order is stable."""
    return sorted(probabilities.items(), key=lambda item: (-item[1], item[0]))
