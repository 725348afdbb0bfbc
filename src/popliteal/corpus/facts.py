"""Facts files (format popliteal-case-facts/1): what a case reports that no finding can say.

Each real-case vignette file has one beside it (``cases.yaml`` -> ``cases.facts.yaml``). A
case listed with ``[]`` was checked and every reported fact is encoded; a case not listed was
never checked. Loading is strict, and an error names the file, the case and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from popliteal.errors import VignetteFileError

FORMAT = "popliteal-case-facts/1"
SUFFIX = ".facts.yaml"
FACT_KEYS = {"fact", "finding", "present", "in_narrative"}
FINDING_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class UncoveredFact:
    """One reported fact and the finding that would express it."""

    fact: str
    finding: str
    present: bool
    in_narrative: bool


def facts_path(vignette_file: Path) -> Path:
    return vignette_file.with_name(vignette_file.stem + SUFFIX)


def load_facts(path: Path) -> dict[str, tuple[UncoveredFact, ...]]:
    """Case id -> its uncovered facts; an empty tuple for a case checked and fully encoded."""
    where = str(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise VignetteFileError(where, f"not valid YAML: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise VignetteFileError(where, f"format must be {FORMAT!r}", field="format")
    cases = document.get("cases") or {}
    if not isinstance(cases, dict):
        raise VignetteFileError(where, "'cases' must be a mapping of case id to facts",
                                field="cases")
    return {str(case_id): _facts(where, str(case_id), items) for case_id, items in cases.items()}


def _facts(where: str, case_id: str, items: Any) -> tuple[UncoveredFact, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise VignetteFileError(where, "expected a list of facts", vignette_id=case_id)
    return tuple(_fact(where, case_id, index, item) for index, item in enumerate(items))


def _fact(where: str, case_id: str, index: int, item: Any) -> UncoveredFact:
    def fail(message: str, field: str) -> VignetteFileError:
        return VignetteFileError(where, f"fact #{index + 1}: {message}", vignette_id=case_id,
                                 field=field)

    if not isinstance(item, dict):
        raise fail("not a mapping", "fact")
    unknown = set(item) - FACT_KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))}", sorted(unknown)[0])
    fact, finding = item.get("fact"), item.get("finding")
    if not isinstance(fact, str) or not fact.strip():
        raise fail("needs the fact in words", "fact")
    if not isinstance(finding, str) or not FINDING_ID.match(finding):
        raise fail("needs a snake_case finding id", "finding")
    present, in_narrative = item.get("present", True), item.get("in_narrative", False)
    if not isinstance(present, bool) or not isinstance(in_narrative, bool):
        raise fail("present and in_narrative are true or false", "present")
    return UncoveredFact(fact.strip(), finding, present, in_narrative)
