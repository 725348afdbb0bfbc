"""Fitting P(finding | condition) from real training cases on top of the expert estimates.

The expert number is a Beta prior worth ``weight`` cases; the training cases with each final
diagnosis add what they state. The weight is chosen by cross-validation on the training part
only. Priors are not fitted: case reports are published because they are unusual, so their
mix of diagnoses says nothing about how often each cause is seen.
"""

from popliteal.fitting.counts import finding_counts
from popliteal.fitting.crossval import (
    FOLDS,
    LEAKS,
    TEMPERATURES,
    WEIGHTS,
    FoldScore,
    Setting,
    choose_setting,
    score,
)
from popliteal.fitting.refit import fitted_document, fitted_text

__all__ = [
    "FOLDS",
    "LEAKS",
    "TEMPERATURES",
    "WEIGHTS",
    "FoldScore",
    "Setting",
    "choose_setting",
    "finding_counts",
    "fitted_document",
    "fitted_text",
    "score",
]
