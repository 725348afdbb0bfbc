"""Validated clinical scores: the two-level Wells DVT score and the Ottawa knee rule.

Both are computed from whatever items are known, and say which items are still unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

ItemState = Literal["present", "absent", "unknown"]


class ScoreItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    finding_id: str | None
    label: str
    points: int
    state: ItemState
    derived: bool = False


WELLS_ITEMS: tuple[tuple[str, str, int], ...] = (
    ("active_cancer", "Active cancer (treatment ongoing, within 6 months, or palliative)", 1),
    ("leg_paralysis_or_plaster",
     "Paralysis, paresis or recent plaster immobilisation of the lower extremities", 1),
    ("recent_surgery_or_bedridden",
     "Recently bedridden for 3 days or more, or major surgery within 12 weeks", 1),
    ("deep_vein_tenderness", "Localised tenderness along the deep venous system", 1),
    ("whole_leg_swollen", "Entire leg swollen", 1),
    ("calf_swelling_3cm", "Calf swelling at least 3 cm larger than the asymptomatic side", 1),
    ("pitting_oedema", "Pitting oedema confined to the symptomatic leg", 1),
    ("collateral_superficial_veins", "Collateral superficial veins (non-varicose)", 1),
    ("previous_dvt", "Previously documented DVT", 1),
)
WELLS_ALTERNATIVE = ("alternative_diagnosis_as_likely",
                     "An alternative diagnosis is at least as likely as DVT", -2)
WELLS_LIKELY_CUTOFF = 2


class WellsScore(BaseModel):
    """NICE NG158 two-level DVT Wells score: 2 or more means DVT likely."""

    model_config = ConfigDict(frozen=True)

    points: int
    items: tuple[ScoreItem, ...]
    complete: bool
    category: Literal["likely", "unlikely"]
    interpretation: str

    @property
    def likely(self) -> bool:
        return self.category == "likely"


def _state(findings: Mapping[str, bool], finding_id: str) -> ItemState:
    if finding_id not in findings:
        return "unknown"
    return "present" if findings[finding_id] else "absent"


def wells_score(findings: Mapping[str, bool],
                alternative_as_likely: bool | None = None) -> WellsScore | None:
    """The Wells score from the known items, or None when no item is known.

    ``alternative_as_likely`` is used when the clinician's own judgement (the finding
    ``alternative_diagnosis_as_likely``) is not given; it is then marked as derived.
    """
    items = [ScoreItem(finding_id=f, label=label, points=points, state=_state(findings, f))
             for f, label, points in WELLS_ITEMS]
    if all(item.state == "unknown" for item in items):
        return None
    alt_id, alt_label, alt_points = WELLS_ALTERNATIVE
    alt_state = _state(findings, alt_id)
    derived = False
    if alt_state == "unknown" and alternative_as_likely is not None:
        alt_state = "present" if alternative_as_likely else "absent"
        derived = True
    items.append(ScoreItem(finding_id=alt_id, label=alt_label, points=alt_points,
                           state=alt_state, derived=derived))
    points = sum(item.points for item in items if item.state == "present")
    complete = all(item.state != "unknown" for item in items)
    category: Literal["likely", "unlikely"] = (
        "likely" if points >= WELLS_LIKELY_CUTOFF else "unlikely")
    return WellsScore(points=points, items=tuple(items), complete=complete, category=category,
                      interpretation=_wells_text(category, complete))


def _wells_text(category: str, complete: bool) -> str:
    if category == "likely":
        return ("DVT likely (2 points or more): proximal leg vein ultrasound within 4 hours; "
                "if not possible, D-dimer and interim anticoagulation with a scan within 24 hours "
                "(NICE NG158).")
    text = ("DVT unlikely (1 point or less): D-dimer within 4 hours; if positive, proximal leg "
            "vein ultrasound within 4 hours or interim anticoagulation and a scan within 24 hours "
            "(NICE NG158).")
    if not complete:
        text += " Some items are unknown, so the score may rise once they are checked."
    return text


OTTAWA_ITEMS: tuple[tuple[str | None, str], ...] = (
    (None, "Age 55 years or older"),
    ("fibular_head_tenderness", "Tenderness at the head of the fibula"),
    ("patella_tenderness_isolated", "Isolated tenderness of the patella"),
    ("unable_to_bend_knee_90", "Inability to flex the knee to 90 degrees"),
    ("unable_to_bear_weight",
     "Inability to bear weight both immediately and in the emergency department (4 steps)"),
)


class OttawaResult(BaseModel):
    """Ottawa knee rule (Stiell 1995): after an acute knee injury, X-ray if any item is met."""

    model_config = ConfigDict(frozen=True)

    applicable: bool
    items: tuple[ScoreItem, ...]
    result: Literal["positive", "negative", "incomplete", "not_applicable"]
    interpretation: str

    @property
    def positive(self) -> bool:
        return self.result == "positive"


def ottawa_knee_rule(age: int, findings: Mapping[str, bool]) -> OttawaResult | None:
    """The rule's result, or None when it is not known whether there was a knee injury."""
    injury = findings.get("knee_injury")
    if injury is None:
        return None
    items = tuple(
        ScoreItem(finding_id=f, label=label, points=1,
                  state=("present" if age >= 55 else "absent") if f is None else _state(findings, f))
        for f, label in OTTAWA_ITEMS
    )
    if not injury:
        return OttawaResult(applicable=False, items=items, result="not_applicable",
                            interpretation="The rule applies only after an acute knee injury.")
    if any(item.state == "present" for item in items):
        return OttawaResult(
            applicable=True, items=items, result="positive",
            interpretation="Ottawa positive: a knee X-ray is needed to look for a fracture.")
    if any(item.state == "unknown" for item in items):
        return OttawaResult(
            applicable=True, items=items, result="incomplete",
            interpretation="No Ottawa item is met so far, but some are unknown.")
    return OttawaResult(
        applicable=True, items=items, result="negative",
        interpretation=("Ottawa negative: a fracture is very unlikely (pooled sensitivity 98.5%, "
                        "Bachmann 2004), so an X-ray is not needed for that reason."))
