"""The development vignettes in narrative mode: the free-text reader, then the interview.

The engine starts from what the reader understood of each narrative (not from the
vignette's ``narrative_findings``), then the simulated patient answers as in interview mode.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from popliteal.evaluation.report import as_json, metrics_table
from popliteal.evaluation.runner import EvaluationRun, evaluate
from popliteal.evaluation.vignettes import Vignette, load_vignettes
from popliteal.knowledge import KnowledgeBase, load_knowledge_base
from popliteal.text import read_narrative

DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"
KB = load_knowledge_base()
VIGNETTES = load_vignettes([DEV], KB)


@pytest.fixture(scope="module")
def narrative_run(kb: KnowledgeBase) -> EvaluationRun:
    return evaluate(kb, VIGNETTES, "narrative")


@pytest.fixture(scope="module")
def interview_run(kb: KnowledgeBase) -> EvaluationRun:
    return evaluate(kb, VIGNETTES, "interview")


def test_narrative_mode_is_within_three_points_of_interview_mode(
        narrative_run: EvaluationRun, interview_run: EvaluationRun) -> None:
    assert narrative_run.metrics.top3 >= interview_run.metrics.top3 - 0.03


def test_narrative_mode_sends_every_emergency_to_an_emergency(
        narrative_run: EvaluationRun) -> None:
    assert narrative_run.metrics.emergency_sensitivity == 1.0


def test_narrative_mode_reports_extraction_in_the_table_and_the_json(
        narrative_run: EvaluationRun) -> None:
    metrics = as_json(narrative_run)["metrics"]
    assert {"extraction_precision", "extraction_recall", "extraction_f1"} <= set(metrics)
    assert metrics["extraction_f1"] >= 0.85
    console = Console(record=True, width=120)
    console.print(metrics_table(narrative_run))
    assert "extraction precision / recall / F1" in console.export_text()


@pytest.mark.parametrize("vignette", VIGNETTES[:5], ids=lambda v: v.id)
def test_each_vignette_starts_from_what_the_reader_understood(
        vignette: Vignette, narrative_run: EvaluationRun) -> None:
    outcome = next(o for o in narrative_run.outcomes if o.vignette_id == vignette.id)
    read = read_narrative(vignette.narrative).findings
    want = vignette.narrative_findings
    expected = (len(set(read.items()) & set(want.items())),
                len(set(read.items()) - set(want.items())),
                len(set(want.items()) - set(read.items())))
    assert outcome.extraction == expected
