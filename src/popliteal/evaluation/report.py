"""Render an evaluation run as a table for people or as JSON for programs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from popliteal.evaluation.metrics import Metrics
from popliteal.evaluation.runner import EvaluationRun


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def metric_rows(m: Metrics) -> list[tuple[str, str]]:
    """The metrics as (name, shown value), shared by the terminal table and the HTML report."""
    rows = [
        ("top1", _pct(m.top1)), ("top3", _pct(m.top3)),
        ("triage_exact", _pct(m.triage_exact)), ("safe_triage", _pct(m.safe_triage)),
        ("emergency_sensitivity", f"{_pct(m.emergency_sensitivity)} (n={m.emergencies})"),
        ("over_triage", _pct(m.over_triage)),
        ("brier", _pct(m.brier)), ("ece", _pct(m.ece)),
    ]
    if m.questions_mean is not None:
        rows.append(("questions mean / median / p90",
                     f"{m.questions_mean:.1f} / {m.questions_median:.1f} / {m.questions_p90:.0f}"))
    if m.extraction_precision is not None:
        rows.append(("extraction precision / recall / F1",
                     f"{_pct(m.extraction_precision)} / {_pct(m.extraction_recall)} / "
                     f"{_pct(m.extraction_f1)}"))
    return rows


def metrics_table(run: EvaluationRun) -> Table:
    table = Table(title=f"mode {run.mode}, {run.metrics.count} vignettes",
                  caption=f"knowledge base {run.knowledge_base}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in metric_rows(run.metrics):
        table.add_row(name, value)
    return table


def misses_table(run: EvaluationRun) -> Table | Text:
    if not run.misses:
        return Text("No vignette missed the top three or was under-triaged.")
    table = Table(title="Vignettes that missed the top three or were under-triaged")
    for column in ("vignette", "gold", "engine's top three", "level (gold)", "why this level"):
        table.add_column(column, overflow="fold")
    for o in run.misses:
        top = ", ".join(f"{c} {p:.2f}" for c, p in o.ranked[:3])
        flag = "" if o.top3 else "MISS "
        level = f"{o.level.value} ({o.gold_triage.value})" + ("" if o.safe else " UNDER")
        table.add_row(o.vignette_id, flag + o.gold_condition, top, level, " ".join(o.level_reasons))
    return table


def comparison_table(runs: Sequence[tuple[str, EvaluationRun]]) -> Table:
    """The metrics of several sets in one mode, a column each, so they read side by side."""
    first = runs[0][1]
    table = Table(title=f"mode {first.mode}, side by side",
                  caption=f"knowledge base {first.knowledge_base}")
    table.add_column("metric")
    for name, run in runs:
        table.add_column(f"{name} ({run.metrics.count})", justify="right")
    columns = [dict(metric_rows(run.metrics)) for _, run in runs]
    for metric in columns[0]:
        table.add_row(metric, *(column.get(metric, "-") for column in columns))
    return table


def render(run: EvaluationRun) -> Group:
    """The misses first and the metrics last, so the figures end the output like a summary."""
    return Group(misses_table(run), metrics_table(run))


def as_json(run: EvaluationRun) -> dict[str, Any]:
    return {
        "mode": run.mode,
        "knowledge_base": run.knowledge_base,
        "metrics": asdict(run.metrics),
        "misses": [_outcome_json(o) for o in run.misses],
        "vignettes": [_outcome_json(o) for o in run.outcomes],
    }


def _outcome_json(o: Any) -> dict[str, Any]:
    return {
        "id": o.vignette_id, "file": o.path, "gold_condition": o.gold_condition,
        "acceptable": list(o.acceptable), "gold_triage": o.gold_triage.value,
        "ranked": [{"condition": c, "probability": round(p, 4)} for c, p in o.ranked],
        "brier": round(o.brier, 4),
        "level": o.level.value, "top1": o.top1, "top3": o.top3, "safe": o.safe, "over": o.over,
        "level_reasons": list(o.level_reasons), "questions": o.questions,
        "extraction": (None if o.extraction is None
                       else dict(zip(("tp", "fp", "fn"), o.extraction, strict=True))),
    }
