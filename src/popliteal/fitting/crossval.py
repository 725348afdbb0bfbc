"""Choose the expert estimates' weight, the leak and the temperature by cross-validation.

Only training cases are used. They are dealt into folds within each final diagnosis (in id
order, so the folds are the same every run). For each candidate setting, each fold is scored
with numbers fitted on the other folds: the mean log loss of the probability given to an
acceptable diagnosis (the criterion), and top-1 and top-3 accuracy (reported beside it).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from popliteal.engine.evidence import Patient
from popliteal.engine.posterior import compile_model, posterior, ranked, tempered
from popliteal.evaluation.vignettes import Vignette
from popliteal.fitting.counts import finding_counts
from popliteal.knowledge import KnowledgeBase
from popliteal.knowledge.fitted import apply_fit

WEIGHTS: tuple[float, ...] = (2, 4, 8, 16, 32, 1024)
LEAKS: tuple[float, ...] = (0.0, 0.05, 0.1, 0.2)
TEMPERATURES: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0, 2.5)
FOLDS = 5
FLOOR = 1e-6


@dataclass(frozen=True)
class FoldScore:
    log_loss: float
    top1: float
    top3: float


@dataclass(frozen=True)
class Setting:
    weight: float
    leak: float
    temperature: float
    score: FoldScore


def folds(vignettes: Sequence[Vignette], k: int = FOLDS) -> list[list[Vignette]]:
    by_condition: dict[str, list[Vignette]] = defaultdict(list)
    for vignette in sorted(vignettes, key=lambda v: v.id):
        by_condition[vignette.gold_condition].append(vignette)
    dealt: list[list[Vignette]] = [[] for _ in range(k)]
    position = 0
    for condition_id in sorted(by_condition):
        for vignette in by_condition[condition_id]:
            dealt[position % k].append(vignette)
            position += 1
    return dealt


def score(kb: KnowledgeBase, vignettes: Sequence[Vignette]) -> FoldScore:
    """How well ``kb``'s stated probabilities fit the vignettes' diagnoses."""
    return _scored(vignettes, _posteriors(kb, vignettes), kb.temperature)


def _posteriors(kb: KnowledgeBase, vignettes: Sequence[Vignette]) -> list[dict[str, float]]:
    model = compile_model(kb)
    return [posterior(model, Patient(age=v.age, sex=v.sex), v.findings) for v in vignettes]


def _scored(vignettes: Sequence[Vignette], posteriors: Sequence[dict[str, float]],
            temperature: float) -> FoldScore:
    losses, top1, top3 = [], 0, 0
    for v, raw in zip(vignettes, posteriors, strict=True):
        probabilities = tempered(raw, temperature)
        order = [c for c, _ in ranked(probabilities)]
        losses.append(-math.log(max(FLOOR, sum(probabilities[c] for c in v.acceptable))))
        top1 += order[0] in v.acceptable
        top3 += any(c in v.acceptable for c in order[:3])
    n = len(vignettes)
    return FoldScore(math.fsum(losses) / n, top1 / n, top3 / n)


def cross_validate(expert: KnowledgeBase, vignettes: Sequence[Vignette], weight: float,
                   leak: float, temperatures: Sequence[float] = (1.0,)) -> dict[float, FoldScore]:
    """Each temperature's score, every fold scored with numbers fitted on the other folds.

    The temperature only tempers the posterior, so each fold's posteriors are computed once.
    """
    parts = [p for p in folds(vignettes) if p]
    total = len(vignettes)
    sums = {t: [0.0, 0.0, 0.0] for t in temperatures}
    for index, held_out in enumerate(parts):
        rest = [v for j, part in enumerate(parts) if j != index for v in part]
        raw = _posteriors(apply_fit(expert, finding_counts(rest), weight, leak), held_out)
        share = len(held_out) / total
        for t in temperatures:
            fold = _scored(held_out, raw, t)
            for i, value in enumerate((fold.log_loss, fold.top1, fold.top3)):
                sums[t][i] += value * share
    return {t: FoldScore(round(a, 4), round(b, 4), round(c, 4)) for t, (a, b, c) in sums.items()}


def choose_setting(expert: KnowledgeBase, vignettes: Sequence[Vignette],
                   weights: Sequence[float] = WEIGHTS, leaks: Sequence[float] = LEAKS,
                   temperatures: Sequence[float] = TEMPERATURES) -> tuple[Setting, list[Setting]]:
    """The setting with the least cross-validated log loss, and every setting's scores.

    Ties go to the heavier weight, the smaller leak and the lower temperature: the numbers
    closest to the experts'.
    """
    settings = [Setting(w, leak, t, s) for w in weights for leak in leaks
                for t, s in cross_validate(expert, vignettes, w, leak, temperatures).items()]
    best = min(settings, key=lambda s: (s.score.log_loss, -s.weight, s.leak, s.temperature))
    return best, settings
