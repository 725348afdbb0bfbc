"""Run a vignette set in one mode and return structured results (rendering is separate)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from popliteal.errors import InvalidInputError
from popliteal.evaluation.metrics import Metrics, Outcome, compute_metrics, outcome_of
from popliteal.evaluation.modes import MODES
from popliteal.evaluation.vignettes import Vignette
from popliteal.knowledge import KnowledgeBase


@dataclass(frozen=True)
class EvaluationRun:
    mode: str
    knowledge_base: str
    outcomes: tuple[Outcome, ...]
    metrics: Metrics

    @property
    def misses(self) -> tuple[Outcome, ...]:
        """Vignettes that missed the top three or were under-triaged."""
        return tuple(o for o in self.outcomes if not o.top3 or not o.safe)


def evaluate(kb: KnowledgeBase, vignettes: Sequence[Vignette], mode: str) -> EvaluationRun:
    runner = MODES.get(mode)
    if runner is None:
        raise InvalidInputError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}",
                                field="mode")
    outcomes = tuple(outcome_of(v, runner(kb, v)) for v in vignettes)
    return EvaluationRun(mode=mode, knowledge_base=kb.label, outcomes=outcomes,
                         metrics=compute_metrics(outcomes))
