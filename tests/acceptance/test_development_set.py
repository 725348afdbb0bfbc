"""The development vignettes in full mode reach the figures the project commits to.

Each vignette is also its own test of the harness contract (it loads and runs), so a broken
vignette is named on its own line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.evaluation.runner import EvaluationRun, evaluate
from popliteal.evaluation.vignettes import Vignette, load_vignettes
from popliteal.knowledge import KnowledgeBase, load_knowledge_base

DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"
KB = load_knowledge_base()
VIGNETTES = load_vignettes([DEV], KB)


@pytest.fixture(scope="module")
def full_run(kb: KnowledgeBase) -> EvaluationRun:
    return evaluate(kb, VIGNETTES, "full")


def test_the_development_set_has_at_least_forty_vignettes_and_every_condition() -> None:
    assert len(VIGNETTES) >= 40
    assert {v.gold_condition for v in VIGNETTES} == set(KB.conditions)


def test_full_mode_meets_the_accuracy_and_safety_targets(full_run: EvaluationRun) -> None:
    m = full_run.metrics
    assert m.top1 >= 0.85
    assert m.top3 >= 0.97
    assert m.emergency_sensitivity == 1.0
    assert m.safe_triage >= 0.97
    assert m.over_triage <= 0.25


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.id)
def test_no_emergency_vignette_is_sent_anywhere_but_an_emergency(vignette: Vignette,
                                                                full_run: EvaluationRun) -> None:
    outcome = next(o for o in full_run.outcomes if o.vignette_id == vignette.id)
    if vignette.gold_triage.is_emergency:
        assert outcome.level.is_emergency
