"""`popliteal kb show ID` and `popliteal kb reference`, run in-process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from popliteal.cli.main import app
from popliteal.docs import entries_for, knowledge_base_reference
from popliteal.knowledge import KnowledgeBase, default_data_dir, load_knowledge_base_from

runner = CliRunner()


def test_show_a_condition_prints_its_fields_and_every_likelihood_with_evidence(
        kb: KnowledgeBase) -> None:
    done = runner.invoke(app, ["kb", "show", "deep_vein_thrombosis"])
    assert done.exit_code == 0, done.output
    condition = kb.conditions["deep_vein_thrombosis"]
    assert f"**ICD-10:** {condition.icd10}" in done.output
    assert condition.prior.evidence in done.output
    for finding_id, cited in kb.likelihoods["deep_vein_thrombosis"].items():
        assert f"| {finding_id} | {kb.findings[finding_id].clinician} | {cited.p!r} | " \
               f"{cited.evidence} |" in done.output


def test_show_a_finding_lists_the_rules_and_scores_that_use_it() -> None:
    done = runner.invoke(app, ["kb", "show", "calf_swelling_3cm"])
    assert done.exit_code == 0, done.output
    assert "pulmonary_embolism_palpitations_with_leg_swelling (any_of)" in done.output
    assert "Wells DVT score: Calf swelling at least 3 cm larger" in done.output


def test_an_id_shared_by_a_finding_and_a_rule_shows_both() -> None:
    done = runner.invoke(app, ["kb", "show", "foot_drop", "--json"])
    assert done.exit_code == 0, done.output
    kinds = [entry["kind"] for entry in json.loads(done.output)["entries"]]
    assert kinds == ["finding", "red_flag"]


def test_show_a_source_lists_what_cites_it(kb: KnowledgeBase) -> None:
    done = runner.invoke(app, ["kb", "show", "R1", "--json"])
    shown = json.loads(done.output)
    assert shown["knowledge_base"] == kb.label
    cited_by = next(item for item in shown["entries"][0]["lists"] if item["label"] == "Cited by")
    assert "condition deep_vein_thrombosis: sources" in cited_by["items"]


def test_an_unknown_id_exits_4_with_a_message_and_no_traceback() -> None:
    done = runner.invoke(app, ["kb", "show", "no_such_thing"])
    assert done.exit_code == 4
    assert "no_such_thing" in done.output and "Traceback" not in done.output


def test_reference_check_fails_on_a_stale_file_and_passes_on_a_fresh_one(
        kb: KnowledgeBase, tmp_path: Path) -> None:
    target = tmp_path / "knowledge-base.md"
    target.write_text(knowledge_base_reference(kb).replace("0.", "0,", 1), encoding="utf-8")
    assert runner.invoke(app, ["kb", "reference", "--check", str(target)]).exit_code == 1
    assert runner.invoke(app, ["kb", "reference", "--output", str(target)]).exit_code == 0
    assert runner.invoke(app, ["kb", "reference", "--check", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == knowledge_base_reference(kb)


def test_show_follows_an_alias_to_the_renamed_entry(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    (data / "aliases.yaml").write_text(
        "format: popliteal-aliases/1\naliases:\n"
        "  - {old: lump_at_back_of_knee, new: swelling_behind_knee, kind: finding, since: '2026.12.0'}\n",
        encoding="utf-8")
    renamed = load_knowledge_base_from(data)
    assert [entry.id for entry in entries_for(renamed, "lump_at_back_of_knee")] == [
        "swelling_behind_knee"]
