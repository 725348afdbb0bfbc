"""The Python API: one call from age, sex and findings to a full assessment.

>>> from popliteal import assess
>>> result = assess(54, "female", {"swelling_behind_knee": True, "calf_swelling": False})
>>> result.level.value in {"self_care", "consultation", "consultation_24"}
True
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from popliteal.engine.assessment import Assessment, run_assessment
from popliteal.engine.evidence import MAX_AGE, MIN_AGE, Patient
from popliteal.errors import InvalidInputError
from popliteal.knowledge import KnowledgeBase, load_knowledge_base


def make_patient(age: object, sex: object) -> Patient:
    """A checked patient, or an error naming the bad field."""
    if isinstance(age, bool) or not isinstance(age, int):
        raise InvalidInputError(f"age must be a whole number of years, not {age!r}", field="age")
    if not MIN_AGE <= age <= MAX_AGE:
        raise InvalidInputError(f"age must be between {MIN_AGE} and {MAX_AGE} (popliteal is for "
                                f"adults), not {age}", field="age")
    if sex not in ("female", "male"):
        raise InvalidInputError(f"sex must be 'female' or 'male', not {sex!r}", field="sex")
    try:
        return Patient(age=age, sex=sex)
    except ValidationError as exc:  # pragma: no cover - the checks above cover the model
        raise InvalidInputError(str(exc)) from exc


def normalise_findings(kb: KnowledgeBase, findings: Mapping[str, object]) -> dict[str, bool]:
    """Map published ids (and their aliases) to current ids; reject unknown ids and non-booleans."""
    result: dict[str, bool] = {}
    for finding_id, value in findings.items():
        current = kb.resolve_finding(str(finding_id))
        if current is None:
            raise InvalidInputError(f"unknown finding id {finding_id!r} (see `popliteal kb ids`)",
                                    field=f"findings.{finding_id}")
        if not isinstance(value, bool):
            raise InvalidInputError(f"finding {finding_id!r} must be true or false, not {value!r}",
                                    field=f"findings.{finding_id}")
        result[current] = value
    return result


def assess(age: int, sex: str, findings: Mapping[str, bool],
           kb: KnowledgeBase | None = None) -> Assessment:
    """Assess a person: ranked conditions, level of care with reasons, scores and advice."""
    kb = kb or load_knowledge_base()
    patient = make_patient(age, sex)
    return run_assessment(kb, patient, normalise_findings(kb, findings))
