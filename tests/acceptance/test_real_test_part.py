"""The test part of the real-case corpus loads and runs in every mode.

Its figures are not asserted here: the test part measures a release, rarely, and each
measurement is logged in vignettes/real/test-log.md. Running it keeps a broken case, an id the
knowledge base no longer knows or a harness fault from going unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from popliteal.evaluation.runner import evaluate
from popliteal.evaluation.vignettes import load_vignettes
from popliteal.knowledge import KnowledgeBase

TEST_PART = Path(__file__).resolve().parents[2] / "vignettes" / "real" / "test"


@pytest.mark.parametrize("mode", ["full", "interview", "narrative"])
def test_every_case_of_the_test_part_gives_an_assessment(mode: str, kb: KnowledgeBase) -> None:
    vignettes = load_vignettes([TEST_PART], kb)
    run = evaluate(kb, vignettes, mode)
    assert len(run.outcomes) == len(vignettes) >= 70
    assert run.metrics.count == len(vignettes)
