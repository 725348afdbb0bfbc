"""`popliteal assess`: the adaptive interview in the terminal, or answered from a file.

A file of answers (YAML or JSON) looks like::

    age: 54
    sex: female
    story: The back of my knee has been swollen for a week.   # optional, read like typed words
    findings: {swelling_behind_knee: true}                     # optional, already known
    answers:                                                   # by question id
      chest_screen: none
      calf_swelling: no
      onset: gradual

The interview then runs as it would in the terminal, answering each question from the file
("don't know" when the file has no answer). `popliteal kb show ID` explains any id.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import typer
import yaml
from rich.console import Console

from popliteal.api import make_patient
from popliteal.cli.assessment_view import result_screen
from popliteal.cli.errors import friendly_errors
from popliteal.cli.terminal_interview import Quit, TerminalInterview, narrative_reader
from popliteal.engine.assessment import Assessment
from popliteal.errors import InvalidInputError
from popliteal.fhir import assessment_bundle, to_json
from popliteal.interview import InterviewState, finish, start_interview
from popliteal.interview.scripted import read_script, run_scripted
from popliteal.knowledge import KnowledgeBase, load_knowledge_base

FILE_KEYS = {"age", "sex", "story", "findings", "answers"}


@friendly_errors
def assess(
    answers: Path | None = typer.Option(
        None, "--answers", help="Answer from a YAML or JSON file (age, sex, answers by "
        "question id) instead of asking.", dir_okay=False),
    json_output: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    fhir_output: bool = typer.Option(
        False, "--fhir", help="Print a FHIR R4B Bundle: the answers (QuestionnaireResponses) "
        "and the result (RiskAssessment)."),
) -> None:
    """Assess pain behind the knee: a short interview, then how urgent it is and why."""
    if json_output and fhir_output:
        raise InvalidInputError("choose one of --json and --fhir", field="output")
    kb = load_knowledge_base()
    if answers is not None:
        state = answered_from_file(kb, answers)
    else:
        state = interview_in_terminal(kb, Console(stderr=json_output or fhir_output,
                                                  highlight=False))
    result = finish(kb, state)
    if fhir_output:
        print(to_json(assessment_bundle(kb, result, issued=datetime.now(UTC), interview=state)))
    elif json_output:
        print(json.dumps(result_json(state, result), indent=2))
    else:
        Console(highlight=False).print(result_screen(result, len(state.answers)))


def interview_in_terminal(kb: KnowledgeBase, console: Console) -> InterviewState:
    try:
        return TerminalInterview(console, narrative_reader()).run(kb)
    except Quit:
        console.print("Stopped. Nothing was saved.")
        sys.exit(0)


def answered_from_file(kb: KnowledgeBase, path: Path) -> InterviewState:
    """The interview run to its end from a file of answers; errors name the file and field."""
    document = _read_document(path)
    try:
        patient = make_patient(document.get("age"), document.get("sex"))
        initial = {**_story_findings(document.get("story")),
                   **_mapping(document.get("findings"), "findings")}
        state = start_interview(kb, patient, initial)
        script = read_script(kb, _mapping(document.get("answers"), "answers"))
    except InvalidInputError as exc:
        where = f"{path}, field {exc.field}" if exc.field else str(path)
        raise InvalidInputError(f"{where}: {exc}", field=exc.field) from None
    return run_scripted(kb, state, script)


def _read_document(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror}", field="answers") from None
    try:
        document = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise InvalidInputError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'YAML'}"
                                f": {exc}", field="answers") from None
    if not isinstance(document, dict):
        raise InvalidInputError(f"{path}: expected a mapping with age, sex and answers",
                                field="answers")
    unknown = sorted(set(map(str, document)) - FILE_KEYS)
    if unknown:
        raise InvalidInputError(f"{path}: unknown key {unknown[0]!r}; use "
                                f"{', '.join(sorted(FILE_KEYS))}", field=unknown[0])
    return document


def _mapping(value: object, field: str) -> Mapping[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInputError(f"{field} must be a mapping of id to answer", field=field)
    return value


def _story_findings(story: object) -> dict[str, bool]:
    if story is None:
        return {}
    reader = narrative_reader()
    if not isinstance(story, str) or reader is None:
        raise InvalidInputError("story must be text (and needs the free-text reader)",
                                field="story")
    return {item.finding_id: item.present for item in reader(story)}


def result_json(state: InterviewState, result: Assessment) -> dict[str, Any]:
    """The machine-readable result: the assessment and the interview that led to it."""
    return {
        "level": result.level.value,
        "assessment": result.model_dump(mode="json"),
        "interview": {"questions": len(state.answers), "state": state.model_dump(mode="json")},
    }
