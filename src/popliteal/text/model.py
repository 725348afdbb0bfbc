"""What the reader understood from a narrative, as frozen objects that check themselves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Status(StrEnum):
    """What a mention of a finding says about it.

    Only ``present`` and ``absent`` become findings. The others are shown to the person
    ("we were not sure about ...") and left for the interview to ask.
    """

    PRESENT = "present"
    ABSENT = "absent"
    UNCERTAIN = "uncertain"          # "maybe", "not sure if"
    HYPOTHETICAL = "hypothetical"    # "worried it's a clot", "if it swells"
    PAST = "past"                    # before this episode, for a finding about now
    OTHER_PERSON = "other_person"    # "my mum had a clot"
    OTHER_SIDE = "other_side"        # "the other leg is swollen too" is not this leg
    TOO_LONG_AGO = "too_long_ago"    # "an operation ten years ago" is not a recent operation

    @property
    def counts(self) -> bool:
        return self in (Status.PRESENT, Status.ABSENT)


@dataclass(frozen=True)
class Evidence:
    """One piece of the narrative read as one finding, and the rule that read it."""

    finding_id: str
    status: Status
    text: str
    start: int
    end: int
    rule: str
    triggers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.finding_id:
            raise ValueError("evidence needs a finding id")
        if not 0 <= self.start < self.end:
            raise ValueError(f"evidence span {self.start}..{self.end} is empty or negative")
        if not self.rule:
            raise ValueError("evidence needs the rule that produced it")

    @property
    def value(self) -> bool | None:
        """True for present, False for absent, None when it does not count."""
        if self.status is Status.PRESENT:
            return True
        if self.status is Status.ABSENT:
            return False
        return None


def resolve(evidence: Iterable[Evidence]) -> dict[str, bool]:
    """Findings from evidence: a finding stated present anywhere is present.

    People say "no swelling at first, but now it's swollen"; an affirmed mention is the more
    specific statement, so it wins over a negated one.
    """
    findings: dict[str, bool] = {}
    for item in evidence:
        if item.value is not None:
            findings[item.finding_id] = findings.get(item.finding_id, False) or item.value
    return findings


@dataclass(frozen=True)
class NarrativeReading:
    """A narrative and what was understood from it.

    ``findings`` maps finding ids to True (present) or False (absent); ``evidence`` holds every
    mention that was read, including those that do not count, in text order.
    """

    text: str
    evidence: tuple[Evidence, ...]
    side: str | None = None
    findings: Mapping[str, bool] = field(init=False)

    def __post_init__(self) -> None:
        for item in self.evidence:
            if item.end > len(self.text) or self.text[item.start:item.end] != item.text:
                raise ValueError(f"evidence {item.text!r} is not at {item.start} in the text")
        if self.side not in (None, "left", "right"):
            raise ValueError(f"side must be left, right or None, not {self.side!r}")
        object.__setattr__(self, "findings", MappingProxyType(resolve(self.evidence)))

    @property
    def understood(self) -> tuple[Evidence, ...]:
        """The evidence that became findings, for a person to confirm or correct."""
        return tuple(item for item in self.evidence if item.status.counts)

    def deciding(self, finding_id: str) -> Evidence | None:
        """The first evidence that gave a finding its value, to show the person why."""
        value = self.findings.get(finding_id)
        return next((item for item in self.evidence
                     if item.finding_id == finding_id and item.value is value
                     and value is not None), None)

    @property
    def not_counted(self) -> tuple[Evidence, ...]:
        """Mentions read but not taken as findings (unsure, past, someone else's ...)."""
        return tuple(item for item in self.evidence if not item.status.counts)
