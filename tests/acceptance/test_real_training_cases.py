"""The real training cases: no emergency missed beyond the known defects, and the figures reached.

The training part is what the knowledge base learns from, so its figures guard against
regressions; the test part (vignettes/real/test) measures a release and is not asserted on
here. Each emergency is its own test, so a miss is named on its own line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.evaluation.runner import EvaluationRun, evaluate
from popliteal.evaluation.vignettes import Vignette, load_vignettes
from popliteal.knowledge import KnowledgeBase, load_knowledge_base

TRAIN = Path(__file__).resolve().parents[2] / "vignettes" / "real" / "train"
KB = load_knowledge_base()
VIGNETTES = load_vignettes([TRAIN], KB)
EMERGENCIES = [v for v in VIGNETTES if v.gold_triage.is_emergency]
# Emergencies the knowledge base still misses, each a defect named in general terms. A new miss
# fails; a fixed one fails too, until it leaves this list.
KNOWN_MISSES: dict[str, frozenset[str]] = {
    # A ruptured popliteal aneurysm that looks like an inflamed, swollen knee; a spontaneous calf
    # bleed (acquired haemophilia) that looks like a worsening clot.
    "full": frozenset({"real2-vasc-008", "real2-venous-019"}),
    # The same two, and two threatened limbs whose one telling sign is the foot pulses, which a
    # person cannot check at home.
    "interview": frozenset({"real2-vasc-008", "real2-venous-019", "real2-vasc-009",
                            "real2-vasc-015"}),
    "narrative": frozenset({"real2-vasc-008", "real2-venous-019"}),
}


@pytest.fixture(scope="module", params=["full", "interview", "narrative"])
def run(request: pytest.FixtureRequest, kb: KnowledgeBase) -> EvaluationRun:
    return evaluate(kb, VIGNETTES, request.param)


def test_the_training_part_has_real_cases_of_every_condition_but_a_few_rare_ones() -> None:
    assert len(VIGNETTES) >= 280
    assert len({v.gold_condition for v in VIGNETTES}) >= 30


def test_no_emergency_is_missed_beyond_the_known_defects_in_any_mode(run: EvaluationRun) -> None:
    missed = {o.vignette_id for o in run.outcomes if o.gold_is_emergency and not o.level.is_emergency}
    assert missed == KNOWN_MISSES[run.mode]


def test_the_figures_reached_on_the_training_part_hold(run: EvaluationRun) -> None:
    m = run.metrics
    assert m.safe_triage >= 0.92
    assert m.top3 >= (0.85 if run.mode == "full" else 0.75)


@pytest.mark.parametrize("vignette", [
    pytest.param(v, marks=pytest.mark.xfail(strict=True, reason="a known miss (KNOWN_MISSES)"))
    if v.id in KNOWN_MISSES["full"] else v for v in EMERGENCIES], ids=lambda v: v.id)
def test_each_real_emergency_is_an_emergency_in_full_mode(vignette: Vignette,
                                                        kb: KnowledgeBase) -> None:
    [outcome] = evaluate(kb, [vignette], "full").outcomes
    assert outcome.level.is_emergency, outcome.level_reasons
