"""The generated reference is current and covers every value of the knowledge base.

The coverage check walks the knowledge-base objects themselves (every field of every model,
whatever fields a future edit adds) rather than a list of what the renderer is meant to print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from popliteal.docs import REFERENCE_PATH, knowledge_base_reference
from popliteal.docs.entries import number
from popliteal.docs.markdown import escape
from popliteal.knowledge import KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]
ANCHOR = re.compile(r'^<a id="(condition|finding|question-group|red-flag|source)-(.+)"></a>$',
                    re.MULTILINE)


def sections(text: str) -> dict[tuple[str, str], str]:
    """The document split at its entry anchors, keyed by (kind, id)."""
    found: dict[tuple[str, str], str] = {}
    matches = list(ANCHOR.finditer(text))
    for here, after in zip(matches, [*matches[1:], None], strict=True):
        end = after.start() if after is not None else text.index("\n## Why we ask, by category")
        found[(here.group(1), here.group(2))] = text[here.start():end]
    return found


def leaves(value: Any) -> Iterator[str]:
    """Every scalar inside a knowledge-base object, as the reference must print it."""
    if isinstance(value, BaseModel):
        for _, item in value:
            yield from leaves(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from leaves(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, Enum):
        yield str(value.value)
    elif isinstance(value, bool):
        yield "yes" if value else "no"
    elif isinstance(value, float):
        yield number(value)
    elif value is not None:
        yield str(value)


def missing_from_reference(kb: KnowledgeBase, text: str) -> list[str]:
    """Every value of the knowledge base that the reference does not show where it belongs."""
    parts = sections(text)
    missing: list[str] = []

    def expect(kind: str, ident: str, values: Iterator[str], *, markdown: bool = False) -> None:
        section = parts.get((kind, ident))
        if section is None:
            missing.append(f"{kind} {ident}: no section")
            return
        missing.extend(f"{kind} {ident}: {v!r}" for v in values
                       if (v if markdown else escape(v)) not in section)

    for condition in kb.conditions.values():
        expect("condition", condition.id, leaves(condition))
        for finding_id, cited in kb.likelihoods[condition.id].items():
            clinician = kb.findings[finding_id].clinician
            row = " | ".join(escape(v) for v in (finding_id, clinician, number(cited.p), cited.evidence))
            expect("condition", condition.id, iter([f"| {row} |"]), markdown=True)
            back = " | ".join(escape(v) for v in (condition.id, number(cited.p), cited.evidence))
            expect("finding", finding_id, iter([f"| {back} |"]), markdown=True)
    for finding in kb.findings.values():
        expect("finding", finding.id, leaves(finding))
        if finding.id in kb.questions.why_by_finding:
            expect("finding", finding.id, iter([kb.questions.why_by_finding[finding.id]]))
    for group in kb.questions.groups:
        expect("question-group", group.id, leaves(group))
        for option in group.options:
            stated = ", ".join(f"{f}={'yes' if v else 'no'}" for f, v in option.findings.items())
            expect("question-group", group.id, iter([f"{option.id}: {option.label} → {stated}"]))
    for rule in kb.red_flags:
        expect("red-flag", rule.id, leaves(rule))
    for source in kb.sources.values():
        expect("source", source.id, leaves(source))
    reasons = text[text.index("\n## Why we ask, by category"):text.index("\n## Aliases")]
    missing.extend(f"why_by_category {category}" for category, why in
                   kb.questions.why_by_category.items()
                   if f"- `{category}`: {escape(why)}" not in reasons)
    aliases = text[text.index("\n## Aliases"):]
    missing.extend(f"alias {v!r}" for v in leaves(list(kb.aliases)) if v not in aliases)
    header = text[:text.index("\n## Conditions")]
    missing.extend(f"header {v!r}" for v in (kb.version, kb.content_hash) if v not in header)
    return missing


@pytest.fixture(scope="module")
def reference(kb: KnowledgeBase) -> str:
    return knowledge_base_reference(kb)


def test_the_committed_reference_is_not_stale(reference: str) -> None:
    committed = (ROOT / REFERENCE_PATH).read_text(encoding="utf-8")
    assert committed == reference, "docs/reference/knowledge-base.md is stale: run `make docs`"


def test_the_reference_covers_every_value_of_the_knowledge_base(kb: KnowledgeBase,
                                                               reference: str) -> None:
    assert missing_from_reference(kb, reference) == []


def test_the_reference_has_one_section_per_entry(kb: KnowledgeBase, reference: str) -> None:
    expected = ({("condition", c) for c in kb.conditions} | {("finding", f) for f in kb.findings}
                | {("question-group", g.id) for g in kb.questions.groups}
                | {("red-flag", r.id) for r in kb.red_flags} | {("source", s) for s in kb.sources})
    assert set(sections(reference)) == expected


def test_the_coverage_check_notices_a_missing_likelihood_row(kb: KnowledgeBase,
                                                             reference: str) -> None:
    cited = kb.likelihoods["bakers_cyst"]["swelling_behind_knee"]
    row = next(line for line in reference.splitlines()
               if line.startswith("| swelling_behind_knee |") and cited.evidence in line)
    damaged = reference.replace(row + "\n", "", 1)
    assert missing_from_reference(kb, damaged) == [
        f"condition bakers_cyst: {row!r}"]


def test_the_coverage_check_notices_a_missing_field(kb: KnowledgeBase, reference: str) -> None:
    icd10 = kb.conditions["deep_vein_thrombosis"].icd10
    damaged = reference.replace(f"**ICD-10:** {icd10}", "**ICD-10:** ?", 1)
    assert missing_from_reference(kb, damaged) == [f"condition deep_vein_thrombosis: {icd10!r}"]


def test_the_reference_names_the_knowledge_base_version_and_hash(kb: KnowledgeBase,
                                                                 reference: str) -> None:
    assert f"**Version:** {kb.version}" in reference
    assert kb.content_hash in reference


def test_the_coverage_check_notices_a_missing_question_option(kb: KnowledgeBase,
                                                              reference: str) -> None:
    option = kb.questions.groups[0].options[0]
    damaged = reference.replace(f"- {option.id}: {option.label} →", "- ?", 1)
    assert missing_from_reference(kb, damaged)


def test_a_pipe_in_a_text_cannot_break_a_table() -> None:
    assert escape("a | b\nc") == "a \\| b c"
