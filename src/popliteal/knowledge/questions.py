"""How findings are asked: grouped questions and the "why we ask" text, as validated data.

Most findings are asked one at a time with their own yes/no question from findings.yaml.
Some are better asked together: "how did the pain start?" has one answer among a few, and a
screen such as "have you had any of these?" covers several warning signs that lead to the
same action. A group is a choice question whose options each set a few findings.

Two safety rules are checked on load, because breaking them would hide a red flag:

* a finding belongs to at most one group, so it is asked one way only;
* two findings that a red-flag rule needs *together* (say ``fever`` and
  ``feeling_very_unwell``) never sit in different options of one group, where choosing one
  would leave the other unasked and the rule unable to fire.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, ValidationError, model_validator

from popliteal.knowledge.model import Category, Finding, Frozen, RedFlagRule

if TYPE_CHECKING:  # pragma: no cover
    from popliteal.knowledge.loader import KnowledgeBase

FILE = "question_groups.yaml"
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Option(Frozen):
    """One answer to a grouped question, and the findings that answer states."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=2)
    findings: dict[str, bool] = Field(min_length=1)


GroupKind = Literal["alternatives", "screen"]


class QuestionGroup(Frozen):
    """A choice question: the person picks one option (or says they don't know).

    ``alternatives``: the options exclude each other, so at most one holds.
    ``screen``: warning signs in order of urgency, several of which may hold; the person picks
    the first that applies, and the last option, "none of these", says that none does.
    """

    id: str = Field(pattern=ID_PATTERN)
    kind: GroupKind
    text: str = Field(min_length=5)
    why: str = Field(min_length=10)
    options: tuple[Option, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _options_differ(self) -> QuestionGroup:
        ids = [option.id for option in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("option ids must be unique within a group")
        if "unknown" in ids:
            raise ValueError("'unknown' is reserved for the answer \"don't know\"")
        stated = [tuple(sorted(option.findings.items())) for option in self.options]
        if len(set(stated)) != len(stated):
            raise ValueError("two options state the same findings")
        if self.kind == "screen":
            signs = {f for option in self.options[:-1] for f, v in option.findings.items() if v}
            if self.options[-1].findings != dict.fromkeys(sorted(signs), False):
                raise ValueError("a screen's last option must say that none of its signs is "
                                 "present, and nothing else")
        return self

    @property
    def finding_ids(self) -> frozenset[str]:
        return frozenset(f for option in self.options for f in option.findings)


class QuestionCatalogue(Frozen):
    """The grouped questions and the reasons given for asking each question."""

    groups: tuple[QuestionGroup, ...] = ()
    why_by_category: dict[Category, str] = Field(default_factory=dict)
    why_by_finding: dict[str, str] = Field(default_factory=dict)

    def group_of(self, finding_id: str) -> QuestionGroup | None:
        """The group that asks a finding, if any."""
        return next((g for g in self.groups if finding_id in g.finding_ids), None)

    def why_for(self, finding: Finding) -> str | None:
        """The finding's own reason, else its category's."""
        return self.why_by_finding.get(finding.id) or self.why_by_category.get(finding.category)


def parse_question_catalogue(document: Any, problems: list[str]) -> QuestionCatalogue:
    """Read the document of question_groups.yaml; append 'file: key: message' problems."""
    if not isinstance(document, dict):
        problems.append(f"{FILE}: expected a mapping with 'groups', 'why_by_category' and "
                        "'why_by_finding'")
        return QuestionCatalogue()
    body = {key: value for key, value in document.items() if key != "format"}
    try:
        return QuestionCatalogue.model_validate(body)
    except ValidationError as exc:
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"])
            problems.append(f"{FILE}: {key}: {error['msg']}")
        return QuestionCatalogue()


def check_question_catalogue(kb: KnowledgeBase) -> list[str]:
    """Cross-check the catalogue against the findings and the red-flag rules."""
    catalogue = kb.questions
    problems = [*_check_group_findings(catalogue, kb.findings),
                *_check_rationales(catalogue, kb.findings),
                *_check_joint_red_flags(catalogue.groups, kb.red_flags)]
    for group in catalogue.groups:
        if group.id in kb.findings:
            problems.append(f"{FILE}: groups[{group.id}]: a group id must not be a finding id")
    return problems


def _check_group_findings(catalogue: QuestionCatalogue, findings: Mapping[str, Finding]) -> list[str]:
    problems: list[str] = []
    owner: dict[str, str] = {}
    for group in catalogue.groups:
        for finding_id in sorted(group.finding_ids):
            where = f"{FILE}: groups[{group.id}]"
            if finding_id not in findings:
                problems.append(f"{where}: unknown finding {finding_id!r}")
            elif findings[finding_id].ask != "patient":
                problems.append(f"{where}: {finding_id!r} is asked of a clinician, not the person")
            if finding_id in owner:
                problems.append(f"{where}: {finding_id!r} is already asked in group "
                                f"{owner[finding_id]!r}")
            owner.setdefault(finding_id, group.id)
    return problems


def _check_rationales(catalogue: QuestionCatalogue, findings: Mapping[str, Finding]) -> list[str]:
    problems: list[str] = []
    for finding_id in sorted(catalogue.why_by_finding):
        if finding_id not in findings:
            problems.append(f"{FILE}: why_by_finding.{finding_id}: unknown finding")
        elif findings[finding_id].ask != "patient":
            problems.append(f"{FILE}: why_by_finding.{finding_id}: finding is not asked of the person")
    for finding in findings.values():
        if finding.ask == "patient" and catalogue.why_for(finding) is None:
            problems.append(f"{FILE}: why_by_finding.{finding.id}: no 'why we ask' text for this "
                            f"finding or its category {finding.category!r}")
    return problems


def _check_joint_red_flags(groups: Iterable[QuestionGroup],
                           rules: Iterable[RedFlagRule]) -> list[str]:
    """A person with both findings of a needed pair must be able to say so in one option."""
    problems: list[str] = []
    pairs = sorted({(a, b, rule.id) for rule in rules for a, b in _needed_together(rule)})
    for group in groups:
        asserted = {f for option in group.options for f, value in option.findings.items() if value}
        for a, b, rule_id in pairs:
            both = any(option.findings.get(a) is True and option.findings.get(b) is True
                       for option in group.options)
            if {a, b} <= asserted and not both:
                problems.append(f"{FILE}: groups[{group.id}]: {a!r} and {b!r} are in different "
                                f"options, but rule {rule_id!r} needs them together")
    return problems


def _needed_together(rule: RedFlagRule) -> set[tuple[str, str]]:
    """Pairs of findings that must both be present for the rule to fire."""
    clauses = [(f,) for f in rule.all_of] + [c for c in (rule.any_of, rule.and_any_of) if c]
    return {(a, b) for left, right in combinations(clauses, 2) for a in left for b in right
            if a != b}
