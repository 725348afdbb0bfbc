"""`popliteal corpus` and `popliteal kb fit`, run in-process on small corpora built here."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from popliteal.cli.main import app
from popliteal.corpus import content_hash

runner = CliRunner()

CASE = """format: popliteal-vignettes/1
vignettes:
  - id: c-1
    source: A case.
    age: 40
    sex: male
    narrative: My calf hurts.
    narrative_findings: {pain_calf: true}
    findings: {pain_calf: true}
    gold: {condition: deep_vein_thrombosis, also_acceptable: [], triage: consultation_24}
"""


def corpus(tmp_path: Path) -> Path:
    for part in ("train", "test"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "cases.yaml").write_text(CASE)
        (tmp_path / part / "cases.facts.yaml").write_text(
            "format: popliteal-case-facts/1\ncases:\n  c-1:\n"
            "    - {fact: it cramps, finding: cramping_calf_made_up, present: true}\n")
    return tmp_path


def test_coverage_writes_the_count_for_each_part(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    done = runner.invoke(app, ["corpus", "coverage", "--root", str(root), "--write"])
    assert done.exit_code == 0, done.output
    text = (root / "coverage.md").read_text()
    assert "| train | 1 | 0 | 1 | 0 |" in text and "| test | 1 | 0 | 1 | 0 |" in text
    assert "`cramping_calf_made_up`" in text


def test_hash_prints_the_test_parts_content_hash(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    done = runner.invoke(app, ["corpus", "hash", "--root", str(root)])
    assert done.exit_code == 0, done.output
    assert done.output.strip() == content_hash(root / "test")


def test_a_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    done = runner.invoke(app, ["corpus", "coverage", "--root", str(tmp_path / "nowhere")])
    assert done.exit_code == 2
    assert "not a folder with the real-case corpus" in done.output


def test_kb_fit_check_says_whether_the_committed_numbers_are_current(tmp_path: Path) -> None:
    done = runner.invoke(app, ["kb", "fit", "--check", "--corpus", str(corpus(tmp_path) / "train")])
    assert done.exit_code == 1
    assert "is stale" in done.output
    missing = runner.invoke(app, ["kb", "fit", "--corpus", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
