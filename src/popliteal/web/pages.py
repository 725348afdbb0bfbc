"""The HTML pages: one question per screen, the result, the answers, the report for a doctor.

Every page works without JavaScript: each step is a form that posts and redirects (POST,
then 303 to a GET), so reloading a page never answers twice. The token lives in an HttpOnly,
SameSite=Strict cookie scoped to the assessment's own path, so it never appears in a URL or a
log, and another site cannot post answers on the person's behalf.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from popliteal.engine.evidence import MAX_AGE, MIN_AGE, Patient
from popliteal.interview import Question
from popliteal.service import AssessmentService, Opened, Step
from popliteal.web.deps import TOKEN_COOKIE, cookie_path, get_service, page_assessment
from popliteal.web.forms import form_fields, read_findings, read_patient
from popliteal.web.rendering import render
from popliteal.web.report import pdf_response, report_context
from popliteal.web.schemas import choices_for

router = APIRouter(include_in_schema=False)

COOKIE_MAX_AGE = 7 * 24 * 3600
CHOOSE_AN_ANSWER = "Choose an answer, or “I don't know”"


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _home(opened: Opened) -> str:
    return f"/assessments/{opened.id}"


def start_page_again(request: Request, fields: Mapping[str, str],
                     errors: dict[str, str]) -> HTMLResponse:
    """The start page once more, each problem beside its field and the values kept."""
    return render(request, "start.html",
                  {"min_age": MIN_AGE, "max_age": MAX_AGE, "errors": errors,
                   "values": {"age": fields.get("age", "")[:4], "sex": fields.get("sex", "")}},
                  status_code=422)


def begin(request: Request, service: AssessmentService, patient: Patient,
          findings: Mapping[str, bool]) -> RedirectResponse:
    """Create the assessment, hand this browser its token, and go to the first question."""
    step, token = service.create(patient, findings)
    response = _redirect(_home(step.opened))
    response.set_cookie(TOKEN_COOKIE, token, max_age=COOKIE_MAX_AGE,
                        path=cookie_path(step.opened.id), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


@router.post("/assessments")
def start(request: Request, fields: dict[str, str] = Depends(form_fields),
          service: AssessmentService = Depends(get_service)) -> Response:
    """Start from age, sex and the findings confirmed from the story (``finding-<id>``)."""
    patient, errors = read_patient(fields.get("age", ""), fields.get("sex", ""))
    if patient is None:
        return start_page_again(request, fields, errors)
    return begin(request, service, patient, read_findings(service.kb, fields))


def _question_page(request: Request, step: Step, question: Question, *, action: str,
                   selected: str | None = None, error: str | None = None,
                   changing: bool = False) -> HTMLResponse:
    context: dict[str, Any] = {
        "home": _home(step.opened), "question": question, "choices": choices_for(question),
        "answered": step.answered, "total": step.answered + max(step.still_to_come, 1),
        "action": action, "selected": selected, "error": error, "changing": changing,
        "can_go_back": bool(step.opened.state.answers) and not changing,
        "emergency": None if changing else step.emergency, "optional": step.optional and not changing,
    }
    return render(request, "question.html", context, status_code=422 if error else 200)


@router.get("/assessments/{assessment_id}", response_class=HTMLResponse)
def question_page(request: Request, opened: Opened = Depends(page_assessment),
                  service: AssessmentService = Depends(get_service)) -> Response:
    step = service.step(opened)
    if step.question is None:
        return _redirect(f"{_home(opened)}/result")
    return _question_page(request, step, step.question, action=f"{_home(opened)}/answers")


@router.post("/assessments/{assessment_id}/answers")
def answer(request: Request, question_id: str = Form(""), value: str = Form(""),
           opened: Opened = Depends(page_assessment),
           service: AssessmentService = Depends(get_service)) -> Response:
    if not value:
        step = service.step(opened)
        question = step.question or service.question(question_id)
        return _question_page(request, step, question, action=f"{_home(opened)}/answers",
                              error=CHOOSE_AN_ANSWER)
    # A second post of an answered question (a double click, an old tab) means its latest answer.
    if question_id in opened.state.answered:
        step = service.change(opened, question_id, value)
    else:
        step = service.answer(opened, question_id, value)
    return _redirect(f"{_home(opened)}/result" if step.complete else _home(opened))


@router.post("/assessments/{assessment_id}/back")
def back(opened: Opened = Depends(page_assessment),
         service: AssessmentService = Depends(get_service)) -> Response:
    service.back(opened)
    return _redirect(_home(opened))


@router.get("/assessments/{assessment_id}/answers", response_class=HTMLResponse)
def review(request: Request, opened: Opened = Depends(page_assessment),
           service: AssessmentService = Depends(get_service)) -> Response:
    rows = []
    for given in opened.state.answers:
        question = service.question(given.question_id)
        labels = {c.value: c.label for c in choices_for(question)}
        rows.append({"question": question, "answer": labels.get(given.value, given.value)})
    step = service.step(opened)
    return render(request, "review.html", {"home": _home(opened), "rows": rows, "step": step})


@router.get("/assessments/{assessment_id}/answers/{question_id}", response_class=HTMLResponse)
def change_page(request: Request, question_id: str, opened: Opened = Depends(page_assessment),
                service: AssessmentService = Depends(get_service)) -> Response:
    question = service.question(question_id)
    selected = next((a.value for a in opened.state.answers if a.question_id == question_id), None)
    return _question_page(request, service.step(opened), question, selected=selected,
                          action=f"{_home(opened)}/answers/{question_id}", changing=True)


@router.post("/assessments/{assessment_id}/answers/{question_id}")
def change(request: Request, question_id: str, value: str = Form(""),
           opened: Opened = Depends(page_assessment),
           service: AssessmentService = Depends(get_service)) -> Response:
    if not value:
        return _question_page(request, service.step(opened), service.question(question_id),
                              action=f"{_home(opened)}/answers/{question_id}",
                              error=CHOOSE_AN_ANSWER, changing=True)
    step = service.change(opened, question_id, value)
    return _redirect(f"{_home(opened)}/result" if step.complete else _home(opened))


@router.get("/assessments/{assessment_id}/result", response_class=HTMLResponse)
def result_page(request: Request, opened: Opened = Depends(page_assessment),
                service: AssessmentService = Depends(get_service)) -> Response:
    step = service.step(opened)
    if not step.complete and step.emergency is None:
        return _redirect(_home(opened))
    # Once the level is an emergency the result can be seen at once; the rest is optional.
    return render(request, "result.html", report_context(service, opened))


@router.get("/assessments/{assessment_id}/report", response_class=HTMLResponse)
def report_page(request: Request, opened: Opened = Depends(page_assessment),
                service: AssessmentService = Depends(get_service)) -> Response:
    return render(request, "report.html", report_context(service, opened))


@router.get("/assessments/{assessment_id}/report.pdf")
def report_pdf(opened: Opened = Depends(page_assessment),
               service: AssessmentService = Depends(get_service)) -> Response:
    return pdf_response(report_context(service, opened))
