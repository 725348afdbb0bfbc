"""`popliteal fhir`: export popliteal's FHIR definitions, and assess a QuestionnaireResponse."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import typer
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from popliteal.cli.errors import friendly_errors
from popliteal.engine.assessment import run_assessment
from popliteal.errors import InvalidInputError, NotFoundError
from popliteal.fhir import (
    assessment_bundle,
    code_systems,
    parse_resource,
    questionnaire,
    read_response,
    to_json,
)
from popliteal.fhir.questionnaire import AUDIENCES
from popliteal.knowledge import load_knowledge_base

app = typer.Typer(help="FHIR R4B: the questionnaires, the code systems, and assessing answers.",
                  no_args_is_help=True)


@app.command("questionnaire")
@friendly_errors
def export_questionnaire(
    audience: str = typer.Option("patient", "--audience",
                                 help="patient (questions in lay words) or clinician (every finding)."),
) -> None:
    """Print a Questionnaire as FHIR JSON."""
    if audience not in AUDIENCES:
        raise InvalidInputError(f"--audience must be one of {', '.join(AUDIENCES)}",
                                field="audience")
    print(to_json(questionnaire(load_knowledge_base(), audience)))


@app.command("codesystem")
@friendly_errors
def export_code_system(
    name: str = typer.Argument(..., help="triage-level, condition or finding."),
) -> None:
    """Print one of popliteal's CodeSystems as FHIR JSON."""
    systems = {str(system.id): system for system in code_systems(load_knowledge_base())}
    if name not in systems:
        raise NotFoundError(f"no code system {name!r}; choose one of {', '.join(systems)}")
    print(to_json(systems[name]))


@app.command("assess")
@friendly_errors
def assess_response(
    path: Path = typer.Argument(..., help="A QuestionnaireResponse JSON file, or - for stdin."),
) -> None:
    """Assess the answers in a QuestionnaireResponse; print the Bundle with the RiskAssessment."""
    text = sys.stdin.read() if str(path) == "-" else _read(path)
    response = parse_resource(text)
    if not isinstance(response, QuestionnaireResponse):
        raise InvalidInputError("expected a QuestionnaireResponse", field="resourceType")
    kb = load_knowledge_base()
    patient, findings = read_response(kb, response)
    result = run_assessment(kb, patient, findings)
    subject = response.subject.reference if response.subject is not None else None
    print(to_json(assessment_bundle(kb, result, issued=datetime.now(UTC), subject=subject)))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}", field="path") from exc
