"""An interview exported as FHIR: the person's answers against the patient questionnaire, the
findings they amount to against the clinician questionnaire, and the RiskAssessment on both."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from popliteal.engine.evidence import Patient
from popliteal.errors import InvalidInputError
from popliteal.evaluation.vignettes import Vignette, load_vignettes
from popliteal.fhir import (
    assessment_bundle,
    interview_response,
    parse_resource,
    questionnaire,
    read_bundle,
    read_response,
    to_json,
    validate,
)
from popliteal.fhir.questionnaire import AUDIENCES, questionnaire_url
from popliteal.fhir.terminology import QUESTION_OPTION_SYSTEM
from popliteal.interview import (
    InterviewState,
    Question,
    answer_question,
    current_findings,
    finish,
    next_question,
    start_interview,
)
from popliteal.knowledge import KnowledgeBase, load_knowledge_base

KB = load_knowledge_base()
DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"
SAMPLE = load_vignettes([DEV], KB)[::11]
ISSUED = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def reply(question: Question, findings: dict[str, bool]) -> str:
    """What a person with these findings answers: the option that fits, else "unknown"."""
    if question.kind == "yes_no":
        known = findings.get(question.id)
        return "unknown" if known is None else ("yes" if known else "no")
    return next((o.id for o in question.options
                 if all(findings.get(f) == v for f, v in o.findings.items())), "unknown")


def interview(vignette: Vignette, initial: dict[str, bool] | None = None) -> InterviewState:
    state = start_interview(KB, Patient(age=vignette.age, sex=vignette.sex), initial or {})
    while (question := next_question(KB, state)) is not None:
        state = answer_question(KB, state, question.id, reply(question, vignette.findings))
    return state


def responses(bundle: Bundle) -> dict[str, QuestionnaireResponse]:
    return {str(e.resource.questionnaire).split("|")[0]: e.resource for e in bundle.entry
            if isinstance(e.resource, QuestionnaireResponse)}


@pytest.mark.parametrize("vignette", SAMPLE, ids=[v.id for v in SAMPLE])
def test_an_interview_bundle_validates_round_trips_and_reads_back(vignette: Vignette) -> None:
    state = interview(vignette)
    bundle = assessment_bundle(KB, finish(KB, state), issued=ISSUED, interview=state)
    assert validate(bundle, KB, [questionnaire(KB, a) for a in AUDIENCES]) == []
    parsed = parse_resource(to_json(bundle))
    assert parsed == bundle
    assert read_bundle(KB, parsed)[1] == current_findings(KB, state)
    by_questionnaire = responses(parsed)
    assert set(by_questionnaire) == {questionnaire_url(a) for a in AUDIENCES}
    patient_answers = read_response(KB, by_questionnaire[questionnaire_url("patient")])
    assert patient_answers == (state.patient, current_findings(KB, state))


def test_the_risk_assessment_is_based_on_both_responses(kb: KnowledgeBase) -> None:
    state = interview(SAMPLE[0])
    bundle = assessment_bundle(kb, finish(kb, state), issued=ISSUED, interview=state)
    urls = {str(e.fullUrl) for e in bundle.entry if isinstance(e.resource, QuestionnaireResponse)}
    risk = bundle.entry[-1].resource
    assert {str(b.reference) for b in risk.basis} == urls and len(urls) == 2


def test_a_choice_is_coded_as_its_option_and_dont_know_is_left_out(kb: KnowledgeBase) -> None:
    state = start_interview(kb, Patient(age=50, sex="male"))
    state = answer_question(kb, state, "onset", "sudden")
    state = answer_question(kb, state, "pain_calf", "unknown")
    state = answer_question(kb, state, "pain_behind_knee", "yes")
    data = json.loads(to_json(interview_response(kb, state, authored=ISSUED)))
    answers = {item["linkId"]: item["answer"][0] for group in data["item"][1:]
               for item in group["item"]}
    assert answers == {"onset": {"valueCoding": {"system": QUESTION_OPTION_SYSTEM,
                                                 "code": "onset.sudden",
                                                 "display": "Suddenly, within minutes or hours"}},
                       "pain_behind_knee": {"valueBoolean": True}}


def test_initial_findings_are_kept_in_the_findings_response(kb: KnowledgeBase) -> None:
    state = start_interview(kb, Patient(age=50, sex="male"), {"swelling_behind_knee": True})
    state = answer_question(kb, state, "pain_behind_knee", "yes")
    bundle = assessment_bundle(kb, finish(kb, state), issued=ISSUED, interview=state)
    assert read_bundle(kb, bundle)[1] == {"swelling_behind_knee": True, "pain_behind_knee": True}


def test_an_interview_that_did_not_give_the_assessment_is_refused(kb: KnowledgeBase) -> None:
    state = start_interview(kb, Patient(age=50, sex="male"))
    other = answer_question(kb, state, "pain_behind_knee", "yes")
    with pytest.raises(InvalidInputError, match="interview"):
        assessment_bundle(kb, finish(kb, state), issued=ISSUED, interview=other)


def test_an_option_of_another_question_is_refused_when_read(kb: KnowledgeBase) -> None:
    state = answer_question(kb, start_interview(kb, Patient(age=50, sex="male")), "onset", "gradual")
    data = json.loads(to_json(interview_response(kb, state, authored=ISSUED)))
    data["item"][1]["item"][0]["answer"][0]["valueCoding"]["code"] = "pain_side.inner"
    with pytest.raises(InvalidInputError, match="not an answer to 'onset'"):
        read_response(kb, parse_resource(data))
