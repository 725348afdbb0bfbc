"""Per-vignette outcomes and the metrics of ../shared/spec/vignettes.md, as plain data.

Beyond the spec, two metrics say whether the stated probabilities can be taken at their word
(definitions in :mod:`popliteal.evaluation.calibration`): ``brier``, the mean over vignettes of
the multi-class Brier score over the full posterior, and ``ece``, the expected calibration
error of the top-1 probability against top-1 correctness in ten equal-width bins.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from popliteal.evaluation import calibration
from popliteal.evaluation.modes import ModeOutput
from popliteal.evaluation.vignettes import Vignette
from popliteal.levels import Level

TOP_SHOWN = 5


@dataclass(frozen=True)
class Outcome:
    vignette_id: str
    path: str
    gold_condition: str
    acceptable: tuple[str, ...]
    gold_triage: Level
    posterior: tuple[tuple[str, float], ...]  # every condition, most probable first
    level: Level
    level_reasons: tuple[str, ...]
    questions: int | None
    extraction: tuple[int, int, int] | None  # true positives, false positives, false negatives

    @property
    def ranked(self) -> tuple[tuple[str, float], ...]:
        """The causes shown: the first few of the posterior."""
        return self.posterior[:TOP_SHOWN]

    @property
    def top1(self) -> bool:
        return self.ranked[0][0] in self.acceptable

    @property
    def top3(self) -> bool:
        return any(c in self.acceptable for c, _ in self.ranked[:3])

    @property
    def top1_probability(self) -> float:
        return self.ranked[0][1]

    @property
    def brier(self) -> float:
        """Over the whole posterior, not the top five shown, so the score is exact."""
        return calibration.brier(dict(self.posterior), self.acceptable)

    @property
    def safe(self) -> bool:
        return self.level >= self.gold_triage

    @property
    def over(self) -> bool:
        return self.level > self.gold_triage

    @property
    def gold_is_emergency(self) -> bool:
        return self.gold_triage.is_emergency


def outcome_of(vignette: Vignette, output: ModeOutput) -> Outcome:
    assessment = output.assessment
    extraction = None
    if output.extracted is not None:
        extraction = extraction_counts(output.extracted, vignette.narrative_findings)
    return Outcome(
        vignette_id=vignette.id,
        path=vignette.path,
        gold_condition=vignette.gold_condition,
        acceptable=tuple(sorted(vignette.acceptable)),
        gold_triage=vignette.gold_triage,
        posterior=tuple((c.condition_id, c.probability) for c in assessment.conditions),
        level=assessment.level,
        level_reasons=tuple(r.text for r in assessment.triage.driven_by),
        questions=output.questions,
        extraction=extraction,
    )


def extraction_counts(extracted: dict[str, bool], expected: dict[str, bool]) -> tuple[int, int, int]:
    """Matches count only when both the id and the polarity agree."""
    got = set(extracted.items())
    want = set(expected.items())
    return len(got & want), len(got - want), len(want - got)


@dataclass(frozen=True)
class Metrics:
    count: int
    top1: float
    top3: float
    triage_exact: float
    safe_triage: float
    emergency_sensitivity: float | None
    over_triage: float
    brier: float
    ece: float
    questions_mean: float | None = None
    questions_median: float | None = None
    questions_p90: float | None = None
    extraction_precision: float | None = None
    extraction_recall: float | None = None
    extraction_f1: float | None = None
    emergencies: int = field(default=0)


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def percentile(values: Sequence[int], q: float) -> float:
    """Nearest-rank percentile, so p90 is a number of questions someone actually answered."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 1))
    return float(ordered[int(rank) - 1])


def compute_metrics(outcomes: Sequence[Outcome]) -> Metrics:
    emergencies = [o for o in outcomes if o.gold_is_emergency]
    questions = [o.questions for o in outcomes if o.questions is not None]
    metrics = Metrics(
        count=len(outcomes),
        top1=_share([o.top1 for o in outcomes]),
        top3=_share([o.top3 for o in outcomes]),
        triage_exact=_share([o.level == o.gold_triage for o in outcomes]),
        safe_triage=_share([o.safe for o in outcomes]),
        emergency_sensitivity=(_share([o.level.is_emergency for o in emergencies])
                               if emergencies else None),
        over_triage=_share([o.over for o in outcomes]),
        brier=statistics.fmean(o.brier for o in outcomes) if outcomes else 0.0,
        ece=calibration.ece((o.top1_probability, o.top1) for o in outcomes),
        emergencies=len(emergencies),
    )
    if questions:
        metrics = _with_questions(metrics, questions)
    counts = [o.extraction for o in outcomes if o.extraction is not None]
    if counts:
        metrics = _with_extraction(metrics, counts)
    return metrics


def _with_questions(metrics: Metrics, questions: list[int]) -> Metrics:
    from dataclasses import replace

    return replace(metrics, questions_mean=statistics.fmean(questions),
                   questions_median=float(statistics.median(questions)),
                   questions_p90=percentile(questions, 0.9))


def _with_extraction(metrics: Metrics, counts: list[tuple[int, int, int]]) -> Metrics:
    from dataclasses import replace

    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return replace(metrics, extraction_precision=precision, extraction_recall=recall,
                   extraction_f1=f1)
