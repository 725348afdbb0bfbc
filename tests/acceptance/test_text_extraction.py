"""The free-text reader against the development vignettes' ``narrative_findings``.

Every vignette is its own test that the reader never states the opposite of what the case
says (its ``findings``); the whole set is held to the project's extraction targets, id and
polarity both counting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.evaluation.metrics import extraction_counts
from popliteal.evaluation.vignettes import Vignette, load_vignettes
from popliteal.knowledge import load_knowledge_base
from popliteal.text import read_narrative

DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"
VIGNETTES = [v for v in load_vignettes([DEV], load_knowledge_base()) if v.narrative]


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.id)
def test_the_reader_never_contradicts_the_case(vignette: Vignette) -> None:
    read = read_narrative(vignette.narrative).findings
    contradicted = {k: v for k, v in read.items() if vignette.findings.get(k, v) != v}
    assert contradicted == {}


def _totals() -> tuple[float, float, float]:
    tp = fp = fn = 0
    for vignette in VIGNETTES:
        a, b, c = extraction_counts(read_narrative(vignette.narrative).findings,
                                    vignette.narrative_findings)
        tp, fp, fn = tp + a, fp + b, fn + c
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_extraction_meets_the_precision_and_f1_targets() -> None:
    precision, _recall, f1 = _totals()
    assert precision >= 0.90
    assert f1 >= 0.85
