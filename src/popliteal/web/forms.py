"""Reading the HTML forms: age and sex in plain-word errors, findings as yes, no or left out.

The start flow, the story confirmation and clinician mode all post these same fields.
"""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Request

from popliteal.api import make_patient
from popliteal.engine.evidence import MAX_AGE, MIN_AGE, Patient
from popliteal.errors import InvalidInputError
from popliteal.knowledge import KnowledgeBase

FIELD_PREFIX = "finding-"
ANSWERS = {"yes": True, "no": False}


async def form_fields(request: Request) -> dict[str, str]:
    """Every field of a posted form, one value each, for forms whose field names vary."""
    form = await request.form()
    return {key: str(value) for key, value in form.items()}


def read_patient(age: str, sex: str) -> tuple[Patient | None, dict[str, str]]:
    """The patient from the start form, or a message per field in plain words."""
    errors: dict[str, str] = {}
    age_value = None
    try:
        age_value = int(age.strip())
    except ValueError:
        errors["age"] = "Enter your age as a whole number of years, for example 54"
    if age_value is not None and not MIN_AGE <= age_value <= MAX_AGE:
        errors["age"] = f"Enter an age from {MIN_AGE} to {MAX_AGE}: popliteal is for adults"
    if sex not in ("female", "male"):
        errors["sex"] = "Choose female or male"
    if errors or age_value is None:
        return None, errors
    return make_patient(age_value, sex), errors


def read_findings(kb: KnowledgeBase, form: Mapping[str, str]) -> dict[str, bool]:
    """Findings answered yes or no; "not recorded", "leave it out" and the like are unknown."""
    findings: dict[str, bool] = {}
    for name, value in form.items():
        if not name.startswith(FIELD_PREFIX):
            continue
        finding_id = name.removeprefix(FIELD_PREFIX)
        if finding_id not in kb.findings:
            raise InvalidInputError(f"unknown finding {finding_id!r}", field=name)
        if value in ANSWERS:
            findings[finding_id] = ANSWERS[value]
    return findings
