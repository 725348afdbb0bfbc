"""Facts files, coverage and absorbing: what the knowledge base cannot yet say about a case."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from popliteal.corpus import corpus_coverage, load_facts, render_coverage, source_identifiers
from popliteal.corpus.absorb import absorb
from popliteal.errors import VignetteFileError
from popliteal.knowledge import KnowledgeBase

CASES = """# a header that survives rewriting
format: popliteal-vignettes/1
vignettes:
  - id: c-1
    source: "A case. doi:10.1000/xyz123. Read at https://www.example.org/case/1/"
    age: 40
    sex: male
    narrative: My calf hurts and it cramps.
    narrative_findings: {pain_calf: true}
    findings: {pain_calf: true}
    gold: {condition: deep_vein_thrombosis, also_acceptable: [], triage: consultation_24}
"""
FACTS = """format: popliteal-case-facts/1
cases:
  c-1:
    - {fact: calf cramps, finding: calf_cramping_pain, present: true, in_narrative: true}
    - {fact: calf swollen, finding: swollen_lower_leg, present: true, in_narrative: false}
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "cases.yaml").write_text(CASES)
    (tmp_path / "cases.facts.yaml").write_text(FACTS)
    return tmp_path


def test_a_facts_file_lists_each_uncovered_fact_with_the_finding_it_needs(corpus: Path) -> None:
    facts = load_facts(corpus / "cases.facts.yaml")["c-1"]
    assert [(f.finding, f.present, f.in_narrative) for f in facts] == [
        ("calf_cramping_pain", True, True), ("swollen_lower_leg", True, False)]


def test_a_fact_without_a_finding_id_is_named_with_file_case_and_field(tmp_path: Path) -> None:
    path = tmp_path / "x.facts.yaml"
    path.write_text("format: popliteal-case-facts/1\ncases:\n  c-9:\n    - {fact: odd}\n")
    with pytest.raises(VignetteFileError, match=r"x\.facts\.yaml, vignette c-9, field finding"):
        load_facts(path)


def test_coverage_counts_facts_no_finding_expresses(corpus: Path, kb: KnowledgeBase) -> None:
    row = corpus_coverage(kb, "train", corpus, {})
    assert (row.cases, row.uncovered, row.waiting, row.unchecked) == (1, 2, 0, ())
    assert "| `calf_cramping_pain` | 1 |" in render_coverage([row], detailed=("train",))


def test_a_mapped_fact_waits_and_absorbing_moves_it_into_the_case(corpus: Path,
                                                                  kb: KnowledgeBase) -> None:
    finding_map = {"swollen_lower_leg": "calf_swelling"}
    assert corpus_coverage(kb, "train", corpus, finding_map).waiting == 1
    done = absorb(kb, corpus, finding_map)
    assert (done.files, done.facts) == (1, 1)
    case = yaml.safe_load((corpus / "cases.yaml").read_text())["vignettes"][0]
    assert case["findings"] == {"pain_calf": True, "calf_swelling": True}
    assert case["narrative_findings"] == {"pain_calf": True}
    assert (corpus / "cases.yaml").read_text().startswith("# a header that survives rewriting\n")
    left = load_facts(corpus / "cases.facts.yaml")["c-1"]
    assert [f.finding for f in left] == ["calf_cramping_pain"]


def test_a_sign_stated_anywhere_in_a_findings_definition_makes_it_present(
        corpus: Path, kb: KnowledgeBase) -> None:
    (corpus / "cases.facts.yaml").write_text(
        "format: popliteal-case-facts/1\ncases:\n  c-1:\n"
        "    - {fact: not tender at the sit bone, finding: sit_bone, present: false}\n"
        "    - {fact: tender along the tendon, finding: tendon, present: true}\n"
        "    - {fact: no pain in the shin, finding: shin, present: false}\n")
    done = absorb(kb, corpus, {"sit_bone": "thigh_tenderness", "tendon": "thigh_tenderness",
                               "shin": "pain_calf"})
    case = yaml.safe_load((corpus / "cases.yaml").read_text())["vignettes"][0]
    assert case["findings"]["thigh_tenderness"] is True
    assert case["findings"]["pain_calf"] is True
    assert len(done.resolved) == 2


def test_a_case_without_a_facts_entry_counts_as_not_yet_checked(corpus: Path,
                                                                kb: KnowledgeBase) -> None:
    (corpus / "cases.facts.yaml").write_text("format: popliteal-case-facts/1\ncases: {}\n")
    assert corpus_coverage(kb, "train", corpus, {}).unchecked == ("c-1",)


def test_a_source_is_identified_by_doi_pmid_and_address_whatever_the_spelling() -> None:
    one = source_identifiers("Smith. doi:10.1000/XYZ123. https://www.example.org/case/1/")
    two = source_identifiers("Smith (https://doi.org/10.1000/xyz123); example.org")
    assert "doi:10.1000/xyz123" in one & two
    assert "url:example.org/case/1" in one
    assert source_identifiers("PMID: 22146368") == {"pmid:22146368"}
