"""Move facts that a finding now expresses out of the facts files and into the cases.

When the knowledge base gains a finding, the cases that reported it gain it too: in
``findings`` always, and in ``narrative_findings`` when the narrative states it. Nothing is
decided by hand, so the same procedure can run on the test part without anyone reading it.

Several facts can land on one finding ("no tenderness at the sit bone", "tender along the
biceps femoris" are both thigh tenderness). A finding is then present when any fact, or the
case itself, says it is present: a sign stated anywhere in the finding's definition is the
finding. Each such meeting of a yes and a no is reported, so a person can look at it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from popliteal.corpus.facts import FORMAT as FACTS_FORMAT
from popliteal.corpus.facts import UncoveredFact, facts_path, load_facts
from popliteal.corpus.findingmap import expressed_by
from popliteal.corpus.yamlio import write_yaml
from popliteal.errors import VignetteFileError
from popliteal.evaluation.vignettes import vignette_files
from popliteal.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Absorbed:
    files: int
    facts: int
    resolved: tuple[str, ...] = ()


def absorb(kb: KnowledgeBase, folder: Path, finding_map: Mapping[str, str]) -> Absorbed:
    """Absorb every expressible fact below ``folder``; rewrite only the files that change."""
    files = facts = 0
    resolved: list[str] = []
    for file in vignette_files([folder]):
        side = facts_path(file)
        if not side.exists():
            continue
        moved = _absorb_file(kb, file, side, finding_map, resolved)
        if moved:
            files += 1
            facts += moved
    return Absorbed(files, facts, tuple(resolved))


def _absorb_file(kb: KnowledgeBase, file: Path, side: Path, finding_map: Mapping[str, str],
                 resolved: list[str]) -> int:
    document = yaml.safe_load(file.read_text(encoding="utf-8"))
    cases = {case["id"]: case for case in document["vignettes"]}
    remaining: dict[str, list[dict[str, Any]]] = {}
    moved = 0
    for case_id, case_facts in load_facts(side).items():
        if case_id not in cases:
            raise VignetteFileError(str(side), "no such case in the vignette file",
                                    vignette_id=case_id)
        kept = []
        for fact in case_facts:
            finding = expressed_by(kb, finding_map, fact.finding)
            if finding is None:
                kept.append(_as_dict(fact))
                continue
            _add(cases[case_id], finding, fact, resolved)
            moved += 1
        remaining[case_id] = kept
    if moved:
        write_yaml(file, document)
        write_yaml(side, {"format": FACTS_FORMAT, "cases": remaining})
    return moved


def _add(case: dict[str, Any], finding: str, fact: UncoveredFact, resolved: list[str]) -> None:
    targets = ["findings"] + (["narrative_findings"] if fact.in_narrative else [])
    for key in targets:
        values = case.setdefault(key, {})
        before = values.get(finding)
        if before is not None and before != fact.present:
            resolved.append(f"{case['id']}: {finding} present (a yes and a no met: {fact.fact!r})")
        values[finding] = bool(before) or fact.present


def _as_dict(fact: UncoveredFact) -> dict[str, Any]:
    return {"fact": fact.fact, "finding": fact.finding, "present": fact.present,
            "in_narrative": fact.in_narrative}
