"""Clinician mode in the browser: enter findings directly, see the full clinical picture.

`/clinician` is a form with every finding, examination findings included, grouped by
category; posting it shows the whole differential with likelihood ratios, the level of care
with every reason, and the Wells DVT score and Ottawa knee rule item by item. Nothing is
stored. The same view of a stored assessment is at `/assessments/{id}/clinician`, behind the
assessment's own cookie like its other pages.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from popliteal.clinician import ClinicianReport, clinician_report
from popliteal.engine.assessment import Assessment, run_assessment
from popliteal.engine.evidence import MAX_AGE, MIN_AGE, Patient
from popliteal.errors import InvalidInputError
from popliteal.fhir import assessment_bundle, to_json
from popliteal.fhir.questionnaire import CATEGORY_TITLES
from popliteal.knowledge import KnowledgeBase
from popliteal.knowledge.model import Category, Finding
from popliteal.service import AssessmentService, Opened
from popliteal.web.deps import get_service, page_assessment
from popliteal.web.fhir_routes import FHIR_JSON
from popliteal.web.forms import FIELD_PREFIX, form_fields, read_findings, read_patient
from popliteal.web.rendering import render

router = APIRouter(include_in_schema=False)


def finding_groups(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The findings by category, for the form."""
    groups: dict[Category, list[Finding]] = {}
    for finding in kb.findings.values():
        groups.setdefault(finding.category, []).append(finding)
    return [{"id": category, "title": CATEGORY_TITLES[category], "findings": findings}
            for category, findings in groups.items()]


def _form_page(request: Request, kb: KnowledgeBase, values: dict[str, str],
               errors: dict[str, str], status_code: int = 200) -> HTMLResponse:
    return render(request, "clinician_form.html",
                  {"groups": finding_groups(kb), "min_age": MIN_AGE, "max_age": MAX_AGE,
                   "values": values, "errors": errors}, status_code=status_code)


def _report_page(request: Request, report: ClinicianReport, context: dict[str, Any]) -> HTMLResponse:
    return render(request, "clinician.html", {"report": report, **context})


@router.get("/clinician", response_class=HTMLResponse)
def clinician_form(request: Request,
                   service: AssessmentService = Depends(get_service)) -> HTMLResponse:
    return _form_page(request, service.kb, {}, {})


async def _read_form(request: Request, kb: KnowledgeBase
                     ) -> tuple[Patient | None, dict[str, bool], dict[str, str], dict[str, str]]:
    raw = await form_fields(request)
    patient, errors = read_patient(raw.get("age", ""), raw.get("sex", ""))
    return patient, read_findings(kb, raw), errors, raw


@router.post("/clinician", response_class=HTMLResponse)
async def clinician_result(request: Request,
                           service: AssessmentService = Depends(get_service)) -> HTMLResponse:
    patient, findings, errors, raw = await _read_form(request, service.kb)
    if patient is None:
        values = {key: value[:20] for key, value in raw.items()}
        return _form_page(request, service.kb, values, errors, status_code=422)
    result = run_assessment(service.kb, patient, findings)
    hidden = {"age": str(patient.age), "sex": patient.sex,
              **{f"{FIELD_PREFIX}{f}": "yes" if v else "no" for f, v in findings.items()}}
    return _report_page(request, clinician_report(service.kb, result),
                        {"hidden": hidden, "home": None})


@router.post("/clinician/fhir")
async def clinician_fhir(request: Request,
                         service: AssessmentService = Depends(get_service)) -> Response:
    """The findings entered and their result as a FHIR Bundle, to download."""
    patient, findings, errors, _ = await _read_form(request, service.kb)
    if patient is None:
        raise InvalidInputError("; ".join(errors.values()), field=next(iter(errors)))
    result = run_assessment(service.kb, patient, findings)
    return _bundle_download(service.kb, result, service.clock(), None)


@router.get("/assessments/{assessment_id}/clinician", response_class=HTMLResponse)
def assessment_clinician(request: Request, opened: Opened = Depends(page_assessment),
                         service: AssessmentService = Depends(get_service)) -> HTMLResponse:
    report = clinician_report(service.kb, service.result(opened))
    return _report_page(request, report, {"hidden": None,
                                          "home": f"/assessments/{opened.id}"})


@router.get("/assessments/{assessment_id}/fhir.json")
def assessment_fhir(opened: Opened = Depends(page_assessment),
                    service: AssessmentService = Depends(get_service)) -> Response:
    """A stored assessment as a FHIR Bundle, to download from the browser."""
    return _bundle_download(service.kb, service.result(opened), service.clock(), opened)


def _bundle_download(kb: KnowledgeBase, result: Assessment, issued: datetime,
                     opened: Opened | None) -> Response:
    bundle = assessment_bundle(kb, result, issued=issued.astimezone(UTC),
                               interview=opened.state if opened is not None else None)
    name = f"popliteal-{issued.astimezone(UTC):%Y%m%dT%H%M%SZ}.fhir.json"
    return Response(content=to_json(bundle), media_type=FHIR_JSON,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
