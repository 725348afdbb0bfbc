"""One assessment: from age, sex and findings to a ranked differential, a level and advice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from popliteal.disclaimer import DISCLAIMER
from popliteal.engine.advice import safety_net_advice, self_care_advice
from popliteal.engine.evidence import Patient, present_findings, weighed_for_level
from popliteal.engine.explain import Explanation, explain
from popliteal.engine.posterior import CompiledModel, compile_model, posterior, ranked, tempered
from popliteal.engine.scores import OttawaResult, WellsScore, ottawa_knee_rule, wells_score
from popliteal.engine.triage import TriageDecision, TriageReason, decide
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import Level

EXPLAINED_CONDITIONS = 3


class RankedCondition(BaseModel):
    model_config = ConfigDict(frozen=True)

    condition_id: str
    name: str
    lay_name: str
    icd10: str
    probability: float
    needed_level: Level


class Assessment(BaseModel):
    """The whole result. It is information for the person and a clinician, not a diagnosis."""

    model_config = ConfigDict(frozen=True)

    patient: Patient
    findings: dict[str, bool]
    conditions: tuple[RankedCondition, ...]
    triage: TriageDecision
    wells: WellsScore | None
    ottawa: OttawaResult | None
    explanations: tuple[Explanation, ...]
    self_care: tuple[str, ...]
    safety_net: tuple[str, ...]
    disclaimer: str
    knowledge_base_version: str
    knowledge_base_hash: str

    @property
    def level(self) -> Level:
        return self.triage.level

    @property
    def top(self) -> RankedCondition:
        return self.conditions[0]


def _loss_probabilities(model: CompiledModel, patient: Patient,
                        findings: Mapping[str, bool]) -> dict[str, float]:
    """The posterior the level is weighed on (see :func:`weighed_for_level`)."""
    return posterior(model, patient, weighed_for_level(findings, model.kb.solo_red_flags))


def run_assessment(kb: KnowledgeBase, patient: Patient, findings: Mapping[str, bool],
                   floors: Sequence[TriageReason] = ()) -> Assessment:
    """Assess validated findings (ids already checked against the knowledge base).

    ``floors`` are levels that must not be lowered (see :func:`popliteal.engine.triage.decide`).
    """
    model = compile_model(kb)
    probabilities = posterior(model, patient, findings)
    order = ranked(tempered(probabilities, kb.temperature))
    present = present_findings(findings)
    dvt = probabilities.get("deep_vein_thrombosis", 0.0)
    alternative = max(p for c, p in probabilities.items() if c != "deep_vein_thrombosis") >= dvt
    wells = wells_score(findings, alternative_as_likely=alternative)
    ottawa = ottawa_knee_rule(patient.age, findings)
    decision = decide(kb, _loss_probabilities(model, patient, findings), present, wells, ottawa,
                      floors)
    conditions = tuple(
        RankedCondition(condition_id=c, name=kb.conditions[c].name,
                        lay_name=kb.conditions[c].lay_name, icd10=kb.conditions[c].icd10,
                        probability=p, needed_level=kb.conditions[c].needed_level(present))
        for c, p in order
    )
    return Assessment(
        patient=patient,
        findings=dict(sorted(findings.items())),
        conditions=conditions,
        triage=decision,
        wells=wells,
        ottawa=ottawa,
        explanations=tuple(explain(kb, patient, c, findings) for c, _ in order[:EXPLAINED_CONDITIONS]),
        self_care=self_care_advice(kb, order, decision.level),
        safety_net=safety_net_advice(kb, order),
        disclaimer=DISCLAIMER,
        knowledge_base_version=kb.version,
        knowledge_base_hash=kb.content_hash,
    )
