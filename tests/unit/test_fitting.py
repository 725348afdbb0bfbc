"""Fitted numbers: the expert estimate as a Beta prior, moved by what real cases state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from popliteal.engine.evidence import Sex
from popliteal.errors import KnowledgeBaseError
from popliteal.evaluation.vignettes import Vignette
from popliteal.fitting import finding_counts
from popliteal.fitting.crossval import folds
from popliteal.fitting.procedure import expert_knowledge_base
from popliteal.knowledge import default_data_dir, load_knowledge_base_from
from popliteal.knowledge.fitted import Counts, apply_fit
from popliteal.knowledge.model import Fit, blended
from popliteal.levels import Level


def case(ident: str, condition: str, findings: dict[str, bool], sex: Sex = "male") -> Vignette:
    return Vignette(id=ident, path="t", source="t", age=50, sex=sex, narrative="",
                    narrative_findings={}, findings=findings, gold_condition=condition,
                    also_acceptable=(), gold_triage=Level.CONSULTATION)


def test_the_blend_is_the_beta_posterior_mean() -> None:
    assert blended(0.5, k=3, n=4, weight=4) == 0.625
    assert blended(0.2, k=0, n=0, weight=4) == 0.2


def test_more_cases_pull_the_number_further_from_the_estimate() -> None:
    few, many = blended(0.2, 2, 2, 4), blended(0.2, 20, 20, 4)
    assert 0.2 < few < many < 1.0


def test_a_heavy_weight_keeps_the_expert_estimate() -> None:
    assert blended(0.3, 5, 5, 1e6) == pytest.approx(0.3, abs=1e-5)


def test_a_leak_pulls_every_answer_toward_the_findings_background_rate() -> None:
    fit = Fit(prior=0.9, k=0, n=0, weight=4, leak=0.2, background=0.1)
    assert fit.p == 0.74
    assert Fit(prior=0.02, k=0, n=0, weight=4, leak=0.2, background=0.1).p == 0.036


def test_counts_use_only_what_a_case_states() -> None:
    counts = finding_counts([
        case("a", "bakers_cyst", {"lump_behind_knee": True, "calf_swelling": False}),
        case("b", "bakers_cyst", {"lump_behind_knee": False}),
        case("c", "deep_vein_thrombosis", {"calf_swelling": True}),
    ])
    assert counts["bakers_cyst"] == {"calf_swelling": Counts(0, 1), "lump_behind_knee": Counts(1, 2)}
    assert counts["deep_vein_thrombosis"] == {"calf_swelling": Counts(1, 1)}


def test_a_fitted_number_keeps_its_estimate_its_counts_and_its_evidence() -> None:
    expert = expert_knowledge_base()
    before = expert.likelihood("bakers_cyst", "lump_behind_knee")
    fitted = apply_fit(expert, {"bakers_cyst": {"lump_behind_knee": Counts(3, 4)}}, 4)
    after = fitted.likelihood("bakers_cyst", "lump_behind_knee")
    assert after.fit is not None
    assert (after.fit.prior, after.fit.k, after.fit.n) == (before.p, 3, 4)
    assert after.p == round(blended(before.p, 3, 4, 4), 4)
    assert before.expert in after.evidence and "3 of 4 real training cases" in after.evidence


def test_a_pair_without_an_entry_is_fitted_on_the_findings_default() -> None:
    expert = expert_knowledge_base()
    assert "fever" not in expert.likelihoods["fabella_syndrome"]
    fitted = apply_fit(expert, {"fabella_syndrome": {"fever": Counts(0, 2)}}, 4)
    assert fitted.likelihood("fabella_syndrome", "fever").fit.prior == expert.findings["fever"].default.p  # type: ignore[union-attr]


def test_folds_deal_each_diagnosis_across_the_folds_the_same_way_every_run() -> None:
    cases = [case(f"{c}-{i}", c, {}) for c in ("bakers_cyst", "pcl_injury") for i in range(5)]
    first, second = folds(cases, 5), folds(list(reversed(cases)), 5)
    assert [[v.id for v in f] for f in first] == [[v.id for v in f] for f in second]
    assert all(len({v.gold_condition for v in f}) == 2 for f in first)


def test_a_fitted_count_for_an_unknown_finding_names_file_and_key(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    (data / "fitted.yaml").write_text(
        "format: popliteal-fitted/1\nweight: 4\nfitted:\n  bakers_cyst:\n    no_such: {k: 1, n: 2}\n")
    with pytest.raises(KnowledgeBaseError, match=r"fitted\.yaml: bakers_cyst\.no_such: unknown finding"):
        load_knowledge_base_from(data)


def test_a_count_above_its_total_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    (data / "fitted.yaml").write_text(
        "format: popliteal-fitted/1\nweight: 4\nfitted:\n  bakers_cyst:\n    fever: {k: 3, n: 2}\n")
    with pytest.raises(KnowledgeBaseError, match="k cannot exceed n"):
        load_knowledge_base_from(data)
