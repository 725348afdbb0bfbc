"""Routes that need no assessment: the health check and the start page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict

from popliteal.engine.evidence import MAX_AGE, MIN_AGE
from popliteal.web.rendering import render

router = APIRouter()


class Health(BaseModel):
    model_config = ConfigDict(frozen=True)

    status: str


@router.get("/healthz", response_model=Health, tags=["system"],
            summary="Is the process up (without touching the database)")
async def healthz() -> Health:
    return Health(status="ok")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def start_page(request: Request) -> HTMLResponse:
    return render(request, "start.html", {"min_age": MIN_AGE, "max_age": MAX_AGE,
                                          "errors": {}, "values": {}})
