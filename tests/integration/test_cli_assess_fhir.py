"""`popliteal assess --fhir`: an interview answered from a file, exported as a FHIR Bundle."""

from __future__ import annotations

import json
from pathlib import Path

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from typer.testing import CliRunner

from popliteal.cli.main import app
from popliteal.fhir import parse_resource, questionnaire, read_bundle, validate
from popliteal.fhir.questionnaire import AUDIENCES, questionnaire_url
from popliteal.fhir.reading import bundle_risk_assessment, triage_level
from popliteal.knowledge import KnowledgeBase

runner = CliRunner()
ANSWERS = """\
age: 58
sex: female
findings: {swelling_behind_knee: true}
answers:
  onset: gradual
  calf_swelling: no
  known_knee_arthritis: yes
"""


def test_the_bundle_holds_the_interview_and_matches_the_json_result(kb: KnowledgeBase,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    exported = runner.invoke(app, ["assess", "--answers", str(path), "--fhir"])
    assert exported.exit_code == 0, exported.output
    bundle = parse_resource(exported.output)
    assert validate(bundle, kb, [questionnaire(kb, a) for a in AUDIENCES]) == []
    as_json = json.loads(runner.invoke(app, ["assess", "--answers", str(path), "--json"]).output)
    patient, findings = read_bundle(kb, bundle)
    assert (patient.age, patient.sex) == (58, "female")
    assert findings == as_json["assessment"]["findings"]
    assert triage_level(bundle_risk_assessment(bundle)).value == as_json["level"]
    interview = [e.resource for e in bundle.entry if isinstance(e.resource, QuestionnaireResponse)
                 and str(e.resource.questionnaire).startswith(questionnaire_url("patient"))]
    assert len(interview) == 1


def test_json_and_fhir_together_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    done = runner.invoke(app, ["assess", "--answers", str(path), "--json", "--fhir"])
    assert done.exit_code == 2
