"""What to do now and when to seek help, assembled from the conditions that matter."""

from __future__ import annotations

from collections.abc import Sequence

from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

SELF_CARE_MIN_PROBABILITY = 0.15
EMERGENCY_TIP_MIN_PROBABILITY = 0.02
CLOT_CAUTION_PROBABILITY = 0.05
CLOT_CAUTION = ("Until a blood clot has been ruled out, do not massage the leg and prefer "
                "paracetamol to anti-inflammatory painkillers.")
GENERAL_SAFETY_NET = (
    "Call 999 (or your local emergency number) at once if you become short of breath, have "
    "chest pain, cough up blood or faint, or if your foot turns cold, pale or numb."
)
UNCERTAIN_SAFETY_NET = ("If the pain is not improving as expected, or you are worried, "
                        "contact a doctor or NHS 111.")


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def self_care_advice(kb: KnowledgeBase, ranked: Sequence[tuple[str, float]],
                     level: Level) -> tuple[str, ...]:
    """Self-care from the likely conditions; at an emergency level, only what helps on the way.

    At an emergency level the first tip of each emergency condition still in play, most likely
    first, says what to do on the way; the level's own headline leads, so the advice never
    contradicts where the person is sent.
    """
    if level.is_emergency:
        urgent = [c for c, p in ranked
                  if kb.conditions[c].care_level.is_emergency
                  and p >= EMERGENCY_TIP_MIN_PROBABILITY][:2]
        tips = [tip for c in urgent for tip in kb.conditions[c].self_care[:1]]
        return _unique([level.headline, *tips])
    advice: list[str] = []
    for condition_id, probability in ranked[:3]:
        if probability >= SELF_CARE_MIN_PROBABILITY or not advice:
            advice.extend(kb.conditions[condition_id].self_care)
    if dict(ranked).get("deep_vein_thrombosis", 0.0) >= CLOT_CAUTION_PROBABILITY:
        advice.insert(0, CLOT_CAUTION)
    return _unique(advice)


def safety_net_advice(kb: KnowledgeBase, ranked: Sequence[tuple[str, float]]) -> tuple[str, ...]:
    """Warning signs from the top conditions, always ending with the general emergency signs."""
    signs = [sign for condition_id, _ in ranked[:3] for sign in kb.conditions[condition_id].safety_net]
    return _unique([*signs, UNCERTAIN_SAFETY_NET, GENERAL_SAFETY_NET])
