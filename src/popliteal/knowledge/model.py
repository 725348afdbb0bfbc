"""The knowledge base as frozen, self-checking objects.

Every number carries its evidence: a source id with a note, or an estimate with its reason.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from popliteal.levels import Level

Category = Literal[
    "location", "character", "onset", "swelling", "lump", "skin", "circulation", "neuro",
    "mechanical", "systemic", "risk", "exam",
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


FIT_DECIMALS = 4


def blended(prior: float, k: int, n: int, weight: float) -> float:
    """The mean of a Beta prior (mean ``prior``, ``weight`` pseudo-counts) updated by k of n."""
    return (weight * prior + k) / (weight + n)


class Fit(Frozen):
    """How a number was fitted from real cases on top of the expert estimate.

    The expert number is a Beta prior worth ``weight`` cases; ``k`` of the ``n`` training
    cases with the condition that state the finding either way had it present. A share
    ``leak`` of every answer is then taken to follow the finding's ``background`` rate
    whatever the condition (misreport, another illness, chance), so that no single answer
    counts for more than real cases support.
    """

    prior: float = Field(gt=0.0, lt=1.0)
    k: int = Field(ge=0)
    n: int = Field(ge=0)
    weight: float = Field(gt=0.0)
    leak: float = Field(default=0.0, ge=0.0, lt=1.0)
    background: float = Field(gt=0.0, lt=1.0)

    @model_validator(mode="after")
    def _k_within_n(self) -> Fit:
        if self.k > self.n:
            raise ValueError("k cannot exceed n")
        return self

    @property
    def p(self) -> float:
        fitted = blended(self.prior, self.k, self.n, self.weight)
        return round((1.0 - self.leak) * fitted + self.leak * self.background, FIT_DECIMALS)


class Cited(Frozen):
    """A probability with where it came from (and, when fitted, the cases that moved it)."""

    p: float = Field(gt=0.0, lt=1.0)
    source: str | None = None
    note: str | None = None
    estimate: str | None = None
    fit: Fit | None = None

    @model_validator(mode="after")
    def _has_evidence(self) -> Cited:
        if (self.source is None) == (self.estimate is None):
            raise ValueError("give exactly one of 'source' (with 'note') or 'estimate'")
        if self.source is not None and not self.note:
            raise ValueError("a sourced number needs a 'note' saying how it was taken")
        if self.estimate is not None and not self.estimate.strip():
            raise ValueError("an estimate needs its reason")
        if self.fit is not None and self.fit.p != self.p:
            raise ValueError(f"a fitted p must equal its fit ({self.fit.p})")
        return self

    @property
    def expert(self) -> str:
        """The evidence behind the expert number, before any fitting."""
        if self.source is not None:
            return f"{self.source}: {self.note}"
        return f"estimate: {self.estimate}"

    @property
    def evidence(self) -> str:
        fit = self.fit
        if fit is None:
            return self.expert
        parts = []
        if fit.n:
            parts.append(f"fitted: {fit.k} of {fit.n} real training cases on the expert "
                         f"{fit.prior:g} weighted as {fit.weight:g} cases")
        if fit.leak:
            parts.append(f"leak {fit.leak:g} toward the background {fit.background:g}")
        return "; ".join(parts) + f" ({self.expert})"


class Factor(Frozen):
    """A multiplier on a prior, always an estimate with its reason."""

    factor: float = Field(gt=0.0)
    estimate: str = Field(min_length=1)


class AgeFactor(Factor):
    min: int | None = Field(default=None, ge=0, le=120)
    max: int | None = Field(default=None, ge=0, le=120)

    def applies(self, age: int) -> bool:
        return (self.min is None or age >= self.min) and (self.max is None or age <= self.max)


class Finding(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    category: Category
    ask: Literal["patient", "clinician"]
    question: str = Field(min_length=5)
    clinician: str = Field(min_length=3)
    default: Cited


class Escalation(Frozen):
    any_of: tuple[str, ...] = Field(min_length=1)
    level: Level
    reason: str = Field(min_length=5)


class Condition(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    lay_name: str
    icd10: str = Field(pattern=r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
    description: str
    care_level: Level
    escalations: tuple[Escalation, ...] = ()
    prior: Cited
    age: tuple[AgeFactor, ...] = ()
    sex: dict[Literal["female", "male"], Factor] = Field(default_factory=dict)
    self_care: tuple[str, ...] = Field(min_length=1)
    management: str
    safety_net: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)

    def escalations_reached(self, present: frozenset[str], level: Level) -> tuple[Escalation, ...]:
        """The escalations that fire and raise this condition to at least ``level``."""
        return tuple(e for e in self.escalations
                     if e.level >= level > self.care_level and present.intersection(e.any_of))

    def needed_level(self, present: frozenset[str]) -> Level:
        """The level this condition needs given the findings known to be present."""
        level = self.care_level
        for escalation in self.escalations:
            if present.intersection(escalation.any_of):
                level = max(level, escalation.level)
        return level


class RedFlagRule(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    and_any_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    level: Level
    reason: str = Field(min_length=10)
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _not_empty(self) -> RedFlagRule:
        if not (self.all_of or self.any_of):
            raise ValueError("a rule needs all_of or any_of")
        return self

    @property
    def finding_ids(self) -> tuple[str, ...]:
        return self.all_of + self.any_of + self.and_any_of + self.none_of

    def fires(self, present: frozenset[str]) -> bool:
        return (
            all(f in present for f in self.all_of)
            and (not self.any_of or bool(present.intersection(self.any_of)))
            and (not self.and_any_of or bool(present.intersection(self.and_any_of)))
            and not present.intersection(self.none_of)
        )


class Source(Frozen):
    id: str
    citation: str = Field(min_length=10)
    url: str | None = None


class Alias(Frozen):
    old: str
    new: str
    kind: Literal["finding", "condition"]
    since: str
