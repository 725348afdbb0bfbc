"""Blend counts from real cases and a leak into the expert likelihoods.

One function does it for the loader (from the committed counts) and for fitting (from the
counts of a training fold), so the engine always runs on numbers made the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from popliteal.knowledge.model import Cited, Fit

if TYPE_CHECKING:
    from popliteal.knowledge.loader import KnowledgeBase

class Counts(NamedTuple):
    """k of the n cases with a condition that state a finding either way had it present."""

    k: int
    n: int


CountTable = Mapping[str, Mapping[str, Counts]]  # condition -> finding -> Counts
NO_COUNTS = Counts(0, 0)


def apply_fit(expert: KnowledgeBase, counts: CountTable, weight: float,
              leak: float = 0.0) -> KnowledgeBase:
    """``expert`` with every listed or counted pair refitted: p = (1 - leak) * blend + leak * d.

    A pair that is neither listed nor counted keeps the finding's default d, which the leak
    leaves unchanged.
    """
    table: dict[str, dict[str, Cited]] = {}
    for condition_id in expert.conditions:
        listed = expert.likelihoods.get(condition_id, {})
        counted = counts.get(condition_id, {})
        row: dict[str, Cited] = {}
        for finding_id in sorted(set(listed) | set(counted)):
            row[finding_id] = _refit(expert, condition_id, finding_id,
                                     counted.get(finding_id, NO_COUNTS), weight, leak)
        table[condition_id] = row
    return dataclasses.replace(expert, likelihoods=table)


def _refit(expert: KnowledgeBase, condition_id: str, finding_id: str, counts: Counts,
           weight: float, leak: float) -> Cited:
    cited = expert.likelihood(condition_id, finding_id)
    k, n = counts
    if n == 0 and leak == 0.0:
        return cited
    fit = Fit(prior=cited.p, k=k, n=n, weight=weight, leak=leak,
              background=expert.findings[finding_id].default.p)
    return cited.model_copy(update={"p": fit.p, "fit": fit})
