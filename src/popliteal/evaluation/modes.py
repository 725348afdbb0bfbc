"""How each evaluation mode turns a vignette into an assessment.

``full`` gives the engine every finding; the interview and narrative modes put the person's
own words and the adaptive interview in between.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from popliteal.engine.assessment import Assessment, run_assessment
from popliteal.engine.evidence import Patient
from popliteal.evaluation.simulated_patient import simulated_interview
from popliteal.evaluation.vignettes import Vignette
from popliteal.interview import finish
from popliteal.knowledge import KnowledgeBase
from popliteal.text import read_narrative


@dataclass(frozen=True)
class ModeOutput:
    assessment: Assessment
    questions: int | None = None
    extracted: dict[str, bool] | None = None


ModeRunner = Callable[[KnowledgeBase, Vignette], ModeOutput]


def patient_of(vignette: Vignette) -> Patient:
    return Patient(age=vignette.age, sex=vignette.sex)


def run_full(kb: KnowledgeBase, vignette: Vignette) -> ModeOutput:
    return ModeOutput(run_assessment(kb, patient_of(vignette), vignette.findings))


def run_interview(kb: KnowledgeBase, vignette: Vignette) -> ModeOutput:
    """Start from the narrative's findings; the simulated patient answers from ``findings``."""
    state = simulated_interview(kb, patient_of(vignette), vignette.narrative_findings,
                                vignette.findings)
    return ModeOutput(finish(kb, state), questions=len(state.answers))


def run_narrative(kb: KnowledgeBase, vignette: Vignette) -> ModeOutput:
    """Start from what the free-text reader understood of the narrative; then as interview."""
    extracted = dict(read_narrative(vignette.narrative).findings)
    state = simulated_interview(kb, patient_of(vignette), extracted, vignette.findings)
    return ModeOutput(finish(kb, state), questions=len(state.answers), extracted=extracted)


MODES: dict[str, ModeRunner] = {
    "full": run_full, "interview": run_interview, "narrative": run_narrative,
}
