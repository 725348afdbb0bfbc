"""The result screen: the urgency first, then the likely causes, why, and what to do.

Rendering only: it takes a finished assessment and returns rich renderables.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from popliteal.engine.assessment import Assessment, RankedCondition
from popliteal.engine.explain import Explanation
from popliteal.levels import Level

CAUSES_SHOWN = 5
BAR_WIDTH = 24

LEVEL_LOOK: dict[Level, tuple[str, str]] = {
    Level.SELF_CARE: ("green", "SELF-CARE"),
    Level.CONSULTATION: ("cyan", "SEE A GP OR PHYSIOTHERAPIST"),
    Level.CONSULTATION_24: ("yellow", "SEE A DOCTOR TODAY"),
    Level.EMERGENCY: ("bold red", "GO TO AN EMERGENCY DEPARTMENT NOW"),
    Level.EMERGENCY_AMBULANCE: ("bold white on red", "CALL AN AMBULANCE NOW"),
}


def result_screen(assessment: Assessment, questions: int) -> Group:
    parts: list[RenderableType] = [
        urgency_panel(assessment),
        causes_table(assessment.conditions[:CAUSES_SHOWN]),
        why_panel(assessment),
        advice_panel("What you can do now", assessment.self_care, "green"),
        advice_panel("When to get help", assessment.safety_net, "yellow"),
    ]
    scores = scores_text(assessment)
    if scores is not None:
        parts.append(scores)
    parts.append(Text(f"Based on {questions} question{'s' if questions != 1 else ''} and what "
                      f"you told us. Knowledge base {assessment.knowledge_base_version}.",
                      style="dim"))
    parts.append(Panel(assessment.disclaimer, title="Please note", border_style="dim"))
    return Group(*parts)


def urgency_panel(assessment: Assessment) -> Panel:
    style, label = LEVEL_LOOK[assessment.level]
    body = Text()
    body.append(f"{label}\n", style=style)
    body.append(assessment.level.headline + "\n")
    for reason in assessment.triage.driven_by:
        body.append(f"\n{reason.text}", style="italic")
    return Panel(body, title="How urgent", border_style=style.replace("bold ", ""))


def probability_bar(probability: float, width: int = BAR_WIDTH) -> str:
    filled = round(max(0.0, min(1.0, probability)) * width)
    return "█" * filled + "░" * (width - filled)


def causes_table(conditions: tuple[RankedCondition, ...]) -> Table:
    table = Table(title="Most likely causes", title_justify="left", show_header=False,
                  box=None, padding=(0, 1))
    table.add_column("cause")
    table.add_column("bar")
    table.add_column("probability", justify="right")
    for condition in conditions:
        table.add_row(condition.lay_name, probability_bar(condition.probability),
                      percent(condition.probability))
    return table


def percent(probability: float) -> str:
    """A whole percentage that never claims certainty the model does not have."""
    if probability < 0.005:
        return "<1%"
    if probability > 0.995:
        return ">99%"
    return f"{probability:.0%}"


def why_panel(assessment: Assessment) -> Panel:
    names = {c.condition_id: c.lay_name for c in assessment.conditions}
    body = Text()
    for explanation in assessment.explanations:
        body.append(f"{names[explanation.condition_id]}\n", style="bold")
        body.append(_weights_line(explanation))
    return Panel(body, title="Why", border_style="blue")


def _weights_line(explanation: Explanation) -> str:
    lines = [f"  for it: {w.text}" for w in explanation.supporting[:3]]
    lines += [f"  against it: {w.text}" for w in explanation.opposing[:2]]
    if not lines:
        lines = ["  mostly from how common it is at your age"]
    return "\n".join(lines) + "\n"


def advice_panel(title: str, items: tuple[str, ...], style: str) -> Panel:
    return Panel("\n".join(f"• {item}" for item in items), title=title, border_style=style)


def scores_text(assessment: Assessment) -> Text | None:
    lines = []
    if assessment.wells is not None:
        lines.append(f"Wells score for a clot: {assessment.wells.points}. "
                     f"{assessment.wells.interpretation}")
    if assessment.ottawa is not None and assessment.ottawa.applicable:
        lines.append(assessment.ottawa.interpretation)
    return Text("\n".join(lines), style="dim") if lines else None
