"""The real-case corpus: no case twice, a frozen test part, current coverage and fitted numbers."""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from popliteal.cli.corpus import COVERAGE_FILE, coverage_markdown
from popliteal.corpus import content_hash, logged_hashes, source_identifiers
from popliteal.evaluation.vignettes import Vignette, load_vignette_file, load_vignettes
from popliteal.fitting.procedure import FITTED_FILE, fitted_file_text
from popliteal.knowledge import KnowledgeBase, default_data_dir

ROOT = Path(__file__).resolve().parents[2]
VIGNETTES = ROOT / "vignettes"
REAL = VIGNETTES / "real"
TEST_PART = REAL / "test"
TEST_LOG = REAL / "test-log.md"
PATIENT = re.compile(r"\b(?:patient|case) (\d+) of \d+", re.IGNORECASE)


def _split_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("split", REAL / "split.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_thirteen_public_cases_and_the_first_held_out_cases_are_in_train(kb: KnowledgeBase) -> None:
    train = load_vignettes([REAL / "train"], kb)
    assert len([v for v in train if v.id.startswith("pub-case-")]) == 13
    assert len([v for v in train if v.id.startswith("hold-")]) == 30


def test_no_published_case_is_encoded_twice_in_any_set(kb: KnowledgeBase) -> None:
    """A source with several patients may give two cases, each naming its patient."""
    seen: dict[str, list[str]] = defaultdict(list)
    for vignette in load_vignettes([VIGNETTES], kb):
        patient = PATIENT.search(vignette.source)
        for identifier in source_identifiers(vignette.source):
            seen[identifier + (f"#{patient.group(1)}" if patient else "")].append(vignette.id)
    twice = {identifier: ids for identifier, ids in seen.items() if len(ids) > 1}
    assert not twice


def test_the_committed_coverage_count_is_current() -> None:
    assert (REAL / COVERAGE_FILE).read_text(encoding="utf-8") == coverage_markdown(REAL)


def test_the_committed_fitted_numbers_are_what_the_training_part_gives() -> None:
    committed = (default_data_dir() / FITTED_FILE).read_text(encoding="utf-8")
    assert committed == fitted_file_text(REAL / "train"), "run `popliteal kb fit`"


@pytest.mark.skipif(not TEST_PART.is_dir(), reason="the corpus has no test part yet")
def test_the_test_part_changes_only_with_an_entry_in_its_log() -> None:
    assert logged_hashes(TEST_LOG)[-1:] == [content_hash(TEST_PART)], (
        "the test part changed: add a line with its new hash to test-log.md")


@pytest.mark.skipif(not TEST_PART.is_dir(), reason="the corpus has no test part yet")
def test_the_split_is_the_one_the_seeded_script_draws(kb: KnowledgeBase) -> None:
    split = _split_script()

    def collected(part: str) -> list[Vignette]:
        return load_vignette_file(REAL / part / "collected.yaml", kb)

    train, test = collected("train"), collected("test")
    cases = [{"id": v.id, "gold": {"condition": v.gold_condition}} for v in train + test]
    # The split counted the cases already in train then: those seen before the corpus existed.
    seen = len(load_vignettes([REAL / "train" / "public-cases.yaml",
                               REAL / "train" / "published-cases.yaml"], kb))
    drawn_train, drawn_test = split.split(cases, seen)
    assert [c["id"] for c in drawn_test] == sorted(v.id for v in test)
    assert [c["id"] for c in drawn_train] == sorted(v.id for v in train)
