"""Meta-tests that walk the whole knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from popliteal.errors import KnowledgeBaseError
from popliteal.knowledge import (
    KnowledgeBase,
    check_knowledge_base,
    default_data_dir,
    load_knowledge_base_from,
)
from popliteal.levels import Level

REQUIRED_CONDITIONS = {
    "hamstring_strain", "distal_hamstring_injury", "gastrocnemius_strain", "bakers_cyst",
    "ruptured_bakers_cyst", "deep_vein_thrombosis", "superficial_thrombophlebitis",
    "popliteal_artery_aneurysm", "popliteal_artery_entrapment", "cystic_adventitial_disease",
    "acute_limb_ischaemia", "meniscal_tear", "pcl_injury", "posterolateral_corner_injury",
    "popliteus_injury", "knee_osteoarthritis", "inflammatory_arthritis", "septic_arthritis",
    "lumbar_radiculopathy", "nerve_entrapment", "compartment_syndrome", "fabella_syndrome",
    "cellulitis", "fracture_or_dislocation", "soft_tissue_tumour", "calf_haematoma",
}


def test_the_packaged_knowledge_base_has_no_problems() -> None:
    assert check_knowledge_base() == []


def test_every_required_condition_is_present(kb: KnowledgeBase) -> None:
    assert set(kb.conditions) >= REQUIRED_CONDITIONS


def test_there_are_at_least_seventy_findings(kb: KnowledgeBase) -> None:
    assert len(kb.findings) >= 70


def test_every_condition_cites_known_sources(kb: KnowledgeBase) -> None:
    for condition in kb.conditions.values():
        assert condition.sources, condition.id
        assert set(condition.sources) <= set(kb.sources), condition.id


def test_every_number_has_a_source_or_an_estimate_reason(kb: KnowledgeBase) -> None:
    cited = [f.default for f in kb.findings.values()]
    cited += [c.prior for c in kb.conditions.values()]
    cited += [entry for row in kb.likelihoods.values() for entry in row.values()]
    for entry in cited:
        assert entry.source in kb.sources or (entry.estimate and entry.estimate.strip())


def test_every_finding_has_a_patient_question_and_a_clinician_wording(kb: KnowledgeBase) -> None:
    for finding in kb.findings.values():
        assert finding.question.endswith("?"), finding.id
        assert finding.clinician, finding.id


def test_every_condition_has_advice_and_a_safety_net(kb: KnowledgeBase) -> None:
    for condition in kb.conditions.values():
        assert condition.self_care and condition.safety_net and condition.management


def test_emergency_conditions_need_at_least_an_emergency(kb: KnowledgeBase) -> None:
    for condition_id in ("acute_limb_ischaemia", "septic_arthritis", "compartment_syndrome"):
        assert kb.conditions[condition_id].care_level >= Level.EMERGENCY


def test_every_red_flag_rule_names_known_findings_and_explains_itself(kb: KnowledgeBase) -> None:
    for rule in kb.red_flags:
        assert set(rule.finding_ids) <= set(kb.findings), rule.id
        assert len(rule.reason) > 20, rule.id


@pytest.mark.parametrize("theme", [
    ("breathlessness", Level.EMERGENCY_AMBULANCE),   # PE symptoms with leg signs
    ("foot_pale_or_blue", Level.EMERGENCY),         # the 6 Ps
    ("tense_calf", Level.EMERGENCY),                # compartment syndrome
    ("hot_swollen_knee", Level.EMERGENCY),          # septic arthritis
    ("saddle_numbness", Level.EMERGENCY),           # cauda equina
    ("lump_pulsatile", Level.CONSULTATION),         # popliteal aneurysm
])
def test_the_required_red_flag_themes_exist(kb: KnowledgeBase, theme: tuple[str, Level]) -> None:
    finding_id, level = theme
    assert any(rule.fires(frozenset({finding_id})) and rule.level >= level for rule in kb.red_flags)


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target


def _edit(path: Path, edit: object) -> None:
    document = yaml.safe_load(path.read_text())
    edit(document)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(document, sort_keys=False))


def test_a_probability_of_one_is_reported_with_file_and_key(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _edit(data / "likelihoods.yaml",
          lambda d: d["likelihoods"]["bakers_cyst"].update(
              {"lump_behind_knee": {"p": 1.0, "estimate": "x"}}))
    problems = check_knowledge_base(data)
    assert any(p.startswith("likelihoods.yaml: bakers_cyst.lump_behind_knee") for p in problems)


def test_an_uncited_number_is_an_error(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _edit(data / "likelihoods.yaml",
          lambda d: d["likelihoods"]["bakers_cyst"].update({"lump_behind_knee": {"p": 0.5}}))
    assert any("bakers_cyst.lump_behind_knee" in p for p in check_knowledge_base(data))


def test_a_dangling_finding_id_is_an_error(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _edit(data / "red_flags.yaml", lambda d: d["rules"][0].update({"any_of": ["no_such_finding"]}))
    problems = check_knowledge_base(data)
    assert any("red_flags.yaml" in p and "no_such_finding" in p for p in problems)


def test_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _edit(data / "conditions.yaml", lambda d: d["conditions"][0].update({"colour": "red"}))
    problems = check_knowledge_base(data)
    assert any("conditions.yaml" in p and "colour" in p for p in problems)


def test_an_unknown_source_is_an_error(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _edit(data / "conditions.yaml", lambda d: d["conditions"][0].update({"sources": ["R999"]}))
    assert any("R999" in p for p in check_knowledge_base(data))


def test_loading_a_broken_knowledge_base_raises_with_every_problem(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "sources.yaml").write_text("format: popliteal-sources/1\nsources: {}\n")
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base_from(data)
    assert raised.value.problems


def test_an_alias_maps_an_old_id_to_the_current_one(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    _edit(data / "aliases.yaml", lambda d: d.update(
        {"aliases": [{"old": "popliteal_swelling", "new": "swelling_behind_knee",
                      "kind": "finding", "since": "2026.11.0"}]}))
    kb = load_knowledge_base_from(data)
    assert kb.resolve_finding("popliteal_swelling") == "swelling_behind_knee"
