"""Split newly collected real cases once into train and test, stratified by final diagnosis.

Run once, before any knowledge change is based on the cases:

    python vignettes/real/split.py

It reads every vignette file in ``incoming/`` (each with its ``.facts.yaml`` beside it) and
writes ``train/collected.yaml`` and ``test/collected.yaml`` with their facts files. The cases
already in ``train/`` (seen during development before the corpus existed) stay in train. The
test part gets about a third of the whole corpus: within each final diagnosis the cases are
shuffled with a fixed seed and the test places are shared out by largest remainder, so every
diagnosis with enough cases is represented on both sides. The script refuses to run a second
time: a test part that already exists is never redrawn.
"""

from __future__ import annotations

import math
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from popliteal.corpus.yamlio import write_yaml

SEED = 20261204
TEST_SHARE_OF_CORPUS = 1 / 3
HERE = Path(__file__).resolve().parent
VIGNETTE_FORMAT = "popliteal-vignettes/1"
FACTS_FORMAT = "popliteal-case-facts/1"


def _load(path: Path, expected: str, key: str) -> Any:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("format") != expected:
        sys.exit(f"{path}: format must be {expected!r}")
    return document[key]


def collected() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every incoming case and the facts recorded for each."""
    cases: list[dict[str, Any]] = []
    facts: dict[str, Any] = {}
    for path in sorted((HERE / "incoming").glob("*.yaml")):
        if path.name.endswith(".facts.yaml"):
            continue
        file_cases = _load(path, VIGNETTE_FORMAT, "vignettes")
        file_facts = _load(path.with_name(path.stem + ".facts.yaml"), FACTS_FORMAT, "cases") or {}
        for case in file_cases:
            if case["id"] in facts:
                sys.exit(f"{path}: {case['id']}: duplicate id")
            facts[case["id"]] = file_facts.get(case["id"]) or []
            cases.append(case)
    return cases, facts


def already_seen() -> int:
    count = 0
    for path in sorted((HERE / "train").glob("*.yaml")):
        if not path.name.endswith(".facts.yaml"):
            count += len(_load(path, VIGNETTE_FORMAT, "vignettes"))
    return count


def test_places(groups: dict[str, list[dict[str, Any]]], places: int) -> dict[str, int]:
    """Share ``places`` test places over the groups in proportion to size (largest remainder)."""
    total = sum(len(g) for g in groups.values())
    quotas = {c: len(g) * places / total for c, g in groups.items()}
    given = {c: math.floor(q) for c, q in quotas.items()}
    by_remainder = sorted(groups, key=lambda c: (-(quotas[c] - given[c]), c))
    for condition in by_remainder[: places - sum(given.values())]:
        given[condition] += 1
    return given


def split(cases: list[dict[str, Any]], seen: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        groups[case["gold"]["condition"]].append(case)
    rng = random.Random(SEED)
    places = test_places(groups, round((seen + len(cases)) * TEST_SHARE_OF_CORPUS))
    train: list[dict[str, Any]] = []
    test: list[dict[str, Any]] = []
    for condition in sorted(groups):
        group = sorted(groups[condition], key=lambda c: c["id"])
        rng.shuffle(group)
        test.extend(group[: places[condition]])
        train.extend(group[places[condition]:])
    return sorted(train, key=lambda c: c["id"]), sorted(test, key=lambda c: c["id"])


HEADER = """\
# Real cases, {part} part: published case reports and teaching cases collected for the corpus
# and encoded by the rules in ../ENCODING.md, then split by ../split.py (seed {seed}).
# Facts the knowledge base cannot yet express are in collected.facts.yaml beside this file.
"""


def write(part: str, cases: list[dict[str, Any]], facts: dict[str, Any]) -> None:
    folder = HERE / part
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "collected.yaml").write_text(HEADER.format(part=part, seed=SEED), encoding="utf-8")
    write_yaml(folder / "collected.yaml", {"format": VIGNETTE_FORMAT, "vignettes": cases})
    write_yaml(folder / "collected.facts.yaml",
               {"format": FACTS_FORMAT, "cases": {c["id"]: facts[c["id"]] for c in cases}})


def main() -> None:
    if (HERE / "test").exists():
        sys.exit("the test part exists already; the corpus is split once and never redrawn")
    cases, facts = collected()
    train, test = split(cases, already_seen())
    write("train", train, facts)
    write("test", test, facts)
    print(f"{len(cases)} collected cases: {len(train)} to train, {len(test)} to test")


if __name__ == "__main__":
    main()
