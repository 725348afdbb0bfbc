"""Properties of the FHIR export: any assessment gives a valid Bundle that reads back exactly."""

from __future__ import annotations

from datetime import UTC, datetime

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import given, settings
from hypothesis import strategies as st

from popliteal.engine.assessment import run_assessment
from popliteal.engine.evidence import Patient
from popliteal.fhir import (
    assessment_bundle,
    parse_resource,
    questionnaire,
    read_bundle,
    read_response,
    to_json,
    validate,
)
from popliteal.fhir.assessment import probability_decimal
from popliteal.fhir.questionnaire import AUDIENCES, questionnaire_url
from popliteal.fhir.reading import bundle_risk_assessment, differential, triage_level
from popliteal.interview import (
    InterviewState,
    answer_question,
    current_findings,
    finish,
    start_interview,
)
from popliteal.interview.catalogue import catalogue
from popliteal.knowledge import load_knowledge_base

KB = load_knowledge_base()
QUESTIONNAIRES = [questionnaire(KB, audience) for audience in AUDIENCES]
FINDING_IDS = sorted(KB.findings)

patients = st.builds(Patient, age=st.integers(16, 110), sex=st.sampled_from(["female", "male"]))
findings_maps = st.dictionaries(st.sampled_from(FINDING_IDS), st.booleans(), max_size=30)
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.just(UTC))


@settings(max_examples=60, deadline=None)
@given(patients, findings_maps, moments)
def test_any_assessment_exports_a_valid_bundle_that_reads_back_exactly(
        patient: Patient, findings: dict[str, bool], issued: datetime) -> None:
    result = run_assessment(KB, patient, findings)
    bundle = assessment_bundle(KB, result, issued=issued)
    assert validate(bundle, KB, QUESTIONNAIRES) == []
    parsed = parse_resource(to_json(bundle))
    assert parsed == bundle
    assert read_bundle(KB, parsed) == (patient, findings)
    risk = bundle_risk_assessment(parsed)
    assert triage_level(risk) == result.level
    assert differential(risk) == {c.condition_id: probability_decimal(c.probability)
                                  for c in result.conditions}


QUESTIONS = list(catalogue(KB).questions.values())


@st.composite
def interviews(draw: st.DrawFn) -> InterviewState:
    """Any answers, in any order, to any of the interview's questions."""
    state = start_interview(KB, draw(patients))
    for question in draw(st.lists(st.sampled_from(QUESTIONS), max_size=20, unique_by=lambda q: q.id)):
        state = answer_question(KB, state, question.id, draw(st.sampled_from(question.values)))
    return state


@settings(max_examples=60, deadline=None)
@given(interviews())
def test_any_interview_exports_a_valid_bundle_whose_answers_read_back_as_its_findings(
        state: InterviewState) -> None:
    bundle = assessment_bundle(KB, finish(KB, state), issued=datetime(2026, 1, 1, tzinfo=UTC),
                               interview=state)
    assert validate(bundle, KB, QUESTIONNAIRES) == []
    parsed = parse_resource(to_json(bundle))
    assert parsed == bundle
    assert read_bundle(KB, parsed) == (state.patient, current_findings(KB, state))
    answers = next(e.resource for e in parsed.entry
                   if isinstance(e.resource, QuestionnaireResponse)
                   and str(e.resource.questionnaire).startswith(questionnaire_url("patient")))
    assert read_response(KB, answers) == (state.patient, current_findings(KB, state))
