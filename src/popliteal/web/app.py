"""The web application: the REST API and the HTML pages over one service and one database.

``create_app(settings)`` builds it; ``app_from_env`` is the factory each `popliteal serve`
worker calls. A new set of routes is one more line in :data:`ROUTERS`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

import popliteal
from popliteal.knowledge import KnowledgeBase, load_knowledge_base
from popliteal.service import AssessmentService, Clock, utc_now
from popliteal.settings import Settings, settings_from_env
from popliteal.store import Store
from popliteal.text import prepare_reader
from popliteal.web import api, clinician_pages, fhir_routes, pages, story_pages, system
from popliteal.web.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from popliteal.web.problems import PROBLEM_JSON, install_error_handlers, too_large_responder
from popliteal.web.rendering import render_error_page

ROUTERS: tuple[APIRouter, ...] = (
    system.router,
    api.router,
    fhir_routes.router,
    clinician_pages.router,
    story_pages.router,
    pages.router,
)

DESCRIPTION = """\
Assessment and triage of pain behind the knee, for adults. Start an assessment, answer one
question at a time, then read the result: the level of care with its reasons, the likely causes
with their probabilities, self-care and when to seek help.

To start from the person's own words, send them to `POST /api/v1/narrative`, show what was
understood for the person to confirm or correct, and create the assessment with the confirmed
`findings`. The words are never stored.

Creating an assessment returns its `token`, once. Send it as `Authorization: Bearer <token>`
on every later request; without it an assessment can be neither read nor changed.

Errors are problem details (RFC 9457, `application/problem+json`); `field` names the input at
fault. popliteal gives information, not a diagnosis.
"""


def create_app(settings: Settings, *, store: Store | None = None,
               kb: KnowledgeBase | None = None, clock: Clock = utc_now) -> FastAPI:
    """The application over ``settings.database_url`` (or the given store), migrated to head."""
    store = store or Store.from_url(settings.database_url)
    store.migrate()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(prepare_reader)
        yield
        store.dispose()

    app = FastAPI(title="popliteal", version=popliteal.__version__, description=DESCRIPTION,
                  openapi_url=f"{api.PREFIX}/openapi.json", docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.settings = settings
    app.state.service = AssessmentService(store, kb or load_knowledge_base(), clock)
    install_error_handlers(app, render_error_page)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(packages=[("popliteal.web", "static")]), name="static")
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes,
                       too_large=too_large_responder(render_error_page))
    app.add_middleware(SecurityHeadersMiddleware)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated schema, with error bodies declared as application/problem+json."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description,
                             routes=app.routes)
        for path in schema["paths"].values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if status[0] in "45" and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
        app.openapi_schema = schema
    return app.openapi_schema


def app_from_env() -> FastAPI:
    """The factory a `popliteal serve` worker calls: settings from the environment."""
    return create_app(settings_from_env())
