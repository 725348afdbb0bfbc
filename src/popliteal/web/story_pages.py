"""The story step in the browser: the person's own words, then what was understood, to confirm.

The start form posts age and sex here; the next page asks for the story (which may be skipped);
the one after lists each finding read from it with the words that decided it, as a yes / no /
leave-it-out choice. Posting that list to ``/assessments`` starts the assessment from the
confirmed findings. Until then nothing is stored: age, sex and the story travel only in the
forms (hidden fields) and are never logged, and the story is never stored at all.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from popliteal.engine.evidence import Patient
from popliteal.service import MAX_STORY_CHARS, AssessmentService, StoryReading
from popliteal.web.deps import get_service
from popliteal.web.forms import read_patient
from popliteal.web.pages import begin, start_page_again
from popliteal.web.rendering import render

router = APIRouter(include_in_schema=False)

STORY_TOO_LONG = (f"Shorten what you wrote to {MAX_STORY_CHARS:,} characters or fewer, or "
                  "leave out the details: the questions will ask about them")
# Why a mention was read but not taken as an answer, in plain words.
NOT_TAKEN = {
    "uncertain": "you did not sound sure",
    "hypothetical": "it reads as a worry or a question",
    "past": "it reads as something before this time",
    "other_person": "it reads as about someone else",
    "other_side": "it reads as about the other leg",
    "too_long_ago": "it was too long ago to count",
}


def _story_page(request: Request, patient: Patient, story: str,
                error: str | None = None) -> HTMLResponse:
    context = {"patient": patient, "story": story, "error": error,
               "max_chars": MAX_STORY_CHARS}
    return render(request, "story.html", context, status_code=422 if error else 200)


def _confirm_page(request: Request, patient: Patient, story: str,
                  reading: StoryReading) -> HTMLResponse:
    context: dict[str, Any] = {
        "patient": patient, "story": story, "understood": reading.understood,
        "unsure": [(item, NOT_TAKEN.get(item.status, "")) for item in reading.unsure],
    }
    return render(request, "confirm.html", context)


@router.post("/story", response_class=HTMLResponse)
def story_page(request: Request, age: str = Form(""), sex: str = Form(""),
               story: str = Form("")) -> Response:
    """Ask for the story, once age and sex are right; "change what I wrote" comes back here."""
    patient, errors = read_patient(age, sex)
    if patient is None:
        return start_page_again(request, {"age": age, "sex": sex}, errors)
    return _story_page(request, patient, story)


@router.post("/story/read", response_class=HTMLResponse)
def read_story(request: Request, age: str = Form(""), sex: str = Form(""),
               story: str = Form(""), service: AssessmentService = Depends(get_service)
               ) -> Response:
    """What was understood, to confirm; a blank story goes straight to the questions."""
    patient, errors = read_patient(age, sex)
    if patient is None:
        return start_page_again(request, {"age": age, "sex": sex}, errors)
    if not story.strip():
        return begin(request, service, patient, {})
    if len(story) > MAX_STORY_CHARS:
        return _story_page(request, patient, story, error=STORY_TOO_LONG)
    return _confirm_page(request, patient, story, service.read_story(story))
