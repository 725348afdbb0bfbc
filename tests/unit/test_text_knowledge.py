"""The lexicon and the context rules are data, checked on load against the knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from popliteal.errors import KnowledgeBaseError
from popliteal.knowledge import load_knowledge_base
from popliteal.text.lexicon import default_data_dir, load_lexicon, load_lexicon_from
from popliteal.text.mentions import MentionComponent
from popliteal.text.pipeline import normaliser, reading_pipeline


def test_every_lexicon_entry_names_a_real_finding() -> None:
    kb = load_knowledge_base()
    assert set(load_lexicon().findings) <= set(kb.findings)


READ_FROM_TIME = {"symptoms_over_6_weeks"}  # read from durations ("for three months")


def test_every_finding_a_person_can_report_has_lay_words() -> None:
    kb = load_knowledge_base()
    patient = {f.id for f in kb.findings.values() if f.ask == "patient"}
    assert patient - set(load_lexicon().findings) == READ_FROM_TIME


def test_every_phrase_of_the_lexicon_compiles() -> None:
    nlp = reading_pipeline()
    MentionComponent(nlp, load_lexicon(), normaliser(nlp))


def _copy_with(tmp_path: Path, edit: dict[str, object]) -> Path:
    for name in ("findings.yaml", "lexicon.yaml", "context_rules.yaml"):
        shutil.copy(default_data_dir() / name, tmp_path / name)
    data = yaml.safe_load((tmp_path / "lexicon.yaml").read_text(encoding="utf-8"))
    data["findings"].update(edit)
    (tmp_path / "lexicon.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return tmp_path


def test_an_unknown_finding_id_is_an_error_naming_file_and_key(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, {"sore_elbow": {"phrases": ["elbow"]}})
    with pytest.raises(KnowledgeBaseError) as error:
        load_lexicon_from(folder)
    assert "lexicon.yaml: findings.sore_elbow: unknown finding id" in str(error.value)


def test_an_empty_entry_is_an_error_naming_file_and_key(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, {"fever": {}})
    with pytest.raises(KnowledgeBaseError) as error:
        load_lexicon_from(folder)
    assert "lexicon.yaml: findings.fever" in str(error.value)


def test_a_combination_with_an_unknown_term_is_an_error(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, {"pain_calf": {"combinations": [["pain", "elbow"]]}})
    with pytest.raises(KnowledgeBaseError) as error:
        load_lexicon_from(folder)
    assert "findings.pain_calf.combinations: 'elbow' is not a site term" in str(error.value)


def test_a_bad_context_rule_is_an_error_naming_the_file(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, {})
    rules = yaml.safe_load((folder / "context_rules.yaml").read_text(encoding="utf-8"))
    rules["rules"].append({"phrase": "nope", "category": "sometimes"})
    (folder / "context_rules.yaml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        load_lexicon_from(folder)
    assert "context_rules.yaml: rules." in str(error.value)


def test_every_context_rule_category_is_documented_in_its_file() -> None:
    text = (default_data_dir() / "context_rules.yaml").read_text(encoding="utf-8")
    for rule in load_lexicon().context.rules:
        assert f"#   {rule.category}" in text


def test_a_side_refining_an_unknown_site_is_an_error(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, {})
    data = yaml.safe_load((folder / "lexicon.yaml").read_text(encoding="utf-8"))
    data["terms"]["outer_side"]["refines"] = {"back_of_knee": "elbow"}
    (folder / "lexicon.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        load_lexicon_from(folder)
    assert "terms.outer_side.refines: 'elbow' is not a site term" in str(error.value)
