"""Posterior with full evidence: the engine's inner loop (target: median <= 1 ms)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from popliteal.engine.evidence import Patient
from popliteal.engine.posterior import compile_model, posterior
from popliteal.evaluation.vignettes import load_vignettes
from popliteal.knowledge import load_knowledge_base

DEV = Path(__file__).resolve().parents[2] / "vignettes" / "dev"


def test_posterior_with_the_largest_vignette(benchmark: Any) -> None:
    kb = load_knowledge_base()
    model = compile_model(kb)
    vignette = max(load_vignettes([DEV], kb), key=lambda v: len(v.findings))
    patient = Patient(age=vignette.age, sex=vignette.sex)  # type: ignore[arg-type]
    result = benchmark(posterior, model, patient, vignette.findings)
    assert abs(sum(result.values()) - 1.0) < 1e-9


def test_posterior_with_every_finding_known(benchmark: Any) -> None:
    kb = load_knowledge_base()
    model = compile_model(kb)
    findings = {f: i % 3 == 0 for i, f in enumerate(sorted(kb.findings))}
    result = benchmark(posterior, model, Patient(age=60, sex="female"), findings)
    assert abs(sum(result.values()) - 1.0) < 1e-9
