"""Dependencies the routers share. A new router (FHIR export, say) uses the same two:

    @router.get("/api/v1/assessments/{assessment_id}/fhir")
    def export(opened: Opened = Depends(api_assessment),
               service: AssessmentService = Depends(get_service)) -> ...
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from popliteal.service import AssessmentService, Opened
from popliteal.service.tokens import ID_PATTERN

TOKEN_COOKIE = "popliteal_token"

bearer = HTTPBearer(auto_error=False, scheme_name="AssessmentToken",
                    description="The token returned once, when the assessment was created.")

AssessmentId = Annotated[str, Path(pattern=ID_PATTERN, description="The assessment's id.")]


def get_service(request: Request) -> AssessmentService:
    service: AssessmentService = request.app.state.service
    return service


def api_assessment(
    assessment_id: AssessmentId,
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
    service: AssessmentService = Depends(get_service),
) -> Opened:
    """The assessment named in the path, opened with the bearer token (401 otherwise)."""
    return service.open(assessment_id, credentials.credentials if credentials else None)


def page_assessment(assessment_id: str, request: Request,
                    service: AssessmentService = Depends(get_service)) -> Opened:
    """The assessment named in the path, opened with the token cookie this browser holds."""
    return service.open(assessment_id, request.cookies.get(TOKEN_COOKIE))


def cookie_path(assessment_id: str) -> str:
    """The token cookie is sent only to this assessment's own pages."""
    return f"/assessments/{assessment_id}"
