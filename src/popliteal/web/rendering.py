"""Jinja2 templates for the HTML pages, and the page every HTML error is shown on."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from popliteal.disclaimer import DISCLAIMER
from popliteal.web.problems import Problem

templates = Jinja2Templates(directory=str(resources.files("popliteal.web") / "templates"))
templates.env.globals["disclaimer"] = DISCLAIMER
templates.env.filters["percent"] = lambda p: f"{p:.0%}" if p >= 0.01 else "under 1%"

ERROR_MESSAGES = {
    401: ("We cannot open this assessment",
          "An assessment can only be opened in the browser that started it. You can start a "
          "new one at any time."),
    404: ("Page not found", "There is no page at this address."),
    409: ("This page was out of date",
          "Your answers were changed in another tab or window. Go back to the assessment to "
          "see where it stands now."),
    413: ("Too much text", "What you sent was longer than popliteal accepts."),
}


def render(request: Request, name: str, context: dict[str, Any],
           status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def render_error_page(request: Request, problem: Problem) -> HTMLResponse:
    title, message = ERROR_MESSAGES.get(problem.status, (problem.title, problem.detail))
    return render(request, "error.html",
                  {"title": title, "message": message, "status": problem.status},
                  status_code=problem.status)
