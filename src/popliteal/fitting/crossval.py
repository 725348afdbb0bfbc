"""Choose the expert estimates' weight and the leak by cross-validation on the training cases.

The cases are dealt into folds within each final diagnosis (in id order, so the folds are the
same every run). For each candidate setting, each fold is scored with numbers fitted on the
other folds: the mean log loss of the probability given to an acceptable diagnosis (the
criterion), and top-1 and top-3 accuracy (reported beside it).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from popliteal.engine.evidence import Patient
from popliteal.engine.posterior import compile_model, posterior, ranked
from popliteal.evaluation.vignettes import Vignette
from popliteal.fitting.counts import finding_counts
from popliteal.fitting.refit import with_counts
from popliteal.knowledge import KnowledgeBase

WEIGHTS: tuple[float, ...] = (1, 2, 4, 8, 16, 32, 64, 1024)
LEAKS: tuple[float, ...] = (0.0, 0.02, 0.05, 0.1, 0.2)
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
    model = compile_model(kb)
    losses, top1, top3 = [], 0, 0
    for v in vignettes:
        probabilities = posterior(model, Patient(age=v.age, sex=v.sex), v.findings)
        order = [c for c, _ in ranked(probabilities)]
        losses.append(-math.log(max(FLOOR, sum(probabilities[c] for c in v.acceptable))))
        top1 += order[0] in v.acceptable
        top3 += any(c in v.acceptable for c in order[:3])
    n = len(vignettes)
    return FoldScore(math.fsum(losses) / n, top1 / n, top3 / n)


def cross_validate(expert: KnowledgeBase, vignettes: Sequence[Vignette], weight: float,
                   leak: float) -> FoldScore:
    parts = [p for p in folds(vignettes) if p]
    total = len(vignettes)
    log_loss = top1 = top3 = 0.0
    for index, held_out in enumerate(parts):
        rest = [v for j, part in enumerate(parts) if j != index for v in part]
        fold = score(with_counts(expert, finding_counts(rest), weight, leak), held_out)
        share = len(held_out) / total
        log_loss += fold.log_loss * share
        top1 += fold.top1 * share
        top3 += fold.top3 * share
    return FoldScore(round(log_loss, 4), round(top1, 4), round(top3, 4))


def choose_setting(expert: KnowledgeBase, vignettes: Sequence[Vignette],
                   weights: Sequence[float] = WEIGHTS,
                   leaks: Sequence[float] = LEAKS) -> tuple[Setting, list[Setting]]:
    """The setting with the least cross-validated log loss, and every setting's scores.

    Ties go to the heavier weight and the smaller leak: the numbers closest to the experts'.
    """
    settings = [Setting(w, leak, cross_validate(expert, vignettes, w, leak))
                for w in weights for leak in leaks]
    best = min(settings, key=lambda s: (s.score.log_loss, -s.weight, s.leak))
    return best, settings
