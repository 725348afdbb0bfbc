"""The development vignettes in interview mode reach the figures the project commits to.

The simulated patient answers from each vignette's findings (evaluation/simulated_patient.py);
the interview starts from the narrative's findings and stops by its own rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.evaluation.runner import EvaluationRun, evaluate
from popliteal.evaluation.vignettes import Vignette, load_vignettes
from popliteal.interview.policy import MAX_QUESTIONS
from popliteal.knowledge import KnowledgeBase, load_knowledge_base

DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"
KB = load_knowledge_base()
VIGNETTES = load_vignettes([DEV], KB)


@pytest.fixture(scope="module")
def interview_run(kb: KnowledgeBase) -> EvaluationRun:
    return evaluate(kb, VIGNETTES, "interview")


@pytest.fixture(scope="module")
def full_run(kb: KnowledgeBase) -> EvaluationRun:
    return evaluate(kb, VIGNETTES, "full")


def test_interview_mode_is_nearly_as_accurate_as_full_mode(interview_run: EvaluationRun,
                                                           full_run: EvaluationRun) -> None:
    assert interview_run.metrics.top3 >= full_run.metrics.top3 - 0.03


def test_interview_mode_is_safe(interview_run: EvaluationRun) -> None:
    assert interview_run.metrics.emergency_sensitivity == 1.0
    assert interview_run.metrics.safe_triage >= 0.97


def test_interview_mode_needs_few_questions(interview_run: EvaluationRun) -> None:
    m = interview_run.metrics
    assert m.questions_median is not None and m.questions_median <= 10
    assert m.questions_p90 is not None and m.questions_p90 <= MAX_QUESTIONS


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.id)
def test_no_emergency_is_sent_anywhere_but_an_emergency(vignette: Vignette,
                                                        interview_run: EvaluationRun) -> None:
    outcome = next(o for o in interview_run.outcomes if o.vignette_id == vignette.id)
    assert outcome.questions is not None and outcome.questions <= MAX_QUESTIONS
    if vignette.gold_triage.is_emergency:
        assert outcome.level.is_emergency
