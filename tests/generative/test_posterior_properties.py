"""Properties that pin the maths of the posterior and the triage, against a brute-force reference."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from popliteal.engine.assessment import run_assessment
from popliteal.engine.evidence import Patient
from popliteal.engine.posterior import compile_model, posterior
from popliteal.engine.reference import reference_posterior
from popliteal.engine.scores import WELLS_ITEMS, wells_score
from popliteal.knowledge import load_knowledge_base

KB = load_knowledge_base()
MODEL = compile_model(KB)
FINDING_IDS = sorted(KB.findings)
SOLO_RED_FLAGS = sorted(KB.solo_red_flags)

patients = st.builds(Patient, age=st.integers(16, 110), sex=st.sampled_from(["female", "male"]))
findings_maps = st.dictionaries(st.sampled_from(FINDING_IDS), st.booleans(), max_size=30)


@settings(max_examples=150, deadline=None)
@given(patients, findings_maps)
def test_the_fast_posterior_matches_the_brute_force_reference(patient: Patient,
                                                             findings: dict[str, bool]) -> None:
    fast = posterior(MODEL, patient, findings)
    slow = reference_posterior(KB, patient, findings)
    for condition_id, value in slow.items():
        assert math.isclose(fast[condition_id], value, rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=150, deadline=None)
@given(patients, findings_maps)
def test_the_posterior_sums_to_one(patient: Patient, findings: dict[str, bool]) -> None:
    assert math.isclose(math.fsum(posterior(MODEL, patient, findings).values()), 1.0, abs_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(patients, findings_maps, st.randoms())
def test_answer_order_does_not_matter(patient: Patient, findings: dict[str, bool], rnd) -> None:  # type: ignore[no-untyped-def]
    items = list(findings.items())
    rnd.shuffle(items)
    assert posterior(MODEL, patient, dict(items)) == posterior(MODEL, patient, findings)


@settings(max_examples=150, deadline=None)
@given(patients, findings_maps, st.sampled_from(sorted(KB.conditions)))
def test_a_pertinent_negative_never_raises_its_condition(patient: Patient,
                                                        findings: dict[str, bool],
                                                        condition_id: str) -> None:
    """A finding that supports a condition (LR > 1), when answered 'no', cannot raise it."""
    supporting = [f for f in FINDING_IDS if f not in findings
                  and KB.likelihood(condition_id, f).p > max(
                      KB.likelihood(c, f).p for c in KB.conditions if c != condition_id)]
    if not supporting:
        return
    before = posterior(MODEL, patient, findings)[condition_id]
    for finding_id in supporting[:5]:
        after = posterior(MODEL, patient, {**findings, finding_id: False})[condition_id]
        assert after <= before + 1e-12


@settings(max_examples=120, deadline=None)
@given(patients, findings_maps, st.sampled_from(SOLO_RED_FLAGS))
def test_adding_a_present_red_flag_finding_never_lowers_the_level(patient: Patient,
                                                                 findings: dict[str, bool],
                                                                 red_flag: str) -> None:
    before = run_assessment(KB, patient, findings).level
    after = run_assessment(KB, patient, {**findings, red_flag: True}).level
    assert after >= before


@settings(max_examples=120, deadline=None)
@given(patients, findings_maps, st.sampled_from(SOLO_RED_FLAGS))
def test_a_red_flag_finding_sets_at_least_its_rule_level(patient: Patient,
                                                        findings: dict[str, bool],
                                                        red_flag: str) -> None:
    floor = max(r.level for r in KB.red_flags if r.fires(frozenset({red_flag})))
    assert run_assessment(KB, patient, {**findings, red_flag: True}).level >= floor


wells_ids = [f for f, _, _ in WELLS_ITEMS]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(wells_ids), st.booleans(), min_size=1),
       st.sampled_from(wells_ids), st.booleans())
def test_the_wells_score_only_rises_as_items_are_added(findings: dict[str, bool], item: str,
                                                      alternative: bool) -> None:
    before = wells_score(findings, alternative_as_likely=alternative)
    after = wells_score({**findings, item: True}, alternative_as_likely=alternative)
    assert before is not None and after is not None
    assert after.points >= before.points
