"""Coverage: how many reported case facts the knowledge base cannot yet express.

A fact counts as uncovered while no finding (directly, through an alias or through the finding
map) expresses it. A fact that a finding now expresses but that still sits in the facts file
is counted apart, as waiting to be absorbed into the case's findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from popliteal.corpus.facts import facts_path, load_facts
from popliteal.corpus.findingmap import expressed_by
from popliteal.evaluation.vignettes import load_vignette_file, vignette_files
from popliteal.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Coverage:
    name: str
    cases: int
    unchecked: tuple[str, ...]
    uncovered: int
    waiting: int
    by_finding: Counter[str] = field(default_factory=Counter)


def corpus_coverage(kb: KnowledgeBase, name: str, folder: Path,
                    finding_map: Mapping[str, str]) -> Coverage:
    cases = 0
    unchecked: list[str] = []
    by_finding: Counter[str] = Counter()
    waiting = 0
    for file in vignette_files([folder]):
        ids = [v.id for v in load_vignette_file(file, kb)]
        cases += len(ids)
        facts_file = facts_path(file)
        facts = load_facts(facts_file) if facts_file.exists() else {}
        unchecked.extend(i for i in ids if i not in facts)
        for case_facts in facts.values():
            for fact in case_facts:
                if expressed_by(kb, finding_map, fact.finding) is None:
                    by_finding[fact.finding] += 1
                else:
                    waiting += 1
    return Coverage(name, cases, tuple(unchecked), sum(by_finding.values()), waiting, by_finding)


def render_coverage(rows: Sequence[Coverage], detailed: Sequence[str]) -> str:
    """Markdown: the counts for every part, and the missing findings for the ``detailed`` ones."""
    lines = [
        "# Real-case coverage",
        "",
        "Reported facts (history and examination) that no finding of the knowledge base can",
        "express yet. Regenerate with `popliteal corpus coverage --write`; a test fails while",
        "this file is stale.",
        "",
        "| part | cases | cases not yet checked | facts uncovered | facts waiting to be absorbed |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {r.name} | {r.cases} | {len(r.unchecked)} | {r.uncovered} | {r.waiting} |"
              for r in rows]
    for row in rows:
        if row.name not in detailed or not row.by_finding:
            continue
        lines += ["", f"## Missing findings in {row.name}", "", "| proposed finding | facts |",
                  "| --- | ---: |"]
        lines += [f"| `{f}` | {n} |" for f, n in sorted(row.by_finding.items(),
                                                         key=lambda item: (-item[1], item[0]))]
    return "\n".join(lines) + "\n"
