"""The REST API, /api/v1: the same use cases as the web pages, as JSON.

Handlers that touch the database are plain functions, run in the worker's thread pool, so a
slow database call never blocks the event loop.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from fastapi import Path as PathParam

from popliteal.api import make_patient, normalise_findings
from popliteal.errors import InvalidInputError, NotFoundError
from popliteal.interview import Question
from popliteal.service import AssessmentService, Opened
from popliteal.web.deps import api_assessment, get_service
from popliteal.web.problems import problem_responses
from popliteal.web.schemas import (
    ID_TEXT,
    AnswerIn,
    ChangeIn,
    CreateAssessment,
    CreatedOut,
    ExplanationOut,
    NarrativeIn,
    NarrativeOut,
    ResultOut,
    StatusOut,
    WhyOut,
)

PREFIX = "/api/v1"
router = APIRouter(prefix=PREFIX, tags=["assessments"])

Service = Annotated[AssessmentService, Depends(get_service)]
Authorised = Annotated[Opened, Depends(api_assessment)]
QuestionId = Annotated[str, PathParam(pattern=ID_TEXT, max_length=80)]

# 400 is a body that is not even JSON text; 422 a body or parameter that breaks the schema.
READ_ERRORS = problem_responses(401, 413, 422)
WRITE_ERRORS = problem_responses(400, 401, 409, 413, 422)
QUESTION_ERRORS = problem_responses(400, 401, 404, 409, 413, 422)


def _question_in_path(service: AssessmentService, question_id: str) -> Question:
    """A question named in the URL; one that does not exist is a missing resource (404)."""
    try:
        return service.question(question_id)
    except InvalidInputError as exc:
        raise NotFoundError(str(exc)) from exc


@router.post("/narrative", response_model=NarrativeOut, responses=problem_responses(400, 413, 422),
             summary="Read a person's own words into findings")
def read_narrative(body: NarrativeIn, service: Service) -> NarrativeOut:
    """Read a person's account of their knee into findings, each with the words that decided
    it. Nothing is stored, neither the text nor the findings. Show the findings to the person
    to confirm or correct, then start the assessment with `POST /api/v1/assessments`, sending
    the confirmed ones as `findings`: the interview does not ask them again."""
    return NarrativeOut.of(service.read_story(body.text))


@router.post("/assessments", status_code=status.HTTP_201_CREATED, response_model=CreatedOut,
             responses=problem_responses(400, 413, 422), summary="Start an assessment")
def create_assessment(body: CreateAssessment, response: Response, service: Service) -> CreatedOut:
    """Start an assessment. The response carries its id, its token and the first question."""
    patient = make_patient(body.age, body.sex)
    step, token = service.create(patient, normalise_findings(service.kb, body.findings))
    response.headers["Location"] = f"{PREFIX}/assessments/{step.opened.id}"
    return CreatedOut.created(step, token)


@router.get("/assessments/{assessment_id}", response_model=StatusOut, responses=READ_ERRORS,
            summary="Where an assessment stands")
def get_assessment(opened: Authorised, service: Service) -> StatusOut:
    return StatusOut.of(service.step(opened))


@router.get("/assessments/{assessment_id}/question", response_model=StatusOut,
            responses=READ_ERRORS, summary="The next question (null once complete)")
def get_question(opened: Authorised, service: Service) -> StatusOut:
    return StatusOut.of(service.step(opened))


@router.post("/assessments/{assessment_id}/answers", response_model=StatusOut,
             responses=WRITE_ERRORS, summary="Answer a question")
def answer(body: AnswerIn, opened: Authorised, service: Service) -> StatusOut:
    """Answer the question; the response carries the next one."""
    return StatusOut.of(service.answer(opened, body.question_id, body.value))


@router.put("/assessments/{assessment_id}/answers/{question_id}", response_model=StatusOut,
            responses=QUESTION_ERRORS, summary="Change an earlier answer")
def change(question_id: QuestionId, body: ChangeIn, opened: Authorised,
           service: Service) -> StatusOut:
    """Change an answer; the questions after it may change too."""
    question = _question_in_path(service, question_id)
    return StatusOut.of(service.change(opened, question.id, body.value))


@router.post("/assessments/{assessment_id}/back", response_model=StatusOut,
             responses=WRITE_ERRORS, summary="Take back the last answer")
def back(opened: Authorised, service: Service) -> StatusOut:
    return StatusOut.of(service.back(opened))


@router.get("/assessments/{assessment_id}/result", response_model=ResultOut,
            responses=READ_ERRORS, summary="The result")
def result(opened: Authorised, service: Service) -> ResultOut:
    """The result: the level of care with its reasons, the causes, self-care and safety net."""
    step = service.step(opened)
    return ResultOut(id=opened.id, complete=step.complete, assessment=service.result(opened))


@router.get("/assessments/{assessment_id}/explanation", response_model=ExplanationOut,
            responses=READ_ERRORS, summary="Why the result is what it is")
def explanation(opened: Authorised, service: Service) -> ExplanationOut:
    return ExplanationOut.of(opened.id, service.result(opened))


@router.get("/assessments/{assessment_id}/questions/{question_id}/why", response_model=WhyOut,
            responses=QUESTION_ERRORS, summary="Why this question is asked")
def why(question_id: QuestionId, opened: Authorised, service: Service) -> WhyOut:
    question = _question_in_path(service, question_id)
    return WhyOut(question_id=question.id, text=question.text, why=question.why)
