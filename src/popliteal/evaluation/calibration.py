"""How well the stated probabilities match what happened, as plain numbers (no plotting).

* ``brier``: the multi-class Brier score of one vignette, the sum over every condition of
  ``(p_c - y_c) ** 2``. The target ``y`` shares one unit of truth equally over the acceptable
  conditions (the gold condition and ``also_acceptable``), so a vignette with two acceptable
  answers is scored against 1/2 on each. 0 is a perfect forecast; a uniform forecast over
  ``K`` conditions with one acceptable answer scores ``1 - 1/K``; the worst possible is 2.
* ``ece``: the expected calibration error of the top-1 stated probability against top-1
  correctness. Forecasts fall into ten equal-width bins of stated probability, each bin
  ``[lower, upper)`` except the last, which also holds 1.0; ECE is the mean, weighted by
  bin count, of ``|mean stated - share correct|``.

The confusion counts behind the report's figures live here too, so every number a figure
shows is computed, and tested, without matplotlib.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from popliteal.levels import LEVELS, Level

if TYPE_CHECKING:  # metrics imports this module for brier and ece
    from popliteal.evaluation.metrics import Outcome

BINS = 10


def brier(posterior: Mapping[str, float], acceptable: Collection[str]) -> float:
    """A condition missing from ``posterior`` counts as stated 0, so the score stays exact."""
    if not acceptable:
        raise ValueError("a vignette needs at least one acceptable condition")
    target = 1.0 / len(acceptable)
    conditions = set(posterior) | set(acceptable)
    return sum((posterior.get(c, 0.0) - (target if c in acceptable else 0.0)) ** 2
               for c in conditions)


@dataclass(frozen=True)
class ReliabilityBin:
    """One bin of stated top-1 probability; the means are None when no forecast fell in it."""

    lower: float
    upper: float
    count: int
    mean_stated: float | None
    share_correct: float | None

    def __post_init__(self) -> None:
        if not 0.0 <= self.lower < self.upper <= 1.0:
            raise ValueError(f"bin edges must satisfy 0 <= lower < upper <= 1, got "
                             f"{self.lower}, {self.upper}")
        if (self.count == 0) != (self.mean_stated is None) or \
                (self.mean_stated is None) != (self.share_correct is None):
            raise ValueError("an empty bin has no means and a filled bin has both")

    @property
    def gap(self) -> float:
        """How far the bin's stated probability is from what happened (0 when empty)."""
        if self.mean_stated is None or self.share_correct is None:
            return 0.0
        return abs(self.mean_stated - self.share_correct)


def _bin_index(probability: float, edges: Sequence[float]) -> int:
    """Comparing with the edges themselves keeps 0.3 in [0.3, 0.4), where float maths may not."""
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"a stated probability must lie in [0, 1], got {probability}")
    return min(bisect.bisect_right(edges, probability) - 1, len(edges) - 2)


def reliability_bins(forecasts: Iterable[tuple[float, bool]], bins: int = BINS) -> tuple[ReliabilityBin, ...]:
    """Group (stated top-1 probability, top-1 was right) pairs into equal-width bins."""
    edges = [i / bins for i in range(bins + 1)]
    members: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for probability, correct in forecasts:
        members[_bin_index(probability, edges)].append((probability, correct))
    return tuple(_summarise(edges[i], edges[i + 1], group) for i, group in enumerate(members))


def _summarise(lower: float, upper: float, group: Sequence[tuple[float, bool]]) -> ReliabilityBin:
    if not group:
        return ReliabilityBin(lower, upper, 0, None, None)
    return ReliabilityBin(lower, upper, len(group),
                          mean_stated=sum(p for p, _ in group) / len(group),
                          share_correct=sum(c for _, c in group) / len(group))


def expected_calibration_error(bins: Sequence[ReliabilityBin]) -> float:
    """0 for no forecasts, so an empty run reads as nothing wrong rather than failing."""
    total = sum(b.count for b in bins)
    return sum(b.count * b.gap for b in bins) / total if total else 0.0


def ece(forecasts: Iterable[tuple[float, bool]], bins: int = BINS) -> float:
    return expected_calibration_error(reliability_bins(forecasts, bins))


@dataclass(frozen=True)
class Confusion:
    """Counts of (gold, given) pairs: ``counts[row][column]``, rows gold, columns given."""

    labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def __post_init__(self) -> None:
        if len(set(self.labels)) != len(self.labels):
            raise ValueError("confusion labels must be distinct")
        if len(self.counts) != len(self.labels) or any(len(r) != len(self.labels) for r in self.counts):
            raise ValueError("a confusion matrix is square, one row and column per label")

    def count(self, gold: str, given: str) -> int:
        return self.counts[self.labels.index(gold)][self.labels.index(given)]

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts))


def confusion(pairs: Iterable[tuple[str, str]], labels: Sequence[str] | None = None) -> Confusion:
    """Without ``labels``, every label seen as gold or given, in alphabetical order."""
    pairs = list(pairs)
    if labels is None:
        labels = sorted({label for pair in pairs for label in pair})
    index = {label: i for i, label in enumerate(labels)}
    grid = [[0] * len(labels) for _ in labels]
    for gold, given in pairs:
        if gold not in index or given not in index:
            raise ValueError(f"({gold!r}, {given!r}) is outside the labels {list(labels)}")
        grid[index[gold]][index[given]] += 1
    return Confusion(tuple(labels), tuple(tuple(row) for row in grid))


def triage_confusion(pairs: Iterable[tuple[Level, Level]]) -> Confusion:
    """All five levels, least to most urgent, whether or not a run used them."""
    return confusion(((gold.value, given.value) for gold, given in pairs),
                     [level.value for level in LEVELS])


@dataclass(frozen=True)
class ConditionAccuracy:
    """How often vignettes with this gold condition had an acceptable answer first or in the top 3."""

    condition: str
    count: int
    top1: int
    top3: int

    def __post_init__(self) -> None:
        if not 0 <= self.top1 <= self.top3 <= self.count:
            raise ValueError(f"{self.condition}: need 0 <= top1 <= top3 <= count")


def accuracy_by_condition(results: Iterable[tuple[str, bool, bool]]) -> tuple[ConditionAccuracy, ...]:
    """(gold condition, top1, top3) per vignette into one row per gold condition, alphabetical."""
    tally: dict[str, list[int]] = {}
    for condition, top1, top3 in results:
        row = tally.setdefault(condition, [0, 0, 0])
        row[0] += 1
        row[1] += top1
        row[2] += top3
    return tuple(ConditionAccuracy(c, *tally[c]) for c in sorted(tally))


@dataclass(frozen=True)
class RunCalibration:
    """Everything the report's figures show, computed before anything is drawn."""

    reliability: tuple[ReliabilityBin, ...]
    conditions: Confusion  # gold condition against the top-1 condition
    triage: Confusion  # gold level against the level given
    by_condition: tuple[ConditionAccuracy, ...]

    @property
    def ece(self) -> float:
        return expected_calibration_error(self.reliability)


def run_calibration(outcomes: Sequence[Outcome]) -> RunCalibration:
    return RunCalibration(
        reliability=reliability_bins((o.top1_probability, o.top1) for o in outcomes),
        conditions=confusion((o.gold_condition, o.ranked[0][0]) for o in outcomes),
        triage=triage_confusion((o.gold_triage, o.level) for o in outcomes),
        by_condition=accuracy_by_condition((o.gold_condition, o.top1, o.top3) for o in outcomes),
    )
