"""k of n: how often the training cases with a diagnosis had a finding, where they say."""

from __future__ import annotations

from collections.abc import Iterable

from popliteal.evaluation.vignettes import Vignette
from popliteal.knowledge.fitted import Counts


def finding_counts(vignettes: Iterable[Vignette]) -> dict[str, dict[str, Counts]]:
    """condition -> finding -> Counts, over the cases whose final diagnosis is the condition.

    Only a stated finding counts (present or a pertinent negative); an unlisted finding is
    unknown and adds nothing to either number.
    """
    present: dict[tuple[str, str], int] = {}
    stated: dict[tuple[str, str], int] = {}
    for vignette in vignettes:
        for finding_id, value in vignette.findings.items():
            key = (vignette.gold_condition, finding_id)
            stated[key] = stated.get(key, 0) + 1
            present[key] = present.get(key, 0) + int(value)
    table: dict[str, dict[str, Counts]] = {}
    for (condition_id, finding_id), n in sorted(stated.items()):
        table.setdefault(condition_id, {})[finding_id] = Counts(present[(condition_id, finding_id)], n)
    return table
