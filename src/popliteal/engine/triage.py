"""Triage: red-flag rules first, then the level with the least expected loss.

Loss matrix. Choosing level ``chosen`` when a condition needs level ``needed`` costs
  * ``UNDER_TRIAGE_COST[needed] * (needed - chosen)`` when chosen is below needed, and
  * ``OVER_TRIAGE_COST * (chosen - needed)`` when it is above.
Missing an emergency costs far more than sending someone to a doctor they did not need:
with these numbers, the engine sends a person to an emergency department once about one in
thirteen people with the same answers would need it, and to same-day care once about one in
five would. The scores and the red-flag rules then raise the level, never lower it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from popliteal.engine.scores import OttawaResult, WellsScore
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import LEVELS, Level

UNDER_TRIAGE_COST: dict[Level, float] = {
    Level.SELF_CARE: 0.0,
    Level.CONSULTATION: 1.5,
    Level.CONSULTATION_24: 4.0,
    Level.EMERGENCY: 12.0,
    Level.EMERGENCY_AMBULANCE: 20.0,
}
OVER_TRIAGE_COST = 1.0
NAMED_MIN_PROBABILITY = 0.01  # conditions below this are not named as a reason for the level

ReasonKind = Literal["red_flag", "expected_loss", "wells", "ottawa", "reached"]


class TriageReason(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: ReasonKind
    level: Level
    text: str
    rule_id: str | None = None


class TriageDecision(BaseModel):
    """The level of care, every reason that set a floor under it, and the loss per level."""

    model_config = ConfigDict(frozen=True)

    level: Level
    reasons: tuple[TriageReason, ...]
    expected_loss: dict[Level, float]
    driven_by: tuple[TriageReason, ...]


def loss(chosen: Level, needed: Level) -> float:
    if chosen < needed:
        return UNDER_TRIAGE_COST[needed] * (needed.rank - chosen.rank)
    return OVER_TRIAGE_COST * (chosen.rank - needed.rank)


def expected_losses(kb: KnowledgeBase, probabilities: Mapping[str, float],
                    present: frozenset[str]) -> dict[Level, float]:
    needs = {c: kb.conditions[c].needed_level(present) for c in probabilities}
    return {
        level: sum(p * loss(level, needs[c]) for c, p in probabilities.items())
        for level in LEVELS
    }


def decide(kb: KnowledgeBase, probabilities: Mapping[str, float], present: frozenset[str],
           wells: WellsScore | None, ottawa: OttawaResult | None,
           floors: Sequence[TriageReason] = ()) -> TriageDecision:
    """The level: the least expected loss, raised by every red flag, score and given floor.

    ``floors`` are levels already reached that later answers may not lower (an emergency found
    earlier in an interview, before the optional questions that only help the doctors).
    """
    losses = expected_losses(kb, probabilities, present)
    best = min(LEVELS, key=lambda level: (losses[level], -level.rank))
    reasons = [TriageReason(kind="expected_loss", level=best,
                            text=_loss_text(kb, probabilities, present, best))]
    for rule in kb.red_flags:
        if rule.fires(present):
            reasons.append(TriageReason(kind="red_flag", level=rule.level, text=rule.reason,
                                        rule_id=rule.id))
    if wells is not None and wells.likely:
        reasons.append(TriageReason(
            kind="wells", level=Level.CONSULTATION_24,
            text=(f"The Wells score is {wells.points}, so a clot (DVT) is likely: "
                  "a scan is needed today.")))
    if ottawa is not None and ottawa.positive:
        reasons.append(TriageReason(
            kind="ottawa", level=Level.CONSULTATION_24,
            text="After this injury the Ottawa knee rule says an X-ray is needed today."))
    reasons.extend(floors)
    level = max(reason.level for reason in reasons)
    driven_by = tuple(reason for reason in reasons if reason.level == level)
    ordered = tuple(sorted(reasons, key=lambda r: -r.level.rank))
    return TriageDecision(level=level, reasons=ordered, expected_loss=losses, driven_by=driven_by)


def _loss_text(kb: KnowledgeBase, probabilities: Mapping[str, float], present: frozenset[str],
               level: Level) -> str:
    """Name the likely conditions that need at least the chosen level."""
    needing = sorted(
        ((p, c) for c, p in probabilities.items()
         if p >= NAMED_MIN_PROBABILITY and kb.conditions[c].needed_level(present) >= level),
        reverse=True,
    )[:3]
    if not needing:
        return "Weighing how likely each cause is against how urgent it would be."
    names = ", ".join(f"{kb.conditions[c].lay_name.lower()} ({p:.0%})" for p, c in needing)
    text = f"Weighing how likely each cause is against how urgent it would be: {names}."
    escalations = kb.conditions[needing[0][1]].escalations_reached(present, level)
    return " ".join([text, *(e.reason for e in escalations)])
