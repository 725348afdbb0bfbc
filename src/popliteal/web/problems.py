"""The one place where errors become HTTP responses.

The REST API answers with RFC 9457 problem details (application/problem+json) that name the
field at fault; the HTML pages answer with a page in plain words. The status always comes from
the error class in :mod:`popliteal.errors`, or from Starlette for routing errors (404, 405).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Scope

from popliteal.errors import AuthenticationError, PoplitealError

PROBLEM_JSON = "application/problem+json"
API_PREFIX = "/api/"

log = logging.getLogger("popliteal.web")


class FieldError(BaseModel):
    model_config = ConfigDict(frozen=True)

    field: str
    message: str


class Problem(BaseModel):
    """An error, as RFC 9457 problem details; ``field`` names the input at fault."""

    model_config = ConfigDict(frozen=True)

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    field: str | None = None
    errors: tuple[FieldError, ...] = ()


HtmlRenderer = Callable[[Request, Problem], Response]


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name.removesuffix("Error")).lower()


def _title(status: int) -> str:
    return HTTPStatus(status).phrase


def _dotted(location: Sequence[int | str]) -> str:
    parts = [str(p) for p in location]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def problem_for(exc: Exception, instance: str | None = None) -> Problem:
    """The problem details of any exception; internal errors say nothing about themselves."""
    if isinstance(exc, PoplitealError):
        field = getattr(exc, "field", None)
        return Problem(type=f"urn:popliteal:problem:{_kebab(type(exc).__name__)}",
                       title=_title(exc.http_status), status=exc.http_status, detail=str(exc),
                       instance=instance, field=field,
                       errors=(FieldError(field=field, message=str(exc)),) if field else ())
    if isinstance(exc, RequestValidationError):
        errors = tuple(FieldError(field=_dotted(e["loc"]), message=e["msg"])
                       for e in exc.errors())
        return Problem(type="urn:popliteal:problem:invalid-input", title=_title(422), status=422,
                       detail="; ".join(f"{e.field}: {e.message}" for e in errors),
                       instance=instance, field=errors[0].field if errors else None,
                       errors=errors)
    if isinstance(exc, StarletteHTTPException):
        return Problem(title=_title(exc.status_code), status=exc.status_code,
                       detail=str(exc.detail), instance=instance)
    return Problem(title=_title(500), status=500, instance=instance,
                   detail="Something went wrong on our side. Nothing you did caused it.")


def _headers(exc: Exception, is_api: bool) -> dict[str, str]:
    headers = dict(getattr(exc, "headers", None) or {})
    if isinstance(exc, AuthenticationError) and is_api:
        headers["WWW-Authenticate"] = 'Bearer realm="popliteal"'
    return headers


def problem_json(problem: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(problem.model_dump(mode="json", exclude_none=True),
                        status_code=problem.status, media_type=PROBLEM_JSON, headers=headers)


def is_api_path(path: str) -> bool:
    return path.startswith(API_PREFIX)


def install_error_handlers(app: FastAPI, render_html: HtmlRenderer) -> None:
    """Map every error to a problem (API) or an error page (HTML), in this one function."""

    async def handle(request: Request, exc: Exception) -> Response:
        problem = problem_for(exc, instance=request.url.path)
        if problem.status >= 500:
            log.error("internal error on %s %s", request.method, request.scope.get("route_path",
                      request.url.path), exc_info=exc)
        is_api = is_api_path(request.url.path)
        if is_api:
            return problem_json(problem, _headers(exc, is_api))
        response = render_html(request, problem)
        response.headers.update(_headers(exc, is_api))
        return response

    for kind in (PoplitealError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle)


def too_large_responder(render_html: HtmlRenderer) -> Callable[[Scope, PoplitealError], ASGIApp]:
    """What the body-limit middleware sends: the same mapping, outside the router."""

    def respond(scope: Scope, exc: PoplitealError) -> ASGIApp:
        path = str(scope.get("path", ""))
        problem = problem_for(exc, instance=path)
        if is_api_path(path):
            return problem_json(problem)
        return render_html(Request(scope), problem)

    return respond


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problem details an operation can return."""
    return {
        status: {"model": Problem, "description": _title(status),
                 "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        for status in statuses
    }
