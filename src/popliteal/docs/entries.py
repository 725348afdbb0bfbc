"""Every knowledge-base entry as a structured description, ready to render.

One description serves both the generated reference (docs/reference/knowledge-base.md) and
`popliteal kb show ID`, so what a reviewer reads in the terminal and in the docs is the same.
An entry lists everything the data says about it and every place elsewhere that refers to it.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from popliteal.engine.scores import OTTAWA_ITEMS, WELLS_ALTERNATIVE, WELLS_ITEMS
from popliteal.errors import NotFoundError
from popliteal.knowledge import KnowledgeBase
from popliteal.knowledge.model import Cited, Condition, Finding, RedFlagRule, Source
from popliteal.knowledge.questions import QuestionGroup

Kind = Literal["condition", "finding", "question_group", "red_flag", "source"]
KINDS: tuple[Kind, ...] = ("condition", "finding", "question_group", "red_flag", "source")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Field(_Frozen):
    """One labelled value, such as 'ICD-10: I80.2'."""

    label: str
    value: str


class ItemList(_Frozen):
    """A labelled list of short texts, such as the self-care advice."""

    label: str
    items: tuple[str, ...]
    when_empty: str = ""


class Table(_Frozen):
    """A labelled table, such as the likelihoods of a condition."""

    label: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Entry(_Frozen):
    """Everything about one condition, finding, question group, red-flag rule or source."""

    kind: Kind
    id: str
    title: str
    fields: tuple[Field, ...]
    lists: tuple[ItemList, ...] = ()
    tables: tuple[Table, ...] = ()

    @property
    def anchor(self) -> str:
        return f"{self.kind.replace('_', '-')}-{self.id}"


def number(value: float) -> str:
    """A number exactly as the data gives it (shortest round-trip form)."""
    return repr(value)


def cited_fields(label: str, cited: Cited) -> tuple[Field, ...]:
    return (Field(label=label, value=number(cited.p)),
            Field(label=f"{label} evidence", value=cited.evidence))


def condition_entry(kb: KnowledgeBase, condition: Condition) -> Entry:
    fields = (
        Field(label="id", value=condition.id),
        Field(label="Lay name", value=condition.lay_name),
        Field(label="ICD-10", value=condition.icd10),
        Field(label="Description", value=condition.description),
        Field(label="Usual level of care", value=condition.care_level.value),
        *cited_fields("Prior", condition.prior),
        Field(label="Management", value=condition.management),
    )
    lists = (
        ItemList(label="Escalations", items=tuple(
            f"any of {_ids(e.any_of)} → {e.level.value}: {e.reason}"
            for e in condition.escalations)),
        ItemList(label="Age factors", items=tuple(
            f"age {_band(a.min, a.max)}: × {number(a.factor)} (estimate: {a.estimate})"
            for a in condition.age)),
        ItemList(label="Sex factors", items=tuple(
            f"{sex}: × {number(f.factor)} (estimate: {f.estimate})"
            for sex, f in sorted(condition.sex.items()))),
        ItemList(label="Self-care", items=condition.self_care),
        ItemList(label="Safety net", items=condition.safety_net),
        ItemList(label="Sources", items=tuple(_source_line(kb, s) for s in condition.sources)),
    )
    rows = tuple(
        (finding_id, kb.findings[finding_id].clinician, number(cited.p), cited.evidence)
        for finding_id, cited in sorted(kb.likelihoods.get(condition.id, {}).items())
    )
    table = Table(label="Likelihoods P(finding | condition); unlisted findings use their default",
                  columns=("finding", "clinical wording", "p", "evidence"), rows=rows)
    return Entry(kind="condition", id=condition.id, title=condition.name, fields=fields,
                 lists=lists, tables=(table,))


def finding_entry(kb: KnowledgeBase, finding: Finding) -> Entry:
    fields = [
        Field(label="id", value=finding.id),
        Field(label="Category", value=finding.category),
        Field(label="Asked of", value=finding.ask),
        Field(label="Patient question", value=finding.question),
        Field(label="Clinical wording", value=finding.clinician),
        *cited_fields("Default likelihood", finding.default),
    ]
    group = kb.questions.group_of(finding.id)
    if group is not None:
        fields.append(Field(label="Asked in question group", value=group.id))
    elif finding.ask == "patient":
        own = kb.questions.why_by_finding.get(finding.id)
        fields.append(Field(label="Why we ask" + ("" if own else " (its category's reason)"),
                            value=kb.questions.why_for(finding) or ""))
    lists = (
        ItemList(label="Red-flag rules", items=tuple(
            f"{rule.id} ({role}) → {rule.level.value}"
            for rule in kb.red_flags for role in _roles(rule, finding.id))),
        ItemList(label="Raises the level of", items=tuple(
            f"{c.id} → {e.level.value}"
            for c in kb.conditions.values() for e in c.escalations if finding.id in e.any_of)),
        ItemList(label="Clinical scores", items=_score_uses(finding.id)),
    )
    rows = tuple(
        (condition_id, number(row[finding.id].p), row[finding.id].evidence)
        for condition_id, row in sorted(kb.likelihoods.items()) if finding.id in row
    )
    table = Table(label="Likelihoods given for this finding", columns=("condition", "p", "evidence"),
                  rows=rows)
    return Entry(kind="finding", id=finding.id, title=finding.clinician, fields=tuple(fields),
                 lists=lists, tables=(table,))


def question_group_entry(group: QuestionGroup) -> Entry:
    fields = (
        Field(label="id", value=group.id),
        Field(label="Kind", value=group.kind),
        Field(label="Question", value=group.text),
        Field(label="Why we ask", value=group.why),
    )
    options = ItemList(label="Options (the answer states these findings)", items=tuple(
        f"{option.id}: {option.label} → " + ", ".join(
            f"{f}={'yes' if value else 'no'}" for f, value in option.findings.items())
        for option in group.options))
    return Entry(kind="question_group", id=group.id, title=group.text, fields=fields,
                 lists=(options,))


def red_flag_entry(kb: KnowledgeBase, rule: RedFlagRule) -> Entry:
    fields = (
        Field(label="id", value=rule.id),
        Field(label="Fires when", value=fires_when(rule)),
        Field(label="Level", value=rule.level.value),
        Field(label="Reason shown", value=rule.reason),
    )
    lists = (
        ItemList(label="all_of", items=rule.all_of),
        ItemList(label="any_of", items=rule.any_of),
        ItemList(label="and_any_of", items=rule.and_any_of),
        ItemList(label="none_of", items=rule.none_of),
        ItemList(label="Sources", items=tuple(_source_line(kb, s) for s in rule.sources)),
    )
    return Entry(kind="red_flag", id=rule.id, title=f"Red-flag rule {rule.id}", fields=fields,
                 lists=lists)


def source_entry(kb: KnowledgeBase, source: Source) -> Entry:
    fields = [Field(label="id", value=source.id), Field(label="Citation", value=source.citation)]
    if source.url is not None:
        fields.append(Field(label="URL", value=source.url))
    lists = (
        ItemList(label="Cited by", items=cited_by(kb, source.id),
                 when_empty="No number, condition or rule cites this source directly."),
        ItemList(label="Named in estimate reasons", items=named_in_estimates(kb, source.id)),
    )
    return Entry(kind="source", id=source.id, title=f"Source {source.id}", fields=tuple(fields),
                 lists=lists)


def fires_when(rule: RedFlagRule) -> str:
    parts = []
    if rule.all_of:
        parts.append(f"all of {_ids(rule.all_of)}")
    if rule.any_of:
        parts.append(f"any of {_ids(rule.any_of)}")
    if rule.and_any_of:
        parts.append(f"any of {_ids(rule.and_any_of)}")
    text = " and ".join(parts) + " present"
    if rule.none_of:
        text += f", unless any of {_ids(rule.none_of)} is present"
    return text


def cited_by(kb: KnowledgeBase, source_id: str) -> tuple[str, ...]:
    """Every structured citation of a source: sourced numbers and source lists."""
    places: list[str] = []
    for finding in kb.findings.values():
        if finding.default.source == source_id:
            places.append(f"finding {finding.id}: default likelihood")
    for condition in kb.conditions.values():
        if condition.prior.source == source_id:
            places.append(f"condition {condition.id}: prior")
        if source_id in condition.sources:
            places.append(f"condition {condition.id}: sources")
    for condition_id, row in sorted(kb.likelihoods.items()):
        for finding_id, cited in sorted(row.items()):
            if cited.source == source_id:
                places.append(f"likelihood {condition_id} / {finding_id}")
    for rule in kb.red_flags:
        if source_id in rule.sources:
            places.append(f"red-flag rule {rule.id}")
    return tuple(places)


def named_in_estimates(kb: KnowledgeBase, source_id: str) -> tuple[str, ...]:
    """Estimates whose reason names the source, such as '(R40)'."""
    pattern = re.compile(rf"\b{re.escape(source_id)}\b")
    places: list[str] = []
    for where, cited in _all_cited(kb):
        if cited.estimate is not None and pattern.search(cited.estimate):
            places.append(where)
    for condition in kb.conditions.values():
        factors = [*condition.age, *condition.sex.values()]
        if any(pattern.search(f.estimate) for f in factors):
            places.append(f"condition {condition.id}: age or sex factor")
    return tuple(places)


def all_entries(kb: KnowledgeBase) -> dict[Kind, tuple[Entry, ...]]:
    """Every entry of the knowledge base, by kind, in the data's own order."""
    return {
        "condition": tuple(condition_entry(kb, c) for c in kb.conditions.values()),
        "finding": tuple(finding_entry(kb, f) for f in kb.findings.values()),
        "question_group": tuple(question_group_entry(g) for g in kb.questions.groups),
        "red_flag": tuple(red_flag_entry(kb, r) for r in kb.red_flags),
        "source": tuple(source_entry(kb, s) for s in kb.sources.values()),
    }


def entries_for(kb: KnowledgeBase, ident: str) -> tuple[Entry, ...]:
    """The entries with this id (a finding and a red-flag rule may share one); aliases followed."""
    found: list[Entry] = []
    condition_id = kb.resolve_condition(ident)
    if condition_id is not None:
        found.append(condition_entry(kb, kb.conditions[condition_id]))
    finding_id = kb.resolve_finding(ident)
    if finding_id is not None:
        found.append(finding_entry(kb, kb.findings[finding_id]))
    found.extend(question_group_entry(g) for g in kb.questions.groups if g.id == ident)
    found.extend(red_flag_entry(kb, rule) for rule in kb.red_flags if rule.id == ident)
    if ident in kb.sources:
        found.append(source_entry(kb, kb.sources[ident]))
    if not found:
        raise NotFoundError(f"no condition, finding, question group, red-flag rule or source has "
                            f"the id {ident!r} (see `popliteal kb ids`)")
    return tuple(found)


def _all_cited(kb: KnowledgeBase) -> list[tuple[str, Cited]]:
    cited: list[tuple[str, Cited]] = [
        (f"finding {f.id}: default likelihood", f.default) for f in kb.findings.values()]
    cited += [(f"condition {c.id}: prior", c.prior) for c in kb.conditions.values()]
    cited += [(f"likelihood {c} / {f}", value)
              for c, row in sorted(kb.likelihoods.items()) for f, value in sorted(row.items())]
    return cited


def _roles(rule: RedFlagRule, finding_id: str) -> list[str]:
    groups = (("all_of", rule.all_of), ("any_of", rule.any_of),
              ("and_any_of", rule.and_any_of), ("none_of", rule.none_of))
    return [name for name, members in groups if finding_id in members]


def _score_uses(finding_id: str) -> tuple[str, ...]:
    uses = [f"Wells DVT score: {label} ({points:+d})"
            for f, label, points in (*WELLS_ITEMS, WELLS_ALTERNATIVE) if f == finding_id]
    uses += [f"Ottawa knee rule: {label}" for f, label in OTTAWA_ITEMS if f == finding_id]
    if finding_id == "knee_injury":
        uses.append("Ottawa knee rule: decides whether the rule applies (acute knee injury)")
    return tuple(uses)


def _source_line(kb: KnowledgeBase, source_id: str) -> str:
    return f"{source_id}: {kb.sources[source_id].citation}"


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(ids)


def _band(low: int | None, high: int | None) -> str:
    if low is None:
        return f"up to {high}"
    if high is None:
        return f"{low} and over"
    return f"{low} to {high}"
