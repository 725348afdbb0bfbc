"""What the result page and the report for a doctor show, and the report as a PDF (WeasyPrint).

The PDF is the report page itself, rendered by WeasyPrint with the packaged stylesheet; its
URL fetcher may read local files only, so rendering never reaches the network.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi.responses import Response
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from popliteal.levels import Level
from popliteal.service import AssessmentService, Opened
from popliteal.web.rendering import templates
from popliteal.web.schemas import choices_for

STYLESHEET = "/static/popliteal.css"

LEVEL_LABELS = {
    Level.EMERGENCY_AMBULANCE: "Emergency: call an ambulance",
    Level.EMERGENCY: "Emergency department now",
    Level.CONSULTATION_24: "Urgent: within 24 hours",
    Level.CONSULTATION: "See a GP or physiotherapist",
    Level.SELF_CARE: "Self-care at home",
}


def report_context(service: AssessmentService, opened: Opened) -> dict[str, Any]:
    """Everything the result page and the report need, from the stored answers."""
    result = service.result(opened)
    kb = service.kb
    answers = []
    for given in opened.state.answers:
        question = service.question(given.question_id)
        labels = {c.value: c.label for c in choices_for(question)}
        answers.append({"text": question.text, "answer": labels.get(given.value, given.value)})
    findings = sorted(((kb.findings[f].clinician, present) for f, present in result.findings.items()),
                      key=lambda item: (not item[1], item[0]))
    return {
        "home": f"/assessments/{opened.id}",
        "result": result,
        "level_label": LEVEL_LABELS[result.level],
        "names": {c.condition_id: c.lay_name for c in result.conditions},
        "answers": answers,
        "findings": findings,
        "generated": service.clock(),
        "stylesheet": STYLESHEET,
    }


def _static_file(name: str) -> str:
    return str(resources.files("popliteal.web") / "static" / name)


def render_pdf(context: dict[str, Any]) -> bytes:
    """The report page as an A4 PDF."""
    html = templates.get_template("report.html").render({**context, "stylesheet": None,
                                                         "for_pdf": True})
    document = HTML(string=html, base_url=_static_file(""),
                    url_fetcher=URLFetcher(allowed_protocols=("file",)))
    pdf: bytes = document.write_pdf(stylesheets=[CSS(filename=_static_file("popliteal.css"))])
    return pdf


def pdf_response(context: dict[str, Any]) -> Response:
    return Response(render_pdf(context), media_type="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="popliteal-report.pdf"'})
