"""The clinician's view of an assessment, as a structured result rendered elsewhere.

A clinician sees more than the person does: every condition with its ICD-10 code and the
likelihood ratio of every recorded finding for and against it, the level of care with each
rule that set a floor under it and the expected loss per level, and the Wells DVT score and
the Ottawa knee rule item by item with their published interpretation and next steps.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from popliteal.engine.assessment import Assessment
from popliteal.engine.explain import FindingWeight, explain
from popliteal.engine.scores import ScoreItem
from popliteal.engine.triage import TriageReason
from popliteal.knowledge import KnowledgeBase
from popliteal.levels import LEVELS, Level

WELLS_SOURCES = ("R1", "R2")
OTTAWA_SOURCES = ("R13", "R14")
WELLS_RULE = ("Two-level DVT Wells score (NICE NG158): one point for each item present, minus "
              "two if an alternative diagnosis is at least as likely as DVT. 2 points or more: "
              "DVT likely. 1 point or less: DVT unlikely.")
OTTAWA_RULE = ("Ottawa knee rule (Stiell 1995): after an acute knee injury, a knee X-ray is "
               "needed if any item is present; if none is, a fracture is very unlikely.")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RecordedFinding(_Frozen):
    finding_id: str
    wording: str
    present: bool


class DifferentialRow(_Frozen):
    """One condition: how likely, what it would need, and the evidence for and against it."""

    rank: int
    condition_id: str
    name: str
    icd10: str
    probability: float
    needed_level: Level
    supporting: tuple[FindingWeight, ...]
    opposing: tuple[FindingWeight, ...]


class ScoreView(_Frozen):
    """A clinical score: its items, its result, how it is read and what to do next."""

    name: str
    rule: str
    items: tuple[ScoreItem, ...]
    result: str
    interpretation: str
    unknown_items: tuple[str, ...]
    sources: tuple[str, ...]


class TriageView(_Frozen):
    level: Level
    headline: str
    reasons: tuple[TriageReason, ...]
    expected_loss: tuple[tuple[Level, float], ...]


class ClinicianReport(_Frozen):
    age: int
    sex: str
    findings: tuple[RecordedFinding, ...]
    differential: tuple[DifferentialRow, ...]
    triage: TriageView
    wells: ScoreView | None
    ottawa: ScoreView | None
    disclaimer: str
    knowledge_base_version: str
    knowledge_base_hash: str


def _sources(kb: KnowledgeBase, ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{i}: {kb.sources[i].citation}" for i in ids)


def _unknown(items: tuple[ScoreItem, ...]) -> tuple[str, ...]:
    return tuple(item.label for item in items if item.state == "unknown")


def wells_view(kb: KnowledgeBase, assessment: Assessment) -> ScoreView | None:
    wells = assessment.wells
    if wells is None:
        return None
    return ScoreView(
        name="Wells DVT score", rule=WELLS_RULE, items=wells.items,
        result=f"{wells.points} points: DVT {wells.category}", interpretation=wells.interpretation,
        unknown_items=_unknown(wells.items), sources=_sources(kb, WELLS_SOURCES))


def ottawa_view(kb: KnowledgeBase, assessment: Assessment) -> ScoreView | None:
    ottawa = assessment.ottawa
    if ottawa is None:
        return None
    return ScoreView(
        name="Ottawa knee rule", rule=OTTAWA_RULE, items=ottawa.items,
        result=ottawa.result.replace("_", " "), interpretation=ottawa.interpretation,
        unknown_items=_unknown(ottawa.items) if ottawa.applicable else (),
        sources=_sources(kb, OTTAWA_SOURCES))


def differential(kb: KnowledgeBase, assessment: Assessment) -> tuple[DifferentialRow, ...]:
    """Every condition, most likely first, with every recorded finding's likelihood ratio."""
    rows = []
    every = max(len(assessment.findings), 1)
    for rank, condition in enumerate(assessment.conditions, start=1):
        why = explain(kb, assessment.patient, condition.condition_id, assessment.findings,
                      limit=every)
        rows.append(DifferentialRow(
            rank=rank, condition_id=condition.condition_id, name=condition.name,
            icd10=condition.icd10, probability=condition.probability,
            needed_level=condition.needed_level, supporting=why.supporting,
            opposing=why.opposing))
    return tuple(rows)


def clinician_report(kb: KnowledgeBase, assessment: Assessment) -> ClinicianReport:
    """The clinician's view of an assessment made with this knowledge base."""
    triage = assessment.triage
    return ClinicianReport(
        age=assessment.patient.age,
        sex=assessment.patient.sex,
        findings=tuple(RecordedFinding(finding_id=f, wording=kb.findings[f].clinician, present=v)
                       for f, v in assessment.findings.items()),
        differential=differential(kb, assessment),
        triage=TriageView(level=triage.level, headline=triage.level.headline,
                          reasons=triage.reasons,
                          expected_loss=tuple((level, triage.expected_loss[level])
                                              for level in LEVELS)),
        wells=wells_view(kb, assessment),
        ottawa=ottawa_view(kb, assessment),
        disclaimer=assessment.disclaimer,
        knowledge_base_version=assessment.knowledge_base_version,
        knowledge_base_hash=assessment.knowledge_base_hash,
    )
