"""`popliteal fhir`: every exported definition validates; a response sent back is assessed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from popliteal.api import assess
from popliteal.cli.main import app
from popliteal.fhir import assessment_bundle, parse_resource, questionnaire, to_json, validate
from popliteal.fhir.questionnaire import AUDIENCES
from popliteal.fhir.reading import bundle_risk_assessment, triage_level
from popliteal.knowledge import KnowledgeBase

runner = CliRunner()


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_exported_questionnaire_validates(kb: KnowledgeBase, audience: str) -> None:
    done = runner.invoke(app, ["fhir", "questionnaire", "--audience", audience])
    assert done.exit_code == 0, done.output
    assert validate(parse_resource(done.output), kb) == []


@pytest.mark.parametrize("name", ["triage-level", "condition", "finding"])
def test_each_exported_code_system_validates(kb: KnowledgeBase, name: str) -> None:
    done = runner.invoke(app, ["fhir", "codesystem", name])
    assert done.exit_code == 0, done.output
    system = parse_resource(done.output)
    assert system.id == name and validate(system, kb) == []


def test_an_unknown_code_system_exits_4() -> None:
    assert runner.invoke(app, ["fhir", "codesystem", "colours"]).exit_code == 4


def test_a_response_sent_back_is_assessed_keeping_the_patient_reference(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    result = assess(44, "female", {"pain_calf": True, "calf_swelling": True, "hormone_treatment": True})
    bundle = assessment_bundle(kb, result, issued=datetime(2026, 12, 1, tzinfo=UTC),
                               subject="Patient/abc")
    response = tmp_path / "response.json"
    response.write_text(to_json(bundle.entry[0].resource), encoding="utf-8")
    done = runner.invoke(app, ["fhir", "assess", str(response)])
    assert done.exit_code == 0, done.output
    answer = parse_resource(done.output)
    assert validate(answer, kb, [questionnaire(kb, a) for a in AUDIENCES]) == []
    risk = bundle_risk_assessment(answer)
    assert triage_level(risk) == result.level
    assert risk.subject.reference == "Patient/abc"


def test_assessing_something_other_than_a_response_exits_2(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    path.write_text(to_json(questionnaire(kb)), encoding="utf-8")
    done = runner.invoke(app, ["fhir", "assess", str(path)])
    assert done.exit_code == 2 and "QuestionnaireResponse" in done.output


def test_a_response_with_two_answers_to_one_question_exits_2(kb: KnowledgeBase) -> None:
    result = assess(44, "female", {"pain_calf": True})
    response = json.loads(to_json(assessment_bundle(
        kb, result, issued=datetime(2026, 12, 1, tzinfo=UTC)).entry[0].resource))
    response["item"][1]["item"][0]["answer"].append({"valueBoolean": False})
    done = runner.invoke(app, ["fhir", "assess", "-"], input=json.dumps(response))
    assert done.exit_code == 2 and "pain_calf" in done.output
