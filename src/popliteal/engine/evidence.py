"""What the engine is told about a person: age, sex and findings with their polarity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Sex = Literal["female", "male"]

MIN_AGE = 16
MAX_AGE = 110


class Patient(BaseModel):
    """The person being assessed. Adults only: the evidence behind popliteal is adult evidence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    age: int = Field(ge=MIN_AGE, le=MAX_AGE)
    sex: Sex


def present_findings(findings: Mapping[str, bool]) -> frozenset[str]:
    """The ids answered 'yes'."""
    return frozenset(finding_id for finding_id, value in findings.items() if value)


def weighed_for_level(findings: Mapping[str, bool], solo_red_flags: frozenset[str]) -> dict[str, bool]:
    """The findings the level is weighed on: all but the present single-trigger red flags.

    A finding that fires a red-flag rule on its own already sets a floor under the level;
    leaving it out of the weighing means it can never argue the level down.
    """
    return {f: v for f, v in findings.items() if not (v and f in solo_red_flags)}
