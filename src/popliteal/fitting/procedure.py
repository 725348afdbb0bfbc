"""The whole fitting procedure, from the training part to the fitted file's text.

Deterministic: the same knowledge base and training part give the same file byte for byte,
so a test can regenerate it and fail when the committed one is stale.
"""

from __future__ import annotations

from pathlib import Path

from popliteal.corpus.testpart import content_hash
from popliteal.evaluation.vignettes import load_vignettes
from popliteal.fitting.counts import finding_counts
from popliteal.fitting.crossval import FOLDS, choose_setting, score
from popliteal.fitting.refit import fitted_document, fitted_text
from popliteal.knowledge import KnowledgeBase, default_data_dir, load_knowledge_base_from

FITTED_FILE = "fitted.yaml"


def expert_knowledge_base(directory: Path | None = None) -> KnowledgeBase:
    """The knowledge base with its expert numbers only: where fitting starts."""
    return load_knowledge_base_from(directory or default_data_dir(), fitted=False)


def fitted_file_text(train: Path, directory: Path | None = None) -> str:
    expert = expert_knowledge_base(directory)
    vignettes = load_vignettes([train], expert)
    best, settings = choose_setting(expert, vignettes)
    document = fitted_document(finding_counts(vignettes), best.weight, best.leak,
                               best.temperature, content_hash(train))
    table = [("expert", "-", "1", score(expert, vignettes))]
    table += [(f"{s.weight:g}", f"{s.leak:g}", f"{s.temperature:g}", s.score) for s in settings]
    return fitted_text(document, table, FOLDS, len(vignettes))
